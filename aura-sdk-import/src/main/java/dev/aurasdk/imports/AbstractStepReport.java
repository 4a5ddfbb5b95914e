package dev.aurasdk.imports;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** What happened to one pipeline step: outcome, the job id of every attempt, duration and rows. */
@Value.Immutable
abstract class AbstractStepReport {
    /** The step. @return the step */
    public abstract ImportStep step();

    /** How the step ended. @return the outcome */
    public abstract StepOutcome outcome();

    /** The job id of every attempt that created a job, in order. @return the ids */
    public abstract List<String> jobIds();

    /** Attempts made (0 when skipped). @return the count */
    public abstract int attempts();

    /** Time from the first attempt's start to the step's end. @return the duration */
    public abstract Duration duration();

    /** The last job snapshot read (the finished job on success). @return the job */
    public abstract Optional<ImportJob> lastJob();

    /** Why the step did not succeed (the last error's message). @return the reason */
    public abstract Optional<String> failure();

    /** The step's name. @return the name */
    public final String name() {
        return step().name();
    }

    /** Whether the step succeeded. @return true on success */
    public final boolean succeeded() {
        return outcome() == StepOutcome.SUCCEEDED;
    }

    /** Rows processed by the last job (0 without progress details). @return the count */
    public final long rowsProcessed() {
        return lastJob().map(ImportJob::rowsProcessed).orElse(0L);
    }

    /** Rows to process by the last job (0 without progress details). @return the count */
    public final long rowsTotal() {
        return lastJob().map(ImportJob::rowsTotal).orElse(0L);
    }
}
