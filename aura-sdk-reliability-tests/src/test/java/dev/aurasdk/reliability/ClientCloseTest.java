package dev.aurasdk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraCredentials;
import dev.aurasdk.core.auth.AccessToken;
import dev.aurasdk.core.auth.TokenProvider;
import dev.aurasdk.core.http.ApiRequest;
import dev.aurasdk.core.http.ApiResponse;
import dev.aurasdk.core.http.ApiVersion;
import dev.aurasdk.core.wait.WaitOptions;
import dev.aurasdk.imports.ImportJob;
import dev.aurasdk.imports.ImportJobs;
import dev.aurasdk.testkit.FakeAuraServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code AuraClient.close()} ends every thread the client created (its HTTP client's selector and pool, its
 * scheduler), and no other thread stays behind; an {@code HttpClient} or scheduler the user gave it keeps running.
 *
 * <p>Each test compares the live threads with those alive before the client was built. The SDK's threads must be
 * gone when {@code close()} returns. Of the others, the fake's own threads (MockWebServer's) are not the client's;
 * the JDK's common {@code ForkJoinPool} is shared by the whole JVM; and on machines with fewer than 3 CPUs the JDK
 * completes each async response on a new short-lived thread, which the test joins (bounded) before comparing.
 */
class ClientCloseTest {
    private static final Duration GENEROUS = Duration.ofSeconds(30);
    private static final WaitOptions QUICK_POLLS = WaitOptions.builder()
            .initialDelay(Duration.ofMillis(5))
            .maxInterval(Duration.ofMillis(20))
            .build();

    private final FakeAuraServer server = FakeAuraServer.create();
    private Set<Thread> before;

    @BeforeEach
    void start() {
        server.start();
        before = Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AuraClient newClient() {
        return AuraClient.builder()
                .baseUrl(server.baseUrl())
                .credentials(AuraCredentials.of(server.clientId(), server.clientSecret()))
                .waitOptions(QUICK_POLLS)
                .build();
    }

    @Test
    void synchronousUseLeavesNoThreadBehind() throws Exception {
        AuraClient client = newClient();
        assertThat(client.tenants().list()).isNotEmpty();
        assertThat(client.instances().get(Fixtures.INSTANCE).id()).isEqualTo(Fixtures.INSTANCE);
        assertThat(sdkThreads())
                .as("the HTTP client's selector and pool are running")
                .anyMatch(t -> t.getName().endsWith("-SelectorManager"))
                .anyMatch(t -> t.getName().startsWith("aura-sdk-http-"));

        client.close();

        assertNoThreadLeft();
    }

    @Test
    void asynchronousUseLeavesNoThreadBehind() throws Exception {
        AuraClient client = newClient();
        List<CompletableFuture<ApiResponse<JsonNode>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(client.http()
                    .sendAsync(ApiRequest.get(ApiVersion.V1).path("instances").build(), JsonNode.class));
        }
        for (CompletableFuture<ApiResponse<JsonNode>> call : calls) {
            assertThat(call.get(GENEROUS.toSeconds(), TimeUnit.SECONDS).statusCode())
                    .isEqualTo(200);
        }
        // one more, answered only after the client is closed: close() abandons it
        server.fault().next(1).matching("GET", "/v1/tenants").delay(Duration.ofMinutes(10));
        CompletableFuture<ApiResponse<JsonNode>> pending = client.http()
                .sendAsync(ApiRequest.get(ApiVersion.V1).path("tenants").build(), JsonNode.class);
        awaitRequest("GET", "/v1/tenants");
        assertThat(sdkThreads())
                .as("selector, pool and scheduler are running")
                .anyMatch(t -> t.getName().endsWith("-SelectorManager"))
                .anyMatch(t -> t.getName().startsWith("aura-sdk-http-"))
                .anyMatch(t -> t.getName().matches("aura-sdk-\\d+-scheduler-\\d+"));

        client.close();

        assertThat(pending).isCompletedExceptionally();
        assertNoThreadLeft();
    }

    @Test
    void waitsLeaveNoThreadBehind() throws Exception {
        AuraClient client = newClient();
        ImportJobs jobs = Fixtures.jobs(client);
        String done = jobs.create(Fixtures.importRequest()).id();
        String doneAsync = jobs.create(Fixtures.importRequest()).id();
        server.advance(Duration.ofSeconds(10)); // both complete (10 ticks of 1 s)
        assertThat(jobs.awaitCompletion(done).succeeded()).isTrue();
        assertThat(jobs.awaitCompletionAsync(doneAsync)
                        .get(GENEROUS.toSeconds(), TimeUnit.SECONDS)
                        .succeeded())
                .isTrue();
        String queued = jobs.create(Fixtures.importRequest()).id(); // the fake's clock no longer moves
        // first poll soon, the next one far away: when close() comes, no poll is in flight
        CompletableFuture<ImportJob> pending = jobs.awaitCompletionAsync(
                queued,
                dev.aurasdk.imports.ImportAwaitOptions.builder()
                        .includeProgress(false)
                        .waitOptions(dev.aurasdk.core.wait.WaitOptions.builder()
                                .initialDelay(Duration.ofMillis(100))
                                .multiplier(10_000)
                                .maxInterval(Duration.ofMinutes(10))
                                .build())
                        .build(),
                dev.aurasdk.imports.ProgressListener.none());
        awaitRequest("GET", ".*/import/jobs/" + queued + ".*");
        assertThat(sdkThreads()).anyMatch(t -> t.getName().matches("aura-sdk-\\d+-scheduler-\\d+"));

        client.close();

        assertThatThrownBy(() -> pending.get(GENEROUS.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
        assertNoThreadLeft();
    }

    @Test
    void aSynchronousCallInFlightFinishesAndThenReleasesTheThreads() throws Exception {
        // a MockWebServer that answers when the test says so (the fake's latency is a duration, not a gate)
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        try (MockWebServer gated = new MockWebServer()) {
            gated.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    arrived.countDown();
                    answer.await(GENEROUS.toSeconds(), TimeUnit.SECONDS);
                    return new MockResponse.Builder()
                            .code(200)
                            .addHeader("Content-Type", "application/json")
                            .body("{\"data\":[]}")
                            .build();
                }
            });
            gated.start();
            before = Set.copyOf(Thread.getAllStackTraces().keySet());
            AuraClient client = AuraClient.builder()
                    .baseUrl(gated.url("/").toString().replaceAll("/$", ""))
                    .tokenProvider(staticToken())
                    .build();
            ExecutorService caller = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-caller"));
            CompletableFuture<Integer> call =
                    CompletableFuture.supplyAsync(() -> client.tenants().list().size(), caller);
            caller.shutdown();
            assertThat(arrived.await(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();

            client.close();

            // the call is still in flight: the HTTP client must keep working until it is answered
            assertThat(sdkThreads()).anyMatch(t -> t.getName().endsWith("-SelectorManager"));
            answer.countDown();
            assertThat(call.get(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isZero();
            // the call released the threads before it returned
            assertThat(sdkThreads()).isEmpty();
            assertThatThrownBy(() -> client.tenants().list()).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void anHttpClientAndSchedulerGivenByTheUserAreNotShutDown() throws Exception {
        ExecutorService userPool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "user-http");
            t.setDaemon(true);
            return t;
        });
        ScheduledExecutorService userScheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "user-scheduler");
            t.setDaemon(true);
            return t;
        });
        try {
            HttpClient userHttp = HttpClient.newBuilder().executor(userPool).build();
            AuraClient client = AuraClient.builder()
                    .baseUrl(server.baseUrl())
                    .credentials(AuraCredentials.of(server.clientId(), server.clientSecret()))
                    .httpClient(userHttp)
                    .scheduler(userScheduler)
                    .waitOptions(QUICK_POLLS)
                    .build();
            assertThat(client.tenants().list()).isNotEmpty();
            assertThat(client.http()
                            .sendAsync(
                                    ApiRequest.get(ApiVersion.V1)
                                            .path("instances")
                                            .build(),
                                    JsonNode.class)
                            .get(GENEROUS.toSeconds(), TimeUnit.SECONDS)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(sdkThreads())
                    .as("the client created no thread of its own")
                    .noneMatch(t -> t.getName().startsWith("aura-sdk-"));

            client.close();

            assertThat(userPool.isShutdown()).isFalse();
            assertThat(userScheduler.isShutdown()).isFalse();
            assertThat(userScheduler
                            .schedule(() -> "still runs", 0, TimeUnit.MILLISECONDS)
                            .get(GENEROUS.toSeconds(), TimeUnit.SECONDS))
                    .isEqualTo("still runs");
            HttpResponse<String> direct = userHttp.send(
                    HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/tenants"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(direct.statusCode())
                    .as("the user's HttpClient still sends")
                    .isEqualTo(401);
        } finally {
            userPool.shutdownNow();
            userScheduler.shutdownNow();
        }
    }

    // ---- helpers

    private static TokenProvider staticToken() {
        return new TokenProvider() {
            @Override
            public AccessToken token() {
                return new AccessToken(
                        "static-test-token-value",
                        "Bearer",
                        Instant.now(),
                        Instant.now().plus(Duration.ofHours(1)));
            }

            @Override
            public boolean invalidate(AccessToken rejected) {
                return false;
            }
        };
    }

    /** Waits (bounded) until the fake has received a request: it is then in flight. */
    private void awaitRequest(String method, String pathRegex) throws InterruptedException {
        long deadline = System.nanoTime() + GENEROUS.toNanos();
        while (server.journal().count(method, pathRegex) == 0) {
            assertThat(System.nanoTime())
                    .as("request %s %s never arrived", method, pathRegex)
                    .isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** Threads started since {@link #start()} that the SDK or the JDK's HTTP client created. */
    private Set<Thread> sdkThreads() {
        return newThreads().stream()
                .filter(t -> t.getName().startsWith("aura-sdk-") || t.getName().startsWith("HttpClient-"))
                .collect(Collectors.toSet());
    }

    private Set<Thread> newThreads() {
        Set<Thread> now = new HashSet<>(Thread.getAllStackTraces().keySet());
        now.removeAll(before);
        now.removeIf(t -> !t.isAlive());
        return now;
    }

    private void assertNoThreadLeft() throws InterruptedException {
        assertThat(sdkThreads()).as("SDK threads alive when close() returned").isEmpty();
        Set<Thread> others = newThreads();
        others.removeIf(t -> t instanceof ForkJoinWorkerThread || isFakeThread(t));
        long deadline = System.nanoTime() + GENEROUS.toNanos();
        for (Thread t : others) { // the JDK's per-response threads (fewer than 3 CPUs) end on their own
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        Set<Thread> left = newThreads();
        left.removeIf(t -> t instanceof ForkJoinWorkerThread || isFakeThread(t));
        assertThat(left.stream().map(Thread::getName).collect(Collectors.toList()))
                .as("threads started since the client was built and still alive")
                .isEmpty();
    }

    private static boolean isFakeThread(Thread t) {
        String name = t.getName();
        return name.startsWith("MockWebServer") || name.startsWith("OkHttp");
    }
}
