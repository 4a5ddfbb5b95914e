package dev.aurasdk.core;

import static dev.aurasdk.core.testing.ScriptedAura.data;
import static dev.aurasdk.core.testing.ScriptedAura.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aurasdk.core.auth.AccessToken;
import dev.aurasdk.core.testing.CapturedLogs;
import dev.aurasdk.core.testing.ScriptedAura;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SecretHygieneTest {
    private final ScriptedAura aura = new ScriptedAura();

    @AfterEach
    void close() {
        aura.close();
    }

    @Test
    void secretsNeverAppearInToString() {
        AuraCredentials credentials = AuraCredentials.of("my-id", "TOP-SECRET-VALUE-123456");
        assertThat(credentials.toString()).contains("my-id").doesNotContain("TOP-SECRET-VALUE-123456");
        AccessToken token = new AccessToken(
                "eyJ-super-secret-token", "bearer", java.time.Instant.EPOCH, java.time.Instant.EPOCH.plusSeconds(3600));
        assertThat(token.toString()).doesNotContain("eyJ-super-secret-token");
        try (AuraClient client = AuraClient.builder().credentials(credentials).build()) {
            assertThat(client.toString()).doesNotContain("TOP-SECRET-VALUE-123456");
        }
    }

    @Test
    void secretsNeverAppearInLogsOrExceptionsAtTraceLevel() {
        CapturedLogs.clear();
        StringBuilder messages = new StringBuilder();
        aura.enqueue(data("[]"))
                .enqueue(json(401, "{\"error\":\"Unauthorized\"}"))
                .enqueue(json(401, "{\"error\":\"Unauthorized\"}"))
                .enqueue(json(503, "{\"error\":\"busy\"}"))
                .enqueue(json(503, "{\"error\":\"busy\"}"))
                .enqueue(json(503, "{\"error\":\"busy\"}"));
        try (AuraClient client = aura.clientBuilder()
                .addRequestListener(new dev.aurasdk.core.http.RequestListener() {
                    @Override
                    public void onAttemptEnd(dev.aurasdk.core.http.RequestEvent event) {
                        messages.append(event).append('\n');
                    }
                })
                .build()) {
            client.tenants().list();
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> client.tenants().list())
                        .isInstanceOf(AuraException.class)
                        .satisfies(e -> messages.append(e).append('\n'));
            }
            aura.clock.advance(Duration.ofHours(2));
            aura.defaultToken(n -> json(401, "{\"error\":\"access_denied\",\"error_description\":\"Unauthorized\"}"));
            assertThatThrownBy(() -> client.tenants().list())
                    .satisfies(e -> messages.append(e).append('\n'));
            messages.append(client.healthCheck()).append('\n');
        }
        String everything = CapturedLogs.allText() + "\n" + messages;
        assertThat(CapturedLogs.events()).isNotEmpty();
        assertThat(everything)
                .doesNotContain(ScriptedAura.CLIENT_SECRET)
                .doesNotContain(ScriptedAura.tokenValue(1))
                .doesNotContain(ScriptedAura.tokenValue(2))
                .doesNotContain(ScriptedAura.tokenValue(3))
                .doesNotContain("Basic ");
    }

    @Test
    void credentialsFromEnvironmentNameTheMissingVariable() {
        assertThatThrownBy(() -> AuraCredentials.fromEnvironment(java.util.Map.of(), new Properties()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AURA_API_CLIENT_ID");
        assertThatThrownBy(() ->
                        AuraCredentials.fromEnvironment(java.util.Map.of("AURA_API_CLIENT_ID", "id"), new Properties()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AURA_API_CLIENT_SECRET");
        Properties props = new Properties();
        props.setProperty("aura.clientId", "from-prop");
        props.setProperty("aura.clientSecret", "prop-secret");
        AuraCredentials c =
                AuraCredentials.fromEnvironment(java.util.Map.of("AURA_API_CLIENT_SECRET", "env-secret"), props);
        assertThat(c.clientId()).isEqualTo("from-prop");
        assertThat(c.clientSecret()).isEqualTo("env-secret");
    }

    @Test
    void blankCredentialsAreRejected() {
        assertThatThrownBy(() -> AuraCredentials.of(" ", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuraCredentials.of("x", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuraCredentials.of(null, "x")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AuraCredentials.of("a:b", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
