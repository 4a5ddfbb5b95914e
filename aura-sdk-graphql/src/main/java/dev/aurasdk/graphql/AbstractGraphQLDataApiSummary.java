package dev.aurasdk.graphql;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** A GraphQL Data API in a list, or as returned by a change (update, pause, resume, delete). */
@Value.Immutable
@JsonSerialize(as = GraphQLDataApiSummary.class)
@JsonDeserialize(as = GraphQLDataApiSummary.class)
abstract class AbstractGraphQLDataApiSummary {
    /** Data API id. */
    public abstract String id();

    /** Data API name. */
    public abstract String name();

    /** Current status (open: unknown statuses are kept). */
    public abstract GraphQLDataApiStatus status();

    /** The URL clients POST GraphQL requests to, such as {@code https://2f49c2b3.….graphql.neo4j.io/graphql}. */
    public abstract Optional<String> url();

    /** Whether the status is {@code ready}. @return true when ready */
    public boolean isReady() {
        return GraphQLDataApiStatus.READY.equals(status());
    }
}
