package dev.aurasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitTest {
    @Test
    void isOffByDefault() {
        try (FakeAuraServer server = FakeAuraServer.create().start()) {
            RawFakeClient client = new RawFakeClient(server);
            for (int i = 0; i < 200; i++) {
                assertThat(client.get("/v1/tenants").status()).isEqualTo(200);
            }
        }
    }

    @Test
    void defaultLimitAnswers429WithRetryAfterAfter125RequestsPerMinute() {
        try (FakeAuraServer server =
                FakeAuraServer.builder().rateLimit().build().start()) {
            RawFakeClient client = new RawFakeClient(server);
            for (int i = 0; i < 125; i++) {
                assertThat(client.get("/v1/tenants").status()).isEqualTo(200);
                server.advance(Duration.ofMillis(100));
            }

            RawFakeClient.Response limited = client.get("/v1/instances");

            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.header("Retry-After")).isEqualTo("48");
            assertThat(limited.json().get("errors").get(0).get("reason").asText())
                    .isEqualTo("rate-limited");
            assertThat(limited.json().get("errors").get(0).get("message").asText())
                    .isEqualTo("Too many requests");
        }
    }

    @Test
    void windowSlidesWithTheFakeClock() {
        try (FakeAuraServer server = FakeAuraServer.builder()
                .rateLimit(2, Duration.ofSeconds(10))
                .build()
                .start()) {
            RawFakeClient client = new RawFakeClient(server);
            assertThat(client.get("/v1/tenants").status()).isEqualTo(200);
            server.advance(Duration.ofSeconds(4));
            assertThat(client.get("/v1/tenants").status()).isEqualTo(200);
            RawFakeClient.Response limited = client.get("/v1/tenants");
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.header("Retry-After")).isEqualTo("6");

            server.advance(Duration.ofSeconds(6));
            assertThat(client.get("/v1/tenants").status()).isEqualTo(200);
        }
    }

    @Test
    void canBeTurnedOnAndOffWhileRunningAndSparesTheTokenEndpoint() {
        try (FakeAuraServer server = FakeAuraServer.create().start()) {
            RawFakeClient client = new RawFakeClient(server);
            server.rateLimit(1, Duration.ofMinutes(1));
            assertThat(client.get("/v1/tenants").status()).isEqualTo(200);
            assertThat(client.get("/v1/tenants").status()).isEqualTo(429);
            assertThat(new RawFakeClient(server)
                            .token(null)
                            .tokenRequest(server.clientId(), server.clientSecret())
                            .status())
                    .isEqualTo(200);

            server.noRateLimit();
            assertThat(client.get("/v1/tenants").status()).isEqualTo(200);
        }
    }
}
