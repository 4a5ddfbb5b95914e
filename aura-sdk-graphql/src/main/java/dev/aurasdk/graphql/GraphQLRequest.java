package dev.aurasdk.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aurasdk.graphql.internal.GraphQLJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One GraphQL operation to send to a deployed Data API: the query document, variables and an optional
 * operation name. Immutable: the {@code with…} methods return copies. Variables are converted to JSON
 * when added (Java objects with Jackson, field names kept as written).
 *
 * <pre>{@code
 * GraphQLRequest.of("query Alerts($since: DateTime!) { alerts(where: { raisedAt: { gte: $since } }) { id } }")
 *         .withVariable("since", Instant.now().minus(Duration.ofDays(1)));
 * }</pre>
 *
 * <p>{@code toString()} shows the operation name and variable names, not variable values.
 */
public final class GraphQLRequest {
    private final String query;
    private final ObjectNode variables;
    private final String operationName;

    private GraphQLRequest(String query, ObjectNode variables, String operationName) {
        this.query = query;
        this.variables = variables;
        this.operationName = operationName;
    }

    /**
     * A request without variables.
     *
     * @param query the GraphQL document
     * @return the request
     * @throws IllegalArgumentException when the query is blank
     */
    public static GraphQLRequest of(String query) {
        Objects.requireNonNull(query, "query must not be null");
        if (query.isBlank()) {
            throw new IllegalArgumentException("query must not be blank");
        }
        return new GraphQLRequest(query, GraphQLJson.mapper().createObjectNode(), null);
    }

    /**
     * A copy whose variables are exactly these.
     *
     * @param variables name to value (values Jackson can write; {@code null} values are sent as JSON null)
     * @return the copy
     */
    public GraphQLRequest withVariables(Map<String, ?> variables) {
        Objects.requireNonNull(variables, "variables must not be null");
        ObjectNode node = GraphQLJson.mapper().createObjectNode();
        variables.forEach((k, v) -> node.set(Objects.requireNonNull(k, "variable name"), toJson(v)));
        return new GraphQLRequest(query, node, operationName);
    }

    /**
     * A copy with one more variable (or a new value for it).
     *
     * @param name the variable name, without {@code $}
     * @param value the value (Jackson-writable; {@code null} is sent as JSON null)
     * @return the copy
     */
    public GraphQLRequest withVariable(String name, Object value) {
        Objects.requireNonNull(name, "variable name must not be null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("variable name must not be blank");
        }
        ObjectNode node = variables.deepCopy();
        node.set(name.startsWith("$") ? name.substring(1) : name, toJson(value));
        return new GraphQLRequest(query, node, operationName);
    }

    /**
     * A copy that names the operation to run (needed when the document holds several).
     *
     * @param operationName the operation name
     * @return the copy
     */
    public GraphQLRequest withOperationName(String operationName) {
        Objects.requireNonNull(operationName, "operationName must not be null");
        if (operationName.isBlank()) {
            throw new IllegalArgumentException("operationName must not be blank");
        }
        return new GraphQLRequest(query, variables, operationName);
    }

    /** The GraphQL document. @return the query */
    public String query() {
        return query;
    }

    /** A copy of the variables as a JSON object (empty when none). @return the variables */
    public ObjectNode variables() {
        return variables.deepCopy();
    }

    /** The operation name. @return the name, when set */
    public Optional<String> operationName() {
        return Optional.ofNullable(operationName);
    }

    /** The JSON body: {@code query}, {@code variables} when any, {@code operationName} when set. */
    ObjectNode toBody() {
        ObjectNode body = GraphQLJson.mapper().createObjectNode();
        body.put("query", query);
        if (!variables.isEmpty()) {
            body.set("variables", variables.deepCopy());
        }
        if (operationName != null) {
            body.put("operationName", operationName);
        }
        return body;
    }

    private static JsonNode toJson(Object value) {
        try {
            return GraphQLJson.mapper().valueToTree(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("variable value cannot be written as JSON: "
                    + (value == null ? "null" : value.getClass().getName()));
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GraphQLRequest)) {
            return false;
        }
        GraphQLRequest other = (GraphQLRequest) o;
        return query.equals(other.query)
                && variables.equals(other.variables)
                && Objects.equals(operationName, other.operationName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(query, variables, operationName);
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = variables.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return "GraphQLRequest{operationName=" + (operationName == null ? "-" : operationName) + ", " + query.length()
                + " chars, variables=" + names + "}";
    }
}
