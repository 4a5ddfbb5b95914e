package dev.aurasdk.imports;

/**
 * Hears each snapshot of an import job while it is awaited. Runs on the waiting thread (sync) or the
 * client's scheduler (async): keep it quick. An exception thrown here ends the wait with it (the job
 * goes on in Aura).
 *
 * <pre>{@code
 * jobs.awaitCompletion(jobId, job -> log.info("import {}: {}", job.id(), job.summary()));
 * }</pre>
 */
@FunctionalInterface
public interface ProgressListener {
    /**
     * A poll read the job.
     *
     * @param job the snapshot
     */
    void onProgress(ImportJob job);

    /**
     * A listener that does nothing.
     *
     * @return the no-op listener
     */
    static ProgressListener none() {
        return job -> {};
    }
}
