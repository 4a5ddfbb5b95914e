package dev.aurasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JournalTest {
    @RegisterExtension
    final FakeAuraExtension aura = new FakeAuraExtension();

    @Test
    void recordsMethodPathQueryStatusAndCountsByRegex(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);
        client.get("/v1/instances?tenantId=" + DemoWorld.PROJECT_ID);
        client.get("/v1/instances/" + DemoWorld.INSTANCE_ID);
        client.get("/v1/instances/nope");

        assertThat(server.journal().size()).isEqualTo(3);
        assertThat(server.journal().count("GET", "/v1/instances/.*")).isEqualTo(2);
        assertThat(server.journal().count(null, "/v1/instances")).isEqualTo(1);
        assertThat(server.journal().count("POST", ".*")).isZero();
        JournalEntry first = server.journal().entries().get(0);
        assertThat(first.query()).contains("tenantId=" + DemoWorld.PROJECT_ID);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.requestId()).isPresent();
        assertThat(first.receivedAt()).isEqualTo(server.clock().instant());
        assertThat(server.journal().last().orElseThrow().status()).isEqualTo(404);
        assertThat(server.journal()
                        .last("GET", "/v1/instances/.*")
                        .orElseThrow()
                        .path())
                .isEqualTo("/v1/instances/nope");
    }

    @Test
    void redactsBearerTokensButKeepsTheScheme(FakeAuraServer server) {
        String token = server.issueToken();
        new RawFakeClient(server).token(token).get("/v1/tenants");

        JournalEntry e = server.journal().last().orElseThrow();
        assertThat(e.header("authorization")).contains("Bearer ****");
        assertThat(e.toString() + e.headers()).doesNotContain(token);
    }

    @Test
    void redactsClientSecretsOfTokenRequests(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server).token(null);
        client.tokenRequest(server.clientId(), server.clientSecret());
        client.sendRaw(
                "POST",
                "/oauth/token",
                "grant_type=client_credentials&client_id=x&client_secret=hush",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));

        JournalEntry basic = server.journal().entries().get(0);
        assertThat(basic.header("Authorization")).contains("Basic ****");
        assertThat(basic.responseBody()).contains("\"access_token\":\"****\"");
        JournalEntry form = server.journal().entries().get(1);
        assertThat(form.body()).isEqualTo("grant_type=client_credentials&client_id=x&client_secret=****");
    }

    @Test
    void redactsPasswordsRequestBodiesAndApiKeysInResponsesAndHeaders(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);
        RawFakeClient.Response created = client.post(
                DataApiLifecycleTest.APIS,
                DataApiLifecycleTest.createBody(DataApiLifecycleTest.SDL, DataApiLifecycleTest.API_KEY_PROVIDER));
        String key =
                created.data().get("authentication_providers").get(0).get("key").asText();
        server.advance(Duration.ofSeconds(1));
        client.token(null)
                .sendRaw(
                        "POST",
                        created.data().get("url").asText(),
                        "{\"query\":\"{ x }\"}",
                        Map.of("x-api-key", key, "Content-Type", "application/json"));

        JournalEntry create =
                server.journal().find("POST", ".*/data-apis/graphql").get(0);
        assertThat(create.body()).contains("\"password\":\"****\"").doesNotContain("s3cret-pw");
        assertThat(create.responseBody()).contains("\"key\":\"****\"").doesNotContain(key);
        JournalEntry query = server.journal().last().orElseThrow();
        assertThat(query.header("x-api-key")).contains("****");
        assertThat(server.journal().entries().toString()).doesNotContain(key);
    }

    @Test
    void redactsSecretsInBodiesThatAreNotValidJson(FakeAuraServer server) {
        new RawFakeClient(server)
                .post(
                        ImportJobLifecycleTest.JOBS,
                        "{\"importModelId\":\"m\",\"auraCredentials\":{\"dbId\":\"d\",\"password\":\"topsecret\"");

        assertThat(server.journal().last().orElseThrow().body())
                .contains("\"password\":\"****\"")
                .doesNotContain("topsecret");
    }

    @Test
    void clearForgetsEntries(FakeAuraServer server) {
        new RawFakeClient(server).get("/v1/tenants");
        server.journal().clear();

        assertThat(server.journal().entries()).isEmpty();
    }
}
