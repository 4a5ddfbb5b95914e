package dev.aurasdk.core.http;

import dev.aurasdk.core.spi.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * A client-wide request budget: at most {@code permits} requests in any window of {@code period}.
 * Aura allows 125 requests per minute per credential; the default matches. Every call and every
 * poll of one client shares it.
 */
public final class RateLimit {
    private static final RateLimit UNLIMITED = new RateLimit(0, Duration.ZERO);

    private final int permits;
    private final Duration period;

    private RateLimit(int permits, Duration period) {
        this.permits = permits;
        this.period = period;
    }

    /**
     * A limit of {@code permits} requests in any window of {@code period}.
     *
     * @param permits requests allowed per window, at least 1
     * @param period the window, positive
     * @return the limit
     */
    public static RateLimit of(int permits, Duration period) {
        Objects.requireNonNull(period, "period");
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, got " + permits);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, got " + period);
        }
        Durations.requireAtMost("period", period);
        return new RateLimit(permits, period);
    }

    /** Aura's documented limit: 125 requests per minute. @return the default */
    public static RateLimit auraDefault() {
        return of(125, Duration.ofMinutes(1));
    }

    /** No client-side limit (the server's 429s are still honoured). @return no limit */
    public static RateLimit unlimited() {
        return UNLIMITED;
    }

    /** Whether this limit is off. */
    public boolean isUnlimited() {
        return permits == 0;
    }

    /** Requests allowed per window (0 when unlimited). */
    public int permits() {
        return permits;
    }

    /** The window. */
    public Duration period() {
        return period;
    }

    @Override
    public String toString() {
        return isUnlimited() ? "unlimited" : permits + " per " + period;
    }
}
