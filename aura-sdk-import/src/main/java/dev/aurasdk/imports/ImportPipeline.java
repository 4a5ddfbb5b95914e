package dev.aurasdk.imports;

import dev.aurasdk.core.spi.Ids;
import dev.aurasdk.imports.internal.PipelineRun;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * An ordered list of import steps, run one after the other or with bounded parallelism. Each step
 * creates an import job and waits for it; a job that <em>fails</em> (exit state {@code Failure}) is
 * retried with a new job, up to {@link Builder#maxAttempts(int)} attempts (3 by default). Requests Aura
 * refuses, cancelled jobs and timed-out waits are not retried (a retry could start a second import).
 * After a step does not succeed, later steps are skipped unless {@link Builder#continueOnFailure(boolean)}.
 * A bulk step (which overwrites all data) always runs alone, after every earlier step.
 *
 * <pre>{@code
 * PipelineReport report = ImportPipeline.builder(jobs)
 *         .addStep(ImportStep.online("customers", customersModel, instanceId))
 *         .addStep(ImportStep.online("orders", ordersModel, instanceId))
 *         .maxConcurrency(2)
 *         .listener(new PipelineListener() {
 *             @Override public void onStepFailure(StepReport step) { alerts.send(step.name() + ": " + step.failure()); }
 *         })
 *         .build()
 *         .run();
 * }</pre>
 *
 * <p>Presets: {@link #incrementalSync}, {@link #historicalLoadOverwritingAllData},
 * {@link #hybridOverwritingAllData}. Immutable and reusable: each {@link #run()} starts new jobs.
 */
public final class ImportPipeline {
    /** Default attempts per step. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    private final ImportJobs jobs;
    private final List<ImportStep> steps;
    private final int maxAttempts;
    private final int maxConcurrency;
    private final Executor executor;
    private final ImportAwaitOptions awaitOptions;
    private final List<PipelineListener> listeners;
    private final boolean continueOnFailure;

    private ImportPipeline(Builder b) {
        this.jobs = b.jobs;
        this.steps = List.copyOf(b.steps);
        this.maxAttempts = b.maxAttempts;
        this.maxConcurrency = b.maxConcurrency;
        this.executor = b.executor;
        this.awaitOptions = b.awaitOptions;
        this.listeners = List.copyOf(b.listeners);
        this.continueOnFailure = b.continueOnFailure;
    }

    /**
     * Starts an empty pipeline.
     *
     * @param jobs the import jobs client
     * @return a builder
     */
    public static Builder builder(ImportJobs jobs) {
        return new Builder(jobs);
    }

    /**
     * Preset: incremental sync — one online step per import model (named {@code incremental-1}, …),
     * adding to the instance's existing data.
     *
     * @param jobs the import jobs client
     * @param instanceId the target instance
     * @param importModelIds the import models, at least one
     * @return a builder, to tune further
     */
    public static Builder incrementalSync(ImportJobs jobs, String instanceId, String... importModelIds) {
        Builder b = builder(jobs);
        addIncremental(b, instanceId, importModelIds, true);
        return b;
    }

    /**
     * Preset: historical load — one bulk step (named {@code historical}) that <strong>overwrites all
     * existing data</strong> in the instance; the method name is the acknowledgement.
     *
     * @param jobs the import jobs client
     * @param instanceId the target instance
     * @param importModelId the import model holding the full history
     * @return a builder, to tune further
     */
    public static Builder historicalLoadOverwritingAllData(ImportJobs jobs, String instanceId, String importModelId) {
        return builder(jobs).addStep(ImportStep.bulkOverwritingAllData("historical", importModelId, instanceId));
    }

    /**
     * Preset: hybrid — a historical bulk load (which <strong>overwrites all existing data</strong>)
     * followed by incremental online steps ({@code incremental-1}, …) once it has succeeded.
     *
     * @param jobs the import jobs client
     * @param instanceId the target instance
     * @param historicalModelId the import model of the bulk load
     * @param incrementalModelIds the import models of the online steps (may be none)
     * @return a builder, to tune further
     */
    public static Builder hybridOverwritingAllData(
            ImportJobs jobs, String instanceId, String historicalModelId, String... incrementalModelIds) {
        Builder b = historicalLoadOverwritingAllData(jobs, instanceId, historicalModelId);
        addIncremental(b, instanceId, incrementalModelIds, false);
        return b;
    }

    private static void addIncremental(Builder b, String instanceId, String[] modelIds, boolean atLeastOne) {
        Objects.requireNonNull(modelIds, "importModelIds");
        if (atLeastOne && modelIds.length == 0) {
            throw new IllegalArgumentException("incrementalSync needs at least one import model id");
        }
        for (int i = 0; i < modelIds.length; i++) {
            b.addStep(ImportStep.online("incremental-" + (i + 1), modelIds[i], instanceId));
        }
    }

    /** The steps, in order. @return the steps */
    public List<ImportStep> steps() {
        return steps;
    }

    /**
     * Runs the pipeline and waits for it. With {@code maxConcurrency} 1 and no executor the steps run on
     * the calling thread; otherwise as {@link #runAsync()} does, the caller waiting for the report, so
     * that form must not be called on the client's scheduler thread (in a callback of an async wait, for
     * example), whose waits would wait for the blocked thread: it is refused there.
     *
     * @return the report (never throws for a failed step: see {@link PipelineReport#succeeded()})
     * @throws IllegalStateException before any request, when it would wait for the client's async waits on
     *     the client's scheduler thread ({@link dev.aurasdk.core.AuraClient#isOnSchedulerThread()})
     */
    public PipelineReport run() {
        if (maxConcurrency == 1 && executor == null) {
            return newRun().runOnCallerThread();
        }
        if (jobs.client().isOnSchedulerThread()) {
            throw new IllegalStateException("ImportPipeline.run() with maxConcurrency > 1 or an executor was called "
                    + "on the AuraClient's scheduler thread, which its waits need (it would never return): use "
                    + "runAsync() there");
        }
        return PipelineRun.join(newRun().runAsync());
    }

    /**
     * Runs the pipeline without blocking the caller, and without holding a thread while jobs run: each
     * step's job is created (on the executor when one was given) and then awaited asynchronously on the
     * client's scheduler, like {@link ImportJobs#awaitCompletionAsync}; the next attempt or step starts
     * when a wait ends. Listeners hear the waits' events on the scheduler's thread.
     *
     * @return completes with the report
     */
    public CompletableFuture<PipelineReport> runAsync() {
        return newRun().runAsync();
    }

    private PipelineRun newRun() {
        return new PipelineRun(
                jobs, steps, maxAttempts, maxConcurrency, executor, awaitOptions, listeners, continueOnFailure);
    }

    @Override
    public String toString() {
        return "ImportPipeline{steps=" + steps.size() + ", maxAttempts=" + maxAttempts + ", maxConcurrency="
                + maxConcurrency + ", continueOnFailure=" + continueOnFailure + "}";
    }

    /** Builds an {@link ImportPipeline}. */
    public static final class Builder {
        private final ImportJobs jobs;
        private final List<ImportStep> steps = new ArrayList<>();
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private int maxConcurrency = 1;
        private Executor executor;
        private ImportAwaitOptions awaitOptions = ImportAwaitOptions.defaults();
        private final List<PipelineListener> listeners = new ArrayList<>();
        private boolean continueOnFailure;

        private Builder(ImportJobs jobs) {
            this.jobs = Objects.requireNonNull(jobs, "jobs");
        }

        /**
         * Appends a step.
         *
         * @param step the step
         * @return this builder
         */
        public Builder addStep(ImportStep step) {
            steps.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        /**
         * Appends a step made of a name and a request.
         *
         * @param name the step name
         * @param request the request
         * @return this builder
         */
        public Builder addStep(String name, CreateImportJob request) {
            return addStep(ImportStep.of(name, request));
        }

        /**
         * Attempts per step when its job fails (default 3; 1 means no retry).
         *
         * @param maxAttempts at least 1
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Steps running at once (default 1: sequential). Each running step is one import job on Aura; its
         * wait holds no thread when the pipeline runs asynchronously.
         *
         * @param maxConcurrency at least 1
         * @return this builder
         */
        public Builder maxConcurrency(int maxConcurrency) {
            if (maxConcurrency < 1) {
                throw new IllegalArgumentException("maxConcurrency must be at least 1, got " + maxConcurrency);
            }
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        /**
         * Creates the steps' jobs on this executor (not shut down by the SDK); at most
         * {@code maxConcurrency} steps are running at once. Their jobs are awaited asynchronously, not on
         * the executor.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * How each job is awaited (timeouts, poll intervals, progress details).
         *
         * @param awaitOptions the options
         * @return this builder
         */
        public Builder awaitOptions(ImportAwaitOptions awaitOptions) {
            this.awaitOptions = Objects.requireNonNull(awaitOptions, "awaitOptions");
            return this;
        }

        /**
         * Adds a listener (for progress display and alerting).
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(PipelineListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Whether later steps still run after a step did not succeed (default false: they are skipped).
         *
         * @param continueOnFailure whether to go on
         * @return this builder
         */
        public Builder continueOnFailure(boolean continueOnFailure) {
            this.continueOnFailure = continueOnFailure;
            return this;
        }

        /**
         * Builds the pipeline.
         *
         * @return the pipeline
         * @throws IllegalStateException when there is no step or two steps share a name
         */
        public ImportPipeline build() {
            if (steps.isEmpty()) {
                throw new IllegalStateException("an import pipeline needs at least one step");
            }
            Set<String> names = new HashSet<>();
            for (ImportStep s : steps) {
                if (!names.add(Ids.requireText("step name", s.name()))) {
                    throw new IllegalStateException("two pipeline steps are named '" + s.name() + "'");
                }
            }
            return new ImportPipeline(this);
        }
    }
}
