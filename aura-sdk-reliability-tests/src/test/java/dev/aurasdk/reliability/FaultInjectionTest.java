package dev.aurasdk.reliability;

import static dev.aurasdk.reliability.Fixtures.INSTANCE;
import static dev.aurasdk.reliability.Fixtures.INSTANCE_PATH;
import static dev.aurasdk.reliability.Fixtures.JOBS_PATH;
import static dev.aurasdk.reliability.Fixtures.TOKEN_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.core.AuraApiException;
import dev.aurasdk.core.AuraAuthenticationException;
import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraDecodingException;
import dev.aurasdk.core.AuraException;
import dev.aurasdk.core.AuraRateLimitedException;
import dev.aurasdk.core.AuraServerException;
import dev.aurasdk.core.AuraTimeoutException;
import dev.aurasdk.core.AuraTransportException;
import dev.aurasdk.core.http.RateLimit;
import dev.aurasdk.core.model.Instance;
import dev.aurasdk.core.testing.SecretGuard;
import dev.aurasdk.imports.CreatedImportJob;
import dev.aurasdk.testkit.FakeAuraServer;
import dev.aurasdk.testkit.Faults;
import dev.aurasdk.testkit.JournalEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault the testkit can inject (and the two connection faults it cannot, through a {@link TcpFront}), once for
 * a GET (an instance read) and once for a POST (an import-job create): the outcome is a success after N attempts or
 * a typed {@link AuraException}, and the fake's journal proves that no POST was processed twice. Runs in the fake's
 * virtual time; only the read-timeout case waits for real (hundreds of milliseconds).
 */
class FaultInjectionTest {
    /** The two calls every fault is tried on. */
    enum Target {
        GET("GET", INSTANCE_PATH),
        POST("POST", JOBS_PATH);

        final String method;
        final String path;

        Target(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Object call(AuraClient client) {
            if (this == GET) {
                Instance instance = client.instances().get(INSTANCE);
                assertThat(instance.id()).isEqualTo(INSTANCE);
                return instance;
            }
            CreatedImportJob job = Fixtures.jobs(client).create(Fixtures.importRequest());
            assertThat(job.id()).isNotBlank();
            return job;
        }
    }

    /** What one call ends with: its attempts (as the SDK counts them) and the requests the fake received. */
    record Expected(Class<? extends AuraException> failure, int attempts, int received) {
        static Expected ok(int attempts, int received) {
            return new Expected(null, attempts, received);
        }

        static Expected fails(Class<? extends AuraException> type, int attempts, int received) {
            return new Expected(type, attempts, received);
        }

        String describe() {
            String outcome = failure == null ? "success" : failure.getSimpleName();
            return outcome + " after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + " (" + received
                    + " received)";
        }
    }

    /** The client-side set-up and the injected fault of one case. */
    static final class Env {
        final FakeAuraServer server;
        final Target target;
        TcpFront front;
        Duration requestTimeout = Duration.ofSeconds(10);
        Runnable onSleep = () -> {};

        Env(FakeAuraServer server, Target target) {
            this.server = server;
            this.target = target;
        }

        /** A fault rule for the next {@code n} requests of this case's call. */
        Faults.FaultBuilder next(int n) {
            return server.fault().next(n).matching(target.method, target.path);
        }

        Faults.FaultBuilder nextToken(int n) {
            return server.fault().next(n).matching("POST", TOKEN_PATH);
        }
    }

    /**
     * One fault and what it leads to.
     *
     * @param fault what goes wrong
     * @param warmUp whether a first call (GET /v1/tenants) obtains a token before the fault is injected
     * @param prepare client-side set-up (before the client is built)
     * @param inject the fault (after the warm-up)
     * @param get the outcome of the GET
     * @param post the outcome of the POST
     * @param processed how many of the POSTs the fake processed (created a job)
     * @param tokens token requests the fake received in the whole run
     * @param minGap least virtual time between the first two requests of the call (a honoured Retry-After)
     */
    record FaultCase(
            String fault,
            boolean warmUp,
            Consumer<Env> prepare,
            Consumer<Env> inject,
            Expected get,
            Expected post,
            int processed,
            int tokens,
            Duration minGap) {
        Expected expected(Target t) {
            return t == Target.GET ? get : post;
        }

        /** The row of this case in docs/RELIABILITY.md. */
        String docRow() {
            return "| " + fault + " | " + get.describe() + " | " + post.describe() + " | " + post.received() + " / "
                    + processed + " | " + tokens + " |";
        }
    }

    private static FaultCase c(String fault, Consumer<Env> inject, Expected get, Expected post, int processed) {
        return new FaultCase(fault, true, e -> {}, inject, get, post, processed, 1, Duration.ZERO);
    }

    private static FaultCase burst(int status) {
        return c(
                status + " twice, then success",
                e -> e.next(2).respond(status),
                Expected.ok(3, 3),
                Expected.fails(AuraServerException.class, 1, 1),
                0);
    }

    /** The fault matrix; {@code docs/RELIABILITY.md} shows it row by row (checked by {@link DocFiguresTest}). */
    static final List<FaultCase> CASES = List.of(
            new FaultCase(
                    "429 with `Retry-After: 3` (seconds)",
                    true,
                    e -> {},
                    e -> e.next(1).retryAfter(Duration.ofSeconds(3)).respond(429),
                    Expected.ok(2, 2),
                    Expected.ok(2, 2),
                    1,
                    1,
                    Duration.ofSeconds(3)),
            new FaultCase(
                    "429 with `Retry-After` as an HTTP date (now + 5 s)",
                    true,
                    e -> {},
                    e -> e.next(1)
                            .retryAfter(e.server.clock().instant().plusSeconds(5))
                            .respond(429),
                    Expected.ok(2, 2),
                    Expected.ok(2, 2),
                    1,
                    1,
                    Duration.ofSeconds(5)),
            c(
                    "429 three times (outlasts the 3 attempts)",
                    e -> e.next(3).retryAfter(Duration.ofSeconds(1)).respond(429),
                    Expected.fails(AuraRateLimitedException.class, 3, 3),
                    Expected.fails(AuraRateLimitedException.class, 3, 3),
                    0),
            burst(500),
            burst(502),
            burst(503),
            burst(504),
            c(
                    "503 three times (outlasts the 3 attempts)",
                    e -> e.next(3).respond(503),
                    Expected.fails(AuraServerException.class, 3, 3),
                    Expected.fails(AuraServerException.class, 1, 1),
                    0),
            new FaultCase(
                    "connection refused (nothing listens: the request never left the client)",
                    false,
                    e -> {
                        e.front = new TcpFront(e.server.port());
                        e.onSleep = e.front::open;
                    },
                    e -> e.front.refuse(),
                    Expected.ok(2, 1),
                    Expected.ok(2, 1),
                    1,
                    1,
                    Duration.ZERO),
            new FaultCase(
                    "connection reset after the request was sent, before the server read it",
                    false,
                    e -> e.front = new TcpFront(e.server.port()),
                    e -> e.front.resetNext(1),
                    Expected.ok(1, 1),
                    Expected.fails(AuraTransportException.class, 1, 0),
                    0,
                    1,
                    Duration.ZERO),
            c(
                    "connection closed after the request arrived, before it was processed",
                    e -> e.next(1).dropConnection(),
                    Expected.ok(1, 2),
                    Expected.fails(AuraTransportException.class, 1, 1),
                    0),
            c(
                    "connection closed after the request was processed",
                    e -> e.next(1).dropConnectionAfterProcessing(),
                    Expected.ok(1, 2),
                    Expected.fails(AuraTransportException.class, 1, 1),
                    1),
            // the answer comes long after the timeout: a timer late under load still fires first
            new FaultCase(
                    "read timeout (answer held 30 s, attempt timeout 3 s)",
                    true,
                    // 3 s: the retried attempt is answered at once, even on a loaded machine
                    e -> e.requestTimeout = Duration.ofSeconds(3),
                    e -> e.next(1).delayHeaders(Duration.ofSeconds(30)),
                    Expected.ok(2, 2),
                    Expected.fails(AuraTimeoutException.class, 1, 1),
                    1,
                    1,
                    Duration.ZERO),
            c(
                    "truncated JSON body (success status)",
                    e -> e.next(1).truncateBody(),
                    Expected.fails(AuraDecodingException.class, 1, 1),
                    Expected.fails(AuraDecodingException.class, 1, 1),
                    1),
            c(
                    "non-JSON proxy error page (502, text/html)",
                    e -> e.next(1).htmlBody(502),
                    Expected.ok(2, 2),
                    Expected.fails(AuraServerException.class, 1, 1),
                    0),
            c(
                    "empty body with status 200",
                    e -> e.next(1).emptyBody(200),
                    Expected.fails(AuraDecodingException.class, 1, 1),
                    Expected.fails(AuraDecodingException.class, 1, 1),
                    0),
            c(
                    "empty body with status 503",
                    e -> e.next(1).emptyBody(503),
                    Expected.ok(2, 2),
                    Expected.fails(AuraServerException.class, 1, 1),
                    0),
            new FaultCase(
                    "401 mid-run: the token was revoked",
                    true,
                    e -> {},
                    e -> e.server.revokeTokens(),
                    Expected.ok(2, 2),
                    Expected.ok(2, 2),
                    1,
                    2,
                    Duration.ZERO),
            new FaultCase(
                    "403 mid-run: \"token expired\"",
                    true,
                    e -> {},
                    e -> e.next(1).respond(403, "{\"error\":\"Access denied: token expired\"}"),
                    Expected.ok(2, 2),
                    Expected.ok(2, 2),
                    1,
                    2,
                    Duration.ZERO),
            new FaultCase(
                    "401 again with the fresh token (a revoked credential)",
                    true,
                    e -> {},
                    e -> e.server
                            .fault()
                            .always()
                            .matching(e.target.method, e.target.path)
                            .respond(401),
                    Expected.fails(AuraAuthenticationException.class, 2, 2),
                    Expected.fails(AuraAuthenticationException.class, 2, 2),
                    0,
                    2,
                    Duration.ZERO),
            new FaultCase(
                    "token endpoint down (503 three times)",
                    false,
                    e -> {},
                    e -> e.nextToken(3).respond(503),
                    Expected.fails(AuraServerException.class, 0, 0),
                    Expected.fails(AuraServerException.class, 0, 0),
                    0,
                    3,
                    Duration.ZERO),
            new FaultCase(
                    "token endpoint down briefly (503 twice)",
                    false,
                    e -> {},
                    e -> e.nextToken(2).respond(503),
                    Expected.ok(1, 1),
                    Expected.ok(1, 1),
                    1,
                    3,
                    Duration.ZERO),
            new FaultCase(
                    "token endpoint answers 401 (bad credentials)",
                    false,
                    e -> {},
                    e -> e.nextToken(1)
                            .respond(401, "{\"error\":\"access_denied\",\"error_description\":\"Unauthorized\"}"),
                    Expected.fails(AuraAuthenticationException.class, 0, 0),
                    Expected.fails(AuraAuthenticationException.class, 0, 0),
                    0,
                    1,
                    Duration.ZERO),
            new FaultCase(
                    "token endpoint answers 429 with `Retry-After: 2`",
                    false,
                    e -> {},
                    e -> e.nextToken(1).retryAfter(Duration.ofSeconds(2)).respond(429),
                    Expected.ok(1, 1),
                    Expected.ok(1, 1),
                    1,
                    2,
                    Duration.ZERO),
            new FaultCase(
                    "token endpoint down at refresh time; the current token is still valid",
                    true,
                    e -> {},
                    e -> {
                        e.server.advance(Duration.ofMinutes(56));
                        e.server.fault().always().matching("POST", TOKEN_PATH).respond(503);
                    },
                    Expected.ok(1, 1),
                    Expected.ok(1, 1),
                    1,
                    4,
                    Duration.ZERO));

    static Stream<Arguments> runs() {
        return CASES.stream()
                .flatMap(c -> Stream.of(Target.values())
                        .map(t -> Arguments.of(
                                t + ", " + c.fault() + " -> " + c.expected(t).describe(), c, t)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    @Timeout(20)
    void eachFaultEndsInSuccessAfterNAttemptsOrATypedExceptionAndNoPostIsProcessedTwice(
            String name, FaultCase fault, Target target) {
        try (FakeAuraServer server = FakeAuraServer.create().start()) {
            Env env = new Env(server, target);
            fault.prepare().accept(env);
            Attempts attempts = new Attempts();
            AuraClient.Builder builder = server.clientBuilder()
                    .requestTimeout(env.requestTimeout)
                    // no jitter: a full-jitter draw under 1 ms skips the sleep, and so the hook some faults need
                    .retryPolicy(dev.aurasdk.core.http.RetryPolicy.builder()
                            .jitter(false)
                            .build())
                    .rateLimit(RateLimit.unlimited())
                    .addRequestListener(attempts)
                    .sleeper(d -> {
                        env.onSleep.run();
                        if (!d.isNegative()) {
                            server.advance(d);
                        }
                    });
            if (env.front != null) {
                builder.baseUrl(env.front.baseUrl()).authUrl(server.baseUrl() + TOKEN_PATH);
            }
            try (AuraClient client = builder.build()) {
                if (fault.warmUp()) {
                    client.tenants().list();
                }
                fault.inject().accept(env);

                Throwable failure = null;
                try {
                    target.call(client);
                } catch (RuntimeException e) {
                    failure = SecretGuard.observe(e);
                }

                Expected expected = fault.expected(target);
                if (expected.failure() == null) {
                    assertThat(failure).as("outcome").isNull();
                } else {
                    assertThat(failure).as("outcome").isInstanceOf(expected.failure());
                    if (failure instanceof AuraApiException && expected.attempts() > 0) {
                        assertThat(((AuraApiException) failure).attempts())
                                .as("attempts in the exception")
                                .isEqualTo(expected.attempts());
                    }
                }
                assertThat(attempts.count(target.method, target.path))
                        .as("attempts the SDK made")
                        .isEqualTo(expected.attempts());
                List<JournalEntry> received = Fixtures.received(server, target.method, target.path);
                assertThat(received).as("requests the fake received").hasSize(expected.received());
                assertThat(server.tokenRequestCount()).as("token requests").isEqualTo(fault.tokens());
                if (target == Target.POST) {
                    assertThat(Fixtures.processedCreates(server))
                            .as("POSTs the fake processed")
                            .isEqualTo(fault.processed())
                            .isLessThanOrEqualTo(1);
                }
                if (!fault.minGap().isZero()) {
                    assertThat(Duration.between(
                                    received.get(0).receivedAt(),
                                    received.get(1).receivedAt()))
                            .as("virtual time between the attempts (Retry-After honoured)")
                            .isGreaterThanOrEqualTo(fault.minGap());
                }
            } finally {
                server.fault().clear();
                if (env.front != null) {
                    env.front.close();
                }
            }
        }
    }

    @Test
    void aProxyErrorPageBecomesAServerExceptionThatDescribesThePageWithoutQuotingIt() {
        try (FakeAuraServer server = FakeAuraServer.create().start();
                AuraClient client = server.clientBuilder().build()) {
            server.fault().always().matching("GET", INSTANCE_PATH).htmlBody(502);
            AuraServerException e = SecretGuard.observe(org.junit.jupiter.api.Assertions.assertThrows(
                    AuraServerException.class, () -> client.instances().get(INSTANCE)));
            assertThat(e.statusCode()).isEqualTo(502);
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(e.getMessage())
                    .contains("non-JSON body: text/html")
                    .contains("title \"502\"")
                    .doesNotContain("<html>")
                    .contains("request id");
        }
    }

    @Test
    void aPostThatMayHaveReachedTheServerIsNotResentAndTheMessageSaysSo() {
        try (FakeAuraServer server = FakeAuraServer.create().start();
                AuraClient client = server.clientBuilder().build()) {
            server.fault().next(1).matching("POST", JOBS_PATH).dropConnectionAfterProcessing();
            AuraTransportException e = SecretGuard.observe(org.junit.jupiter.api.Assertions.assertThrows(
                    AuraTransportException.class, () -> Fixtures.jobs(client).create(Fixtures.importRequest())));
            assertThat(e.getMessage()).contains("not resent").contains("check before retrying");
            assertThat(server.journal().count("POST", JOBS_PATH)).isEqualTo(1);
            assertThat(Fixtures.processedCreates(server)).isEqualTo(1);
        }
    }

    @Test
    @Timeout(120)
    void sixtyFourThreadsRefusedWithARevokedTokenShareOneRefreshAndEachPostIsProcessedOnce() throws Exception {
        try (FakeAuraServer server = FakeAuraServer.create().start();
                AuraClient client =
                        server.clientBuilder().rateLimit(RateLimit.unlimited()).build()) {
            client.tenants().list();
            server.revokeTokens();
            callTogether(client);
            assertThat(server.tokenRequestCount())
                    .as("token requests: the first and one refresh")
                    .isEqualTo(2);
            assertThat(Fixtures.processedCreates(server)).isEqualTo(SLOW_TOKEN_THREADS / 2);
            assertThat(server.journal().find("POST", JOBS_PATH)).allMatch(e -> e.status() == 401 || e.status() == 201);
        }
    }

    /** Threads waiting on one slow token request, half of them for a GET and half for a POST. */
    static final int SLOW_TOKEN_THREADS = 64;
    /** How long the token endpoint holds its answer, in real time. */
    static final Duration SLOW_TOKEN_DELAY = Duration.ofMillis(400);

    @Test
    @Timeout(120)
    void sixtyFourThreadsWaitingOnASlowTokenEndpointShareOneTokenRequestAndAllSucceed() throws Exception {
        try (FakeAuraServer server = FakeAuraServer.create().start();
                AuraClient client =
                        server.clientBuilder().rateLimit(RateLimit.unlimited()).build()) {
            server.fault().next(1).matching("POST", TOKEN_PATH).delayHeaders(SLOW_TOKEN_DELAY);
            long elapsedMs = callTogether(client).toMillis();
            assertThat(elapsedMs)
                    .as("every thread waited for the one slow token request")
                    .isGreaterThanOrEqualTo(SLOW_TOKEN_DELAY.toMillis() - 50);
            assertThat(server.tokenRequestCount()).isEqualTo(1);
            assertThat(server.journal().count("GET", INSTANCE_PATH)).isEqualTo(SLOW_TOKEN_THREADS / 2);
            assertThat(server.journal().count("POST", JOBS_PATH)).isEqualTo(SLOW_TOKEN_THREADS / 2);
            assertThat(Fixtures.processedCreates(server)).isEqualTo(SLOW_TOKEN_THREADS / 2);
        }
    }

    /**
     * Releases {@link #SLOW_TOKEN_THREADS} callers at once, half sending a GET and half a POST, and waits
     * for all of them (each must succeed within 100 s, a generous bound).
     *
     * @return the time from their release to the last one's end
     */
    private static Duration callTogether(AuraClient client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SLOW_TOKEN_THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> calls = new ArrayList<>();
            for (int i = 0; i < SLOW_TOKEN_THREADS; i++) {
                Target target = i % 2 == 0 ? Target.GET : Target.POST;
                calls.add(pool.submit(() -> {
                    start.await();
                    return target.call(client);
                }));
            }
            long t0 = System.nanoTime();
            start.countDown();
            for (Future<Object> f : calls) {
                f.get(100, TimeUnit.SECONDS);
            }
            return Duration.ofNanos(System.nanoTime() - t0);
        } finally {
            pool.shutdownNow();
        }
    }
}
