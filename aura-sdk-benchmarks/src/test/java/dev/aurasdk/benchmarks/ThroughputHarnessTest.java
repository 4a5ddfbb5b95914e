package dev.aurasdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.imports.ImportJobs;
import dev.aurasdk.imports.ProjectRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The throughput harness (measure 1) counts failed calls instead of stopping, and counts connections. */
class ThroughputHarnessTest {
    private static final ProjectRef PROJECT = ProjectRef.of(Payloads.ORGANIZATION_ID, Payloads.PROJECT_ID);

    @Test
    void aFailedCallIsCountedByKindAndTheNextCallIsMade() {
        CallTally tally = new CallTally();
        int[] made = {0};

        tally.call(() -> {
            made[0]++;
            throw new UncheckedIOException(new IOException("Connection reset"));
        });
        tally.call(() -> made[0]++);

        assertThat(made[0]).isEqualTo(2);
        assertThat(tally.succeeded()).isEqualTo(1);
        assertThat(tally.failed()).isEqualTo(1);
        assertThat(tally.failureKinds()).containsExactly(Map.entry("UncheckedIOException(IOException)", 1L));
    }

    @Test
    void aRunWhoseCallsFailEndsNormallyAndReportsTheFailures() throws InterruptedException {
        ThroughputBench.Run run = ThroughputBench.measure(
                () -> {
                    throw new IllegalStateException("/import/jobs answered 502");
                },
                2,
                Duration.ZERO,
                Duration.ofMillis(20));

        assertThat(run.failed()).isGreaterThanOrEqualTo(2); // each caller's first call at least
        assertThat(run.succeeded()).isZero();
        assertThat(run.callsPerSecond()).isZero();
        assertThat(run.failureKinds()).containsOnlyKeys("IllegalStateException");
    }

    @Test
    void theFailuresRowSumsTheRoundsOfAVariant() {
        ThroughputBench.Run a =
                new ThroughputBench.Run(100, 10, 996, 4, Map.of("UncheckedIOException(IOException)", 4L), 2);
        ThroughputBench.Run b = new ThroughputBench.Run(100, 10, 1000, 0, Map.of(), 1);

        assertThat(ThroughputBench.failureRow(64, "raw", List.of(a, b)))
                .isEqualTo("| 64 | raw | 2000 | 4 | {UncheckedIOException(IOException)=4} | 1.50 |%n".formatted());
    }

    @Test
    void sequentialSdkCallsUseOneConnectionOfTheServer() throws Exception {
        try (CannedAuraServer server = new CannedAuraServer(4, 3600);
                AuraClient aura = BenchSupport.sdkClient(server.baseUrl()).build()) {
            ImportJobs jobs = ImportJobs.create(aura, PROJECT);
            for (int i = 0; i < 200; i++) {
                jobs.getWithProgress(Payloads.JOB_ID);
            }

            assertThat(server.apiRequests()).isEqualTo(200); // one request per call, nothing extra
            assertThat(server.tokenRequests()).isEqualTo(1);
            assertThat(server.connections()).isEqualTo(1); // the token request's connection, kept alive
        }
    }

    @Test
    void theServerCountsEachClientsConnectionsAnew() throws Exception {
        try (CannedAuraServer server = new CannedAuraServer(4, 3600)) {
            new RawClient(server.baseUrl()).authenticate().getImportJob();
            assertThat(server.connections()).isEqualTo(1);

            server.resetConnections();
            RawClient other = new RawClient(server.baseUrl()).authenticate(); // a new HttpClient: a new connection
            other.getImportJob();

            assertThat(server.connections()).isEqualTo(1);
            assertThat(server.apiRequests()).isEqualTo(2);
        }
    }
}
