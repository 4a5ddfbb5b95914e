package dev.aurasdk.testkit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A sliding-window limit of N requests per window per key, on the fake's clock. Thread-safe. */
public final class RateLimiter {
    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> seen = new HashMap<>();

    /** A limiter of {@code limit} requests per {@code window}. */
    public RateLimiter(int limit, Duration window) {
        if (limit < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("rate limit needs a positive count and window");
        }
        this.limit = limit;
        this.window = window;
    }

    /** Records a request; empty when allowed, else how long until one more would be allowed. */
    public synchronized Optional<Duration> acquire(String key, Instant now) {
        Deque<Instant> times = seen.computeIfAbsent(key, k -> new ArrayDeque<>());
        Instant horizon = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.pollFirst();
        }
        if (times.size() >= limit) {
            return Optional.of(Duration.between(now, times.peekFirst().plus(window)));
        }
        times.addLast(now);
        return Optional.empty();
    }

    /** The configured count. */
    public int limit() {
        return limit;
    }

    /** The configured window. */
    public Duration window() {
        return window;
    }
}
