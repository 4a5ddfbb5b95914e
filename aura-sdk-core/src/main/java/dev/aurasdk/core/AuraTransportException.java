package dev.aurasdk.core;

/** The request could not be completed on the network (connect failure, reset, TLS) after retries. */
public class AuraTransportException extends AuraException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, including the call
     * @param cause the I/O failure
     */
    public AuraTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
