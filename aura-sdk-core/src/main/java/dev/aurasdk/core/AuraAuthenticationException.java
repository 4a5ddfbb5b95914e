package dev.aurasdk.core;

/** Authentication failed: HTTP 401 from the API, or any refusal by the token endpoint (bad, revoked or deleted credentials). */
public class AuraAuthenticationException extends AuraApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param details what the failed response carried
     */
    public AuraAuthenticationException(ErrorDetails details) {
        super(details);
    }
}
