package dev.aurasdk.imports.internal;

import dev.aurasdk.core.AuraException;
import dev.aurasdk.core.spi.Futures;
import dev.aurasdk.imports.CreatedImportJob;
import dev.aurasdk.imports.ImportAwaitOptions;
import dev.aurasdk.imports.ImportJob;
import dev.aurasdk.imports.ImportJobCancelledException;
import dev.aurasdk.imports.ImportJobFailedException;
import dev.aurasdk.imports.ImportJobTimeoutException;
import dev.aurasdk.imports.ImportJobs;
import dev.aurasdk.imports.ImportStep;
import dev.aurasdk.imports.PipelineListener;
import dev.aurasdk.imports.PipelineReport;
import dev.aurasdk.imports.StepOutcome;
import dev.aurasdk.imports.StepReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of an import pipeline: runs steps in order, at most {@code maxConcurrency} at once, a step
 * that overwrites all data alone; retries a step whose job fails; stops starting steps after a
 * failure unless told to continue. Not API.
 */
public final class PipelineRun {
    private static final Logger LOG = LoggerFactory.getLogger("dev.aurasdk.imports");

    private final ImportJobs jobs;
    private final List<ImportStep> steps;
    private final int maxAttempts;
    private final int maxConcurrency;
    private final Executor userExecutor;
    private final ImportAwaitOptions awaitOptions;
    private final List<PipelineListener> listeners;
    private final boolean continueOnFailure;
    private final Clock clock;

    private final StepReport[] reports;
    private final CompletableFuture<PipelineReport> done = new CompletableFuture<>();
    private Instant start;
    private int next;
    private int running;
    private boolean exclusiveRunning;
    private boolean stopped;
    private boolean finished;

    /**
     * Prepares a run.
     *
     * @param jobs the import jobs client
     * @param steps the steps, in order
     * @param maxAttempts attempts per step (at least 1)
     * @param maxConcurrency steps running at once (at least 1)
     * @param executor creates the steps' jobs, or null for the caller's thread (sequential) or none
     * @param awaitOptions how each job is awaited
     * @param listeners told about each step
     * @param continueOnFailure whether later steps run after a step did not succeed
     */
    public PipelineRun(
            ImportJobs jobs,
            List<ImportStep> steps,
            int maxAttempts,
            int maxConcurrency,
            Executor executor,
            ImportAwaitOptions awaitOptions,
            List<PipelineListener> listeners,
            boolean continueOnFailure) {
        this.jobs = jobs;
        this.steps = List.copyOf(steps);
        this.maxAttempts = maxAttempts;
        this.maxConcurrency = maxConcurrency;
        this.userExecutor = executor;
        this.awaitOptions = awaitOptions;
        this.listeners = List.copyOf(listeners);
        this.continueOnFailure = continueOnFailure;
        this.clock = jobs.client().clock();
        this.reports = new StepReport[steps.size()];
    }

    /**
     * Runs every step on the calling thread, one after the other.
     *
     * @return the report
     */
    public PipelineReport runOnCallerThread() {
        start = clock.instant();
        for (int i = 0; i < steps.size(); i++) {
            ImportStep step = steps.get(i);
            reports[i] = stopped ? skipped(step) : runStep(step);
            if (!reports[i].succeeded() && !continueOnFailure) {
                stopped = true;
            }
        }
        return finish();
    }

    /**
     * Runs the steps without holding a thread while their jobs are awaited: each step's job is created
     * on the executor when one was given (else without blocking) and awaited asynchronously on the
     * client's scheduler; the next attempt or step starts when a wait ends.
     *
     * @return completes with the report (never exceptionally)
     */
    public CompletableFuture<PipelineReport> runAsync() {
        start = clock.instant();
        pump();
        return done;
    }

    private void pump() {
        List<Integer> launch = new ArrayList<>();
        boolean complete = false;
        synchronized (this) {
            while (next < steps.size()) {
                ImportStep step = steps.get(next);
                if (stopped) {
                    reports[next++] = skipped(step);
                    continue;
                }
                boolean exclusive = step.overwritesAllData();
                if (running > 0 && (exclusive || exclusiveRunning || running >= maxConcurrency)) {
                    break;
                }
                running++;
                exclusiveRunning = exclusive;
                launch.add(next++);
            }
            if (next >= steps.size() && running == 0 && !finished) {
                finished = true;
                complete = true;
            }
        }
        for (int index : launch) {
            launch(index);
        }
        if (complete) {
            try {
                done.complete(finish());
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        }
    }

    private void launch(int index) {
        ImportStep step = steps.get(index);
        CompletableFuture<StepReport> report;
        try {
            StepAttempts attempts = new StepAttempts(step);
            report = new CompletableFuture<>();
            attemptAsync(attempts, report);
        } catch (RuntimeException | Error e) {
            report = CompletableFuture.failedFuture(e);
        }
        report.whenComplete((r, e) -> stepDone(index, e == null ? r : crashed(step, Futures.unwrap(e))));
    }

    /** One attempt of a step without blocking: create (on the executor if any), then an async wait. */
    private void attemptAsync(StepAttempts attempts, CompletableFuture<StepReport> report) {
        int n = attempts.start();
        ImportStep step = attempts.step;
        CompletableFuture<CreatedImportJob> created;
        if (userExecutor != null) {
            created = CompletableFuture.supplyAsync(() -> jobs.create(step.request()), userExecutor);
        } else {
            try {
                created = jobs.createAsync(step.request());
            } catch (RuntimeException e) { // refused before sending (client closed): a failed attempt, as in run()
                created = CompletableFuture.failedFuture(e);
            }
        }
        created.thenCompose(job -> {
                    attempts.created(job, n);
                    return jobs.awaitCompletionAsync(
                            job.id(), awaitOptions, snapshot -> tell(l -> l.onStepProgress(step, snapshot)));
                })
                .whenComplete((job, error) -> {
                    try {
                        if (error == null) {
                            report.complete(attempts.succeeded(job));
                        } else if (attempts.failed(Futures.unwrap(error), n)) {
                            attemptAsync(attempts, report);
                        } else {
                            report.complete(attempts.report());
                        }
                    } catch (RuntimeException | Error e) {
                        report.completeExceptionally(e);
                    }
                });
    }

    private static StepReport crashed(ImportStep step, Throwable e) {
        boolean rejected = e instanceof java.util.concurrent.RejectedExecutionException;
        return StepReport.builder()
                .step(step)
                .outcome(StepOutcome.FAILED)
                .attempts(0)
                .duration(Duration.ZERO)
                .failure(
                        rejected
                                ? "the executor refused the step: "
                                        + e.getClass().getSimpleName()
                                : e.getClass().getSimpleName() + ": " + e.getMessage())
                .build();
    }

    private void stepDone(int index, StepReport report) {
        synchronized (this) {
            reports[index] = report;
            running--;
            if (running == 0) {
                exclusiveRunning = false;
            }
            if (!report.succeeded() && !continueOnFailure) {
                stopped = true;
            }
        }
        pump();
    }

    private StepReport runStep(ImportStep step) {
        StepAttempts attempts = new StepAttempts(step);
        while (true) {
            int n = attempts.start();
            try {
                CreatedImportJob created = jobs.create(step.request());
                attempts.created(created, n);
                return attempts.succeeded(jobs.awaitCompletion(
                        created.id(), awaitOptions, job -> tell(l -> l.onStepProgress(step, job))));
            } catch (RuntimeException e) {
                if (!attempts.failed(e, n)) {
                    return attempts.report();
                }
            }
        }
    }

    /** The attempts of one step, shared by the blocking and the asynchronous run. */
    private final class StepAttempts {
        final ImportStep step;
        final Instant t0 = clock.instant();
        final List<String> jobIds = new ArrayList<>();
        ImportJob last;
        StepOutcome outcome;
        String failure;
        int attempt;

        StepAttempts(ImportStep step) {
            this.step = step;
        }

        synchronized int start() {
            int n = ++attempt;
            LOG.debug("pipeline step '{}': attempt {} of {} starts", step.name(), n, maxAttempts);
            tell(l -> l.onStepStart(step, n));
            return n;
        }

        void created(CreatedImportJob created, int n) {
            synchronized (this) {
                jobIds.add(created.id());
            }
            tell(l -> l.onJobCreated(step, n, created.id()));
        }

        StepReport succeeded(ImportJob job) {
            synchronized (this) {
                last = job;
                outcome = StepOutcome.SUCCEEDED;
                failure = null;
            }
            return report();
        }

        /** Records a failed attempt; true when the step is tried again. */
        boolean failed(Throwable t, int n) {
            if (t instanceof Error) {
                throw (Error) t;
            }
            RuntimeException e = t instanceof RuntimeException
                    ? (RuntimeException) t
                    : new AuraException("pipeline step '" + step.name() + "' failed", t);
            if (e instanceof ImportJobFailedException) {
                ImportJobFailedException f = (ImportJobFailedException) e;
                boolean retry = n < maxAttempts;
                record(f.job(), e.getMessage(), StepOutcome.FAILED);
                tell(l -> l.onAttemptFailed(step, n, e, retry));
                if (retry) {
                    LOG.debug("pipeline step '{}': job {} failed, retrying", step.name(), f.jobId());
                }
                return retry;
            }
            if (e instanceof ImportJobCancelledException) {
                record(((ImportJobCancelledException) e).job(), e.getMessage(), StepOutcome.CANCELLED);
            } else if (e instanceof ImportJobTimeoutException) {
                record(((ImportJobTimeoutException) e).lastSeen().orElse(null), e.getMessage(), StepOutcome.TIMED_OUT);
            } else {
                record(null, e.getClass().getSimpleName() + ": " + e.getMessage(), StepOutcome.FAILED);
            }
            tell(l -> l.onAttemptFailed(step, n, e, false));
            return false;
        }

        private synchronized void record(ImportJob job, String message, StepOutcome result) {
            if (job != null) {
                last = job;
            }
            failure = message;
            outcome = result;
        }

        StepReport report() {
            StepReport report;
            synchronized (this) {
                report = StepReport.builder()
                        .step(step)
                        .outcome(outcome)
                        .jobIds(jobIds)
                        .attempts(attempt)
                        .duration(Duration.between(t0, clock.instant()))
                        .lastJob(java.util.Optional.ofNullable(last))
                        .failure(java.util.Optional.ofNullable(failure))
                        .build();
            }
            LOG.debug("pipeline step '{}': {} after {} attempt(s)", step.name(), report.outcome(), report.attempts());
            if (report.succeeded()) {
                tell(l -> l.onStepSuccess(report));
            } else {
                tell(l -> l.onStepFailure(report));
            }
            return report;
        }
    }

    private StepReport skipped(ImportStep step) {
        return StepReport.builder()
                .step(step)
                .outcome(StepOutcome.SKIPPED)
                .attempts(0)
                .duration(Duration.ZERO)
                .failure("not run: an earlier step did not succeed")
                .build();
    }

    private PipelineReport finish() {
        PipelineReport report = PipelineReport.builder()
                .steps(Arrays.asList(reports))
                .duration(Duration.between(start, clock.instant()))
                .build();
        LOG.debug(
                "pipeline finished: {} of {} step(s) succeeded",
                report.steps().stream().filter(StepReport::succeeded).count(),
                report.steps().size());
        tell(l -> l.onPipelineEnd(report));
        return report;
    }

    private void tell(Consumer<PipelineListener> call) {
        for (PipelineListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.debug("PipelineListener {} failed: {}", l.getClass().getName(), e.toString());
            }
        }
    }

    /**
     * Waits for an asynchronous run on the calling thread.
     *
     * @param future the run
     * @return the report
     */
    public static PipelineReport join(CompletableFuture<PipelineReport> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuraException("interrupted while waiting for the import pipeline (its jobs go on in Aura)", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new AuraException("import pipeline failed", cause);
        }
    }
}
