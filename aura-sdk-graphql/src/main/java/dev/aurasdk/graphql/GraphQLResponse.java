package dev.aurasdk.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The answer of a deployed Data API: {@code data} as a Jackson tree and the GraphQL {@code errors}
 * (a GraphQL response can carry both: partial data). Immutable; {@link #data()} returns a copy.
 * {@code toString()} does not print the data.
 */
public final class GraphQLResponse {
    private final int statusCode;
    private final JsonNode data;
    private final List<GraphQLError> errors;
    private final String url;

    GraphQLResponse(int statusCode, JsonNode data, List<GraphQLError> errors, String url) {
        this.statusCode = statusCode;
        this.data = data == null ? MissingNode.getInstance() : data;
        this.errors = List.copyOf(errors);
        this.url = url;
    }

    /** The HTTP status (200 normally; some servers answer 400 with GraphQL errors). @return the status */
    public int statusCode() {
        return statusCode;
    }

    /**
     * A copy of {@code data}: a missing node when the response had none, a null node when it was null.
     *
     * @return the data
     */
    public JsonNode data() {
        return data.deepCopy();
    }

    /** Whether {@code data} is present and not null. @return true when there is data */
    public boolean hasData() {
        return !data.isMissingNode() && !data.isNull();
    }

    /** The GraphQL errors. @return the errors, empty when none */
    public List<GraphQLError> errors() {
        return errors;
    }

    /** Whether there are GraphQL errors. @return true when {@link #errors()} is not empty */
    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /**
     * The data, when the response has no errors.
     *
     * @return a copy of the data
     * @throws GraphQLEndpointException carrying the errors, when there are any or no data came back
     */
    public JsonNode dataOrThrow() {
        if (hasErrors() || !hasData()) {
            String why = hasErrors()
                    ? errors.stream().map(GraphQLError::message).collect(Collectors.joining("; "))
                    : "no data in the response";
            throw new GraphQLEndpointException(
                    "GraphQL request to " + url + " failed: " + why, url, statusCode, errors, null);
        }
        return data();
    }

    @Override
    public String toString() {
        return "GraphQLResponse{status=" + statusCode + ", data=" + (hasData() ? "present" : "absent") + ", errors="
                + errors.size() + "}";
    }
}
