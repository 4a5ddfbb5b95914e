package dev.aurasdk.core;

/** Aura refused the request as invalid (HTTP 400, or 405/415/422): see {@link #errors()} for the fields. */
public class AuraBadRequestException extends AuraApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param details what the failed response carried
     */
    public AuraBadRequestException(ErrorDetails details) {
        super(details);
    }
}
