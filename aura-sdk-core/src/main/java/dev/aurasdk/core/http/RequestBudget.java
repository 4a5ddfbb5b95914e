package dev.aurasdk.core.http;

import dev.aurasdk.core.internal.http.SlidingWindowRateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Gates every request of a client (each attempt of each call, each poll): the pluggable form of
 * {@link RateLimit}. The default is in-process ({@link #inProcess(RateLimit, Clock)}); a budget kept in a
 * shared store lets every process using one credential stay within Aura's limit together. Implementations
 * must be thread-safe and must not block for long: {@link #reserve(Instant)} returns how long to wait, the
 * caller waits (a synchronous call sleeps, an asynchronous one is scheduled).
 */
public interface RequestBudget {
    /**
     * Reserves the earliest slot for one request, unless it lies after {@code deadline} (then nothing is
     * reserved, so a caller that gives up does not push the others back).
     *
     * @param deadline the latest acceptable start
     * @return how long to wait before sending (zero: now), or empty when the earliest slot is after the
     *     deadline
     */
    Optional<Duration> reserve(Instant deadline);

    /**
     * The server answered 429 with {@code Retry-After}: no request of this budget starts within
     * {@code retryAfter} from now.
     *
     * @param retryAfter how long to hold every request back (already capped by the retry policy)
     */
    void pause(Duration retryAfter);

    /**
     * The in-process budget every client uses unless told otherwise: a sliding window over this client's
     * requests, and 429 pauses for this client only.
     *
     * @param limit the limit, or {@link RateLimit#unlimited()} (pauses still apply)
     * @param clock the clock
     * @return a new budget
     */
    static RequestBudget inProcess(RateLimit limit, Clock clock) {
        return new SlidingWindowRateLimiter(
                Objects.requireNonNull(limit, "limit"), Objects.requireNonNull(clock, "clock"));
    }
}
