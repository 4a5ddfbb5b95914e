package dev.aurasdk.imports;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.aurasdk.core.model.OpenEnum;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lifecycle state of an import job ({@code info.state}; open: an unknown state is kept, never an
 * error). A job reaches {@link #COMPLETED} whether it succeeded, failed or was cancelled: read the
 * outcome from {@link ImportJob#exitState()}, not from this state.
 */
public final class ImportJobState extends OpenEnum {
    private static final Map<String, ImportJobState> KNOWN = new ConcurrentHashMap<>();

    /** The job's secret (database credentials) was created. */
    public static final ImportJobState SECRET_CREATED = known("SecretCreated");
    /** The job's configuration was prepared. */
    public static final ImportJobState MODEL_CONFIG_MAP_OWNER_UPDATED = known("ModelConfigMapOwnerUpdated");
    /** Waiting to run. */
    public static final ImportJobState QUEUED = known("Queued");
    /** Importing. */
    public static final ImportJobState RUNNING = known("Running");
    /** Finished: successfully, with a failure, or cancelled (see the exit status). */
    public static final ImportJobState COMPLETED = known("Completed");

    private ImportJobState(String value, boolean known) {
        super(value, known);
    }

    private static ImportJobState known(String value) {
        ImportJobState state = new ImportJobState(value, true);
        KNOWN.put(value, state);
        return state;
    }

    /**
     * The state for a wire value.
     *
     * @param value the wire value, not null
     * @return the known constant, or a new unknown value that keeps the string
     */
    @JsonCreator
    public static ImportJobState of(String value) {
        ImportJobState state = KNOWN.get(Objects.requireNonNull(value, "value"));
        return state != null ? state : new ImportJobState(value, false);
    }
}
