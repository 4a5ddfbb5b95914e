package dev.aurasdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Status of an Aura instance (open: an unknown status is kept, never an error). */
public final class InstanceStatus extends OpenEnum {
    private static final Map<String, InstanceStatus> KNOWN = new ConcurrentHashMap<>();

    /** Being created. */
    public static final InstanceStatus CREATING = known("creating");
    /** Being deleted. */
    public static final InstanceStatus DESTROYING = known("destroying");
    /** Being deleted (spelling seen in Aura's examples). */
    public static final InstanceStatus DELETING = known("deleting");
    /** Running and reachable. */
    public static final InstanceStatus RUNNING = known("running");
    /** Being paused. */
    public static final InstanceStatus PAUSING = known("pausing");
    /** Paused. */
    public static final InstanceStatus PAUSED = known("paused");
    /** Being suspended. */
    public static final InstanceStatus SUSPENDING = known("suspending");
    /** Suspended. */
    public static final InstanceStatus SUSPENDED = known("suspended");
    /** Being resumed. */
    public static final InstanceStatus RESUMING = known("resuming");
    /** Loading data. */
    public static final InstanceStatus LOADING = known("loading");
    /** Loading data failed. */
    public static final InstanceStatus LOADING_FAILED = known("loading failed");
    /** Being restored from a snapshot. */
    public static final InstanceStatus RESTORING = known("restoring");
    /** Being updated (resized). */
    public static final InstanceStatus UPDATING = known("updating");
    /** Being overwritten from another instance or snapshot. */
    public static final InstanceStatus OVERWRITING = known("overwriting");

    private InstanceStatus(String value, boolean known) {
        super(value, known);
    }

    private static InstanceStatus known(String value) {
        InstanceStatus status = new InstanceStatus(value, true);
        KNOWN.put(value, status);
        return status;
    }

    /**
     * The status for a wire value.
     *
     * @param value the wire value, not null
     * @return the known constant, or a new unknown value that keeps the string
     */
    @JsonCreator
    public static InstanceStatus of(String value) {
        InstanceStatus status = KNOWN.get(java.util.Objects.requireNonNull(value, "value"));
        return status != null ? status : new InstanceStatus(value, false);
    }
}
