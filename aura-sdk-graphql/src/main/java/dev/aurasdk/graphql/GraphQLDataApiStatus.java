package dev.aurasdk.graphql;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.aurasdk.core.model.OpenEnum;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Status of a GraphQL Data API. Open: a status Aura adds later is kept as its string, never an error.
 *
 * <p>Transitions: create {@code creating → ready}; update, CORS and auth-provider changes
 * {@code updating → ready}; pause {@code pausing → paused}; resume {@code resuming → ready}; delete
 * {@code deleting → gone}. A schema Aura cannot load ends in {@code error}.
 */
public final class GraphQLDataApiStatus extends OpenEnum {
    private static final Map<String, GraphQLDataApiStatus> KNOWN = new ConcurrentHashMap<>();

    /** Being created. */
    public static final GraphQLDataApiStatus CREATING = known("creating");
    /** Applying a change (type definitions, CORS, credentials, auth providers). */
    public static final GraphQLDataApiStatus UPDATING = known("updating");
    /** Serving requests. */
    public static final GraphQLDataApiStatus READY = known("ready");
    /** Being deleted. */
    public static final GraphQLDataApiStatus DELETING = known("deleting");
    /** Being paused. */
    public static final GraphQLDataApiStatus PAUSING = known("pausing");
    /** Paused: not serving requests. */
    public static final GraphQLDataApiStatus PAUSED = known("paused");
    /** Being resumed. */
    public static final GraphQLDataApiStatus RESUMING = known("resuming");
    /** Failed, typically because the type definitions are invalid; the reason is in the API's errors. */
    public static final GraphQLDataApiStatus ERROR = known("error");

    private static final Set<GraphQLDataApiStatus> TRANSITIONAL =
            Set.of(CREATING, UPDATING, DELETING, PAUSING, RESUMING);

    private GraphQLDataApiStatus(String value, boolean known) {
        super(value, known);
    }

    private static GraphQLDataApiStatus known(String value) {
        GraphQLDataApiStatus status = new GraphQLDataApiStatus(value, true);
        KNOWN.put(value, status);
        return status;
    }

    /**
     * The status for a wire value.
     *
     * @param value the wire value, such as {@code ready}
     * @return the known constant, or a new unknown value that keeps the string
     */
    @JsonCreator
    public static GraphQLDataApiStatus of(String value) {
        GraphQLDataApiStatus status = KNOWN.get(Objects.requireNonNull(value, "value"));
        return status != null ? status : new GraphQLDataApiStatus(value, false);
    }

    /**
     * Whether this is a state on the way to another one ({@code creating}, {@code updating},
     * {@code deleting}, {@code pausing}, {@code resuming}).
     *
     * @return true for a transitional state
     */
    public boolean isTransitional() {
        return TRANSITIONAL.contains(this);
    }
}
