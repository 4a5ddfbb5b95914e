package dev.aurasdk.imports.internal;

import dev.aurasdk.core.AuraException;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
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
    private static final AtomicInteger POOL_IDS = new AtomicInteger();

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
    private ExecutorService ownPool;
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
     * @param executor runs the steps, or null for the caller's thread (sequential) or an own pool
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
     * Runs the steps on the executor (or an own pool of {@code maxConcurrency} daemon threads, shut down
     * at the end).
     *
     * @return completes with the report (never exceptionally)
     */
    public CompletableFuture<PipelineReport> runAsync() {
        start = clock.instant();
        if (userExecutor == null) {
            int id = POOL_IDS.incrementAndGet();
            AtomicInteger threads = new AtomicInteger();
            ownPool = Executors.newFixedThreadPool(maxConcurrency, r -> {
                Thread t = new Thread(r, "aura-import-pipeline-" + id + "-" + threads.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
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
            } finally {
                if (ownPool != null) {
                    ownPool.shutdown();
                }
            }
        }
    }

    private void launch(int index) {
        ImportStep step = steps.get(index);
        Executor executor = userExecutor != null ? userExecutor : ownPool;
        try {
            executor.execute(() -> {
                StepReport report;
                try {
                    report = runStep(step);
                } catch (RuntimeException | Error e) {
                    report = StepReport.builder()
                            .step(step)
                            .outcome(StepOutcome.FAILED)
                            .attempts(0)
                            .duration(Duration.ZERO)
                            .failure(e.getClass().getSimpleName() + ": " + e.getMessage())
                            .build();
                }
                stepDone(index, report);
            });
        } catch (RuntimeException rejected) {
            stepDone(
                    index,
                    StepReport.builder()
                            .step(step)
                            .outcome(StepOutcome.FAILED)
                            .attempts(0)
                            .duration(Duration.ZERO)
                            .failure("the executor refused the step: "
                                    + rejected.getClass().getSimpleName())
                            .build());
        }
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
        Instant t0 = clock.instant();
        List<String> jobIds = new ArrayList<>();
        ImportJob last = null;
        StepOutcome outcome;
        String failure = null;
        int attempt = 0;
        while (true) {
            attempt++;
            int n = attempt;
            LOG.debug("pipeline step '{}': attempt {} of {} starts", step.name(), n, maxAttempts);
            notify(l -> l.onStepStart(step, n));
            try {
                CreatedImportJob created = jobs.create(step.request());
                jobIds.add(created.id());
                notify(l -> l.onJobCreated(step, n, created.id()));
                last = jobs.awaitCompletion(
                        created.id(), awaitOptions, job -> notify(l -> l.onStepProgress(step, job)));
                outcome = StepOutcome.SUCCEEDED;
                failure = null;
                break;
            } catch (ImportJobFailedException e) {
                last = e.job();
                failure = e.getMessage();
                boolean retry = attempt < maxAttempts;
                notify(l -> l.onAttemptFailed(step, n, e, retry));
                if (retry) {
                    LOG.debug("pipeline step '{}': job {} failed, retrying", step.name(), e.jobId());
                    continue;
                }
                outcome = StepOutcome.FAILED;
                break;
            } catch (ImportJobCancelledException e) {
                last = e.job();
                failure = e.getMessage();
                notify(l -> l.onAttemptFailed(step, n, e, false));
                outcome = StepOutcome.CANCELLED;
                break;
            } catch (ImportJobTimeoutException e) {
                last = e.lastSeen().orElse(last);
                failure = e.getMessage();
                notify(l -> l.onAttemptFailed(step, n, e, false));
                outcome = StepOutcome.TIMED_OUT;
                break;
            } catch (RuntimeException e) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                notify(l -> l.onAttemptFailed(step, n, e, false));
                outcome = StepOutcome.FAILED;
                break;
            }
        }
        StepReport report = StepReport.builder()
                .step(step)
                .outcome(outcome)
                .jobIds(jobIds)
                .attempts(attempt)
                .duration(Duration.between(t0, clock.instant()))
                .lastJob(java.util.Optional.ofNullable(last))
                .failure(java.util.Optional.ofNullable(failure))
                .build();
        LOG.debug("pipeline step '{}': {} after {} attempt(s)", step.name(), outcome, attempt);
        if (report.succeeded()) {
            notify(l -> l.onStepSuccess(report));
        } else {
            notify(l -> l.onStepFailure(report));
        }
        return report;
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
        notify(l -> l.onPipelineEnd(report));
        return report;
    }

    private void notify(Consumer<PipelineListener> call) {
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
