package dev.aurasdk.imports;

/**
 * Hears what an {@link ImportPipeline} does: the hook for progress display and alerting. Every method
 * has an empty default. Calls come from the thread running the step (several at once in a parallel
 * pipeline): implementations must be thread-safe and quick. An exception thrown here is logged at
 * DEBUG and ignored.
 */
public interface PipelineListener {
    /**
     * An attempt of a step starts (before its job is created).
     *
     * @param step the step
     * @param attempt 1-based attempt number
     */
    default void onStepStart(ImportStep step, int attempt) {}

    /**
     * Aura accepted the attempt's job.
     *
     * @param step the step
     * @param attempt 1-based attempt number
     * @param jobId the new job's id
     */
    default void onJobCreated(ImportStep step, int attempt, String jobId) {}

    /**
     * A snapshot of the step's running job.
     *
     * @param step the step
     * @param job the snapshot
     */
    default void onStepProgress(ImportStep step, ImportJob job) {}

    /**
     * An attempt ended without success.
     *
     * @param step the step
     * @param attempt 1-based attempt number
     * @param error why ({@link ImportJobFailedException} for a failed job)
     * @param willRetry whether another attempt follows
     */
    default void onAttemptFailed(ImportStep step, int attempt, RuntimeException error, boolean willRetry) {}

    /**
     * A step succeeded.
     *
     * @param report the step's report
     */
    default void onStepSuccess(StepReport report) {}

    /**
     * A step ended without success (failed, cancelled or timed out; not called for skipped steps).
     *
     * @param report the step's report
     */
    default void onStepFailure(StepReport report) {}

    /**
     * The pipeline finished.
     *
     * @param report the final report
     */
    default void onPipelineEnd(PipelineReport report) {}
}
