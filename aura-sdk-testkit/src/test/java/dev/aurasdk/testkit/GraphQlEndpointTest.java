package dev.aurasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GraphQlEndpointTest {
    static final String APIS = DataApiLifecycleTest.APIS;
    static final String QUERY = "{\"query\":\"query ListMovies { movies { title } }\"}";

    @RegisterExtension
    final FakeAuraExtension aura = new FakeAuraExtension();

    private RawFakeClient client;
    private String url;
    private String apiKey;
    private String apiId;

    @BeforeEach
    void createReadyApi(FakeAuraServer server) {
        client = new RawFakeClient(server);
        RawFakeClient.Response r = client.post(
                APIS,
                DataApiLifecycleTest.createBody(
                        DataApiLifecycleTest.SDL,
                        DataApiLifecycleTest.API_KEY_PROVIDER + ",{\"name\":\"idp\",\"type\":\"jwks\",\"enabled\":true,"
                                + "\"url\":\"https://idp.example/.well-known/jwks.json\"}"));
        apiId = r.data().get("id").asText();
        url = r.data().get("url").asText();
        apiKey = r.data().get("authentication_providers").get(0).get("key").asText();
        server.advance(Duration.ofSeconds(1));
    }

    private RawFakeClient.Response call(Map<String, String> headers, String body) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Content-Type", "application/json");
        return client.token(null).sendRaw("POST", url, body, all);
    }

    static String jwt(String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".not-a-real-signature";
    }

    @Test
    void answersWithTheApiKeyOfThatApiAndEchoesTheOperationName() {
        RawFakeClient.Response r = call(Map.of("x-api-key", apiKey), QUERY);

        assertThat(r.status()).isEqualTo(200);
        JsonNode echo = r.data().get("fakeAura");
        assertThat(echo.get("dataApiId").asText()).isEqualTo(apiId);
        assertThat(echo.get("operationName").asText()).isEqualTo("ListMovies");
        assertThat(echo.get("authenticatedBy").asText()).isEqualTo("api-key");
        assertThat(echo.get("tenantId").isNull()).isTrue();
    }

    @Test
    void refusesAWrongApiKeyOrNoCredentialsWith401() {
        assertThat(call(Map.of("x-api-key", "wrong"), QUERY).status()).isEqualTo(401);
        assertThat(call(Map.of(), QUERY).status()).isEqualTo(401);
    }

    @Test
    void acceptsAJwtWhenAJwksProviderIsEnabledAndEchoesItsTenantIdClaim() {
        RawFakeClient.Response r = call(
                Map.of("Authorization", "Bearer " + jwt("{\"sub\":\"u1\",\"tenantId\":\"acme\"}")),
                "{\"query\":\"{ movies { title } }\",\"operationName\":\"Named\"}");

        assertThat(r.status()).isEqualTo(200);
        JsonNode echo = r.data().get("fakeAura");
        assertThat(echo.get("tenantId").asText()).isEqualTo("acme");
        assertThat(echo.get("operationName").asText()).isEqualTo("Named");
        assertThat(echo.get("authenticatedBy").asText()).isEqualTo("jwt");
    }

    @Test
    void refusesExpiredOrMalformedJwts(FakeAuraServer server) {
        long past = server.clock().instant().getEpochSecond() - 1;
        assertThat(call(Map.of("Authorization", "Bearer " + jwt("{\"exp\":" + past + "}")), QUERY)
                        .status())
                .isEqualTo(401);
        assertThat(call(Map.of("Authorization", "Bearer garbage"), QUERY).status())
                .isEqualTo(401);
    }

    @Test
    void refusesJwtsOnceTheJwksProviderIsDisabled(FakeAuraServer server) {
        RawFakeClient admin = new RawFakeClient(server);
        JsonNode providers = admin.get(APIS + "/" + apiId + "/auth-providers").data();
        String jwksId = providers.get(1).get("id").asText();
        assertThat(admin.patch(APIS + "/" + apiId + "/auth-providers/" + jwksId, "{\"enabled\":false}")
                        .status())
                .isEqualTo(202);

        assertThat(call(Map.of("Authorization", "Bearer " + jwt("{\"tenantId\":\"acme\"}")), QUERY)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void pausedApiDoesNotServeQueries(FakeAuraServer server) {
        new RawFakeClient(server).post(APIS + "/" + apiId + "/pause", null);
        server.advance(Duration.ofSeconds(1));

        assertThat(call(Map.of("x-api-key", apiKey), QUERY).status()).isEqualTo(503);
    }

    @Test
    void queryIsRequired() {
        assertThat(call(Map.of("x-api-key", apiKey), "{}").status()).isEqualTo(400);
    }
}
