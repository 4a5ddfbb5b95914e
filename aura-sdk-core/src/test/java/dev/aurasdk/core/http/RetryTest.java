package dev.aurasdk.core.http;

import static dev.aurasdk.core.testing.ScriptedAura.data;
import static dev.aurasdk.core.testing.ScriptedAura.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraRateLimitedException;
import dev.aurasdk.core.AuraServerException;
import dev.aurasdk.core.AuraTimeoutException;
import dev.aurasdk.core.AuraTransportException;
import dev.aurasdk.core.testing.ScriptedAura;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryTest {
    private final ScriptedAura aura = new ScriptedAura();

    @AfterEach
    void close() {
        aura.close();
    }

    private static MockResponse withRetryAfter(int status, String retryAfter) {
        return new MockResponse.Builder(
                        json(status, "{\"errors\":[{\"message\":\"Too many requests\",\"reason\":\"rate\"}]}"))
                .addHeader("Retry-After", retryAfter)
                .build();
    }

    private static ApiRequest createSomething() {
        return ApiRequest.post(ApiVersion.V1)
                .path("instances")
                .body(Map.of("name", "x"))
                .build();
    }

    @Test
    void honoursRetryAfterInSeconds() {
        aura.enqueue(withRetryAfter(429, "2")).enqueue(data("[]"));
        try (AuraClient client = aura.client()) {
            client.tenants().list();
        }
        assertThat(aura.sleeper.sleeps()).containsExactly(Duration.ofSeconds(2));
        assertThat(aura.apiRequests).hasSize(2);
    }

    @Test
    void honoursRetryAfterAsHttpDate() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                aura.clock.instant().plusSeconds(7).atZone(ZoneOffset.UTC));
        aura.enqueue(withRetryAfter(429, date)).enqueue(data("[]"));
        try (AuraClient client = aura.client()) {
            client.tenants().list();
        }
        assertThat(aura.sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void clampsRetryAfterToSixtySeconds() {
        aura.enqueue(withRetryAfter(429, "3600")).enqueue(data("[]"));
        try (AuraClient client =
                aura.clientBuilder().callTimeout(Duration.ofMinutes(5)).build()) {
            client.tenants().list();
        }
        assertThat(aura.sleeper.sleeps()).containsExactly(Duration.ofSeconds(60));
    }

    @Test
    void getAnswered503TwiceThenOkSucceedsInThreeAttemptsWithExponentialBackoff() {
        aura.enqueue(json(503, "{\"error\":\"busy\"}"))
                .enqueue(json(503, "{\"error\":\"busy\"}"))
                .enqueue(data("[{\"id\":\"t\",\"name\":\"n\"}]"));
        try (AuraClient client = aura.client()) {
            assertThat(client.tenants().list()).hasSize(1);
        }
        assertThat(aura.apiRequests).hasSize(3);
        assertThat(aura.sleeper.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void getAnswered503ThreeTimesSurfacesServerExceptionWithAttempts() {
        aura.defaultApi(json(503, "{\"errors\":[{\"message\":\"down\",\"reason\":\"maintenance\"}]}"));
        try (AuraClient client = aura.client()) {
            assertThatThrownBy(() -> client.tenants().list())
                    .isInstanceOfSatisfying(AuraServerException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(503);
                        assertThat(e.attempts()).isEqualTo(3);
                        assertThat(e.reason()).contains("maintenance");
                    })
                    .hasMessageContaining("after 3 attempts");
        }
        assertThat(aura.apiRequests).hasSize(3);
    }

    @Test
    void postAnswered503IsNotResent() {
        aura.enqueue(json(503, "{\"error\":\"busy\"}")).enqueue(data("{}"));
        try (AuraClient client = aura.client()) {
            assertThatThrownBy(() -> client.http().send(createSomething(), Map.class))
                    .isInstanceOf(AuraServerException.class);
        }
        assertThat(aura.apiRequests).hasSize(1);
        assertThat(aura.sleeper.sleeps()).isEmpty();
    }

    @Test
    void patchAnswered502IsNotResent() {
        aura.enqueue(json(502, "{\"error\":\"bad gateway\"}")).enqueue(data("{}"));
        try (AuraClient client = aura.client()) {
            ApiRequest patch = ApiRequest.patch(ApiVersion.V1)
                    .path("instances")
                    .id("instanceId", "abc")
                    .body(Map.of("name", "y"))
                    .build();
            assertThatThrownBy(() -> client.http().send(patch, Map.class)).isInstanceOf(AuraServerException.class);
        }
        assertThat(aura.apiRequests).hasSize(1);
    }

    @Test
    void postRefusedWith429IsResent() {
        aura.enqueue(withRetryAfter(429, "1")).enqueue(json(202, "{\"data\":{\"id\":\"new\"}}"));
        try (AuraClient client = aura.client()) {
            assertThat(client.http()
                            .send(createSomething(), com.fasterxml.jackson.databind.JsonNode.class)
                            .data()
                            .path("id")
                            .asText())
                    .isEqualTo("new");
        }
        assertThat(aura.apiRequests).hasSize(2);
        assertThat(aura.sleeper.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void persistent429SurfacesRateLimitedExceptionWithRetryAfter() {
        aura.defaultApi(withRetryAfter(429, "5"));
        try (AuraClient client = aura.client()) {
            assertThatThrownBy(() -> client.tenants().list())
                    .isInstanceOfSatisfying(
                            AuraRateLimitedException.class,
                            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(5)));
        }
        assertThat(aura.apiRequests).hasSize(3);
    }

    @Test
    void connectionResetOnGetIsRetried() {
        aura.enqueue(new MockResponse.Builder()
                        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                        .build())
                .enqueue(data("[]"));
        try (AuraClient client = aura.client()) {
            assertThat(client.tenants().list()).isEmpty();
        }
        assertThat(aura.apiRequests).hasSize(2);
    }

    @Test
    void connectionResetAfterPostWasSentIsNotResent() {
        aura.enqueue(new MockResponse.Builder()
                        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                        .build())
                .enqueue(data("{}"));
        try (AuraClient client = aura.client()) {
            assertThatThrownBy(() -> client.http().send(createSomething(), Map.class))
                    .isInstanceOf(AuraTransportException.class)
                    .hasMessageContaining("not resent");
        }
        assertThat(aura.apiRequests).hasSize(1);
    }

    @Test
    void connectFailureIsRetriedEvenForPostBecauseNothingWasSent() throws Exception {
        int deadPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        try (AuraClient client = aura.clientBuilder()
                .baseUrl("http://127.0.0.1:" + deadPort)
                .authUrl(aura.baseUrl() + "/oauth/token")
                .build()) {
            assertThatThrownBy(() -> client.http().send(createSomething(), Map.class))
                    .isInstanceOf(AuraTransportException.class)
                    .hasMessageContaining("attempt 3");
        }
        assertThat(aura.sleeper.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void readTimeoutOnGetIsRetriedThenSurfacesAsTimeout() {
        // answers long after the 200 ms timeout: a timer late under load still fires first
        aura.defaultApi(new MockResponse.Builder(data("[]"))
                .headersDelay(30, java.util.concurrent.TimeUnit.SECONDS)
                .build());
        try (AuraClient client =
                aura.clientBuilder().requestTimeout(Duration.ofMillis(200)).build()) {
            assertThatThrownBy(() -> client.tenants().list())
                    .isInstanceOf(AuraTimeoutException.class)
                    .hasMessageContaining("no response within 200 ms");
        }
        assertThat(aura.apiRequests).hasSize(3);
    }

    @Test
    void deadlineExceededFailsWithTimeoutInsteadOfSleeping() {
        aura.defaultApi(withRetryAfter(503, "40"));
        try (AuraClient client =
                aura.clientBuilder().callTimeout(Duration.ofSeconds(60)).build()) {
            assertThatThrownBy(() -> client.tenants().list())
                    .isInstanceOfSatisfying(
                            AuraTimeoutException.class,
                            e -> assertThat(e.getCause()).isInstanceOf(AuraServerException.class))
                    .hasMessageContaining("deadline of 60 s exceeded");
        }
        // slept 40 s once; a second 40 s would pass the 60 s deadline
        assertThat(aura.sleeper.sleeps()).containsExactly(Duration.ofSeconds(40));
        assertThat(aura.apiRequests).hasSize(2);
    }

    @Test
    void fullJitterDrawsEachBackoffBelowTheExponentialBound() {
        aura.defaultApi(json(500, "{}"));
        RetryPolicy jittered = RetryPolicy.builder().maxAttempts(12).build();
        try (AuraClient client = aura.clientBuilder()
                .retryPolicy(jittered)
                .callTimeout(Duration.ofHours(1))
                .build()) {
            assertThatThrownBy(() -> client.tenants().list()).isInstanceOf(AuraServerException.class);
        }
        java.util.List<Duration> sleeps = aura.sleeper.sleeps();
        assertThat(aura.apiRequests).hasSize(12);
        for (int i = 0; i < sleeps.size(); i++) {
            assertThat(sleeps.get(i)).isLessThanOrEqualTo(jittered.backoffFor(i + 1));
        }
        // without jitter every delay would equal its bound; with full jitter (nearly) none does
        long atBound = java.util.stream.IntStream.range(0, sleeps.size())
                .filter(i -> sleeps.get(i).equals(jittered.backoffFor(i + 1)))
                .count();
        assertThat(atBound).isLessThan(3);
    }

    @Test
    void retryAfterZeroFallsBackToBackoff() {
        aura.enqueue(withRetryAfter(503, "0")).enqueue(data("[]"));
        try (AuraClient client = aura.client()) {
            client.tenants().list();
        }
        assertThat(aura.sleeper.sleeps()).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void retryPolicyBackoffDoublesUpToTheCap() {
        RetryPolicy p = RetryPolicy.defaults();
        assertThat(p.backoffFor(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(p.backoffFor(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.backoffFor(5)).isEqualTo(Duration.ofSeconds(8));
        assertThat(p.backoffFor(60)).isEqualTo(Duration.ofSeconds(8));
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxAttempts");
    }

    @Test
    void retryListenerSeesEachRetry() {
        java.util.List<String> reasons = new java.util.concurrent.CopyOnWriteArrayList<>();
        aura.enqueue(json(503, "{}")).enqueue(data("[]"));
        try (AuraClient client = aura.clientBuilder()
                .addRequestListener(new RequestListener() {
                    @Override
                    public void onRetry(RequestEvent event, Duration delay, String reason) {
                        reasons.add(event.pathTemplate() + " " + reason + " " + delay.toMillis());
                    }
                })
                .build()) {
            client.tenants().list();
        }
        assertThat(reasons).containsExactly("/v1/tenants HTTP 503 500");
    }
}
