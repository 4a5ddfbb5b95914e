package dev.aurasdk.core;

/** HTTP 5xx from Aura (or a proxy in front of it) that persisted through the retry policy. */
public class AuraServerException extends AuraApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param details what the failed response carried
     */
    public AuraServerException(ErrorDetails details) {
        super(details);
    }
}
