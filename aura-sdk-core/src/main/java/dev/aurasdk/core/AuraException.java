package dev.aurasdk.core;

/**
 * Base of every exception the SDK throws. Unchecked; messages never contain secrets.
 */
public class AuraException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what went wrong
     */
    public AuraException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public AuraException(String message, Throwable cause) {
        super(message, cause);
    }
}
