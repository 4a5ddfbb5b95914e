package dev.aurasdk.imports;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraException;
import dev.aurasdk.core.http.ApiRequest;
import dev.aurasdk.core.wait.Poll;
import dev.aurasdk.core.wait.PollEvent;
import dev.aurasdk.core.wait.Wait;
import dev.aurasdk.core.wait.WaitOptions;
import dev.aurasdk.core.wait.WaitOutcome;
import dev.aurasdk.core.wait.WaitRules;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wait for one import job's completion, described once for {@link ImportJobs#awaitCompletion}
 * and {@link ImportJobs#awaitCompletionAsync}: its poll (one GET, with or without progress), its rules
 * (failed and cancelled jobs, the job's percentage for the poll planner, the timeout as an
 * {@link ImportJobTimeoutException}) and its listener filtering.
 */
final class ImportJobWait {
    private static final Logger LOG = LoggerFactory.getLogger("dev.aurasdk.imports");

    private final String jobId;
    private final ImportAwaitOptions options;
    private final ProgressListener listener;
    private ImportJob lastNotified;

    private ImportJobWait(String jobId, ImportAwaitOptions options, ProgressListener listener) {
        this.jobId = jobId;
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * The wait for a job.
     *
     * @param aura the client
     * @param read the job's GET
     * @param jobId the validated job id
     * @param options how to wait
     * @param listener hears the snapshots
     * @return the wait, not started
     */
    static Wait<ImportJob> of(
            AuraClient aura, ApiRequest read, String jobId, ImportAwaitOptions options, ProgressListener listener) {
        ImportJobWait w = new ImportJobWait(jobId, options, listener);
        WaitOptions waitOptions = options.waitOptions().orElse(aura.waitOptions());
        WaitRules<ImportJob> rules = WaitRules.<ImportJob>builder()
                .failWhen(ImportJob::failed, ImportJobFailedException::new)
                .failWhen(ImportJob::cancelled, ImportJobCancelledException::new)
                .failWhen(j -> j.isTerminal() && !j.succeeded(), ImportJobFailedException::new)
                .successWhen(ImportJob::succeeded)
                .describedBy(ImportJob::summary)
                .progressFrom(ImportJob::percentComplete)
                .timeoutAs((timeout, lastSeen) -> {
                    Duration ranWith = timeout.waitTimeout().orElse(waitOptions.timeout()); // after withOptions too
                    LOG.debug("stopped waiting for import job {} after {}; it goes on in Aura", jobId, ranWith);
                    return new ImportJobTimeoutException(jobId, ranWith, lastSeen.orElse(null), timeout);
                })
                .build();
        return aura.waiter()
                .newWait("import job " + jobId, Poll.of(aura.http(), read, ImportJob.class), rules)
                .withOptions(waitOptions)
                .withListener(w::onPoll);
    }

    private synchronized void onPoll(PollEvent<ImportJob> event) {
        Optional<ImportJob> value = event.value();
        if (value.isEmpty()) {
            return;
        }
        ImportJob job = value.get();
        if (options.onlyOnChange() && lastNotified != null && sameProgress(lastNotified, job)) {
            return;
        }
        lastNotified = job;
        listener.onProgress(job);
    }

    /**
     * The successful job of an outcome.
     *
     * @param jobId the job id
     * @param outcome how the wait ended
     * @return the job
     */
    static ImportJob finished(String jobId, WaitOutcome<ImportJob> outcome) {
        return outcome.value()
                .orElseThrow(() -> new AuraException("import job " + jobId + " ended without a snapshot"));
    }

    private static boolean sameProgress(ImportJob a, ImportJob b) {
        return withoutUpdateTime(a).equals(withoutUpdateTime(b));
    }

    private static ImportJob withoutUpdateTime(ImportJob job) {
        return job.withInfo(job.info().withLastUpdateTime(Optional.empty()));
    }
}
