package dev.aurasdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aurasdk.core.http.ApiRequest;
import dev.aurasdk.core.http.ApiVersion;
import dev.aurasdk.core.testing.ScriptedAura;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class InputValidationTest {
    private final ScriptedAura aura = new ScriptedAura();

    @AfterEach
    void close() {
        aura.close();
    }

    static Stream<Arguments> badIds() {
        return Stream.of(
                Arguments.of(null, NullPointerException.class, "instanceId must not be null"),
                Arguments.of("", IllegalArgumentException.class, "instanceId must not be blank"),
                Arguments.of("   ", IllegalArgumentException.class, "instanceId must not be blank"),
                Arguments.of("../tenants", IllegalArgumentException.class, "not a valid Aura id"),
                Arguments.of("..", IllegalArgumentException.class, "not a valid Aura id"),
                Arguments.of("abc/def", IllegalArgumentException.class, "not a valid Aura id"),
                Arguments.of("abc%2Fdef", IllegalArgumentException.class, "not a valid Aura id"),
                Arguments.of("abc?x=1", IllegalArgumentException.class, "not a valid Aura id"),
                Arguments.of("abc\"def", IllegalArgumentException.class, "not a valid Aura id"),
                Arguments.of("abc\ndef", IllegalArgumentException.class, "not a valid Aura id"),
                Arguments.of(" abc", IllegalArgumentException.class, "not a valid Aura id"),
                Arguments.of("a".repeat(129), IllegalArgumentException.class, "too long"));
    }

    @ParameterizedTest
    @MethodSource("badIds")
    void badInstanceIdIsRejectedBeforeAnyRequest(String id, Class<? extends Throwable> type, String message) {
        try (AuraClient client = aura.client()) {
            assertThatThrownBy(() -> client.instances().get(id))
                    .isInstanceOf(type)
                    .hasMessageContaining(message);
        }
        assertThat(aura.server.getRequestCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "12345678-1234-1234-1234-12345678901", "../x"})
    void badOrganizationIdIsRejectedBeforeAnyRequest(String id) {
        try (AuraClient client = aura.client()) {
            assertThatThrownBy(() -> client.organizations().projects(id))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("organizationId");
        }
        assertThat(aura.server.getRequestCount()).isZero();
    }

    @Test
    void badTenantFilterIsRejectedBeforeAnyRequest() {
        try (AuraClient client = aura.client()) {
            assertThatThrownBy(() -> client.instances().listByTenant("a/b"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("tenantId");
        }
        assertThat(aura.server.getRequestCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://api.neo4j.io",
                "http://example.com:8080",
                "ftp://api.neo4j.io",
                "api.neo4j.io",
                "https://user:pw@api.neo4j.io",
                "http://10.0.0.1"
            })
    void unsafeOrMalformedBaseUrlIsRejected(String url) {
        assertThatThrownBy(() -> AuraClient.builder().baseUrl(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseUrl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.neo4j.io:99999", "https://api.neo4j.io:0", "http://localhost:65536"})
    void baseUrlWithAPortOutsideOneTo65535IsRejectedWhenConfigured(String url) {
        // URI accepts any digits; without this check the port failed only on the first call, inside the JDK client
        assertThatThrownBy(() -> AuraClient.builder().baseUrl(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseUrl")
                .hasMessageContaining("port");
        assertThatThrownBy(() -> AuraClient.builder().authUrl(url + "/oauth/token"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8089", "http://127.0.0.1:1234", "http://[::1]:9000"})
    void plainHttpIsAllowedForLoopbackHosts(String url) {
        try (AuraClient client = AuraClient.builder()
                .credentials(AuraCredentials.of("id", "secret"))
                .baseUrl(url)
                .build()) {
            assertThat(client.baseUrl()).isEqualTo(url);
        }
    }

    @Test
    void baseUrlPathIsStripped() {
        try (AuraClient client = AuraClient.builder()
                .credentials(AuraCredentials.of("id", "secret"))
                .baseUrl("https://api.neo4j.io/v1/")
                .build()) {
            assertThat(client.baseUrl()).isEqualTo("https://api.neo4j.io");
        }
    }

    @Test
    void urlErrorsDoNotEchoCredentials() {
        assertThatThrownBy(() -> AuraClient.builder().baseUrl("https://user:pa ss@api.neo4j.io"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("pa ss");
        assertThatThrownBy(() -> AuraClient.builder().baseUrl("https://user:hunter2@api.neo4j.io"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void subdomainsOfLocalhostStillNeedHttps() {
        assertThatThrownBy(() -> AuraClient.builder().baseUrl("http://evil.localhost:8080"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https");
    }

    @Test
    void tokenStoreWithACustomTokenProviderIsRejected() {
        assertThatThrownBy(() -> AuraClient.builder()
                        .tokenProvider(new dev.aurasdk.core.auth.TokenProvider() {
                            @Override
                            public dev.aurasdk.core.auth.AccessToken token() {
                                throw new UnsupportedOperationException();
                            }

                            @Override
                            public boolean invalidate(dev.aurasdk.core.auth.AccessToken rejected) {
                                return false;
                            }
                        })
                        .tokenStore(dev.aurasdk.core.auth.TokenStore.inMemory())
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tokenStore");
    }

    @Test
    void callsAfterCloseAreRefusedBeforeAnyRequest() {
        AuraClient client = aura.client();
        client.close();
        assertThatThrownBy(() -> client.tenants().list())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(aura.server.getRequestCount()).isZero();
    }

    @Test
    void clientWithoutCredentialsIsRejected() {
        assertThatThrownBy(() -> AuraClient.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("credentials");
    }

    @Test
    void nonPositiveTimeoutsAreRejected() {
        assertThatThrownBy(() -> AuraClient.builder().callTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("callTimeout");
        assertThatThrownBy(() -> AuraClient.builder().requestTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requestTimeout");
    }

    @Test
    void durationsTooLongForTheClockAreRejectedWhenConfigured() {
        // ChronoUnit.FOREVER used to be accepted and to fail the first call with an ArithmeticException
        Duration forever = java.time.temporal.ChronoUnit.FOREVER.getDuration();
        AuraClient.Builder b = AuraClient.builder();
        for (org.assertj.core.api.ThrowableAssert.ThrowingCallable call :
                java.util.List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
                        () -> b.callTimeout(forever),
                        () -> b.requestTimeout(forever),
                        () -> b.connectTimeout(forever),
                        () -> b.tokenRefreshMargin(forever),
                        () -> b.tokenFailureBackoff(forever),
                        () -> b.forcedTokenRefreshInterval(forever),
                        () -> dev.aurasdk.core.http.RateLimit.of(125, forever),
                        () -> dev.aurasdk.core.http.RetryPolicy.builder()
                                .maxBackoff(forever)
                                .build(),
                        () -> dev.aurasdk.core.http.RetryPolicy.builder()
                                .maxRetryAfter(forever)
                                .build(),
                        () -> dev.aurasdk.core.wait.WaitOptions.builder()
                                .timeout(forever)
                                .build(),
                        () -> dev.aurasdk.core.wait.WaitOptions.builder()
                                .notFoundGrace(forever)
                                .build())) {
            assertThatThrownBy(call)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("too long");
        }
        Duration century = Duration.ofDays(36_500);
        try (AuraClient client = aura.clientBuilder()
                .callTimeout(century)
                .waitOptions(dev.aurasdk.core.wait.WaitOptions.builder()
                        .timeout(century)
                        .build())
                .build()) {
            aura.enqueue(ScriptedAura.data("[]"));
            assertThat(client.tenants().list()).isEmpty();
        }
    }

    @Test
    void apiRequestRejectsNonLiteralPathSegments() {
        assertThatThrownBy(() -> ApiRequest.get(ApiVersion.V1).path("../instances"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiVersion.of("v1/../x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idsAndQueryValuesArePercentEncoded() {
        ApiRequest r = ApiRequest.get(ApiVersion.V1)
                .path("instances")
                .id("instanceId", "a:b.c_d-e")
                .query("tenantId", "x y&z")
                .build();
        assertThat(r.path()).isEqualTo("/v1/instances/a%3Ab.c_d-e");
        assertThat(r.pathTemplate()).isEqualTo("/v1/instances/{instanceId}");
        assertThat(r.encodedQuery()).isEqualTo("tenantId=x%20y%26z");
    }
}
