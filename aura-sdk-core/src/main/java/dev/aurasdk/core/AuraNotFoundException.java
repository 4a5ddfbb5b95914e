package dev.aurasdk.core;

/** HTTP 404: the resource does not exist (or is not visible to this credential). */
public class AuraNotFoundException extends AuraApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param details what the failed response carried
     */
    public AuraNotFoundException(ErrorDetails details) {
        super(details);
    }
}
