package dev.aurasdk.graphql;

import java.util.List;

/**
 * The Data API refused the credentials (HTTP 401, or 403): a wrong, disabled or deleted API key, or a
 * JWT that does not validate against the JWKS provider. The message never contains the key or token.
 */
public class GraphQLUnauthorizedException extends GraphQLEndpointException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened (no secrets)
     * @param url the endpoint URL
     * @param statusCode 401 or 403
     * @param errors GraphQL errors from the body, possibly empty
     */
    public GraphQLUnauthorizedException(String message, String url, int statusCode, List<GraphQLError> errors) {
        super(message, url, statusCode, errors, null);
    }
}
