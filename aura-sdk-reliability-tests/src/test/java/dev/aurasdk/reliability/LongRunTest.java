package dev.aurasdk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.wait.WaitOptions;
import dev.aurasdk.imports.CreateImportJob;
import dev.aurasdk.imports.ImportAwaitOptions;
import dev.aurasdk.imports.ImportJob;
import dev.aurasdk.imports.ImportJobs;
import dev.aurasdk.testkit.FakeAuraServer;
import dev.aurasdk.testkit.FakeImportModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An import job that runs for two virtual hours, awaited in one call (sync and async), while the one-hour tokens
 * expire twice: the SDK refreshes each before it expires, so no poll is ever refused.
 */
class LongRunTest {
    static final Duration JOB_DURATION = Duration.ofHours(2);
    static final Duration TICK = Duration.ofMinutes(1);
    /** Tokens: the first, and one refresh 5 minutes before each expiry (at 55 and 110 minutes). */
    static final int TOKEN_REQUESTS = 3;
    /** Polls: the interval grows from 1 s by ×1.5 (±10 % jitter) to its 30 s cap, then stays there for 2 hours. */
    static final int MIN_POLLS = 230;

    static final int MAX_POLLS = 270;

    private static final String MODEL_ID = "7d0c5a52-5b7e-4c8e-9f55-2c2f1f4a6b01";

    @Test
    @Timeout(300)
    void anImportJobRunningTwoVirtualHoursCompletesAcrossTwoTokenExpiries() {
        run(false);
    }

    @Test
    @Timeout(300)
    void anAsyncWaitForAnImportJobRunningTwoVirtualHoursCompletesAcrossTwoTokenExpiries() {
        run(true);
    }

    private static void run(boolean async) {
        try (FakeAuraServer server = FakeAuraServer.builder().tick(TICK).build().start()) {
            int ticks = (int) JOB_DURATION.dividedBy(TICK) - 1; // the fake adds one tick in the queue
            server.seed()
                    .importModel(FakeImportModel.of(MODEL_ID)
                            .name("Two hours")
                            .node("Person", 1_200_000)
                            .relationship("KNOWS", 4_800_000)
                            .durationTicks(ticks));
            try (AuraClient client = server.clientBuilder().build()) {
                ImportJobs jobs = Fixtures.jobs(client);
                String id = jobs.create(CreateImportJob.builder()
                                .importModelId(MODEL_ID)
                                .instanceId(Fixtures.INSTANCE)
                                .build())
                        .id();
                Instant start = server.clock().instant();
                List<Double> progress = new CopyOnWriteArrayList<>();
                ImportAwaitOptions options = ImportAwaitOptions.builder()
                        .waitOptions(WaitOptions.builder()
                                .timeout(Duration.ofHours(3))
                                .build())
                        .build();
                ImportJob done = async
                        ? jobs.awaitCompletionAsync(
                                        id,
                                        options,
                                        j -> progress.add(j.percentComplete().orElse(-1)))
                                .get(240, TimeUnit.SECONDS)
                        : jobs.awaitCompletion(
                                id,
                                options,
                                j -> progress.add(j.percentComplete().orElse(-1)));
                Duration waited = Duration.between(start, server.clock().instant());
                int polls = server.journal().count("GET", Fixtures.JOBS_PATH + "/" + id);
                LoadTest.record(
                        "long run (" + (async ? "async" : "sync") + "): virtual time (min)", waited.toMinutes());
                LoadTest.record("long run (" + (async ? "async" : "sync") + "): polls", polls);
                LoadTest.record(
                        "long run (" + (async ? "async" : "sync") + "): token requests", server.tokenRequestCount());

                assertThat(done.succeeded()).isTrue();
                assertThat(done.rowsProcessed()).isEqualTo(6_000_000);
                assertThat(waited).isGreaterThanOrEqualTo(JOB_DURATION);
                assertThat(progress).isSorted().last().isEqualTo(100.0);
                assertThat(server.tokenRequestCount()).as("token requests").isEqualTo(TOKEN_REQUESTS);
                assertThat(server.journal().entries())
                        .as("no call was refused")
                        .noneMatch(e -> e.status() == 401 || e.status() == 403);
                assertThat(polls).as("polls").isBetween(MIN_POLLS, MAX_POLLS);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }
}
