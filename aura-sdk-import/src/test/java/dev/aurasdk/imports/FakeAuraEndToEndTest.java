package dev.aurasdk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraCredentials;
import dev.aurasdk.testkit.DemoWorld;
import dev.aurasdk.testkit.FakeAuraExtension;
import dev.aurasdk.testkit.FakeAuraServer;
import dev.aurasdk.testkit.FakeImportModel;
import dev.aurasdk.testkit.StepMode;
import dev.aurasdk.testkit.StepScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * End to end against the testkit's stateful fake Aura, with its OpenAPI contract check on (the extension
 * fails a test that sent or received anything the official documents do not allow). The SDK's clock is
 * the fake's virtual clock and every SDK sleep moves it, so jobs progress while the SDK waits and nothing
 * sleeps for real.
 */
class FakeAuraEndToEndTest {
    @RegisterExtension
    final FakeAuraExtension fake =
            FakeAuraExtension.with(b -> b.stepMode(StepMode.MANUAL).contractChecked());

    private FakeAuraServer server;
    private AuraClient client;
    private ImportJobs jobs;

    @BeforeEach
    void connect() {
        server = fake.server();
        client = clientBuilder().build();
        jobs = ImportJobs.create(client, ProjectRef.of(DemoWorld.ORGANIZATION_ID, DemoWorld.PROJECT_ID));
    }

    private AuraClient.Builder clientBuilder() {
        return AuraClient.builder()
                .credentials(AuraCredentials.of(server.clientId(), server.clientSecret()))
                .baseUrl(server.baseUrl())
                .clock(server.clock())
                .sleeper(server::advance)
                // async waits (ImportPipeline.runAsync) run in the fake's virtual time too
                .scheduler(server.virtualTimeScheduler())
                .addRequestListener(server.virtualTimeScheduler().requestTracker());
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static CreateImportJob flights() {
        return CreateImportJob.builder()
                .importModelId(DemoWorld.IMPORT_MODEL_ID)
                .instanceId(DemoWorld.INSTANCE_ID)
                .build();
    }

    @Test
    void createsAJobAndAwaitsItsSuccessWithGrowingProgress() {
        CreatedImportJob created = jobs.create(flights());
        List<ImportJob> snapshots = new ArrayList<>();

        ImportJob done = jobs.awaitCompletion(created.id(), snapshots::add);

        assertThat(created.statusCode()).isIn(200, 201);
        assertThat(done.succeeded()).isTrue();
        assertThat(done.state()).contains(ImportJobState.COMPLETED);
        assertThat(done.percentComplete()).hasValue(100.0);
        assertThat(done.progress()).hasValueSatisfying(p -> {
            assertThat(p.nodes()).extracting(n -> n.labels().get(0)).containsExactly("Airport", "Aircraft", "Flight");
            assertThat(p.relationships()).hasSize(3);
        });
        assertThat(done.rowsTotal()).isEqualTo(500 + 120 + 20_000 + 3 * 20_000);
        assertThat(done.rowsProcessed()).isEqualTo(done.rowsTotal());
        assertThat(done.dataSource().flatMap(ImportDataSource::name)).contains("AWS_POSTGRES_FLIGHTS");
        assertThat(done.auraTarget().flatMap(ImportTarget::dbId)).contains(DemoWorld.INSTANCE_ID);
        assertThat(done.info().completionTime()).isPresent();
        assertThat(snapshots).extracting(j -> j.percentComplete().orElse(0)).isSorted();
        assertThat(snapshots).anyMatch(j -> j.state().equals(java.util.Optional.of(ImportJobState.RUNNING)));
        assertThat(server.journal().count("GET", ".*/import/jobs/" + created.id()))
                .isEqualTo(snapshots.size());
        assertThat(server.contractViolations()).isEmpty();
    }

    @Test
    void awaitsAsynchronouslyOnTheClientsScheduler() {
        StepScheduler scheduler = StepScheduler.immediate(server.clock(), server::advance);
        try (AuraClient asyncClient = clientBuilder().scheduler(scheduler).build()) {
            ImportJobs asyncJobs =
                    ImportJobs.create(asyncClient, ProjectRef.of(DemoWorld.ORGANIZATION_ID, DemoWorld.PROJECT_ID));
            String id = asyncJobs.create(flights()).id();

            CompletableFuture<ImportJob> future = asyncJobs.awaitCompletionAsync(
                    id, ImportAwaitOptions.builder().onlyOnChange(true).build(), ProgressListener.none());

            assertThat(future).succeedsWithin(Duration.ofSeconds(60)).matches(ImportJob::succeeded);
            // about a second: the poll planner rounds a first poll up to its next free slot of the budget
            assertThat(scheduler.delays().get(0)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        }
    }

    @Test
    void aFailingModelEndsWithImportJobFailedExceptionCarryingAurasMessage() {
        String id = jobs.create(CreateImportJob.builder()
                        .importModelId(DemoWorld.FAILING_IMPORT_MODEL_ID)
                        .instanceId(DemoWorld.INSTANCE_ID)
                        .build())
                .id();

        assertThatThrownBy(() -> jobs.awaitCompletion(id)).isInstanceOfSatisfying(ImportJobFailedException.class, e -> {
            assertThat(e.jobId()).isEqualTo(id);
            assertThat(e.auraMessage()).contains("Failed to read customers.csv: column 'customer_id' not found");
            assertThat(e.job().failed()).isTrue();
            assertThat(e.job().rowsProcessed()).isLessThan(e.job().rowsTotal());
        });
    }

    @Test
    void cancelsARunningJobOnceAndTheWaitReportsTheCancellation() {
        String id = jobs.create(flights()).id();
        server.advance(Duration.ofSeconds(3));
        assertThat(jobs.get(id).state()).contains(ImportJobState.RUNNING);

        jobs.cancel(id);

        assertThatThrownBy(() -> jobs.cancel(id)).isInstanceOf(ImportJobAlreadyCancelledException.class);
        assertThatThrownBy(() -> jobs.awaitCompletion(id))
                .isInstanceOfSatisfying(ImportJobCancelledException.class, e -> {
                    assertThat(e.job().state()).contains(ImportJobState.COMPLETED);
                    assertThat(e.job().info().cancellationRequestedTime()).isPresent();
                });
        assertThat(jobs.get(id).cancelled()).isTrue();
    }

    @Test
    void timesOutWhileTheFakesJobKeepsRunning() {
        server.seed()
                .importModel(FakeImportModel.of("5d1f7a3e-7c2b-4f7e-9d1a-2b3c4d5e6f70")
                        .name("huge")
                        .node("Event", 1_000_000)
                        .durationTicks(100_000));
        String id = jobs.create(CreateImportJob.builder()
                        .importModelId("5d1f7a3e-7c2b-4f7e-9d1a-2b3c4d5e6f70")
                        .instanceId(DemoWorld.INSTANCE_ID)
                        .build())
                .id();
        ImportAwaitOptions fiveMinutes = ImportAwaitOptions.builder()
                .waitOptions(dev.aurasdk.core.wait.WaitOptions.builder()
                        .timeout(Duration.ofMinutes(5))
                        .build())
                .build();

        assertThatThrownBy(() -> jobs.awaitCompletion(id, fiveMinutes, ProgressListener.none()))
                .isInstanceOf(ImportJobTimeoutException.class)
                .hasMessageContaining("still running on Aura");
        assertThat(jobs.get(id).isTerminal()).isFalse();
    }

    @Test
    void preflightPassesForTheDemoInstanceAndFailsForAnotherProjectsInstance() {
        PreflightReport ok = jobs.validate(flights());
        PreflightReport staging = jobs.validate(CreateImportJob.builder()
                .importModelId(DemoWorld.IMPORT_MODEL_ID)
                .instanceId(DemoWorld.STAGING_INSTANCE_ID)
                .build());
        PreflightReport missing = jobs.validate(CreateImportJob.builder()
                .importModelId(DemoWorld.IMPORT_MODEL_ID)
                .instanceId("deadbeef")
                .build());

        assertThat(ok.ok()).as(ok.describe()).isTrue();
        assertThat(staging.ok()).isFalse();
        assertThat(staging.failures()).extracting(PreflightCheck::name).contains("instance in project");
        assertThat(missing.failures()).extracting(PreflightCheck::name).containsExactly("instance exists");
        assertThat(server.journal().count("POST", "/v.*"))
                .as("a dry run creates nothing")
                .isZero();
        server.clearContractViolations(); // the 404 for the unknown instance is Aura's documented answer
    }

    @Test
    void bulkImportIsReportedByAuraAsAnInitialLoad() {
        String id = jobs.create(CreateImportJob.builder()
                        .importModelId(DemoWorld.IMPORT_MODEL_ID)
                        .instanceId(DemoWorld.INSTANCE_ID)
                        .importType(ImportType.BULK)
                        .acknowledgeOverwrite(true)
                        .build())
                .id();

        ImportJob done = jobs.awaitCompletion(id);

        assertThat(done.importType()).contains(ImportType.INITIAL);
    }

    @Test
    void pipelineRetriesTheFailingStepAndRunsTheOthersInParallel() throws Exception {
        List<String> alerts = Collections.synchronizedList(new ArrayList<>());
        ImportPipeline pipeline = ImportPipeline.builder(jobs)
                .addStep(ImportStep.online("flights", DemoWorld.IMPORT_MODEL_ID, DemoWorld.INSTANCE_ID))
                .addStep(ImportStep.online("customers", DemoWorld.FAILING_IMPORT_MODEL_ID, DemoWorld.INSTANCE_ID))
                .addStep(ImportStep.online("flights-again", DemoWorld.IMPORT_MODEL_ID, DemoWorld.INSTANCE_ID))
                .maxAttempts(2)
                .maxConcurrency(2)
                .continueOnFailure(true)
                .listener(new PipelineListener() {
                    @Override
                    public void onStepFailure(StepReport report) {
                        alerts.add(report.name() + ": " + report.failure().orElse(""));
                    }
                })
                .build();

        PipelineReport report = pipeline.runAsync().get(120, TimeUnit.SECONDS);

        assertThat(report.steps())
                .extracting(StepReport::outcome)
                .containsExactly(StepOutcome.SUCCEEDED, StepOutcome.FAILED, StepOutcome.SUCCEEDED);
        StepReport customers = report.steps().get(1);
        assertThat(customers.jobIds()).hasSize(2).doesNotHaveDuplicates();
        assertThat(customers.failure()).hasValueSatisfying(f -> assertThat(f).contains("customer_id"));
        assertThat(alerts).singleElement().satisfies(a -> assertThat(a).startsWith("customers: "));
        assertThat(server.journal().count("POST", ".*/import/jobs")).isEqualTo(4);
    }

    @Test
    void runOnTheClientsSchedulerThreadIsRefusedAtOnceInsteadOfDeadlocking() throws Exception {
        ImportStep step = ImportStep.online("flights", DemoWorld.IMPORT_MODEL_ID, DemoWorld.INSTANCE_ID);
        List<ImportPipeline> joining = List.of(
                ImportPipeline.builder(jobs).addStep(step).maxConcurrency(2).build(),
                ImportPipeline.builder(jobs)
                        .addStep(step)
                        .executor(Runnable::run)
                        .build());
        String id = jobs.create(flights()).id();
        CompletableFuture<List<Throwable>> thrown = new CompletableFuture<>();
        AtomicReference<Thread> schedulerThread = new AtomicReference<>();

        // an async wait's listener runs on the client's scheduler thread (here the fake's virtual-time one)
        CompletableFuture<ImportJob> wait = jobs.awaitCompletionAsync(id, ImportAwaitOptions.defaults(), job -> {
            if (!thrown.isDone()) {
                schedulerThread.set(Thread.currentThread());
                List<Throwable> results = new ArrayList<>(); // null: run() returned
                joining.forEach(p -> results.add(catchThrowable(p::run)));
                thrown.complete(results);
            }
        });

        List<Throwable> caught;
        try {
            caught = thrown.get(60, TimeUnit.SECONDS);
        } catch (TimeoutException deadlocked) {
            Thread stuck = schedulerThread.get();
            if (stuck != null) {
                stuck.interrupt(); // ends a stuck run(), so that the test fails instead of hanging
            }
            throw new AssertionError("run() on the scheduler thread neither returned nor threw", deadlocked);
        }
        assertThat(caught)
                .hasSize(2)
                .allSatisfy(e -> assertThat(e)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("scheduler thread")
                        .hasMessageContaining("use runAsync()"));
        assertThat(wait.get(60, TimeUnit.SECONDS).succeeded()).isTrue();
        assertThat(server.journal().count("POST", ".*/import/jobs"))
                .as("refused before any request")
                .isEqualTo(1);
    }

    @Test
    void hybridPipelineLoadsInBulkThenSyncsOnline() {
        PipelineReport report = ImportPipeline.hybridOverwritingAllData(
                        jobs, DemoWorld.INSTANCE_ID, DemoWorld.IMPORT_MODEL_ID, DemoWorld.IMPORT_MODEL_ID)
                .build()
                .run();

        assertThat(report.succeeded()).as(report.describe()).isTrue();
        assertThat(report.steps().get(0).lastJob().flatMap(ImportJob::importType))
                .contains(ImportType.INITIAL);
        assertThat(report.steps().get(1).lastJob().flatMap(ImportJob::importType))
                .contains(ImportType.CLOUD);
    }

    @Test
    void waitsAcrossTokenExpiryWithoutATokenStorm() {
        server.seed()
                .importModel(FakeImportModel.of("6e2a8b4f-8d3c-4a8f-8e2b-3c4d5e6f7a81")
                        .name("two hours")
                        .node("Event", 7_200)
                        .durationTicks(7_200));
        String id = jobs.create(CreateImportJob.builder()
                        .importModelId("6e2a8b4f-8d3c-4a8f-8e2b-3c4d5e6f7a81")
                        .instanceId(DemoWorld.INSTANCE_ID)
                        .build())
                .id();
        ImportAwaitOptions threeHours = ImportAwaitOptions.builder()
                .waitOptions(dev.aurasdk.core.wait.WaitOptions.builder()
                        .timeout(Duration.ofHours(3))
                        .maxInterval(Duration.ofMinutes(2))
                        .build())
                .build();

        ImportJob done = jobs.awaitCompletion(id, threeHours, ProgressListener.none());

        assertThat(done.succeeded()).isTrue();
        assertThat(server.tokenRequestCount()).as("one token per ~55 minutes").isEqualTo(3);
        assertThat(server.journal().count("GET", ".*/import/jobs/.*")).isGreaterThan(30);
    }
}
