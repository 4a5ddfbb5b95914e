package dev.aurasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validator's process and install handling, with small shell scripts standing in for node and npm (so these
 * run without Node.js): the cache install is locked and judged complete by its stamp only, a node that never reads
 * its input times out and is killed with its children, and the fake turns a validator that cannot run into a
 * deterministic, cached error without holding its lock while node runs.
 */
class SchemaValidatorProcessTest {
    private static final String VERDICT_OK =
            "{\"valid\":true,\"errors\":[],\"warnings\":[],\"library\":\"7.6.3\",\"node\":\"v20.99.0\"}";

    @TempDir
    Path dir;

    /** A node stand-in: answers --version, logs each run to runs.log, then runs the body. */
    private String node(String body) throws IOException {
        return script(
                "node",
                "if [ \"$1\" = \"--version\" ]; then echo v20.99.0; exit 0; fi\n" + "echo run >> '"
                        + dir.resolve("runs.log") + "'\n" + body);
    }

    private String script(String name, String body) throws IOException {
        Path file = dir.resolve("bin").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file.toString();
    }

    private long lines(String log) throws IOException {
        Path file = dir.resolve(log);
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }

    /** A directory that looks installed (what the packagesDirectory mode checks). */
    private Path packages() throws IOException {
        Path packages = dir.resolve("packages");
        Path marker = packages.resolve("node_modules/@neo4j/graphql/package.json");
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, "{\"version\":\"7.6.3\"}");
        return packages;
    }

    /** An npm stand-in: logs each run to npm.log; succeeds (installing the marker) or fails. */
    private String npm(boolean succeed) throws IOException {
        return script(
                "npm",
                "echo \"$@\" >> '" + dir.resolve("npm.log") + "'\n"
                        + (succeed
                                ? "sleep 1\nmkdir -p node_modules/@neo4j/graphql\n"
                                        + "echo '{\"version\":\"7.6.3\"}' > node_modules/@neo4j/graphql/package.json\nexit 0"
                                : "echo 'registry unreachable' >&2\nexit 1"));
    }

    @Test
    void aCacheWithThePackageButNoStampIsInstalledAgain() throws IOException {
        Path cache = packages(); // node_modules/@neo4j/graphql/package.json is there, as after an interrupted npm ci
        String node = node("exit 0");
        SchemaValidator failing = SchemaValidator.builder()
                .installInto(cache)
                .nodeExecutable(node)
                .npmExecutable(npm(false))
                .build();
        assertThat(failing.isAvailable()).isFalse();
        assertThat(failing.unavailableReason())
                .get()
                .asString()
                .contains("npm ci failed (exit 1)")
                .contains("registry unreachable");
        assertThat(lines("npm.log")).isEqualTo(1);
        assertThat(cache.resolve(SchemaValidator.STAMP)).doesNotExist();

        SchemaValidator installing = SchemaValidator.builder()
                .installInto(cache)
                .nodeExecutable(node)
                .npmExecutable(npm(true))
                .build();
        assertThat(installing.isAvailable()).isTrue();
        assertThat(lines("npm.log")).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("npm.log"))).contains("ci --ignore-scripts");
        assertThat(cache.resolve(SchemaValidator.STAMP)).isRegularFile();
        assertThat(cache.resolve("package-lock.json")).isRegularFile();

        // the stamp matches: a later validator uses the cache as it is
        SchemaValidator later = SchemaValidator.builder()
                .installInto(cache)
                .nodeExecutable(node)
                .npmExecutable(npm(false))
                .build();
        assertThat(later.isAvailable()).isTrue();
        assertThat(lines("npm.log")).isEqualTo(2);

        // a stamp of another project (other package.json or lock) does not count
        Files.writeString(cache.resolve(SchemaValidator.STAMP), "0123abcd");
        SchemaValidator stale = SchemaValidator.builder()
                .installInto(cache)
                .nodeExecutable(node)
                .npmExecutable(npm(false))
                .build();
        assertThat(stale.isAvailable()).isFalse();
        assertThat(lines("npm.log")).isEqualTo(3);
    }

    @Test
    void twoValidatorsInstallingIntoOneDirectoryAtOnceRunNpmCiOnce() throws Exception {
        Path cache = dir.resolve("cache");
        String node = node("exit 0");
        String npm = npm(true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = List.of(
                    pool.submit(() -> {
                        start.await();
                        return SchemaValidator.builder()
                                .installInto(cache)
                                .nodeExecutable(node)
                                .npmExecutable(npm)
                                .build()
                                .isAvailable();
                    }),
                    pool.submit(() -> {
                        start.await();
                        return SchemaValidator.builder()
                                .installInto(cache)
                                .nodeExecutable(node)
                                .npmExecutable(npm)
                                .build()
                                .isAvailable();
                    }));
            start.countDown();
            for (Future<Boolean> r : results) {
                assertThat(r.get(120, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(lines("npm.log")).isEqualTo(1);
        assertThat(cache.resolveSibling("cache.lock")).isRegularFile();
    }

    @Test
    void aNodeThatNeverReadsItsInputTimesOutAndIsKilledWithItsChildren() throws Exception {
        Path pidFile = dir.resolve("sleep.pid");
        String node = node("sleep 600 &\necho $! > '" + pidFile + "'\nwait");
        SchemaValidator validator = SchemaValidator.builder()
                .packagesDirectory(packages())
                .nodeExecutable(node)
                .timeout(Duration.ofSeconds(3))
                .build();
        assertThat(validator.isAvailable()).isTrue();
        // far more than a pipe buffer: writing it on the caller's thread would block until node reads it
        String sdl = "type Movie @node { title: String }\n".repeat(8_000);
        assertThat(sdl.length()).isGreaterThan(200_000);

        assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> assertThatThrownBy(() -> validator.validate(sdl))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("did not finish within 3 s"));

        assertThat(pidFile).as("the stand-in started its child").isRegularFile();
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        Optional<ProcessHandle> child = ProcessHandle.of(pid);
        if (child.isPresent()) {
            child.get().onExit().get(30, TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    }

    @Test
    void aValidatorThatCannotRunPutsTheDataApiInErrorOnceAndConsistently() throws Exception {
        // valid for every SDL but one that mentions Broken: then the process fails
        String node = node("input=$(cat)\ncase \"$input\" in *Broken*) echo 'node crashed' >&2; exit 3;; esac\n"
                + "echo '" + VERDICT_OK + "'");
        SchemaValidator validator = SchemaValidator.builder()
                .packagesDirectory(packages())
                .nodeExecutable(node)
                .build();
        try (FakeAuraServer server = FakeAuraServer.builder()
                .realSchemaValidation(validator)
                .contractChecked()
                .build()
                .start()) {
            assertThat(server.schemaValidationMode()).isEqualTo(SchemaValidationMode.NEO4J_GRAPHQL_LIBRARY);
            RawFakeClient client = new RawFakeClient(server);
            String id = DataApiLifecycleTest.create(client, DataApiLifecycleTest.SDL)
                    .get("id")
                    .asText();
            server.advance(Duration.ofSeconds(1));
            String url = DataApiLifecycleTest.APIS + "/" + id;
            assertThat(client.get(url).data().get("status").asText()).isEqualTo("ready");
            assertThat(lines("runs.log")).isEqualTo(1);

            String broken = "type Broken @node { title: String }";
            RawFakeClient.Response patched = client.patch(
                    url, "{\"name\":\"renamed\",\"type_definitions\":\"" + RawFakeClient.base64(broken) + "\"}");
            assertThat(patched.status()).isEqualTo(202);
            assertThat(patched.data().get("status").asText()).isEqualTo("updating");
            assertThat(lines("runs.log")).isEqualTo(2);
            server.advance(Duration.ofSeconds(1));

            JsonNode got = client.get(url).json();
            assertThat(got.at("/data/status").asText()).isEqualTo("error");
            assertThat(got.at("/data/name").asText()).isEqualTo("renamed");
            assertThat(got.at("/data/type_definitions").asText()).isEqualTo(RawFakeClient.base64(broken));
            assertThat(got.at("/errors/0/message").asText())
                    .startsWith("The type definitions could not be validated with the Neo4j GraphQL Library: ")
                    .contains("exit 3")
                    .contains("node crashed");
            // the outcome is cached like a verdict: polling does not run node again
            client.get(url);
            client.get(DataApiLifecycleTest.APIS);
            assertThat(lines("runs.log")).isEqualTo(2);
            assertThat(server.contractViolations()).isEmpty();
        }
    }

    @Test
    void otherRequestsAreAnsweredWhileNodeRuns() throws Exception {
        Path go = dir.resolve("go");
        String node =
                node("cat > /dev/null\nwhile [ ! -f '" + go + "' ]; do sleep 0.05; done\necho '" + VERDICT_OK + "'");
        SchemaValidator validator = SchemaValidator.builder()
                .packagesDirectory(packages())
                .nodeExecutable(node)
                .build();
        try (FakeAuraServer server =
                FakeAuraServer.builder().realSchemaValidation(validator).build().start()) {
            RawFakeClient client = new RawFakeClient(server);
            CompletableFuture<RawFakeClient.Response> creating = CompletableFuture.supplyAsync(() -> client.post(
                    DataApiLifecycleTest.APIS,
                    DataApiLifecycleTest.createBody(DataApiLifecycleTest.SDL, DataApiLifecycleTest.API_KEY_PROVIDER)));
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                while (lines("runs.log") == 0) { // node has started: the create call waits for it
                    Thread.sleep(20);
                }
                // the world lock is free meanwhile
                assertThat(client.get(DataApiLifecycleTest.APIS).status()).isEqualTo(200);
            });
            assertThat(creating).isNotDone();
            Files.writeString(go, "");
            RawFakeClient.Response created = creating.get(60, TimeUnit.SECONDS);
            assertThat(created.status()).isEqualTo(202);
        }
    }
}
