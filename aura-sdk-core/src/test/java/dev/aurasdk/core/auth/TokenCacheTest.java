package dev.aurasdk.core.auth;

import static dev.aurasdk.core.testing.ScriptedAura.data;
import static dev.aurasdk.core.testing.ScriptedAura.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aurasdk.core.AuraAuthenticationException;
import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraException;
import dev.aurasdk.core.AuraPermissionDeniedException;
import dev.aurasdk.core.testing.ScriptedAura;
import dev.aurasdk.core.testing.Threads;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenCacheTest {
    private final ScriptedAura aura = new ScriptedAura();

    @AfterEach
    void close() {
        aura.close();
    }

    @Test
    void requestsTokenWithBasicAuthAndFormBodyAndUsesItAsBearer() throws Exception {
        aura.enqueue(data("[]"));
        try (AuraClient client = aura.client()) {
            client.tenants().list();
        }
        RecordedRequest tokenRequest = aura.tokenRequestLog.get(0);
        assertThat(tokenRequest.getMethod()).isEqualTo("POST");
        String basic = Base64.getEncoder()
                .encodeToString(
                        (ScriptedAura.CLIENT_ID + ":" + ScriptedAura.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        assertThat(tokenRequest.getHeaders().get("Authorization")).isEqualTo("Basic " + basic);
        assertThat(tokenRequest.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(tokenRequest.getBody().utf8()).isEqualTo("grant_type=client_credentials");
        assertThat(aura.apiRequests.get(0).getHeaders().get("Authorization"))
                .isEqualTo("Bearer " + ScriptedAura.tokenValue(1));
    }

    @Test
    void fetchesTokenOnceWhenSixtyFourThreadsMakeOneHundredCallsEach() throws Exception {
        aura.defaultApi(data("[{\"id\":\"t1\",\"name\":\"one\"}]"));
        // a slow token endpoint makes every thread arrive while the first request is in flight
        aura.defaultToken(n -> new MockResponse.Builder(ScriptedAura.token(ScriptedAura.tokenValue(n), 3600))
                .headersDelay(200, TimeUnit.MILLISECONDS)
                .build());
        try (AuraClient client = aura.client()) {
            ExecutorService pool = Executors.newFixedThreadPool(64);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 64; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    int ok = 0;
                    for (int i = 0; i < 100; i++) {
                        ok += client.tenants().list().size();
                    }
                    return ok;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : results) {
                total += f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(total).isEqualTo(6400);
        }
        assertThat(aura.tokenRequests.get()).isEqualTo(1);
        assertThat(aura.apiRequests).hasSize(6400);
    }

    @Test
    void refreshesInsideTheFiveMinuteWindowAndNotBefore() {
        aura.defaultApi(data("[]"));
        try (AuraClient client = aura.client()) {
            client.tenants().list();
            assertThat(aura.tokenRequests.get()).isEqualTo(1);

            aura.clock.advance(Duration.ofMinutes(55).minusSeconds(1)); // 5 min 1 s before expiry
            client.tenants().list();
            assertThat(aura.tokenRequests.get()).isEqualTo(1);

            aura.clock.advance(Duration.ofSeconds(2)); // 4 min 59 s before expiry
            client.tenants().list();
            assertThat(aura.tokenRequests.get()).isEqualTo(2);
            assertThat(aura.apiRequests.get(2).getHeaders().get("Authorization"))
                    .isEqualTo("Bearer " + ScriptedAura.tokenValue(2));
        }
    }

    @Test
    void shortLivedTokenIsRefreshedAtHalfLifeRatherThanOnEveryCall() {
        aura.defaultToken(n -> ScriptedAura.token(ScriptedAura.tokenValue(n), 120));
        aura.defaultApi(data("[]"));
        try (AuraClient client = aura.client()) {
            for (int i = 0; i < 10; i++) {
                client.tenants().list();
            }
            assertThat(aura.tokenRequests.get()).isEqualTo(1);
            aura.clock.advance(Duration.ofSeconds(61));
            client.tenants().list();
            assertThat(aura.tokenRequests.get()).isEqualTo(2);
        }
    }

    @Test
    void failedRefreshIsInvisibleWhileTheCurrentTokenIsValid() {
        aura.defaultApi(data("[]"));
        try (AuraClient client = aura.client()) {
            client.tenants().list();
            aura.clock.advance(Duration.ofMinutes(56)); // inside the refresh window, token still valid
            aura.defaultToken(n -> json(503, "{\"error\":\"token service down\"}"));
            client.tenants().list();
            client.tenants().list();
            assertThat(aura.apiRequests).hasSize(3);
            assertThat(aura.apiRequests.get(2).getHeaders().get("Authorization"))
                    .isEqualTo("Bearer " + ScriptedAura.tokenValue(1));
            // one refresh (3 attempts under the retry policy), then a pause before trying again
            assertThat(aura.tokenRequests.get()).isEqualTo(1 + 3);
            aura.defaultToken(n -> ScriptedAura.token(ScriptedAura.tokenValue(n), 3600));
            aura.clock.advance(Duration.ofSeconds(11));
            client.tenants().list();
            assertThat(aura.tokenRequests.get()).isEqualTo(5);
        }
    }

    @Test
    void unauthorizedTriggersOneRefreshAndOneReplay() {
        aura.enqueue(json(401, "{\"error\":\"Unauthorized\"}")).enqueue(data("[]"));
        try (AuraClient client = aura.client()) {
            assertThat(client.tenants().list()).isEmpty();
        }
        assertThat(aura.tokenRequests.get()).isEqualTo(2);
        assertThat(aura.apiRequests).hasSize(2);
        assertThat(aura.apiRequests.get(1).getHeaders().get("Authorization"))
                .isEqualTo("Bearer " + ScriptedAura.tokenValue(2));
    }

    @Test
    void secondUnauthorizedSurfacesAsAuthenticationException() {
        aura.enqueue(json(401, "{\"error\":\"Unauthorized\"}")).enqueue(json(401, "{\"error\":\"Unauthorized\"}"));
        try (AuraClient client = aura.client()) {
            assertThatThrownBy(() -> client.tenants().list())
                    .isInstanceOf(AuraAuthenticationException.class)
                    .hasMessageContaining("HTTP 401");
        }
        assertThat(aura.tokenRequests.get()).isEqualTo(2);
        assertThat(aura.apiRequests).hasSize(2);
    }

    @Test
    void aRefusalAfterTheReplayCountsBothRequestsAsAttempts() {
        aura.enqueue(json(401, "{\"error\":\"Unauthorized\"}")).enqueue(json(401, "{\"error\":\"Unauthorized\"}"));
        List<Integer> attemptNumbers = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (AuraClient client = aura.clientBuilder()
                .addRequestListener(new dev.aurasdk.core.http.RequestListener() {
                    @Override
                    public void onAttemptStart(dev.aurasdk.core.http.RequestEvent event) {
                        if (event.path().equals("/v1/tenants")) {
                            attemptNumbers.add(event.attempt());
                        }
                    }
                })
                .build()) {
            assertThatThrownBy(() -> client.tenants().list())
                    .isInstanceOfSatisfying(AuraAuthenticationException.class, e -> {
                        assertThat(e.attempts()).isEqualTo(2);
                        assertThat(e.getMessage()).contains("[after 2 attempts]");
                    });
        }
        assertThat(aura.apiRequests).hasSize(2);
        assertThat(attemptNumbers).containsExactly(1, 2);
    }

    @Test
    void aTokenLifetimeBeyondTheClocksRangeIsADecodingFailureNotAnArithmeticException() {
        aura.defaultToken(n -> json(
                200,
                "{\"access_token\":\"" + ScriptedAura.tokenValue(n)
                        + "\",\"expires_in\":9223372036854775807,\"token_type\":\"bearer\"}"));
        try (AuraClient client = aura.client()) {
            assertThatThrownBy(() -> client.tenants().list())
                    .isInstanceOf(dev.aurasdk.core.AuraDecodingException.class)
                    .hasMessageContaining("expires_in is implausibly large");
        }
        assertThat(aura.apiRequests).isEmpty();
    }

    @Test
    void forbiddenOnExpiredTokenTriggersOneRefreshAndOneReplay() {
        aura.enqueue(json(403, "{\"error\":\"Access denied: token expired\"}")).enqueue(data("[]"));
        try (AuraClient client = aura.client()) {
            assertThat(client.tenants().list()).isEmpty();
        }
        assertThat(aura.tokenRequests.get()).isEqualTo(2);
    }

    @Test
    void persistentForbiddenSurfacesAndDoesNotCauseATokenStorm() {
        aura.defaultApi(json(403, "{\"error\":\"Access denied\"}"));
        try (AuraClient client = aura.client()) {
            for (int i = 0; i < 20; i++) {
                assertThatThrownBy(() -> client.tenants().list())
                        .isInstanceOf(AuraPermissionDeniedException.class)
                        .hasMessageContaining("Access denied");
            }
        }
        // first call: token + one forced refresh; the next 19 are refused without new tokens
        assertThat(aura.tokenRequests.get()).isEqualTo(2);
        assertThat(aura.apiRequests).hasSize(21);
    }

    @Test
    void tokenEndpointRefusalIsAnAuthenticationExceptionAndIsNotRetried() {
        aura.defaultToken(n -> json(401, "{\"error\":\"access_denied\",\"error_description\":\"Unauthorized\"}"));
        try (AuraClient client = aura.client()) {
            assertThatThrownBy(() -> client.tenants().list())
                    .isInstanceOf(AuraAuthenticationException.class)
                    .hasMessageContaining("access_denied")
                    .hasMessageContaining("Unauthorized")
                    .hasMessageNotContaining(ScriptedAura.CLIENT_SECRET);
        }
        assertThat(aura.tokenRequests.get()).isEqualTo(1);
        assertThat(aura.apiRequests).isEmpty();
    }

    @Test
    void tokenEndpointBadRequestAndForbiddenAreAuthenticationExceptions() {
        aura.enqueueToken(json(400, "{\"error\":\"invalid_request\"}"));
        try (AuraClient client = aura.client()) {
            assertThatThrownBy(() -> client.tenants().list()).isInstanceOf(AuraAuthenticationException.class);
        }
        try (ScriptedAura other = new ScriptedAura()) {
            other.enqueueToken(json(403, "{\"error\":\"invalid body\"}"));
            try (AuraClient client = other.client()) {
                assertThatThrownBy(() -> client.tenants().list()).isInstanceOf(AuraAuthenticationException.class);
            }
        }
    }

    @Test
    void tokenEndpointDownThenUpIsRetriedWithBackoff() {
        aura.enqueueToken(json(503, "{\"error\":\"down\"}")).enqueue(data("[]"));
        try (AuraClient client = aura.client()) {
            client.tenants().list();
        }
        assertThat(aura.tokenRequests.get()).isEqualTo(2);
        assertThat(aura.sleeper.sleeps()).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void sharedTokenStoreLetsTwoClientsUseOneToken() {
        TokenStore store = TokenStore.inMemory();
        aura.defaultApi(data("[]"));
        try (AuraClient a = aura.clientBuilder().tokenStore(store).build();
                AuraClient b = aura.clientBuilder().tokenStore(store).build()) {
            a.tenants().list();
            b.tenants().list();
        }
        assertThat(aura.tokenRequests.get()).isEqualTo(1);
    }

    @Test
    void customTokenProviderIsUsedAsIs() {
        aura.defaultApi(data("[]"));
        AccessToken fixed = new AccessToken(
                "my-broker-token-value-000000000000",
                "bearer",
                aura.clock.instant(),
                aura.clock.instant().plusSeconds(3600));
        TokenProvider provider = new TokenProvider() {
            @Override
            public AccessToken token() {
                return fixed;
            }

            @Override
            public boolean invalidate(AccessToken rejected) {
                return false;
            }
        };
        try (AuraClient client = AuraClient.builder()
                .tokenProvider(provider)
                .baseUrl(aura.baseUrl())
                .clock(aura.clock)
                .sleeper(aura.sleeper)
                .build()) {
            client.tenants().list();
        }
        assertThat(aura.tokenRequests.get()).isZero();
        assertThat(aura.apiRequests.get(0).getHeaders().get("Authorization"))
                .isEqualTo("Bearer my-broker-token-value-000000000000");
    }

    @Test
    void callersWithAValidTokenDoNotWaitForASlowRefresh() throws Exception {
        aura.defaultApi(data("[]"));
        try (AuraClient client = aura.client()) {
            client.tenants().list();
            aura.clock.advance(Duration.ofMinutes(57)); // refresh window, token valid for 3 more minutes
            CountDownLatch refreshStarted = new CountDownLatch(1);
            CountDownLatch releaseRefresh = new CountDownLatch(1);
            aura.defaultToken(n -> {
                refreshStarted.countDown();
                try {
                    releaseRefresh.await(60, TimeUnit.SECONDS); // a generous bound: the test releases it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ScriptedAura.token(ScriptedAura.tokenValue(n), 3600);
            });
            ExecutorService pool = Executors.newFixedThreadPool(8);
            Future<?> leader = pool.submit(() -> client.tenants().list());
            assertThat(refreshStarted.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<?>> others = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                others.add(pool.submit(() -> client.tenants().list()));
            }
            for (Future<?> f : others) {
                f.get(30, TimeUnit.SECONDS); // completes while the refresh is still blocked
            }
            assertThat(leader).as("the leader still waits for its refresh").isNotDone();
            releaseRefresh.countDown();
            leader.get(30, TimeUnit.SECONDS);
            pool.shutdown();
        }
        assertThat(aura.tokenRequests.get()).isEqualTo(2);
        assertThat(aura.apiRequests).hasSize(9);
    }

    @Test
    void everyWaiterGetsTheFailureWhenNoValidTokenExists() throws Exception {
        aura.defaultToken(n -> new MockResponse.Builder(
                        json(401, "{\"error\":\"access_denied\",\"error_description\":\"Unauthorized\"}"))
                .headersDelay(200, TimeUnit.MILLISECONDS)
                .build());
        try (AuraClient client = aura.client()) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Throwable>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        client.tenants().list();
                        return null;
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            for (Future<Throwable> f : results) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isInstanceOf(AuraAuthenticationException.class);
            }
            pool.shutdown();
        }
        assertThat(aura.tokenRequests.get()).isEqualTo(1);
        assertThat(aura.apiRequests).isEmpty();
    }

    @Test
    void anErrorThrownDuringARefreshDoesNotHangLaterCallers() throws Exception {
        aura.defaultApi(data("[]"));
        Supplier<AccessToken> fetcher = () -> {
            throw new AssertionError("simulated Error inside the token fetch");
        };
        dev.aurasdk.core.internal.auth.CachingTokenProvider provider =
                new dev.aurasdk.core.internal.auth.CachingTokenProvider(
                        fetcher,
                        TokenStore.inMemory(),
                        "k",
                        aura.clock,
                        Duration.ofMinutes(5),
                        Duration.ofSeconds(10),
                        Duration.ofMinutes(30));
        assertThatThrownBy(provider::token).isInstanceOf(AssertionError.class);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<Throwable> next = pool.submit(() -> {
            try {
                provider.token();
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        // would hang forever if the in-flight refresh were never completed
        assertThat(next.get(5, TimeUnit.SECONDS))
                .isInstanceOf(dev.aurasdk.core.AuraException.class)
                .hasMessageContaining("AssertionError");
        pool.shutdown();
    }

    @Test
    void aListenerLinkageErrorDoesNotBreakTheTokenRequest() {
        aura.defaultApi(data("[]"));
        dev.aurasdk.core.http.RequestListener broken = new dev.aurasdk.core.http.RequestListener() {
            @Override
            public void onTokenRefresh(boolean success, Duration elapsed) {
                throw new NoClassDefFoundError("io/micrometer/core/instrument/Counter");
            }
        };
        try (AuraClient client = aura.clientBuilder().addRequestListener(broken).build()) {
            assertThat(client.tenants().list()).isEmpty();
        }
    }

    @Test
    void aGenuineForbiddenOnceAMinuteCostsAtMostTwoExtraTokensAnHour() {
        aura.defaultApi(data("[]"));
        try (AuraClient client = aura.client()) {
            for (int minute = 0; minute < 60; minute++) {
                aura.enqueue(json(403, "{\"error\":\"Access denied\"}"));
                aura.enqueue(json(403, "{\"error\":\"Access denied\"}"));
                assertThatThrownBy(() -> client.tenants().list())
                        .as("the credential lacks the permission")
                        .isInstanceOf(AuraPermissionDeniedException.class);
                aura.clock.advance(Duration.ofMinutes(1));
            }
        }
        // 1 initial + 1 scheduled refresh near expiry + at most 2 forced (every 30 min)
        assertThat(aura.tokenRequests.get()).isLessThanOrEqualTo(4);
    }

    @Test
    void interruptedRefreshDoesNotPoisonOtherCallers() throws Exception {
        aura.defaultApi(data("[]"));
        CountDownLatch refreshStarted = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
        aura.defaultToken(n -> {
            if (first.getAndSet(false)) {
                refreshStarted.countDown();
                // answered only long after the leader was interrupted (a generous bound, never waited for)
                return new MockResponse.Builder(ScriptedAura.token(ScriptedAura.tokenValue(n), 3600))
                        .headersDelay(30, TimeUnit.SECONDS)
                        .build();
            }
            return ScriptedAura.token(ScriptedAura.tokenValue(n), 3600);
        });
        try (AuraClient client = aura.client()) {
            CompletableFuture<Object> leaderOutcome = new CompletableFuture<>();
            Thread leader = new Thread(
                    () -> complete(leaderOutcome, () -> client.tenants().list()), "leader");
            leader.start();
            assertThat(refreshStarted.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Object> otherOutcome = new CompletableFuture<>();
            Thread other = new Thread(
                    () -> complete(otherOutcome, () -> client.tenants().list()), "other");
            other.start();
            // the other caller waits on the leader's refresh before the leader is interrupted
            Threads.awaitParkedIn(other, dev.aurasdk.core.internal.auth.CachingTokenProvider.class, "token");

            leader.interrupt();

            assertThatThrownBy(() -> leaderOutcome.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(AuraException.class)
                    .hasMessageContaining("interrupted");
            assertThat(otherOutcome.get(10, TimeUnit.SECONDS))
                    .as("takes over the refresh instead of failing")
                    .isEqualTo(List.of());
        }
        assertThat(aura.tokenRequests.get()).isEqualTo(2);
    }

    private static void complete(CompletableFuture<Object> outcome, Supplier<Object> call) {
        try {
            outcome.complete(call.get());
        } catch (RuntimeException e) {
            outcome.completeExceptionally(e);
        }
    }

    @Test
    void tokenWithATrailingNewlineIsAcceptedAndAnInvalidOneNeverQuoted() {
        aura.enqueueToken(ScriptedAura.token("eyJ-newline-token-0123456789\\n", 3600));
        aura.enqueue(data("[]"));
        try (AuraClient client = aura.client()) {
            client.tenants().list();
        }
        assertThat(aura.apiRequests.get(0).getHeaders().get("Authorization"))
                .isEqualTo("Bearer eyJ-newline-token-0123456789");
        assertThatThrownBy(() -> new AccessToken(
                        "eyJ-bad token-value",
                        "bearer",
                        java.time.Instant.EPOCH,
                        java.time.Instant.EPOCH.plusSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("eyJ-bad");
    }
}
