package dev.aurasdk.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One entry of a GraphQL response's {@code errors} array. */
@Value.Immutable
abstract class AbstractGraphQLError {
    /** The error message, as the server wrote it. */
    public abstract String message();

    /** Where in the result the error happened: field names (String) and list indexes (Integer). */
    public abstract List<Object> path();

    /** {@code extensions.code}, such as {@code UNAUTHENTICATED} or {@code FORBIDDEN}, when present. */
    public abstract Optional<String> code();

    /** The whole {@code extensions} object, when present (a snapshot: do not modify it). */
    @Value.Auxiliary
    public abstract Optional<JsonNode> extensions();
}
