package dev.aurasdk.core;

/** HTTP 409: another operation is in progress on the resource (reason {@code ongoing-database-operation}). */
public class AuraConflictException extends AuraApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param details what the failed response carried
     */
    public AuraConflictException(ErrorDetails details) {
        super(details);
    }
}
