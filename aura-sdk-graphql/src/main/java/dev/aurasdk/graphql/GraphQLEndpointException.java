package dev.aurasdk.graphql;

import dev.aurasdk.core.AuraException;
import java.util.List;
import java.util.OptionalInt;

/**
 * A call to a deployed Data API failed: network failure, an HTTP status without a GraphQL body, or (from
 * {@link GraphQLResponse#dataOrThrow()}) GraphQL errors. Messages never contain the API key or JWT.
 */
public class GraphQLEndpointException extends AuraException {
    private static final long serialVersionUID = 1L;

    private final String url;
    private final int statusCode;
    private final transient List<GraphQLError> errors;

    /**
     * Creates the exception.
     *
     * @param message what went wrong (no secrets)
     * @param url the endpoint URL
     * @param statusCode the HTTP status, or -1 when no response arrived
     * @param errors GraphQL errors from the body, possibly empty
     * @param cause the underlying failure, may be null
     */
    public GraphQLEndpointException(
            String message, String url, int statusCode, List<GraphQLError> errors, Throwable cause) {
        super(message, cause);
        this.url = url;
        this.statusCode = statusCode;
        this.errors = List.copyOf(errors);
    }

    /** The endpoint URL. @return the URL */
    public String url() {
        return url;
    }

    /** The HTTP status, when a response arrived. @return the status */
    public OptionalInt statusCode() {
        return statusCode < 0 ? OptionalInt.empty() : OptionalInt.of(statusCode);
    }

    /** GraphQL errors from the response body. @return the errors, possibly empty */
    public List<GraphQLError> errors() {
        return errors == null ? List.of() : errors;
    }
}
