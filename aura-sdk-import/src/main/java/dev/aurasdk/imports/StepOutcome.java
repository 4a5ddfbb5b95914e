package dev.aurasdk.imports;

/** How a pipeline step ended. */
public enum StepOutcome {
    /** An attempt's job ended with exit state {@code Success}. */
    SUCCEEDED,
    /**
     * Every attempt's job failed, or an attempt ended with an error that is not retried (a refused
     * request, a network failure while creating, …).
     */
    FAILED,
    /** The job was cancelled (not retried). */
    CANCELLED,
    /** Waiting timed out; the job may still be running on Aura (not retried, to avoid a second import). */
    TIMED_OUT,
    /** Not run because an earlier step did not succeed. */
    SKIPPED
}
