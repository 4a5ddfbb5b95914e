package dev.aurasdk.imports;

import static dev.aurasdk.core.testing.ScriptedAura.json;
import static dev.aurasdk.imports.ImportFixtures.INSTANCE;
import static dev.aurasdk.imports.ImportFixtures.MODEL;
import static dev.aurasdk.imports.ImportFixtures.MODEL_2;
import static dev.aurasdk.imports.JobScripts.cancelledFrame;
import static dev.aurasdk.imports.JobScripts.failedFrame;
import static dev.aurasdk.imports.JobScripts.runningFrame;
import static dev.aurasdk.imports.JobScripts.sequence;
import static dev.aurasdk.imports.JobScripts.succeededFrame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.testing.ManualTimeScheduler;
import dev.aurasdk.core.testing.ScriptedAura;
import dev.aurasdk.core.wait.WaitOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImportPipelineTest {
    private static final ImportAwaitOptions PATIENT = ImportAwaitOptions.builder()
            .waitOptions(
                    WaitOptions.builder().timeout(Duration.ofDays(1)).jitter(0).build())
            .build();

    private final ScriptedAura aura = new ScriptedAura();
    /** Async waits (parallel pipelines) run in virtual time: each scheduled poll runs at once, the clock jumps. */
    private final ManualTimeScheduler virtualTime = new ManualTimeScheduler(aura.clock);

    private final AuraClient client =
            aura.clientBuilder().scheduler(virtualTime).build();
    private final ImportJobs jobs = ImportFixtures.jobs(client);
    private final JobScripts scripts = JobScripts.install(aura);
    private final RecordingListener listener = new RecordingListener();

    @AfterEach
    void close() {
        client.close();
        virtualTime.shutdownNow();
        aura.close();
    }

    /** Records every callback as a line of text. */
    static final class RecordingListener implements PipelineListener {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onStepStart(ImportStep step, int attempt) {
            events.add("start " + step.name() + " #" + attempt);
        }

        @Override
        public void onJobCreated(ImportStep step, int attempt, String jobId) {
            events.add("created " + step.name() + " #" + attempt);
        }

        @Override
        public void onStepProgress(ImportStep step, ImportJob job) {
            events.add("progress " + step.name() + " " + job.summary());
        }

        @Override
        public void onAttemptFailed(ImportStep step, int attempt, RuntimeException error, boolean willRetry) {
            events.add("attempt failed " + step.name() + " #" + attempt + (willRetry ? " retry" : " final"));
        }

        @Override
        public void onStepSuccess(StepReport report) {
            events.add("success " + report.name());
        }

        @Override
        public void onStepFailure(StepReport report) {
            events.add("failure " + report.name() + " " + report.outcome());
        }

        @Override
        public void onPipelineEnd(PipelineReport report) {
            events.add("end " + report.succeeded());
        }
    }

    @Test
    void retriesAFailedJobAndReportsTheJobIdOfEveryAttempt() {
        scripts.nextJob(sequence(runningFrame(10), failedFrame("source unreachable")))
                .nextJob(sequence(failedFrame("source unreachable")))
                .nextJob(sequence(runningFrame(50), succeededFrame()));

        PipelineReport report = ImportPipeline.builder(jobs)
                .addStep(ImportStep.online("orders", MODEL, INSTANCE))
                .awaitOptions(PATIENT)
                .listener(listener)
                .build()
                .run();

        StepReport step = report.steps().get(0);
        assertThat(report.succeeded()).isTrue();
        assertThat(step.outcome()).isEqualTo(StepOutcome.SUCCEEDED);
        assertThat(step.attempts()).isEqualTo(3);
        assertThat(step.jobIds()).containsExactly(JobScripts.jobId(1), JobScripts.jobId(2), JobScripts.jobId(3));
        assertThat(step.rowsProcessed()).isEqualTo(1000);
        assertThat(step.rowsTotal()).isEqualTo(1000);
        assertThat(step.duration()).isPositive();
        assertThat(step.failure()).isEmpty();
        assertThat(step.lastJob()).hasValueSatisfying(j -> assertThat(j.id()).isEqualTo(JobScripts.jobId(3)));
        assertThat(listener.events)
                .containsSubsequence(
                        "start orders #1",
                        "created orders #1",
                        "attempt failed orders #1 retry",
                        "start orders #2",
                        "attempt failed orders #2 retry",
                        "start orders #3",
                        "created orders #3",
                        "success orders",
                        "end true");
        assertThat(listener.events).anyMatch(e -> e.startsWith("progress orders Running 50.0%"));
    }

    @Test
    void givesUpAfterMaxAttemptsAndSkipsTheFollowingSteps() {
        scripts.defaultPlan(sequence(failedFrame("bad mapping")));

        PipelineReport report = ImportPipeline.builder(jobs)
                .addStep(ImportStep.online("first", MODEL, INSTANCE))
                .addStep(ImportStep.online("second", MODEL_2, INSTANCE))
                .maxAttempts(2)
                .awaitOptions(PATIENT)
                .listener(listener)
                .build()
                .run();

        assertThat(report.succeeded()).isFalse();
        StepReport first = report.steps().get(0);
        assertThat(first.outcome()).isEqualTo(StepOutcome.FAILED);
        assertThat(first.jobIds()).hasSize(2);
        assertThat(first.failure()).hasValueSatisfying(f -> assertThat(f).contains("bad mapping"));
        assertThat(first.lastJob())
                .hasValueSatisfying(j -> assertThat(j.failed()).isTrue());
        assertThat(report.steps().get(1).outcome()).isEqualTo(StepOutcome.SKIPPED);
        assertThat(report.steps().get(1).attempts()).isZero();
        assertThat(report.unsuccessfulSteps()).hasSize(2);
        assertThat(scripts.createdIds).hasSize(2);
        assertThat(listener.events).contains("attempt failed first #2 final", "failure first FAILED", "end false");
        assertThat(report.describe())
                .contains("first: FAILED after 2 attempt(s)")
                .contains("second: SKIPPED");
    }

    @Test
    void continuesAfterAFailedStepWhenAsked() {
        scripts.nextJob(sequence(failedFrame("bad mapping"))).nextJob(sequence(succeededFrame()));

        PipelineReport report = ImportPipeline.builder(jobs)
                .addStep(ImportStep.online("first", MODEL, INSTANCE))
                .addStep(ImportStep.online("second", MODEL_2, INSTANCE))
                .maxAttempts(1)
                .continueOnFailure(true)
                .awaitOptions(PATIENT)
                .build()
                .run();

        assertThat(report.steps())
                .extracting(StepReport::outcome)
                .containsExactly(StepOutcome.FAILED, StepOutcome.SUCCEEDED);
    }

    @Test
    void doesNotRetryARequestAuraRefuses() {
        scripts.nextCreateAnswers(json(
                400,
                "{\"errors\":[{\"message\":\"Import model not found\","
                        + "\"reason\":\"Required\",\"field\":\"ImportModelId\"}]}"));

        PipelineReport report = ImportPipeline.builder(jobs)
                .addStep(ImportStep.online("orders", MODEL, INSTANCE))
                .awaitOptions(PATIENT)
                .listener(listener)
                .build()
                .run();

        StepReport step = report.steps().get(0);
        assertThat(step.outcome()).isEqualTo(StepOutcome.FAILED);
        assertThat(step.attempts()).isEqualTo(1);
        assertThat(step.jobIds()).isEmpty();
        assertThat(step.failure())
                .hasValueSatisfying(
                        f -> assertThat(f).startsWith("AuraBadRequestException").contains("Import model not found"));
        assertThat(aura.apiRequests).hasSize(1);
        assertThat(listener.events).contains("attempt failed orders #1 final");
    }

    @Test
    void doesNotRetryACancelledJob() {
        scripts.nextJob(sequence(runningFrame(5), cancelledFrame()));

        PipelineReport report = ImportPipeline.builder(jobs)
                .addStep(ImportStep.online("orders", MODEL, INSTANCE))
                .awaitOptions(PATIENT)
                .build()
                .run();

        assertThat(report.steps().get(0).outcome()).isEqualTo(StepOutcome.CANCELLED);
        assertThat(report.steps().get(0).jobIds()).hasSize(1);
    }

    @Test
    void doesNotRetryATimedOutWaitBecauseTheJobMayStillRun() {
        scripts.nextJob(sequence(runningFrame(5)));
        ImportAwaitOptions short5 = ImportAwaitOptions.builder()
                .waitOptions(
                        WaitOptions.builder().timeout(Duration.ofMinutes(5)).build())
                .build();

        PipelineReport report = ImportPipeline.builder(jobs)
                .addStep(ImportStep.online("orders", MODEL, INSTANCE))
                .awaitOptions(short5)
                .build()
                .run();

        StepReport step = report.steps().get(0);
        assertThat(step.outcome()).isEqualTo(StepOutcome.TIMED_OUT);
        assertThat(step.attempts()).isEqualTo(1);
        assertThat(step.failure()).hasValueSatisfying(f -> assertThat(f).contains("still running on Aura"));
        assertThat(step.lastJob()).isPresent();
    }

    @Test
    void runsSequentiallyOnTheCallingThreadInOrder() {
        String caller = Thread.currentThread().getName();
        List<String> threads = Collections.synchronizedList(new ArrayList<>());

        PipelineReport report = ImportPipeline.builder(jobs)
                .addStep(ImportStep.online("a", MODEL, INSTANCE))
                .addStep(ImportStep.online("b", MODEL_2, INSTANCE))
                .awaitOptions(PATIENT)
                .listener(new PipelineListener() {
                    @Override
                    public void onStepStart(ImportStep step, int attempt) {
                        threads.add(Thread.currentThread().getName());
                    }
                })
                .build()
                .run();

        assertThat(report.succeeded()).isTrue();
        assertThat(threads).containsOnly(caller);
        assertThat(scripts.events)
                .containsExactly(
                        "create " + JobScripts.jobId(1) + " online active-before=0", "end " + JobScripts.jobId(1),
                        "create " + JobScripts.jobId(2) + " online active-before=0", "end " + JobScripts.jobId(2));
        assertThat(scripts.createdBodies.get(0)).contains(MODEL);
        assertThat(scripts.createdBodies.get(1)).contains(MODEL_2);
    }

    /** Keeps each job running until {@code expected} jobs run at once (or all were created). */
    private JobScripts.Plan runsUntilConcurrent(int expected, int total) {
        return (id, poll) ->
                poll >= 2 && (scripts.maxConcurrentJobs() >= expected || scripts.createdIds.size() >= total)
                        ? succeededFrame()
                        : runningFrame(poll);
    }

    @Test
    void boundsParallelStepsByMaxConcurrency() {
        scripts.defaultPlan(runsUntilConcurrent(2, 6));
        ImportPipeline.Builder builder =
                ImportPipeline.builder(jobs).maxConcurrency(2).awaitOptions(PATIENT);
        IntStream.rangeClosed(1, 6).forEach(i -> builder.addStep(ImportStep.online("step-" + i, MODEL, INSTANCE)));

        PipelineReport report = builder.build().run();

        assertThat(report.succeeded()).isTrue();
        assertThat(scripts.createdIds).hasSize(6);
        assertThat(scripts.maxConcurrentJobs()).isEqualTo(2);
        assertThat(report.steps())
                .extracting(StepReport::name)
                .containsExactly("step-1", "step-2", "step-3", "step-4", "step-5", "step-6");
    }

    @Test
    void runAsyncHoldsNoThreadWhileItsJobsRun() throws Exception {
        // each job ends only once three run at once: with a one-thread executor that is possible only if no
        // step keeps the thread while its job is awaited (the executor is used for the creates alone)
        scripts.defaultPlan(
                (id, poll) -> poll >= 2 && scripts.maxConcurrentJobs() >= 3 ? succeededFrame() : runningFrame(poll));
        ExecutorService oneThread = Executors.newSingleThreadExecutor();
        java.util.concurrent.atomic.AtomicInteger tasks = new java.util.concurrent.atomic.AtomicInteger();
        try {
            ImportPipeline.Builder builder = ImportPipeline.builder(jobs)
                    .executor(task -> {
                        tasks.incrementAndGet();
                        oneThread.execute(task);
                    })
                    .maxConcurrency(3)
                    .awaitOptions(ImportAwaitOptions.builder()
                            .waitOptions(WaitOptions.builder()
                                    .timeout(Duration.ofMinutes(10))
                                    .jitter(0)
                                    .build())
                            .build());
            IntStream.rangeClosed(1, 3).forEach(i -> builder.addStep(ImportStep.online("s" + i, MODEL, INSTANCE)));

            PipelineReport report = builder.build().runAsync().get(60, TimeUnit.SECONDS);

            assertThat(report.steps()).extracting(StepReport::outcome).containsOnly(StepOutcome.SUCCEEDED);
            assertThat(scripts.maxConcurrentJobs()).isEqualTo(3);
            assertThat(tasks).as("one executor task per create, none per wait").hasValue(3);
        } finally {
            oneThread.shutdownNow();
        }
    }

    @Test
    void submitsAtMostMaxConcurrencyStepsToAGivenExecutor() throws Exception {
        scripts.defaultPlan(runsUntilConcurrent(3, 7));
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            ImportPipeline.Builder builder = ImportPipeline.builder(jobs)
                    .executor(pool)
                    .maxConcurrency(3)
                    .awaitOptions(PATIENT);
            IntStream.rangeClosed(1, 7).forEach(i -> builder.addStep(ImportStep.online("s" + i, MODEL, INSTANCE)));

            PipelineReport report = builder.build().runAsync().get(60, TimeUnit.SECONDS);

            assertThat(report.succeeded()).isTrue();
            assertThat(scripts.maxConcurrentJobs()).isEqualTo(3);
            assertThat(pool.isShutdown())
                    .as("the caller's executor is left alone")
                    .isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBulkStepRunsAloneEvenInAParallelPipeline() {
        scripts.defaultPlan(sequence(runningFrame(10), runningFrame(20), succeededFrame()));

        PipelineReport report = ImportPipeline.builder(jobs)
                .addStep(ImportStep.online("a", MODEL, INSTANCE))
                .addStep(ImportStep.online("b", MODEL, INSTANCE))
                .addStep(ImportStep.bulkOverwritingAllData("reload", MODEL_2, INSTANCE))
                .addStep(ImportStep.online("c", MODEL, INSTANCE))
                .maxConcurrency(3)
                .awaitOptions(PATIENT)
                .build()
                .run();

        assertThat(report.succeeded()).isTrue();
        List<String> events = List.copyOf(scripts.events);
        String bulkId = scripts.createdIds.get(2);
        int bulkCreated = events.indexOf("create " + bulkId + " bulk active-before=0");
        assertThat(bulkCreated)
                .as("bulk created with nothing running: " + events)
                .isPositive();
        assertThat(events.subList(0, bulkCreated))
                .contains("end " + scripts.createdIds.get(0), "end " + scripts.createdIds.get(1));
        assertThat(events.get(bulkCreated + 1)).isEqualTo("end " + bulkId);
        assertThat(events.get(bulkCreated + 2)).startsWith("create " + scripts.createdIds.get(3));
    }

    @Test
    void incrementalSyncPresetRunsOneOnlineStepPerModel() {
        ImportPipeline pipeline = ImportPipeline.incrementalSync(jobs, INSTANCE, MODEL, MODEL_2)
                .awaitOptions(PATIENT)
                .build();

        assertThat(pipeline.steps()).extracting(ImportStep::name).containsExactly("incremental-1", "incremental-2");
        assertThat(pipeline.steps()).noneMatch(ImportStep::overwritesAllData);
        assertThat(pipeline.run().succeeded()).isTrue();
        assertThat(scripts.createdBodies).allMatch(b -> b.contains("\"importType\":\"online\""));
        assertThatThrownBy(() -> ImportPipeline.incrementalSync(jobs, INSTANCE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void historicalLoadPresetSendsABulkImport() {
        PipelineReport report = ImportPipeline.historicalLoadOverwritingAllData(jobs, INSTANCE, MODEL)
                .awaitOptions(PATIENT)
                .build()
                .run();

        assertThat(report.steps()).extracting(StepReport::name).containsExactly("historical");
        assertThat(scripts.createdBodies)
                .singleElement()
                .satisfies(b -> assertThat(b).contains("\"importType\":\"bulk\""));
    }

    @Test
    void hybridPresetLoadsHistoryInBulkThenSyncsIncrementally() {
        ImportPipeline pipeline = ImportPipeline.hybridOverwritingAllData(jobs, INSTANCE, MODEL, MODEL_2)
                .maxConcurrency(4)
                .awaitOptions(PATIENT)
                .build();

        PipelineReport report = pipeline.run();

        assertThat(report.steps()).extracting(StepReport::name).containsExactly("historical", "incremental-1");
        assertThat(scripts.createdBodies.get(0))
                .contains("\"importType\":\"bulk\"")
                .contains(MODEL);
        assertThat(scripts.createdBodies.get(1))
                .contains("\"importType\":\"online\"")
                .contains(MODEL_2);
        assertThat(scripts.events.indexOf("end " + scripts.createdIds.get(0)))
                .isLessThan(scripts.events.indexOf("create " + scripts.createdIds.get(1) + " online active-before=0"));
    }

    @Test
    void hybridSkipsTheIncrementalStepsWhenTheBulkLoadFails() {
        scripts.defaultPlan(sequence(failedFrame("disk full")));

        PipelineReport report = ImportPipeline.hybridOverwritingAllData(jobs, INSTANCE, MODEL, MODEL_2)
                .maxAttempts(1)
                .awaitOptions(PATIENT)
                .build()
                .run();

        assertThat(report.steps())
                .extracting(StepReport::outcome)
                .containsExactly(StepOutcome.FAILED, StepOutcome.SKIPPED);
    }

    @Test
    void aThrowingListenerDoesNotBreakThePipeline() {
        PipelineReport report = ImportPipeline.builder(jobs)
                .addStep(ImportStep.online("a", MODEL, INSTANCE))
                .awaitOptions(PATIENT)
                .listener(new PipelineListener() {
                    @Override
                    public void onStepProgress(ImportStep step, ImportJob job) {
                        throw new IllegalStateException("alerting is down");
                    }

                    @Override
                    public void onStepSuccess(StepReport r) {
                        throw new IllegalStateException("alerting is down");
                    }
                })
                .build()
                .run();

        assertThat(report.succeeded()).isTrue();
    }

    @Test
    void refusesAnEmptyPipelineDuplicateNamesAndBadSettings() {
        assertThatThrownBy(() -> ImportPipeline.builder(jobs).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ImportPipeline.builder(jobs)
                        .addStep(ImportStep.online("a", MODEL, INSTANCE))
                        .addStep(ImportStep.online("a", MODEL_2, INSTANCE))
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'a'");
        assertThatThrownBy(() -> ImportPipeline.builder(jobs).maxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImportPipeline.builder(jobs).maxConcurrency(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImportStep.online(" ", MODEL, INSTANCE)).isInstanceOf(IllegalArgumentException.class);
        assertThat(aura.apiRequests).isEmpty();
    }

    @Test
    void runsAsyncOnItsOwnPoolWhenNoExecutorIsGiven() throws Exception {
        PipelineReport report = ImportPipeline.builder(jobs)
                .addStep(ImportStep.online("a", MODEL, INSTANCE))
                .addStep(ImportStep.online("b", MODEL_2, INSTANCE))
                .awaitOptions(PATIENT)
                .listener(listener)
                .build()
                .runAsync()
                .get(60, TimeUnit.SECONDS);

        assertThat(report.succeeded()).isTrue();
        assertThat(report.rowsProcessed()).isEqualTo(2000);
        assertThat(listener.events.stream().filter(e -> e.startsWith("success")).collect(Collectors.toList()))
                .containsExactly("success a", "success b");
    }
}
