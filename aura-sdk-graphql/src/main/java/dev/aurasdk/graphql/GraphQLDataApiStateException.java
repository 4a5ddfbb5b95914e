package dev.aurasdk.graphql;

import dev.aurasdk.core.AuraException;

/**
 * A wait cannot end as asked because the Data API went into a state that does not lead there, such as
 * {@code paused} or {@code deleting} while waiting for {@code ready}. The operation on Aura is not
 * affected; only the wait stops.
 */
public class GraphQLDataApiStateException extends AuraException {
    private static final long serialVersionUID = 1L;

    private final String apiId;
    private final String status;
    private final String expected;

    /**
     * Creates the exception.
     *
     * @param instanceId the instance
     * @param apiId the Data API
     * @param status the status read
     * @param expected the status waited for
     */
    public GraphQLDataApiStateException(
            String instanceId, String apiId, GraphQLDataApiStatus status, GraphQLDataApiStatus expected) {
        super("GraphQL Data API " + apiId + " (instance " + instanceId + ") is " + status + " and will not become "
                + expected + " by itself; waiting stopped");
        this.apiId = apiId;
        this.status = status.value();
        this.expected = expected.value();
    }

    /** The Data API id. @return the id */
    public String apiId() {
        return apiId;
    }

    /** The status that ended the wait. @return the status */
    public GraphQLDataApiStatus status() {
        return GraphQLDataApiStatus.of(status);
    }

    /** The status that was awaited. @return the status */
    public GraphQLDataApiStatus expected() {
        return GraphQLDataApiStatus.of(expected);
    }
}
