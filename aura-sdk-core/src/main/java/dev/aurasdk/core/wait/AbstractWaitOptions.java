package dev.aurasdk.core.wait;

import dev.aurasdk.core.spi.Durations;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * How a waiter polls: first poll after {@link #initialDelay()} (1 s), each interval
 * {@link #multiplier()} (1.5) times the previous up to {@link #maxInterval()} (30 s), with
 * {@link #jitter()} (±10 %), until {@link #timeout()} (30 min). A resource that answers 404 within
 * {@link #notFoundGrace()} (60 s) of the start is treated as not visible yet. The client's poll planner
 * follows this backoff for waits whose resource reports no progress, rounding each poll up to its next free
 * slot of the rate budget (its grid replaces the jitter), and plans import jobs from their progress.
 */
@Value.Immutable
abstract class AbstractWaitOptions {
    /** Delay before the first poll. */
    @Value.Default
    public Duration initialDelay() {
        return Duration.ofSeconds(1);
    }

    /** Growth factor of the interval between polls (at least 1). */
    @Value.Default
    public double multiplier() {
        return 1.5;
    }

    /** Largest interval between polls. */
    @Value.Default
    public Duration maxInterval() {
        return Duration.ofSeconds(30);
    }

    /** Relative jitter applied to each interval, in [0, 1): 0.1 means ±10 %. */
    @Value.Default
    public double jitter() {
        return 0.1;
    }

    /** Give up after this long (the operation on Aura goes on). */
    @Value.Default
    public Duration timeout() {
        return Duration.ofMinutes(30);
    }

    /** How long a 404 right after the start counts as "not visible yet" instead of an error. */
    @Value.Default
    public Duration notFoundGrace() {
        return Duration.ofSeconds(60);
    }

    /** Default options. @return the defaults */
    public static WaitOptions defaults() {
        return WaitOptions.builder().build();
    }

    /**
     * The interval after {@code interval}, before jitter.
     *
     * @param interval the previous interval
     * @return the next interval, capped
     */
    public Duration next(Duration interval) {
        long next = (long) (interval.toMillis() * multiplier());
        return Duration.ofMillis(Math.min(Math.max(next, 1), maxInterval().toMillis()));
    }

    @Value.Check
    void check() {
        if (initialDelay().isNegative()) {
            throw new IllegalArgumentException("initialDelay must not be negative, got " + initialDelay());
        }
        if (maxInterval().isNegative() || maxInterval().isZero()) {
            throw new IllegalArgumentException("maxInterval must be positive, got " + maxInterval());
        }
        if (timeout().isNegative() || timeout().isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout());
        }
        if (notFoundGrace().isNegative()) {
            throw new IllegalArgumentException("notFoundGrace must not be negative, got " + notFoundGrace());
        }
        Durations.requireAtMost("initialDelay", initialDelay());
        Durations.requireAtMost("maxInterval", maxInterval());
        Durations.requireAtMost("timeout", timeout());
        Durations.requireAtMost("notFoundGrace", notFoundGrace());
        if (!(multiplier() >= 1.0) || Double.isInfinite(multiplier())) {
            throw new IllegalArgumentException("multiplier must be at least 1, got " + multiplier());
        }
        if (!(jitter() >= 0.0 && jitter() < 1.0)) {
            throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter());
        }
    }
}
