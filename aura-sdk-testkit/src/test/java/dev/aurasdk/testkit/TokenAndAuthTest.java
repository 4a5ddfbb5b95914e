package dev.aurasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TokenAndAuthTest {
    @RegisterExtension
    final FakeAuraExtension aura = FakeAuraExtension.with(b -> b.tokenTtl(Duration.ofMinutes(10)));

    @Test
    void issuesBearerTokenForValidClientCredentialsAndCountsRequests(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server).token(null);

        RawFakeClient.Response r = client.tokenRequest(server.clientId(), server.clientSecret());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("access_token").asText()).isNotBlank();
        assertThat(r.json().get("expires_in").asLong()).isEqualTo(600);
        assertThat(r.json().get("token_type").asText()).isEqualTo("bearer");
        assertThat(r.header("X-Request-Id")).isNotBlank();
        assertThat(server.tokenRequestCount()).isEqualTo(1);

        RawFakeClient.Response tenants =
                client.token(r.json().get("access_token").asText()).get("/v1/tenants");
        assertThat(tenants.status()).isEqualTo(200);
    }

    @Test
    void everyIssuedTokenAndReceivedSecretIsListedInFakeSecrets(FakeAuraServer server) {
        RawFakeClient.Response r =
                new RawFakeClient(server).token(null).tokenRequest(server.clientId(), server.clientSecret());
        String token = r.json().get("access_token").asText();
        String wrong = "a-wrong-secret-" + System.nanoTime();
        new RawFakeClient(server).token(null).tokenRequest(server.clientId(), wrong);

        String direct = server.issueToken();
        java.util.List<String> all = FakeSecrets.all();
        // checked one by one: a failure message must not list the secrets
        assertThat(all.contains(server.clientSecret())).as("client secret").isTrue();
        assertThat(all.contains(token)).as("issued token").isTrue();
        assertThat(all.contains(wrong)).as("secret of a refused token request").isTrue();
        assertThat(all.contains(direct)).as("token issued directly").isTrue();
    }

    @Test
    void rejectsWrongCredentialsWith401OAuthError(FakeAuraServer server) {
        RawFakeClient.Response r = new RawFakeClient(server).token(null).tokenRequest(server.clientId(), "wrong");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("error").asText()).isEqualTo("access_denied");
        assertThat(r.json().get("error_description").asText()).isEqualTo("Unauthorized");
        assertThat(server.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void rejectsTokenRequestWithoutBasicAuth(FakeAuraServer server) {
        RawFakeClient.Response r = new RawFakeClient(server)
                .token(null)
                .sendRaw(
                        "POST",
                        "/oauth/token",
                        "grant_type=client_credentials",
                        Map.of("Content-Type", "application/x-www-form-urlencoded"));

        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void rejectsOtherGrantTypesWith400(FakeAuraServer server) {
        String basic = java.util.Base64.getEncoder()
                .encodeToString((server.clientId() + ":" + server.clientSecret())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        RawFakeClient.Response r = new RawFakeClient(server)
                .token(null)
                .sendRaw(
                        "POST",
                        "/oauth/token",
                        "grant_type=password",
                        Map.of("Authorization", "Basic " + basic, "Content-Type", "application/x-www-form-urlencoded"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void answersUnknownTokenWith401MiddlewareError(FakeAuraServer server) {
        RawFakeClient.Response r =
                new RawFakeClient(server).token("not-a-token").get("/v1/instances");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("error").asText()).isEqualTo("Unauthorized");
        assertThat(r.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void answersMissingAuthorizationWith401(FakeAuraServer server) {
        RawFakeClient.Response r = new RawFakeClient(server).token(null).get("/v1/instances");

        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void answersExpiredTokenWith403OnceTheFakeClockPassesItsLifetime(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);
        server.advance(Duration.ofMinutes(9).plusSeconds(59));
        assertThat(client.get("/v1/tenants").status()).isEqualTo(200);

        server.advance(Duration.ofSeconds(1));
        RawFakeClient.Response r = client.get("/v1/tenants");

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("error").asText()).isEqualTo("Access denied: token expired");
    }

    @Test
    void revokedTokensBecomeUnknown(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);
        server.revokeTokens();

        assertThat(client.get("/v1/tenants").status()).isEqualTo(401);
    }

    @Test
    void acceptsCustomCredentialsAndLowercaseBearerScheme() {
        try (FakeAuraServer server = FakeAuraServer.builder()
                .clientId("my-id")
                .clientSecret("my-secret")
                .build()
                .start()) {
            RawFakeClient client = new RawFakeClient(server).token(null);
            assertThat(client.tokenRequest(DemoWorld.CLIENT_ID, DemoWorld.CLIENT_SECRET)
                            .status())
                    .isEqualTo(401);
            RawFakeClient.Response ok = client.tokenRequest("my-id", "my-secret");
            assertThat(ok.status()).isEqualTo(200);

            RawFakeClient.Response r = client.send(
                    "GET",
                    "/v1/tenants",
                    null,
                    Map.of(
                            "Authorization",
                            "bearer " + ok.json().get("access_token").asText()));
            assertThat(r.status()).isEqualTo(200);
        }
    }

    @Test
    void tokenEndpointRateLimitAnswers429WithRetryAfter() {
        try (FakeAuraServer server = FakeAuraServer.builder()
                .tokenRateLimit(2, Duration.ofHours(1))
                .build()
                .start()) {
            RawFakeClient client = new RawFakeClient(server).token(null);
            assertThat(client.tokenRequest(server.clientId(), server.clientSecret())
                            .status())
                    .isEqualTo(200);
            assertThat(client.tokenRequest(server.clientId(), server.clientSecret())
                            .status())
                    .isEqualTo(200);

            RawFakeClient.Response limited = client.tokenRequest(server.clientId(), server.clientSecret());

            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.header("Retry-After")).isEqualTo("3600");
            assertThat(server.tokenRequestCount()).isEqualTo(3);
            server.advance(Duration.ofHours(1));
            assertThat(client.tokenRequest(server.clientId(), server.clientSecret())
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void everyResponseCarriesAUniqueRequestId(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);
        Set<String> ids = new HashSet<>();
        ids.add(client.get("/v1/tenants").header("X-Request-Id"));
        ids.add(client.get("/v1/instances/nope").header("X-Request-Id"));
        ids.add(client.token("bad").get("/v1/tenants").header("X-Request-Id"));
        ids.add(client.token(null).tokenRequest("x", "y").header("X-Request-Id"));

        assertThat(ids).hasSize(4).doesNotContainNull();
    }
}
