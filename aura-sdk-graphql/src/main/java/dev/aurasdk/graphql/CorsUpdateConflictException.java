package dev.aurasdk.graphql;

import dev.aurasdk.core.AuraException;
import java.util.ArrayList;
import java.util.List;

/**
 * A CORS change kept being lost: after each PATCH (and the wait for {@code ready}), re-reading the API
 * showed that another writer had replaced the origin list without this change, more times than allowed.
 * Aura offers no conditional update, so concurrent editors of one API's CORS policy must coordinate.
 */
public class CorsUpdateConflictException extends AuraException {
    private static final long serialVersionUID = 1L;

    private final int attempts;
    private final ArrayList<String> lastSeen;

    /**
     * Creates the exception.
     *
     * @param apiId the Data API
     * @param change what was asked, for the message
     * @param attempts PATCHes sent
     * @param lastSeen the origins read after the last attempt
     */
    public CorsUpdateConflictException(String apiId, String change, int attempts, List<String> lastSeen) {
        super("CORS change on GraphQL Data API " + apiId + " (" + change + ") was overwritten by a concurrent "
                + "update " + attempts + " time(s); last origins read: " + lastSeen);
        this.attempts = attempts;
        this.lastSeen = new ArrayList<>(lastSeen);
    }

    /** How many PATCHes were sent. @return the attempts */
    public int attempts() {
        return attempts;
    }

    /** The origins read after the last attempt. @return the origins */
    public List<String> lastSeenOrigins() {
        return List.copyOf(lastSeen);
    }
}
