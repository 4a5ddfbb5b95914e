package dev.aurasdk.imports;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * A snapshot of an import job ({@code GET …/import/jobs/{jobId}}). Immutable; everything Aura may
 * omit is optional. Success is decided by the exit status, not by the state: a cancelled job reports
 * state {@code Completed} with exit state {@code Cancelled}.
 *
 * <pre>{@code
 * ImportJob job = jobs.getWithProgress(jobId);
 * if (job.isTerminal() && !job.succeeded()) {
 *     log.warn("import {} ended {}: {}", job.id(), job.exitState().orElse(null), job.exitMessage().orElse(""));
 * }
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = ImportJob.class)
@JsonDeserialize(as = ImportJob.class)
abstract class AbstractImportJob {
    /** The job id (a UUID). @return the id */
    public abstract String id();

    /** The job's type as Aura reports it (open: {@code cloud}, {@code initial}, {@code online}, …). @return the type */
    public abstract Optional<ImportType> importType();

    /** State, times and progress (empty when Aura sent no {@code info}). @return the info */
    @Value.Default
    public ImportJobInfo info() {
        return ImportJobInfo.builder().build();
    }

    /** The data source read by the job. @return the data source */
    public abstract Optional<ImportDataSource> dataSource();

    /** The database written by the job. @return the target */
    public abstract Optional<ImportTarget> auraTarget();

    /** The user who created the job. @return the user id */
    public abstract Optional<String> userId();

    /** The lifecycle state ({@code info.state}). @return the state */
    public final Optional<ImportJobState> state() {
        return info().state();
    }

    /** The exit state ({@code info.exit_status.state}), once the job has ended. @return the exit state */
    public final Optional<ImportExitState> exitState() {
        return info().exitStatus().flatMap(ImportExitStatus::state);
    }

    /** Aura's exit message ({@code info.exit_status.message}); on failure, the reason. @return the message */
    public final Optional<String> exitMessage() {
        return info().exitStatus().flatMap(ImportExitStatus::message);
    }

    /** Completion in percent ({@code info.percentage_complete}). @return the percentage */
    public final OptionalDouble percentComplete() {
        return info().percentageComplete();
    }

    /** Per-mapping progress, when it was requested. @return the progress */
    public final Optional<ImportProgress> progress() {
        return info().progress();
    }

    /**
     * Whether the job has ended (it has an exit state). A job that ended will not change again.
     *
     * @return true once Aura reports an exit state
     */
    @JsonIgnore
    public final boolean isTerminal() {
        return exitState().isPresent();
    }

    /** Whether the job ended successfully (exit state {@code Success}). @return true on success */
    public final boolean succeeded() {
        return exitState().map(ImportExitState.SUCCESS::equals).orElse(false);
    }

    /** Whether the job ended with a failure (exit state {@code Failure}). @return true on failure */
    public final boolean failed() {
        return exitState().map(ImportExitState.FAILURE::equals).orElse(false);
    }

    /** Whether the job was cancelled (exit state {@code Cancelled}). @return true when cancelled */
    public final boolean cancelled() {
        return exitState().map(ImportExitState.CANCELLED::equals).orElse(false);
    }

    /**
     * Source rows processed, summed over all mappings; 0 without progress details.
     *
     * @return the sum
     */
    public final long rowsProcessed() {
        return progress().map(ImportProgress::rowsProcessed).orElse(0L);
    }

    /**
     * Source rows to process, summed over all mappings; 0 without progress details.
     *
     * @return the sum
     */
    public final long rowsTotal() {
        return progress().map(ImportProgress::rowsTotal).orElse(0L);
    }

    /**
     * A short description for logs, such as {@code Running 42.5% (1200/5000 rows)} or
     * {@code Completed/Failure}. Never contains secrets.
     *
     * @return the description
     */
    public final String summary() {
        StringBuilder sb = new StringBuilder(state().map(ImportJobState::value).orElse("unknown state"));
        exitState().ifPresent(e -> sb.append('/').append(e.value()));
        percentComplete().ifPresent(p -> sb.append(' ').append(String.format(Locale.ROOT, "%.1f%%", p)));
        progress()
                .ifPresent(p -> sb.append(" (")
                        .append(p.rowsProcessed())
                        .append('/')
                        .append(p.rowsTotal())
                        .append(" rows)"));
        return sb.toString();
    }
}
