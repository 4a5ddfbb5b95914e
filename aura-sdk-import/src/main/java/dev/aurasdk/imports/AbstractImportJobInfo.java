package dev.aurasdk.imports;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * State, times and progress of an import job ({@code info}). Every field is optional: Aura omits
 * most of them while a job is queued.
 */
@Value.Immutable
@JsonSerialize(as = ImportJobInfo.class)
@JsonDeserialize(as = ImportJobInfo.class)
abstract class AbstractImportJobInfo {
    /** Lifecycle state (open: unknown states kept). @return the state */
    public abstract Optional<ImportJobState> state();

    /** How the job ended, once it has. @return the exit status */
    public abstract Optional<ImportExitStatus> exitStatus();

    /** When the job was submitted. @return the time */
    public abstract Optional<Instant> submittedTime();

    /** When the job started running. @return the time */
    public abstract Optional<Instant> startTime();

    /** When the job finished. @return the time */
    public abstract Optional<Instant> completionTime();

    /** When cancellation was requested. @return the time */
    public abstract Optional<Instant> cancellationRequestedTime();

    /** When Aura last updated the job. @return the time */
    public abstract Optional<Instant> lastUpdateTime();

    /** Completion in percent, 0 to 100. @return the percentage */
    public abstract OptionalDouble percentageComplete();

    /** Per-mapping progress (only when requested with {@code progress=true}). @return the progress */
    public abstract Optional<ImportProgress> progress();
}
