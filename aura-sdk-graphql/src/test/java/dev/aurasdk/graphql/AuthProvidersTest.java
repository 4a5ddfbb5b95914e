package dev.aurasdk.graphql;

import static dev.aurasdk.graphql.GraphQLFixtures.API;
import static dev.aurasdk.graphql.GraphQLFixtures.API_KEY;
import static dev.aurasdk.graphql.GraphQLFixtures.BASE;
import static dev.aurasdk.graphql.GraphQLFixtures.INSTANCE;
import static dev.aurasdk.graphql.GraphQLFixtures.JWKS_PROVIDER;
import static dev.aurasdk.graphql.GraphQLFixtures.JWKS_URL;
import static dev.aurasdk.graphql.GraphQLFixtures.NEW_API_KEY;
import static dev.aurasdk.graphql.GraphQLFixtures.PROVIDER;
import static dev.aurasdk.graphql.GraphQLFixtures.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.testing.CapturedLogs;
import dev.aurasdk.core.testing.ScriptedAura;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.slf4j.event.Level;

class AuthProvidersTest {
    private static final String NEW_PROVIDER = "5b7e7c1e-8f0e-4a53-9d3e-0c8d6a7f1b22";
    private static final String PROVIDERS = BASE + "/" + API + "/auth-providers";

    private ScriptedAura aura;
    private AuraClient client;
    private GraphQLDataApis apis;
    private AuthProviders providers;

    @BeforeEach
    void setUp() {
        CapturedLogs.clear();
        aura = new ScriptedAura();
        client = GraphQLFixtures.client(aura);
        apis = GraphQLDataApis.create(client);
        providers = apis.authProviders(INSTANCE, API);
    }

    @AfterEach
    void tearDown() {
        client.close();
        aura.close();
    }

    private static String apiKeyProvider(String id, String name) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"type\":\"api-key\",\"enabled\":true}";
    }

    private static MockResponse createdApiKey(String id, String name, String key) {
        return ScriptedAura.json(
                202,
                "{\"data\":{\"id\":\"" + id + "\",\"name\":\"" + name
                        + "\",\"type\":\"api-key\",\"enabled\":true,\"key\":\"" + key + "\"}}");
    }

    private static MockResponse jwksProvider(int status) {
        return ScriptedAura.json(
                status,
                "{\"data\":{\"id\":\"" + JWKS_PROVIDER + "\",\"name\":\"auth0\","
                        + "\"type\":\"jwks\",\"enabled\":true,\"url\":\"" + JWKS_URL + "\"}}");
    }

    @Test
    void listAndGetReadProviders() {
        aura.enqueue(ScriptedAura.data("[" + apiKeyProvider(PROVIDER, "default") + ",{\"id\":\"" + JWKS_PROVIDER
                + "\",\"name\":\"auth0\",\"type\":\"jwks\",\"enabled\":false,\"url\":\"" + JWKS_URL + "\"}]"));
        aura.enqueue(jwksProvider(200));

        List<AuthProvider> list = providers.list();
        AuthProvider one = providers.get(JWKS_PROVIDER);

        assertThat(list).extracting(AuthProvider::name).containsExactly("default", "auth0");
        assertThat(list.get(0).isApiKey()).isTrue();
        assertThat(list.get(1).enabled()).isFalse();
        assertThat(one.isJwks()).isTrue();
        assertThat(one.url()).contains(JWKS_URL);
        assertThat(aura.apiRequests)
                .extracting(GraphQLFixtures::line)
                .containsExactly("GET " + PROVIDERS, "GET " + PROVIDERS + "/" + JWKS_PROVIDER);
    }

    @Test
    void createJwksSendsTopLevelFields() {
        aura.enqueue(jwksProvider(202));

        AuthProvider created = providers.createJwks("auth0", JWKS_URL);

        assertThat(GraphQLFixtures.line(aura.apiRequests.get(0))).isEqualTo("POST " + PROVIDERS);
        assertThat(body(aura.apiRequests.get(0)))
                .isEqualTo("{\"name\":\"auth0\",\"type\":\"jwks\",\"enabled\":true,\"url\":\"" + JWKS_URL + "\"}");
        assertThat(created.id()).isEqualTo(JWKS_PROVIDER);
    }

    @Test
    void createApiKeyReturnsTheKeyOnceAndNeverLogsOrPrintsIt() {
        aura.enqueue(createdApiKey(PROVIDER, "ci", API_KEY));

        CreatedAuthProvider created = providers.createApiKey("ci");

        assertThat(body(aura.apiRequests.get(0))).isEqualTo("{\"name\":\"ci\",\"type\":\"api-key\",\"enabled\":true}");
        assertThat(created.key()).contains(API_KEY);
        assertThat(created.toString()).doesNotContain(API_KEY).contains("key=****");
        assertThat(created.withoutKey().toString()).doesNotContain(API_KEY);
        assertThat(CapturedLogs.allText()).doesNotContain(API_KEY);
    }

    private void assertRejectedBeforeAnyRequest(Executable call, String message) {
        assertThatThrownBy(call::execute)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
        assertThat(aura.apiRequests).isEmpty();
        assertThat(aura.tokenRequests.get()).isZero();
    }

    @Test
    void aJwksProviderWithoutUrlIsRejectedBeforeAnyRequest() {
        assertRejectedBeforeAnyRequest(
                () -> providers.create(AuthProviderSpec.builder()
                        .name("auth0")
                        .type(AuthProviderType.JWKS)
                        .build()),
                "needs a url");
    }

    @Test
    void aJwksUrlWithAnInvalidPortIsRejectedBeforeAnyRequest() {
        assertRejectedBeforeAnyRequest(
                () -> providers.createJwks("auth0", "https://example.eu.auth0.com:99999/.well-known/jwks.json"),
                "invalid port");
    }

    @Test
    void anApiKeyProviderWithUrlIsRejectedBeforeAnyRequest() {
        assertRejectedBeforeAnyRequest(
                () -> providers.create(AuthProviderSpec.builder()
                        .name("ci")
                        .type(AuthProviderType.API_KEY)
                        .url(JWKS_URL)
                        .build()),
                "must not have a url");
    }

    @Test
    void aPlainHttpJwksUrlIsRejectedBeforeAnyRequest() {
        assertRejectedBeforeAnyRequest(() -> providers.createJwks("auth0", "http://example.com/jwks.json"), "https");
        assertRejectedBeforeAnyRequest(
                () -> providers.changeUrl(JWKS_PROVIDER, "http://example.com/jwks.json"), "https");
    }

    @Test
    void aJwksUrlWithCredentialsIsRejectedWithoutEchoingThem() {
        assertThatThrownBy(() -> providers.createJwks("auth0", "https://admin:hunter2@idp.example.com/jwks"))
                .hasMessageContaining("credentials")
                .message()
                .doesNotContain("hunter2");
        assertThat(aura.apiRequests).isEmpty();
    }

    @Test
    void anUnknownProviderTypeCannotBeCreated() {
        assertRejectedBeforeAnyRequest(
                () -> providers.create(AuthProviderSpec.builder()
                        .name("x")
                        .type(AuthProviderType.of("oidc"))
                        .build()),
                "unsupported");
    }

    @Test
    void enableDisableRenameAndChangeUrlPatchTopLevelFieldsNotWrappedInData() {
        for (int i = 0; i < 4; i++) {
            aura.enqueue(jwksProvider(202));
        }

        providers.disable(JWKS_PROVIDER);
        providers.enable(JWKS_PROVIDER);
        providers.rename(JWKS_PROVIDER, "okta");
        providers.changeUrl(JWKS_PROVIDER, "https://okta.example.com/keys");

        assertThat(aura.apiRequests)
                .allSatisfy(
                        r -> assertThat(GraphQLFixtures.line(r)).isEqualTo("PATCH " + PROVIDERS + "/" + JWKS_PROVIDER));
        assertThat(aura.apiRequests)
                .extracting(GraphQLFixtures::body)
                .containsExactly(
                        "{\"enabled\":false}",
                        "{\"enabled\":true}",
                        "{\"name\":\"okta\"}",
                        "{\"url\":\"https://okta.example.com/keys\"}");
    }

    @Test
    void deleteSendsDelete() {
        aura.enqueue(jwksProvider(202));

        assertThat(providers.delete(JWKS_PROVIDER).id()).isEqualTo(JWKS_PROVIDER);
        assertThat(GraphQLFixtures.line(aura.apiRequests.get(0)))
                .isEqualTo("DELETE " + PROVIDERS + "/" + JWKS_PROVIDER);
    }

    @Test
    void awaitingReadyWaitsForTheApiAfterEachChange() {
        aura.enqueue(jwksProvider(202));
        aura.enqueue(GraphQLFixtures.get("updating"));
        aura.enqueue(GraphQLFixtures.get("ready"));

        providers.awaitingReady().createJwks("auth0", JWKS_URL);

        assertThat(aura.apiRequests)
                .extracting(GraphQLFixtures::line)
                .containsExactly("POST " + PROVIDERS, "GET " + BASE + "/" + API, "GET " + BASE + "/" + API);
    }

    @Test
    void notAwaitingReadyReturnsAsSoonAsAuraAcceptsTheChange() {
        aura.enqueue(jwksProvider(202));

        providers.awaitingReady().notAwaitingReady().createJwks("auth0", JWKS_URL);

        assertThat(aura.apiRequests).extracting(GraphQLFixtures::line).containsExactly("POST " + PROVIDERS);
    }

    @Test
    void aFailedWaitAfterCreatingAnApiKeyStillHandsTheKeyBack() {
        aura.enqueue(createdApiKey(PROVIDER, "ci", API_KEY));
        aura.enqueue(GraphQLFixtures.get("updating"));
        aura.enqueue(ScriptedAura.json(
                200,
                "{\"data\":" + GraphQLFixtures.details("error")
                        + ",\"errors\":[{\"reason\":\"server-err\",\"message\":\"internal\"}]}"));

        assertThatThrownBy(() -> providers.awaitingReady().createApiKey("ci"))
                .isInstanceOf(ApiKeyNotYetUsableException.class)
                .hasCauseInstanceOf(GraphQLDataApiFailedException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain(API_KEY);
                    assertThat(((ApiKeyNotYetUsableException) e).createdProvider())
                            .hasValueSatisfying(p -> assertThat(p.key()).contains(API_KEY));
                });
    }

    @Test
    void rotateApiKeyImmediatelyCreatesTheNewProviderThenDeletesTheOld() {
        aura.enqueue(ScriptedAura.data(apiKeyProvider(PROVIDER, "ci")));
        aura.enqueue(createdApiKey(NEW_PROVIDER, "ci-2026", NEW_API_KEY));
        aura.enqueue(ScriptedAura.json(202, "{\"data\":" + apiKeyProvider(PROVIDER, "ci") + "}"));

        ApiKeyRotation rotation =
                providers.rotateApiKey(PROVIDER, "ci-2026", ApiKeyRotation.Mode.DELETE_OLD_IMMEDIATELY);

        assertThat(rotation.newKey()).isEqualTo(NEW_API_KEY);
        assertThat(rotation.state()).isEqualTo(ApiKeyRotation.State.COMPLETED);
        assertThat(aura.apiRequests)
                .extracting(GraphQLFixtures::line)
                .containsExactly(
                        "GET " + PROVIDERS + "/" + PROVIDER,
                        "POST " + PROVIDERS,
                        "DELETE " + PROVIDERS + "/" + PROVIDER);
        assertThat(rotation.toString()).doesNotContain(NEW_API_KEY);
        assertThat(CapturedLogs.allText()).doesNotContain(NEW_API_KEY);
    }

    @Test
    void rotateApiKeyOnConfirmKeepsTheOldProviderUntilConfirmed() {
        aura.enqueue(ScriptedAura.data(apiKeyProvider(PROVIDER, "ci")));
        aura.enqueue(createdApiKey(NEW_PROVIDER, "ci-2026", NEW_API_KEY));
        aura.enqueue(ScriptedAura.json(202, "{\"data\":" + apiKeyProvider(PROVIDER, "ci") + "}"));

        ApiKeyRotation rotation =
                providers.rotateApiKey(PROVIDER, "ci-2026", ApiKeyRotation.Mode.DELETE_OLD_ON_CONFIRM);

        assertThat(rotation.state()).isEqualTo(ApiKeyRotation.State.PENDING);
        assertThat(aura.apiRequests).hasSize(2);
        assertThat(rotation.confirm().id()).isEqualTo(PROVIDER);
        assertThat(rotation.confirm().id())
                .as("confirming twice sends nothing more")
                .isEqualTo(PROVIDER);
        assertThat(aura.apiRequests).hasSize(3);
        assertThat(GraphQLFixtures.line(aura.apiRequests.get(2))).isEqualTo("DELETE " + PROVIDERS + "/" + PROVIDER);
        assertThat(rotation.state()).isEqualTo(ApiKeyRotation.State.COMPLETED);
        assertThatThrownBy(rotation::abort).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void abortingARotationDeletesTheNewProviderAndKeepsTheOld() {
        aura.enqueue(ScriptedAura.data(apiKeyProvider(PROVIDER, "ci")));
        aura.enqueue(createdApiKey(NEW_PROVIDER, "ci-2026", NEW_API_KEY));
        aura.enqueue(ScriptedAura.json(202, "{\"data\":" + apiKeyProvider(NEW_PROVIDER, "ci-2026") + "}"));

        ApiKeyRotation rotation =
                providers.rotateApiKey(PROVIDER, "ci-2026", ApiKeyRotation.Mode.DELETE_OLD_ON_CONFIRM);
        rotation.abort();

        assertThat(GraphQLFixtures.line(aura.apiRequests.get(2))).isEqualTo("DELETE " + PROVIDERS + "/" + NEW_PROVIDER);
        assertThat(rotation.state()).isEqualTo(ApiKeyRotation.State.ABORTED);
        assertThatThrownBy(rotation::confirm).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyApiKeyProvidersCanBeRotated() {
        aura.enqueue(jwksProvider(200));

        assertThatThrownBy(
                        () -> providers.rotateApiKey(JWKS_PROVIDER, "new", ApiKeyRotation.Mode.DELETE_OLD_IMMEDIATELY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only api-key providers");
        assertThat(aura.apiRequests).hasSize(1);
    }

    @Test
    void anApiWithoutJwksProviderIsWarnedAboutOnce() {
        aura.enqueue(ScriptedAura.data("[" + apiKeyProvider(PROVIDER, "default") + "]"));
        aura.enqueue(ScriptedAura.data("[" + apiKeyProvider(PROVIDER, "default") + "]"));

        providers.list();
        providers.list();

        assertThat(CapturedLogs.events("dev.aurasdk.graphql"))
                .filteredOn(e -> e.level() == Level.WARN && e.message().contains("no JWKS"))
                .singleElement();
    }
}
