package dev.aurasdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.http.RateLimit;
import dev.aurasdk.graphql.GraphQLDataApi;
import dev.aurasdk.graphql.GraphQLDataApis;
import dev.aurasdk.imports.CreateImportJob;
import dev.aurasdk.imports.ImportJob;
import dev.aurasdk.imports.ImportJobs;
import dev.aurasdk.imports.ProjectRef;
import dev.aurasdk.testkit.DemoWorld;
import dev.aurasdk.testkit.FakeAuraServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Checks that the benchmarks measure what they claim: same bytes, valid decodes, virtual time works. */
class BenchmarkSetupTest {
    private static final ProjectRef PROJECT = ProjectRef.of(Payloads.ORGANIZATION_ID, Payloads.PROJECT_ID);

    @Test
    void importJobPayloadIsAboutTwoKilobytes() {
        assertThat(Payloads.importJob().length).isBetween(1800, 2600);
    }

    @Test
    void sdkAndRawReadTheSameJobFromTheLoopbackServer() throws Exception {
        try (CannedAuraServer server = new CannedAuraServer(4, 3600);
                AuraClient aura = BenchSupport.sdkClient(server.baseUrl()).build()) {
            ImportJob job = ImportJobs.create(aura, PROJECT).getWithProgress(Payloads.JOB_ID);
            Map<String, Object> raw =
                    new RawClient(server.baseUrl()).authenticate().getImportJob();

            assertThat(job.id()).isEqualTo(raw.get("id")).isEqualTo(Payloads.JOB_ID);
            assertThat(job.progress()).hasValueSatisfying(p -> {
                assertThat(p.nodes()).hasSize(5);
                assertThat(p.relationships()).hasSize(3);
            });
            assertThat(server.tokenRequests()).isEqualTo(2);
        }
    }

    @Test
    void inMemoryClientServesEveryCallTheBenchmarksMake() {
        InMemoryHttpClient http = new InMemoryHttpClient();
        try (AuraClient aura =
                BenchSupport.sdkClient("http://127.0.0.1:1").httpClient(http).build()) {
            ImportJobs jobs = ImportJobs.create(aura, PROJECT);
            GraphQLDataApi api = GraphQLDataApis.create(aura).get(Payloads.INSTANCE_ID, Payloads.DATA_API_ID);

            assertThat(jobs.getWithProgress(Payloads.JOB_ID).rowsTotal()).isPositive();
            assertThat(jobs.create(CreateImportJob.builder()
                                    .importModelId(Payloads.IMPORT_MODEL_ID)
                                    .instanceId(Payloads.INSTANCE_ID)
                                    .build())
                            .id())
                    .isEqualTo(Payloads.JOB_ID);
            assertThat(api.typeDefinitions())
                    .hasValueSatisfying(t -> assertThat(t.asString()).isEqualTo(Payloads.schema()));
            assertThat(api.allowedOrigins()).hasSize(2);
            assertThat(new RawClient("http://127.0.0.1:1", http).authenticate().getImportJob())
                    .containsEntry("id", Payloads.JOB_ID);
            assertThat(http.tokenRequests()).isEqualTo(2);
        }
    }

    @Test
    void discreteEventSchedulerRunsTasksInVirtualTimeOrder() {
        FakeAuraServer fake = FakeAuraServer.builder().build();
        DiscreteEventScheduler scheduler = new DiscreteEventScheduler(fake.clock());
        Instant t0 = fake.clock().instant();
        List<String> log = new ArrayList<>();
        scheduler.schedule(
                () -> log.add(
                        "b@" + Duration.between(t0, fake.clock().instant()).toSeconds()),
                Duration.ofSeconds(2).toNanos(),
                TimeUnit.NANOSECONDS);
        scheduler.schedule(
                () -> {
                    log.add("a@" + Duration.between(t0, fake.clock().instant()).toSeconds());
                    scheduler.schedule(
                            () -> log.add("c@"
                                    + Duration.between(t0, fake.clock().instant())
                                            .toSeconds()),
                            5,
                            TimeUnit.SECONDS);
                },
                1,
                TimeUnit.SECONDS);

        assertThat(scheduler.runUntil(t0.plusSeconds(3))).isEqualTo(2);
        assertThat(fake.clock().instant()).isEqualTo(t0.plusSeconds(3));
        assertThat(scheduler.runUntil(t0.plusSeconds(10))).isEqualTo(1);
        assertThat(log).containsExactly("a@1", "b@2", "c@6");
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void asyncWaitsCompleteOnTheFakeInVirtualTime() {
        try (FakeAuraServer fake = FakeAuraServer.builder().build().start()) {
            DiscreteEventScheduler scheduler = new DiscreteEventScheduler(fake.clock());
            try (AuraClient aura = fake.clientBuilder()
                    .rateLimit(RateLimit.unlimited())
                    .scheduler(scheduler)
                    .addRequestListener(scheduler.exchangeCounter())
                    .build()) {
                ImportJobs jobs =
                        ImportJobs.create(aura, ProjectRef.of(DemoWorld.ORGANIZATION_ID, DemoWorld.PROJECT_ID));
                List<CompletableFuture<ImportJob>> waits = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    String id = jobs.create(CreateImportJob.builder()
                                    .importModelId(DemoWorld.IMPORT_MODEL_ID)
                                    .instanceId(DemoWorld.INSTANCE_ID)
                                    .build())
                            .id();
                    waits.add(jobs.awaitCompletionAsync(id));
                }
                int before = scheduler.exchangesStarted();
                scheduler.runUntil(fake.clock().instant().plus(Duration.ofHours(1)));
                int polls = scheduler.exchangesStarted() - before;

                assertThat(waits).allSatisfy(w -> assertThat(w).isCompletedWithValueMatching(ImportJob::succeeded));
                assertThat(polls).isGreaterThan(3 * 2);
            }
        }
    }
}
