package dev.aurasdk.core;

import java.util.List;
import java.util.Optional;

/**
 * Aura answered with an error status. Carries the status, Aura's error list, the {@code X-Request-Id}
 * to quote to Neo4j support, and how many attempts were made.
 */
public class AuraApiException extends AuraException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final transient List<AuraError> errors;
    private final String requestId;
    private final String method;
    private final String path;
    private final int attempts;
    private final transient ErrorDetails details;

    /**
     * Creates an exception from a failed response.
     *
     * @param details what the failed response carried
     */
    public AuraApiException(ErrorDetails details) {
        super(details.toMessage());
        this.statusCode = details.statusCode();
        this.errors = details.errors();
        this.requestId = details.requestId().orElse(null);
        this.method = details.method();
        this.path = details.path();
        this.attempts = details.attempts();
        this.details = details;
    }

    /**
     * Everything the failed response carried, for wrapping in a more specific exception.
     *
     * @return the details (empty only after Java deserialisation of this exception)
     */
    public Optional<ErrorDetails> details() {
        return Optional.ofNullable(details);
    }

    /** The HTTP status code. */
    public int statusCode() {
        return statusCode;
    }

    /** Aura's error list (empty when the body had none, for instance a proxy's HTML page). */
    public List<AuraError> errors() {
        return errors == null ? List.of() : errors;
    }

    /** The first error's reason, such as {@code db-not-found}, when there is one. */
    public Optional<String> reason() {
        return errors().stream()
                .map(AuraError::reason)
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** The {@code X-Request-Id} of the response, to quote to Neo4j support. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** The HTTP method of the failed call. */
    public String method() {
        return method;
    }

    /** The path of the failed call (no query string). */
    public String path() {
        return path;
    }

    /** How many attempts were made, including the failed one. */
    public int attempts() {
        return attempts;
    }
}
