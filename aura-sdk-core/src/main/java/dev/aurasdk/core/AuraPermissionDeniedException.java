package dev.aurasdk.core;

/** HTTP 403 that persisted after a fresh token: the credential lacks permission for this resource. */
public class AuraPermissionDeniedException extends AuraApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param details what the failed response carried
     */
    public AuraPermissionDeniedException(ErrorDetails details) {
        super(details);
    }
}
