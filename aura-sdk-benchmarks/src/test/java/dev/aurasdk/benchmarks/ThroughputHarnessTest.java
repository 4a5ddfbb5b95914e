package dev.aurasdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.imports.ImportJobs;
import dev.aurasdk.imports.ProjectRef;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
                .isEqualTo("| 64 | raw | 2000 | 4 | {UncheckedIOException(IOException)=4} | 1.500 |%n".formatted());
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
            assertThat(server.connectionsAccepted()).isEqualTo(1); // the token request's connection, kept alive
        }
    }

    @Test
    void theServerCountsANewClientsConnectionButNotAReusedOne() throws Exception {
        try (CannedAuraServer server = new CannedAuraServer(4, 3600)) {
            RawClient first = new RawClient(server.baseUrl()).authenticate();
            first.getImportJob();
            assertThat(server.connectionsAccepted()).isEqualTo(1);

            first.getImportJob(); // kept alive
            new RawClient(server.baseUrl()).authenticate().getImportJob(); // a new HttpClient: a new connection

            assertThat(server.connectionsAccepted()).isEqualTo(2);
            assertThat(server.apiRequests()).isEqualTo(3);
        }
    }

    @Test
    void theServerKeepsMoreIdleConnectionsOpenThanTheJdkDefaultOf200() throws Exception {
        try (CannedAuraServer server = new CannedAuraServer(4, 3600)) {
            int port = URI.create(server.baseUrl()).getPort();
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < 250; i++) { // one request each, then the connections stay idle
                    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                    socket.setSoTimeout(30_000);
                    sockets.add(socket);
                    assertThat(getImportJob(socket)).startsWith("HTTP/1.1 200 ");
                }
                for (Socket socket : sockets) { // a second request on every connection: none was closed
                    assertThat(getImportJob(socket)).startsWith("HTTP/1.1 200 ");
                }
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
            assertThat(server.connectionsAccepted()).isEqualTo(250);
        }
    }

    /** Sends one GET of the import job on the socket and reads the whole response; returns its head. */
    private static String getImportJob(Socket socket) throws IOException {
        socket.getOutputStream()
                .write(("GET " + Payloads.JOB_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer t\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed by the server after " + head.size() + " bytes");
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(
                        line.substring("content-length:".length()).trim());
            }
        }
        assertThat(in.readNBytes(length)).hasSize(length);
        return text;
    }
}
