package dev.aurasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DataApiLifecycleTest {
    static final String APIS = "/v1beta5/instances/" + DemoWorld.INSTANCE_ID + "/data-apis/graphql";
    static final String SDL = "type Movie { title: String actors: [Actor!]! @relationship(type: \"ACTED_IN\","
            + " direction: IN) } type Actor { name: String }";

    @RegisterExtension
    final FakeAuraExtension aura = new FakeAuraExtension();

    static String createBody(String sdl, String providers) {
        return "{\"name\":\"movies-api\",\"aura_instance\":{\"username\":\"neo4j\",\"password\":\"s3cret-pw\"},"
                + "\"type_definitions\":\"" + RawFakeClient.base64(sdl) + "\","
                + "\"security\":{\"cors_policy\":{\"allowed_origins\":[\"https://app.example.com\"]},"
                + "\"authentication_providers\":[" + providers + "]}}";
    }

    static final String API_KEY_PROVIDER = "{\"name\":\"default\",\"type\":\"api-key\",\"enabled\":true}";

    static JsonNode create(RawFakeClient client, String sdl) {
        RawFakeClient.Response r = client.post(APIS, createBody(sdl, API_KEY_PROVIDER));
        assertThat(r.status()).isEqualTo(202);
        return r.data();
    }

    private static String status(RawFakeClient client, String id) {
        return client.get(APIS + "/" + id).data().get("status").asText();
    }

    @Test
    void createAnswers202CreatingWithApiKeyThenBecomesReady(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);
        JsonNode created = create(client, SDL);

        assertThat(created.get("status").asText()).isEqualTo("creating");
        assertThat(created.get("id").asText()).matches("[0-9a-f]{8}");
        assertThat(created.get("url").asText())
                .isEqualTo(server.baseUrl() + "/graphql-endpoints/"
                        + created.get("id").asText() + "/graphql");
        JsonNode provider = created.get("authentication_providers").get(0);
        assertThat(provider.get("type").asText()).isEqualTo("api-key");
        assertThat(provider.get("key").asText()).hasSize(32);

        String id = created.get("id").asText();
        assertThat(status(client, id)).isEqualTo("creating");
        server.advance(Duration.ofSeconds(1));
        assertThat(status(client, id)).isEqualTo("ready");
    }

    @Test
    void getShowsDetailsButNeverTheApiKey(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);
        String id = create(client, SDL).get("id").asText();

        RawFakeClient.Response r = client.get(APIS + "/" + id);
        JsonNode data = r.data();
        assertThat(data.get("type_definitions").asText()).isEqualTo(RawFakeClient.base64(SDL));
        assertThat(data.get("features").get("subgraph").asBoolean()).isFalse();
        assertThat(data.get("security")
                        .get("cors_policy")
                        .get("allowed_origins")
                        .get(0)
                        .asText())
                .isEqualTo("https://app.example.com");
        assertThat(r.json().has("errors")).isFalse();
        assertThat(r.body()).doesNotContain("\"key\"");

        RawFakeClient.Response providers = client.get(APIS + "/" + id + "/auth-providers");
        assertThat(providers.data()).hasSize(1);
        assertThat(providers.body()).doesNotContain("\"key\"");
        String providerId = providers.data().get(0).get("id").asText();
        assertThat(client.get(APIS + "/" + id + "/auth-providers/" + providerId).body())
                .doesNotContain("\"key\"");
        assertThat(client.get(APIS).data().get(0).get("id").asText()).isEqualTo(id);
    }

    @Test
    void updateMovesToUpdatingThenReadyAndReplacesTheWholeCorsList(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);
        String id = create(client, SDL).get("id").asText();
        server.advance(Duration.ofSeconds(1));

        RawFakeClient.Response r = client.patch(
                APIS + "/" + id,
                "{\"name\":\"renamed\",\"security\":{\"cors_policy\":{\"allowed_origins\":[\"https://a.example\","
                        + "\"https://b.example\"]}}}");
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.data().get("status").asText()).isEqualTo("updating");
        assertThat(status(client, id)).isEqualTo("updating");

        server.advance(Duration.ofSeconds(1));
        JsonNode data = client.get(APIS + "/" + id).data();
        assertThat(data.get("status").asText()).isEqualTo("ready");
        assertThat(data.get("name").asText()).isEqualTo("renamed");
        assertThat(data.get("security").get("cors_policy").get("allowed_origins"))
                .extracting(JsonNode::asText)
                .containsExactly("https://a.example", "https://b.example");
    }

    @Test
    void patchWhoseOnlyContentIsAnEmptyOriginListIsRejectedLikeAura(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);
        String id = create(client, SDL).get("id").asText();
        server.advance(Duration.ofSeconds(1));

        RawFakeClient.Response rejected =
                client.patch(APIS + "/" + id, "{\"security\":{\"cors_policy\":{\"allowed_origins\":[]}}}");

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(client.get(APIS + "/" + id)
                        .data()
                        .get("security")
                        .get("cors_policy")
                        .get("allowed_origins"))
                .hasSize(1);
    }

    @Test
    void emptyOriginListWithTheCliWorkaroundFieldIsAccepted(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);
        String id = create(client, SDL).get("id").asText();
        server.advance(Duration.ofSeconds(1));

        RawFakeClient.Response accepted = client.patch(
                APIS + "/" + id, "{\"test\":\"ignore me\",\"security\":{\"cors_policy\":{\"allowed_origins\":[]}}}");

        assertThat(accepted.status()).isEqualTo(202);
        server.advance(Duration.ofSeconds(1));
        assertThat(client.get(APIS + "/" + id)
                        .data()
                        .get("security")
                        .get("cors_policy")
                        .get("allowed_origins"))
                .isEmpty();
    }

    @Test
    void pauseThenResumeGoThroughPausingPausedResumingReady(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);
        String id = create(client, SDL).get("id").asText();
        server.advance(Duration.ofSeconds(1));

        assertThat(client.post(APIS + "/" + id + "/resume", null).status())
                .as("not paused")
                .isEqualTo(400);
        RawFakeClient.Response pause = client.post(APIS + "/" + id + "/pause", null);
        assertThat(pause.status()).isEqualTo(202);
        assertThat(pause.data().get("status").asText()).isEqualTo("pausing");
        server.advance(Duration.ofSeconds(1));
        assertThat(status(client, id)).isEqualTo("paused");

        RawFakeClient.Response resume = client.post(APIS + "/" + id + "/resume", null);
        assertThat(resume.status()).isEqualTo(202);
        assertThat(resume.data().get("status").asText()).isEqualTo("resuming");
        server.advance(Duration.ofSeconds(1));
        assertThat(status(client, id)).isEqualTo("ready");
    }

    @Test
    void deleteAnswers202DeletingThenTheApiIsGone(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);
        String id = create(client, SDL).get("id").asText();
        server.advance(Duration.ofSeconds(1));

        RawFakeClient.Response deleted = client.delete(APIS + "/" + id);
        assertThat(deleted.status()).isEqualTo(202);
        assertThat(deleted.data().get("status").asText()).isEqualTo("deleting");
        assertThat(status(client, id)).isEqualTo("deleting");

        server.advance(Duration.ofSeconds(1));
        RawFakeClient.Response gone = client.get(APIS + "/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("errors").get(0).get("reason").asText()).isEqualTo("data-api-not-found");
        assertThat(client.get(APIS).data()).isEmpty();
    }

    @Test
    void freeInstancesRefuseDataApis(FakeAuraServer server) {
        RawFakeClient.Response r = new RawFakeClient(server)
                .post(
                        "/v1beta5/instances/" + DemoWorld.FREE_INSTANCE_ID + "/data-apis/graphql",
                        createBody(SDL, API_KEY_PROVIDER));

        assertThat(r.status()).isEqualTo(400);
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("reason").asText()).isEqualTo("instance-type-not-supported");
        assertThat(error.get("message").asText()).contains("free-db");
    }

    @Test
    void invalidTypeDefinitionsEndInErrorWithErrorsBesideData(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);
        String id = create(client, "type Movie { title: Strig }").get("id").asText();
        server.advance(Duration.ofSeconds(1));

        RawFakeClient.Response r = client.get(APIS + "/" + id);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.data().get("status").asText()).isEqualTo("error");
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("reason").asText()).isEqualTo("invalid-type-defs");
        assertThat(error.get("message").asText()).isEqualTo("Unknown type \"Strig\". Did you mean \"String\"?");
    }

    @Test
    void unbalancedBracesAreInvalidTypeDefinitionsToo(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);
        String id = create(client, "type Movie { title: String").get("id").asText();
        server.advance(Duration.ofSeconds(1));

        assertThat(client.get(APIS + "/" + id)
                        .json()
                        .get("errors")
                        .get(0)
                        .get("message")
                        .asText())
                .startsWith("Syntax Error");
    }

    @Test
    void createValidatesTheBody(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);

        RawFakeClient.Response notBase64 = client.post(
                APIS, createBody(SDL, API_KEY_PROVIDER).replace(RawFakeClient.base64(SDL), "%%%not-base64%%%"));
        RawFakeClient.Response noName =
                client.post(APIS, createBody(SDL, API_KEY_PROVIDER).replace("\"name\":\"movies-api\",", ""));

        assertThat(notBase64.status()).isEqualTo(400);
        assertThat(notBase64.json().get("errors").get(0).get("field").asText()).isEqualTo("type_definitions");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
    }

    @Test
    void jwksProviderNeedsUrlAndApiKeyProviderMustNotHaveOne(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);

        RawFakeClient.Response jwksWithoutUrl =
                client.post(APIS, createBody(SDL, "{\"name\":\"idp\",\"type\":\"jwks\",\"enabled\":true}"));
        RawFakeClient.Response apiKeyWithUrl = client.post(
                APIS,
                createBody(SDL, "{\"name\":\"k\",\"type\":\"api-key\",\"url\":\"https://idp.example/jwks.json\"}"));

        assertThat(jwksWithoutUrl.status()).isEqualTo(400);
        assertThat(jwksWithoutUrl.json().get("errors").get(0).get("field").asText())
                .isEqualTo("security.authentication_providers.url");
        assertThat(apiKeyWithUrl.status()).isEqualTo(400);

        String id = create(client, SDL).get("id").asText();
        RawFakeClient.Response providerJwks =
                client.post(APIS + "/" + id + "/auth-providers", "{\"name\":\"idp\",\"type\":\"jwks\"}");
        RawFakeClient.Response providerKey = client.post(
                APIS + "/" + id + "/auth-providers",
                "{\"name\":\"k2\",\"type\":\"api-key\",\"url\":\"https://idp.example/jwks.json\"}");
        assertThat(providerJwks.status()).isEqualTo(400);
        assertThat(providerJwks.json().get("errors").get(0).get("field").asText())
                .isEqualTo("url");
        assertThat(providerKey.status()).isEqualTo(400);
    }

    @Test
    void apiKeyProviderCreateReturnsTheKeyOnceAndMovesTheApiToUpdating(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);
        String id = create(client, SDL).get("id").asText();
        server.advance(Duration.ofSeconds(1));

        RawFakeClient.Response created = client.post(
                APIS + "/" + id + "/auth-providers", "{\"name\":\"second\",\"type\":\"api-key\",\"enabled\":true}");

        assertThat(created.status()).isEqualTo(202);
        assertThat(created.data().get("key").asText()).hasSize(32);
        assertThat(status(client, id)).isEqualTo("updating");
        String providerId = created.data().get("id").asText();
        RawFakeClient.Response fetched = client.get(APIS + "/" + id + "/auth-providers/" + providerId);
        assertThat(fetched.data().has("key")).isFalse();
        assertThat(fetched.data().get("name").asText()).isEqualTo("second");
        server.advance(Duration.ofSeconds(1));
        assertThat(status(client, id)).isEqualTo("ready");
    }

    @Test
    void providersCanBeRenamedDisabledAndDeleted(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);
        String id = create(client, SDL).get("id").asText();
        server.advance(Duration.ofSeconds(1));
        RawFakeClient.Response jwks = client.post(
                APIS + "/" + id + "/auth-providers",
                "{\"name\":\"idp\",\"type\":\"jwks\",\"url\":\"https://idp.example/.well-known/jwks.json\"}");
        assertThat(jwks.status()).isEqualTo(202);
        assertThat(jwks.data().has("key")).isFalse();
        String providerId = jwks.data().get("id").asText();
        String path = APIS + "/" + id + "/auth-providers/" + providerId;

        RawFakeClient.Response patched = client.patch(path, "{\"name\":\"idp-2\",\"enabled\":false}");
        assertThat(patched.status()).isEqualTo(202);
        assertThat(patched.data().get("enabled").asBoolean()).isFalse();
        assertThat(patched.data().get("name").asText()).isEqualTo("idp-2");

        RawFakeClient.Response deleted = client.delete(path);
        assertThat(deleted.status()).isEqualTo(202);
        assertThat(deleted.data().get("id").asText()).isEqualTo(providerId);
        assertThat(client.get(path).status()).isEqualTo(404);
    }

    @Test
    void autoModeAdvancesADataApiOnEachGet() {
        try (FakeAuraServer server =
                FakeAuraServer.builder().stepMode(StepMode.AUTO).build().start()) {
            RawFakeClient client = new RawFakeClient(server);
            String id = create(client, SDL).get("id").asText();

            assertThat(status(client, id)).isEqualTo("creating");
            assertThat(status(client, id)).isEqualTo("ready");
        }
    }

    @Test
    void dataApisOfUnknownInstanceAre404(FakeAuraServer server) {
        RawFakeClient.Response r = new RawFakeClient(server).get("/v1beta5/instances/deadbeef/data-apis/graphql");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("errors").get(0).get("reason").asText()).isEqualTo("db-not-found");
    }
}
