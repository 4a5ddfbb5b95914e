package dev.aurasdk.core.http;

import static dev.aurasdk.core.testing.ScriptedAura.data;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.testing.CapturedLogs;
import dev.aurasdk.core.testing.ScriptedAura;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class TransportBehaviourTest {
    private final ScriptedAura aura = new ScriptedAura();

    @AfterEach
    void close() {
        aura.close();
    }

    @Test
    void sendsUserAgentAcceptAndJsonContentTypeOnBodies() {
        aura.enqueue(data("[]"))
                .enqueue(new MockResponse.Builder(data("{\"id\":\"x\"}"))
                        .code(202)
                        .build());
        try (AuraClient client =
                aura.clientBuilder().userAgentSuffix("my-service/1.2").build()) {
            client.tenants().list();
            ApiResponse<com.fasterxml.jackson.databind.JsonNode> r = client.http()
                    .send(
                            ApiRequest.post(ApiVersion.V1)
                                    .path("instances")
                                    .body(Map.of("tenant_id", "t"))
                                    .build(),
                            com.fasterxml.jackson.databind.JsonNode.class);
            assertThat(r.statusCode()).isEqualTo(202);
        }
        RecordedRequest get = aura.apiRequests.get(0);
        assertThat(get.getHeaders().get("User-Agent"))
                .matches("aura-sdk-java/\\S+ \\(Java [^;]+; [^)]+\\) my-service/1\\.2")
                .doesNotContain("unknown");
        assertThat(get.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(get.getHeaders().get("Content-Type")).isNull();
        RecordedRequest post = aura.apiRequests.get(1);
        assertThat(post.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(post.getBody().utf8()).isEqualTo("{\"tenant_id\":\"t\"}");
    }

    @Test
    void bodilessPostStillDeclaresJsonBecauseAuraAnswers415Otherwise() {
        aura.enqueue(new MockResponse.Builder(data("{\"id\":\"j\"}")).build());
        try (AuraClient client = aura.client()) {
            client.http()
                    .send(
                            ApiRequest.post(ApiVersion.V2BETA1)
                                    .path("organizations")
                                    .id("o", "o1")
                                    .path("cancellation")
                                    .build(),
                            Void.class);
        }
        assertThat(aura.apiRequests.get(0).getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(aura.apiRequests.get(0).getBodySize()).isZero();
    }

    @Test
    void exposesRequestIdAndErrorsBesideData() {
        aura.enqueue(new MockResponse.Builder(ScriptedAura.json(
                        200,
                        "{\"data\":{\"id\":\"a\"},\"errors\":["
                                + "{\"reason\":\"invalid-type-defs\",\"message\":\"Unknown type\"}]}"))
                .setHeader("X-Request-Id", "rid-7")
                .build());
        try (AuraClient client = aura.client()) {
            ApiResponse<com.fasterxml.jackson.databind.JsonNode> r = client.http()
                    .send(
                            ApiRequest.get(ApiVersion.V1BETA5)
                                    .path("instances")
                                    .id("instanceId", "abc")
                                    .build(),
                            com.fasterxml.jackson.databind.JsonNode.class);
            assertThat(r.requestId()).contains("rid-7");
            assertThat(r.errors())
                    .singleElement()
                    .satisfies(e -> assertThat(e.reason()).contains("invalid-type-defs"));
            assertThat(r.data().path("id").asText()).isEqualTo("a");
        }
    }

    @Test
    void warnsOnceWhenAuraMarksAnEndpointDeprecated() {
        CapturedLogs.clear();
        MockResponse deprecated = new MockResponse.Builder(data("[]"))
                .addHeader("X-Tyk-Api-Expires", "Mon, 03 Mar 2025 00:00:00 UTC")
                .build();
        aura.defaultApi(deprecated);
        try (AuraClient client = aura.client()) {
            client.tenants().list();
            client.tenants().list();
            client.tenants().list();
        }
        List<CapturedLogs.Event> warnings = CapturedLogs.events("dev.aurasdk.http").stream()
                .filter(e -> e.level() == Level.WARN)
                .toList();
        assertThat(warnings)
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("GET /v1/tenants", "deprecated", "Mon, 03 Mar 2025"));
    }

    @Test
    void logsOneDebugLinePerAttemptWithStatusAndRequestId() {
        CapturedLogs.clear();
        aura.enqueue(data("[]"));
        try (AuraClient client = aura.client()) {
            client.tenants().list();
        }
        assertThat(CapturedLogs.events("dev.aurasdk.http"))
                .filteredOn(e -> e.level() == Level.DEBUG)
                .extracting(CapturedLogs.Event::message)
                .anySatisfy(m -> assertThat(m)
                        .matches("GET /v1/tenants -> 200 in \\d+ ms \\(attempt 1, request id req-200-\\w+\\)"));
    }

    @Test
    void theDefaultHttpClientRunsOnTwoSdkThreadsHoweverManyCallsAreInFlight() throws Exception {
        // the JDK's default executor is an unbounded cached pool: one thread per exchange in flight
        java.util.Set<Thread> before =
                new java.util.HashSet<>(Thread.getAllStackTraces().keySet());
        aura.defaultApi(data("[]"));
        try (AuraClient client = aura.client()) {
            java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(32);
            try {
                List<java.util.concurrent.Future<?>> calls = new java.util.ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    calls.add(callers.submit(() -> {
                        for (int j = 0; j < 20; j++) {
                            client.tenants().list();
                        }
                    }));
                }
                for (java.util.concurrent.Future<?> call : calls) {
                    call.get(60, java.util.concurrent.TimeUnit.SECONDS);
                }
            } finally {
                callers.shutdownNow();
            }
            List<String> added = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t))
                    .map(Thread::getName)
                    .filter(n -> n.startsWith("aura-sdk-http-") || n.startsWith("HttpClient-"))
                    .collect(java.util.stream.Collectors.toList());
            assertThat(added).filteredOn(n -> n.startsWith("aura-sdk-http-")).hasSizeLessThanOrEqualTo(2);
            assertThat(added).filteredOn(n -> n.contains("-Worker-")).isEmpty();
        }
    }

    @Test
    void listenersSeeAttemptsAndTokenRefreshesAndTheirFailuresAreIgnored() {
        List<String> seen = new CopyOnWriteArrayList<>();
        aura.enqueue(data("[]"));
        RequestListener recording = new RequestListener() {
            @Override
            public void onAttemptStart(RequestEvent e) {
                seen.add("start " + e.method() + " " + e.pathTemplate() + " #" + e.attempt());
            }

            @Override
            public void onAttemptEnd(RequestEvent e) {
                seen.add(
                        "end " + e.statusCode().orElse(-1) + " " + e.requestId().isPresent());
            }

            @Override
            public void onTokenRefresh(boolean success, Duration elapsed) {
                seen.add("token " + success);
            }
        };
        RequestListener throwing = new RequestListener() {
            @Override
            public void onAttemptStart(RequestEvent e) {
                throw new IllegalStateException("listener bug");
            }
        };
        try (AuraClient client = aura.clientBuilder()
                .addRequestListener(throwing)
                .addRequestListener(recording)
                .build()) {
            client.tenants().list();
        }
        assertThat(seen)
                .containsExactly(
                        "start POST /oauth/token #1",
                        "end 200 false",
                        "token true",
                        "start GET /v1/tenants #1",
                        "end 200 true");
    }

    @Test
    void clientRateLimitSpacesRequestsOverTheWindow() {
        aura.defaultApi(data("[]"));
        try (AuraClient client = aura.clientBuilder()
                .rateLimit(RateLimit.of(3, Duration.ofSeconds(10)))
                .build()) {
            for (int i = 0; i < 7; i++) {
                client.tenants().list();
            }
        }
        // 3 at t=0, 3 at t=10 s, 1 at t=20 s
        assertThat(aura.sleeper.sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
        assertThat(aura.apiRequests).hasSize(7);
    }

    @Test
    void a429PausesTheWholeClientUntilRetryAfter() {
        aura.enqueue(new MockResponse.Builder(ScriptedAura.json(429, "{\"error\":\"slow down\"}"))
                .addHeader("Retry-After", "4")
                .build());
        aura.defaultApi(data("[]"));
        try (AuraClient client = aura.clientBuilder()
                .retryPolicy(RetryPolicy.none())
                .rateLimit(RateLimit.of(100, Duration.ofSeconds(60)))
                .build()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> client.tenants().list())
                    .isInstanceOf(dev.aurasdk.core.AuraRateLimitedException.class);
            assertThat(aura.sleeper.sleeps()).isEmpty();
            // the next call, from anywhere in the client, holds back until the server's Retry-After
            client.organizations().list();
        }
        assertThat(aura.sleeper.sleeps()).containsExactly(Duration.ofSeconds(4));
    }

    @Test
    void slidingWindowNeverAdmitsMoreThanThePermitsInAnyWindow() {
        dev.aurasdk.core.testing.ManualClock clock = new dev.aurasdk.core.testing.ManualClock();
        dev.aurasdk.core.internal.http.SlidingWindowRateLimiter limiter =
                new dev.aurasdk.core.internal.http.SlidingWindowRateLimiter(
                        RateLimit.of(5, Duration.ofSeconds(6)), clock);
        List<Long> starts = new java.util.ArrayList<>();
        for (int i = 0; i < 23; i++) {
            clock.advance(Duration.ofMillis(300));
            long wait = limiter.reserve(java.time.Instant.MAX).orElseThrow().toMillis();
            starts.add(clock.millis() + wait);
        }
        for (int i = 5; i < starts.size(); i++) {
            assertThat(starts.get(i) - starts.get(i - 5)).isGreaterThanOrEqualTo(6000);
        }
        assertThat(starts.get(5) - starts.get(0)).isEqualTo(6000);
    }

    @Test
    void aCallThatWouldWaitPastItsDeadlineReservesNothing() {
        dev.aurasdk.core.testing.ManualClock clock = new dev.aurasdk.core.testing.ManualClock();
        dev.aurasdk.core.internal.http.SlidingWindowRateLimiter limiter =
                new dev.aurasdk.core.internal.http.SlidingWindowRateLimiter(
                        RateLimit.of(2, Duration.ofMinutes(1)), clock);
        java.time.Instant soon = clock.instant().plusSeconds(5);
        assertThat(limiter.reserve(soon)).contains(Duration.ZERO);
        assertThat(limiter.reserve(soon)).contains(Duration.ZERO);
        // a burst of callers that give up must not push later callers back
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.reserve(soon)).isEmpty();
        }
        clock.advance(Duration.ofMinutes(1));
        assertThat(limiter.reserve(clock.instant().plusSeconds(5))).contains(Duration.ZERO);
    }

    @Test
    void rateLimitWaitPastTheDeadlineFailsFastWithTimeout() {
        aura.defaultApi(data("[]"));
        try (AuraClient client = aura.clientBuilder()
                .rateLimit(RateLimit.of(1, Duration.ofMinutes(10)))
                .callTimeout(Duration.ofMinutes(1))
                .build()) {
            client.tenants().list();
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> client.tenants().list())
                    .isInstanceOf(dev.aurasdk.core.AuraTimeoutException.class)
                    .hasMessageContaining("after 0 attempt(s)");
        }
        assertThat(aura.apiRequests).hasSize(1);
        assertThat(aura.sleeper.sleeps()).isEmpty();
    }
}
