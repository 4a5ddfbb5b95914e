package dev.aurasdk.core.http;

import dev.aurasdk.core.spi.Durations;
import java.time.Duration;
import java.util.Set;
import org.immutables.value.Value;

/**
 * When and how failed calls are retried.
 *
 * <p>Defaults: 3 attempts in total, exponential backoff from 500 ms capped at 8 s with full jitter,
 * {@code Retry-After} honoured up to 60 s. Retried: connect failures, timeouts, and statuses 408,
 * 429, 500, 502, 503, 504. <b>POST and PATCH are never resent once they may have reached the
 * server</b> (Aura has no idempotency keys: a resent create duplicates a billed resource); they are
 * retried only on 429 and on failures to connect.
 */
@Value.Immutable
abstract class AbstractRetryPolicy {
    /** Attempts in total, including the first (1 disables retries). */
    @Value.Default
    public int maxAttempts() {
        return 3;
    }

    /** Backoff before the first retry; doubles each retry. */
    @Value.Default
    public Duration initialBackoff() {
        return Duration.ofMillis(500);
    }

    /** Largest backoff between attempts. */
    @Value.Default
    public Duration maxBackoff() {
        return Duration.ofSeconds(8);
    }

    /** Full jitter: a backoff is uniformly random in [0, computed]. Off gives exact delays. */
    @Value.Default
    public boolean jitter() {
        return true;
    }

    /** Upper bound applied to a server's {@code Retry-After}. */
    @Value.Default
    public Duration maxRetryAfter() {
        return Duration.ofSeconds(60);
    }

    /** HTTP statuses that may be retried (429 for every method, the others for GET/PUT/DELETE). */
    @Value.Default
    public Set<Integer> retryableStatuses() {
        return Set.of(408, 429, 500, 502, 503, 504);
    }

    /** The default policy. @return the defaults */
    public static RetryPolicy defaults() {
        return RetryPolicy.builder().build();
    }

    /** A policy that never retries. @return one attempt only */
    public static RetryPolicy none() {
        return RetryPolicy.builder().maxAttempts(1).build();
    }

    /**
     * The backoff before retry number {@code retry} (1 for the first retry), before jitter.
     *
     * @param retry 1-based retry number
     * @return the un-jittered delay
     */
    public Duration backoffFor(int retry) {
        long base = initialBackoff().toMillis();
        long cap = maxBackoff().toMillis();
        int shift = Math.min(Math.max(retry - 1, 0), 30);
        long delay = base << shift;
        return Duration.ofMillis(delay < 0 || delay > cap ? cap : delay);
    }

    @Value.Check
    void check() {
        if (maxAttempts() < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts());
        }
        requirePositive("initialBackoff", initialBackoff());
        requirePositive("maxBackoff", maxBackoff());
        if (maxRetryAfter().isNegative()) {
            throw new IllegalArgumentException("maxRetryAfter must not be negative");
        }
        Durations.requireAtMost("maxRetryAfter", maxRetryAfter());
    }

    static void requirePositive(String name, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
        Durations.requireAtMost(name, d);
    }
}
