package dev.aurasdk.core.wait;

import dev.aurasdk.core.AuraTimeoutException;

/**
 * A wait's timeout passed before the operation finished. The operation goes on in Aura; only the
 * waiting stopped. (A single call exceeding its deadline is a plain {@link AuraTimeoutException}.)
 */
public class WaitTimeoutException extends AuraTimeoutException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what timed out and the last state seen
     * @param cause the last poll failure, or null
     */
    public WaitTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
