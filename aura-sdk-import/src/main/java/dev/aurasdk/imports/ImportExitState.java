package dev.aurasdk.imports;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.aurasdk.core.model.OpenEnum;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a finished import job ended ({@code info.exit_status.state}; open: an unknown value is kept).
 * This, not {@link ImportJobState}, decides success: a cancelled job reports state
 * {@code Completed} with exit state {@code Cancelled}.
 */
public final class ImportExitState extends OpenEnum {
    private static final Map<String, ImportExitState> KNOWN = new ConcurrentHashMap<>();

    /** The import finished successfully. */
    public static final ImportExitState SUCCESS = known("Success");
    /** The import failed; the exit status message says why. */
    public static final ImportExitState FAILURE = known("Failure");
    /** The import was cancelled. */
    public static final ImportExitState CANCELLED = known("Cancelled");

    private ImportExitState(String value, boolean known) {
        super(value, known);
    }

    private static ImportExitState known(String value) {
        ImportExitState state = new ImportExitState(value, true);
        KNOWN.put(value, state);
        return state;
    }

    /**
     * The exit state for a wire value.
     *
     * @param value the wire value, not null
     * @return the known constant, or a new unknown value that keeps the string
     */
    @JsonCreator
    public static ImportExitState of(String value) {
        ImportExitState state = KNOWN.get(Objects.requireNonNull(value, "value"));
        return state != null ? state : new ImportExitState(value, false);
    }
}
