package dev.aurasdk.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraCredentials;
import dev.aurasdk.core.http.RateLimit;
import dev.aurasdk.core.testing.SecretGuard;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Mistakes are reported when the fleet is built, before any request, and never show a password. */
class RedisBadInputTest {
    static final String PASSWORD = SecretGuard.register("redis-pass-0123456789");
    static final AuraCredentials CREDENTIALS = AuraCredentials.of("bad-input-client", "bad-input-secret-0123");

    @RegisterExtension
    static final RedisServer redis = RedisServer.perClass("--requirepass", PASSWORD);

    /** The default 250 ms can pass on two busy cores before a local Redis answers: not what these tests check. */
    static final java.time.Duration LOADED_MACHINE = java.time.Duration.ofSeconds(5);

    @Test
    void malformedUrlsAreRefusedWithoutShowingThePassword() {
        assertThatThrownBy(() -> RedisFleet.builder().url("redis//127.0.0.1:6379"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("redis:// or rediss://");
        assertThatThrownBy(() -> RedisFleet.builder().url("http://:" + PASSWORD + "@127.0.0.1:6379"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'http://'")
                .hasMessageContaining("****@")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
        assertThatThrownBy(() -> RedisFleet.builder().url("redis://:" + PASSWORD + "@127.0.0.1:port"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
        assertThatThrownBy(() -> RedisFleet.builder().url("redis://127.0.0.1:6379/zero"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database number");
        assertThatThrownBy(() -> RedisFleet.builder().url("redis:///0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no host");
        assertThatThrownBy(() -> RedisFleet.builder().url("redis://:" + PASSWORD + "@127.0.0.1:99999"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 65535")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
        assertThatThrownBy(() -> RedisFleet.builder().url("redis://127.0.0.1:0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> RedisFleet.builder().url("redis://h:1 2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed");
    }

    @Test
    void aKeyPrefixWithSpacesOrBracesIsRefused() {
        assertThatThrownBy(() -> RedisFleet.builder().keyPrefix("my app:"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spaces")
                .hasMessageContaining("index 2");
        assertThatThrownBy(() -> RedisFleet.builder().keyPrefix("app{1}:"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("braces");
        assertThatThrownBy(() -> RedisFleet.builder().keyPrefix("tab\t")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWrongOrMissingPasswordFailsTheBuild() {
        assertThatThrownBy(() -> RedisFleet.builder()
                        .url("redis://:wrong-password-42@127.0.0.1:" + redis.port())
                        .credentials(CREDENTIALS)
                        .timeout(LOADED_MACHINE)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refused the password")
                .satisfies(e -> assertThat(SecretGuard.fullText(e)).doesNotContain("wrong-password-42"));
        assertThatThrownBy(() -> RedisFleet.builder()
                        .url(redis.url())
                        .credentials(CREDENTIALS)
                        .timeout(LOADED_MACHINE)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a password");
        assertThatThrownBy(() -> RedisFleet.builder()
                        .url(redis.url() + "/99")
                        .password(PASSWORD)
                        .credentials(CREDENTIALS)
                        .timeout(LOADED_MACHINE)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refused the connection settings");
    }

    @Test
    void theRightPasswordWorksFromTheUrlOrTheBuilder() {
        try (RedisFleet fromUrl = RedisFleet.builder()
                        .url("redis://:" + PASSWORD + "@127.0.0.1:" + redis.port())
                        .credentials(CREDENTIALS)
                        .timeout(LOADED_MACHINE)
                        .build();
                RedisFleet fromBuilder = RedisFleet.builder()
                        .url(redis.url())
                        .password(PASSWORD)
                        .credentials(CREDENTIALS)
                        .timeout(LOADED_MACHINE)
                        .rateLimit(RateLimit.of(5, Duration.ofMinutes(1)))
                        .build()) {
            assertThat(fromUrl.isRedisAvailable()).isTrue();
            assertThat(fromBuilder
                            .requestBudget()
                            .reserve(java.time.Instant.now().plusSeconds(1)))
                    .contains(Duration.ZERO);
            assertThat(fromBuilder.isRedisAvailable()).isTrue();
            assertThat(fromUrl.toString()).doesNotContain(PASSWORD).contains("redis://127.0.0.1:" + redis.port());
        }
    }

    @Test
    void missingSettingsAndConflictingBudgetsAreReported() {
        assertThatThrownBy(() -> RedisFleet.builder().credentials(CREDENTIALS).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("url");
        assertThatThrownBy(() -> RedisFleet.builder().url(redis.url()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("credentials");
        assertThatThrownBy(() -> RedisFleet.builder().refreshLeaseTime(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        try (RedisFleet fleet = RedisFleet.builder()
                .url(redis.url())
                .password(PASSWORD)
                .credentials(CREDENTIALS)
                .build()) {
            assertThatThrownBy(() -> fleet.configure(AuraClient.builder())
                            .rateLimit(RateLimit.unlimited())
                            .build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not both");
        }
    }

    @Test
    void anUnreachableRedisIsNotAnErrorTheFleetStartsOnItsInProcessState() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (RedisFleet fleet = RedisFleet.builder()
                .url("redis://127.0.0.1:" + port)
                .credentials(CREDENTIALS)
                .build()) {
            assertThat(fleet.isRedisAvailable()).isFalse();
            assertThat(fleet.requestBudget().reserve(java.time.Instant.now().plusSeconds(1)))
                    .contains(Duration.ZERO);
            assertThat(fleet.tokenStore().tryLeaseRefresh("k")).isPresent();
        }
    }
}
