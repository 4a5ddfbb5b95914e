package dev.aurasdk.core;

import java.time.Duration;
import java.util.Optional;

/** HTTP 429 that persisted through the retry policy. {@link #retryAfter()} says when to try again. */
public class AuraRateLimitedException extends AuraApiException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param details what the failed response carried
     */
    public AuraRateLimitedException(ErrorDetails details) {
        super(details);
        this.retryAfter = details.retryAfter().orElse(null);
    }

    /** The server's {@code Retry-After}, when it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
