package dev.aurasdk.core.wait;

import dev.aurasdk.core.AuraTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * A wait's timeout passed before the operation finished. The operation goes on in Aura; only the
 * waiting stopped. (A single call exceeding its deadline is a plain {@link AuraTimeoutException}.)
 */
public class WaitTimeoutException extends AuraTimeoutException {
    private static final long serialVersionUID = 1L;

    /** The wait's timeout (Duration is serializable), or null. */
    private final Duration timeout;

    /**
     * Creates the exception.
     *
     * @param message what timed out and the last state seen
     * @param cause the last poll failure, or null
     */
    public WaitTimeoutException(String message, Throwable cause) {
        this(message, cause, null);
    }

    /**
     * Creates the exception.
     *
     * @param message what timed out and the last state seen
     * @param cause the last poll failure, or null
     * @param timeout the timeout the wait ran with, or null when unknown
     */
    public WaitTimeoutException(String message, Throwable cause, Duration timeout) {
        super(message, cause);
        this.timeout = timeout;
    }

    /**
     * The timeout the wait ran with (its {@link WaitOptions#timeout()}).
     *
     * @return the timeout, or empty when unknown
     */
    public Optional<Duration> waitTimeout() {
        return Optional.ofNullable(timeout);
    }
}
