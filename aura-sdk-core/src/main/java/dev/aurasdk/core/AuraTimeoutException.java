package dev.aurasdk.core;

/**
 * A deadline passed: a call's overall deadline (retries included) or a wait's timeout. A wait that
 * times out does not cancel the operation on Aura; the message says so.
 */
public class AuraTimeoutException extends AuraException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what timed out
     */
    public AuraTimeoutException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the last failure seen before the deadline.
     *
     * @param message what timed out
     * @param cause the last failure
     */
    public AuraTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
