package dev.aurasdk.graphql.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Remembers when this client last changed each Data API, so that a wait started right after a change
 * does not trust a stale {@code ready} (Aura's status lags a PATCH for a moment). Not API.
 */
public final class MutationTracker {
    private static final int PURGE_THRESHOLD = 256;

    private final ConcurrentMap<String, Instant> lastChange = new ConcurrentHashMap<>();
    private final Duration window;

    /**
     * Creates a tracker.
     *
     * @param window how long after a change its record matters
     */
    public MutationTracker(Duration window) {
        this.window = window;
    }

    /**
     * Records a change.
     *
     * @param instanceId the instance
     * @param apiId the Data API
     * @param at when the change was sent
     */
    public void record(String instanceId, String apiId, Instant at) {
        if (lastChange.size() >= PURGE_THRESHOLD) {
            Instant cutoff = at.minus(window);
            lastChange.values().removeIf(t -> t.isBefore(cutoff));
        }
        lastChange.merge(key(instanceId, apiId), at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /**
     * The last recorded change of an API.
     *
     * @param instanceId the instance
     * @param apiId the Data API
     * @return when it was sent, if recorded
     */
    public Optional<Instant> lastChange(String instanceId, String apiId) {
        return Optional.ofNullable(lastChange.get(key(instanceId, apiId)));
    }

    /**
     * Forgets a change once a wait has seen its effect (a later change is kept).
     *
     * @param instanceId the instance
     * @param apiId the Data API
     * @param at the change the wait covered
     */
    public void settled(String instanceId, String apiId, Instant at) {
        lastChange.computeIfPresent(key(instanceId, apiId), (k, v) -> v.isAfter(at) ? v : null);
    }

    private static String key(String instanceId, String apiId) {
        return instanceId + "/" + apiId;
    }
}
