package dev.aurasdk.core;

/**
 * Aura answered with a success status but a body the SDK could not read (malformed JSON, a value of
 * the wrong type). The message names the call and the JSON path, never the body's content.
 */
public class AuraDecodingException extends AuraException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the call, status, request id and JSON path of the problem
     */
    public AuraDecodingException(String message) {
        super(message);
    }
}
