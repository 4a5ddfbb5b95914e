package dev.aurasdk.core.internal.http;

import dev.aurasdk.core.http.RateLimit;
import dev.aurasdk.core.http.RequestBudget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * At most {@code permits} requests start in any window of {@code period}: a ring of the last
 * {@code permits} start times; a caller reserves the earliest slot that keeps the window within the
 * budget and sleeps outside the lock. A server 429 can pause every caller until its
 * {@code Retry-After}. Not API.
 */
public final class SlidingWindowRateLimiter implements RequestBudget {
    private final RateLimit limit;
    private final Clock clock;
    private final long[] starts;
    private int head;
    private long pausedUntil;

    /**
     * Creates a limiter.
     *
     * @param limit the budget
     * @param clock the clock
     */
    public SlidingWindowRateLimiter(RateLimit limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
        this.starts = new long[limit.isUnlimited() ? 0 : limit.permits()];
        java.util.Arrays.fill(starts, Long.MIN_VALUE);
    }

    /**
     * Reserves the next slot, unless it lies past the caller's deadline (then nothing is reserved, so
     * a caller that gives up does not push everyone else back).
     *
     * @param deadline the latest acceptable start
     * @return how long the caller must wait before sending (zero when it may send now), or empty when
     *     the earliest slot is after the deadline
     */
    @Override
    public Optional<Duration> reserve(Instant deadline) {
        long now = clock.millis();
        synchronized (this) {
            long slot = Math.max(now, pausedUntil);
            if (starts.length > 0) {
                long oldest = starts[head];
                if (oldest != Long.MIN_VALUE) {
                    slot = Math.max(slot, oldest + limit.period().toMillis());
                }
            }
            if (deadline.isBefore(Instant.ofEpochMilli(slot))) {
                return Optional.empty();
            }
            if (starts.length > 0) {
                starts[head] = slot;
                head = (head + 1) % starts.length;
            }
            return Optional.of(Duration.ofMillis(slot - now));
        }
    }

    /**
     * Holds every caller back until {@code until} (a server asked to slow down).
     *
     * @param until the instant before which no request starts
     */
    public synchronized void pauseUntil(Instant until) {
        pausedUntil = Math.max(pausedUntil, until.toEpochMilli());
    }

    @Override
    public void pause(Duration retryAfter) {
        pauseUntil(clock.instant().plus(retryAfter));
    }

    @Override
    public String toString() {
        return "in-process " + limit;
    }
}
