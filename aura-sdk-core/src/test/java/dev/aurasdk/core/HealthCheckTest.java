package dev.aurasdk.core;

import static dev.aurasdk.core.testing.ScriptedAura.data;
import static dev.aurasdk.core.testing.ScriptedAura.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.core.testing.ScriptedAura;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthCheckTest {
    private final ScriptedAura aura = new ScriptedAura();

    @AfterEach
    void close() {
        aura.close();
    }

    @Test
    void reportsEveryCheckOk() {
        aura.enqueue(data("[{\"id\":\"t\",\"name\":\"n\"}]")).enqueue(data("[]"));
        try (AuraClient client = aura.client()) {
            HealthReport report = client.healthCheck();
            assertThat(report.ok()).isTrue();
            assertThat(report.checks())
                    .extracting(HealthCheckResult::name)
                    .containsExactly("token", "v1 (tenants)", "v2beta1 (organizations)");
            assertThat(report.checks().get(1).detail()).contains("1 tenant(s)");
            assertThat(report.checks())
                    .allSatisfy(c -> assertThat(c.latency().isNegative()).isFalse());
        }
    }

    @Test
    void reportsFailuresWithoutThrowing() {
        aura.defaultToken(n -> json(401, "{\"error\":\"access_denied\",\"error_description\":\"Unauthorized\"}"));
        try (AuraClient client = aura.client()) {
            HealthReport report = client.healthCheck();
            assertThat(report.ok()).isFalse();
            assertThat(report.checks()).allSatisfy(c -> {
                assertThat(c.ok()).isFalse();
                assertThat(c.errorType()).contains("AuraAuthenticationException");
                assertThat(c.error().orElseThrow()).doesNotContain(ScriptedAura.CLIENT_SECRET);
            });
        }
    }

    @Test
    void reportsOneFailingApiGeneration() {
        aura.enqueue(data("[]")).enqueue(json(500, "{\"error\":\"boom\"}"));
        try (AuraClient client = aura.clientBuilder()
                .retryPolicy(dev.aurasdk.core.http.RetryPolicy.none())
                .build()) {
            HealthReport report = client.healthCheck();
            assertThat(report.checks()).extracting(HealthCheckResult::ok).containsExactly(true, true, false);
            assertThat(report.checks().get(2).error().orElseThrow()).contains("HTTP 500");
        }
    }
}
