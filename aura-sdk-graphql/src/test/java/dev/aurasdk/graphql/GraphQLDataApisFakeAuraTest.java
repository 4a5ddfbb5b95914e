package dev.aurasdk.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraCredentials;
import dev.aurasdk.core.AuraNotFoundException;
import dev.aurasdk.core.testing.CapturedLogs;
import dev.aurasdk.core.wait.WaitOptions;
import dev.aurasdk.testkit.DemoWorld;
import dev.aurasdk.testkit.FakeAuraExtension;
import dev.aurasdk.testkit.FakeAuraServer;
import dev.aurasdk.testkit.StepScheduler;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * End to end against the testkit's fake Aura server with its OpenAPI contract check on: every request the
 * SDK sends and every response it reads must match the official v1beta5 document (the extension fails a
 * test that leaves violations). The client runs on the fake's virtual clock and its sleeps advance that
 * clock, so waits take no real time; each Data API transition takes two ticks, so waits see the
 * transitional status first.
 */
class GraphQLDataApisFakeAuraTest {
    private static final String INSTANCE = DemoWorld.INSTANCE_ID;
    private static final String JWKS_URL = "https://example.eu.auth0.com/.well-known/jwks.json";
    private static final String INSTANCE_PASSWORD = "Fake-Instance-Passw0rd";

    @RegisterExtension
    final FakeAuraExtension fake =
            FakeAuraExtension.with(b -> b.contractChecked().dataApiTransitionTicks(2));

    private FakeAuraServer server;
    private StepScheduler scheduler;
    private AuraClient client;
    private GraphQLDataApis apis;

    @BeforeEach
    void setUp() {
        CapturedLogs.clear();
        server = fake.server();
        assertThat(server.isContractChecked()).isTrue();
        scheduler = StepScheduler.manual(server.clock(), server::advance);
        client = AuraClient.builder()
                .credentials(AuraCredentials.of(server.clientId(), server.clientSecret()))
                .baseUrl(server.baseUrl())
                .clock(server.clock())
                .sleeper(server::advance)
                .scheduler(scheduler)
                .waitOptions(WaitOptions.builder().jitter(0).build())
                .build();
        apis = GraphQLDataApis.create(client);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private CreatedGraphQLDataApi createRestaurantsApi(TypeDefinitions schema) {
        return apis.create(
                INSTANCE,
                CreateGraphQLDataApi.builder()
                        .name("restaurants")
                        .typeDefinitions(schema)
                        .instanceCredentials(InstanceCredentials.of("neo4j", INSTANCE_PASSWORD))
                        .addAuthProviders(AuthProviderSpec.apiKey("default"))
                        .build());
    }

    private static String unsignedJwt(String tenantId) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"sub\":\"u1\",\"tenantId\":\"" + tenantId + "\",\"roles\":[\"basic\"]}")
                        .getBytes(StandardCharsets.UTF_8))
                + ".c2ln";
    }

    @Test
    void fullLifecycleFromCreateToDeleteFollowsTheContract() {
        TypeDefinitions schema = TypeDefinitions.fromClasspath("/schema/restaurants-multitenant.graphql");
        CreatedGraphQLDataApi created = createRestaurantsApi(schema);
        String apiId = created.id();
        String key = created.apiKey().orElseThrow();
        assertThat(created.status()).isEqualTo(GraphQLDataApiStatus.CREATING);

        GraphQLDataApi ready = apis.awaitReady(INSTANCE, apiId);
        assertThat(ready.typeDefinitions()).contains(schema);
        assertThat(ready.errors()).isEmpty();

        AuthProvider jwks = apis.authProviders(INSTANCE, apiId).awaitingReady().createJwks("auth0", JWKS_URL);
        assertThat(jwks.isJwks()).isTrue();
        assertThat(apis.authProviders(INSTANCE, apiId).list())
                .extracting(AuthProvider::name)
                .containsExactlyInAnyOrder("default", "auth0");

        assertThat(apis.cors(INSTANCE, apiId).allow("https://App.Example.com/"))
                .containsExactly("https://app.example.com");

        TypeDefinitions next = TypeDefinitions.of(schema.asString() + "\ntype Cuisine @node { name: String! }\n");
        assertThat(apis.updateTypeDefinitions(INSTANCE, apiId, next).status()).isEqualTo(GraphQLDataApiStatus.UPDATING);
        assertThat(apis.awaitReady(INSTANCE, apiId).typeDefinitions()).contains(next);

        String url = ready.url().orElseThrow();
        JsonNode byKey = GraphQLEndpoint.withApiKey(url, key)
                .execute(GraphQLRequest.of("query Ping { restaurants { id } }"))
                .dataOrThrow();
        assertThat(byKey.at("/fakeAura/authenticatedBy").asText()).isEqualTo("api-key");
        assertThat(byKey.at("/fakeAura/operationName").asText()).isEqualTo("Ping");
        JsonNode byJwt = GraphQLEndpoint.withBearerToken(url, unsignedJwt("tenant-1"))
                .execute("query Mine { alerts { id } }")
                .dataOrThrow();
        assertThat(byJwt.at("/fakeAura/tenantId").asText()).isEqualTo("tenant-1");
        assertThatThrownBy(() -> GraphQLEndpoint.withApiKey(url, "wrong-key").execute("{ restaurants { id } }"))
                .isInstanceOf(GraphQLUnauthorizedException.class);

        apis.pause(INSTANCE, apiId);
        assertThat(apis.awaitPaused(INSTANCE, apiId).status()).isEqualTo(GraphQLDataApiStatus.PAUSED);
        apis.resume(INSTANCE, apiId);
        assertThat(apis.awaitReady(INSTANCE, apiId).isReady()).isTrue();

        apis.delete(INSTANCE, apiId);
        apis.awaitDeleted(INSTANCE, apiId);
        assertThatThrownBy(() -> apis.get(INSTANCE, apiId)).isInstanceOf(AuraNotFoundException.class);

        assertThat(server.contractViolations()).isEmpty();
        assertThat(CapturedLogs.allText())
                .doesNotContain(key)
                .doesNotContain(INSTANCE_PASSWORD)
                .doesNotContain(server.clientSecret());
        assertThat(server.journal().entries().toString()).doesNotContain(key).doesNotContain(INSTANCE_PASSWORD);
    }

    @Test
    void anInvalidSchemaEndsInTheTypedExceptionAndAHotReloadFixesIt() {
        CreatedGraphQLDataApi created = createRestaurantsApi(TypeDefinitions.of("type Movie @node { title: Strig }"));

        assertThatThrownBy(() -> apis.awaitReady(INSTANCE, created.id()))
                .isInstanceOf(GraphQLDataApiFailedException.class)
                .hasMessageContaining("invalid-type-defs")
                .hasMessageContaining("Strig");
        assertThat(apis.get(INSTANCE, created.id()).errors())
                .extracting(e -> e.reason().orElse(""))
                .containsExactly("invalid-type-defs");

        apis.updateTypeDefinitions(INSTANCE, created.id(), TypeDefinitions.of("type Movie @node { title: String }"));
        GraphQLDataApi fixed = apis.awaitReady(INSTANCE, created.id());

        assertThat(fixed.errors()).isEmpty();
        assertThat(fixed.isReady()).isTrue();
    }

    @Test
    void aFreeInstanceIsRefusedWithTheDedicatedException() {
        assertThatThrownBy(() -> apis.create(
                        DemoWorld.FREE_INSTANCE_ID,
                        CreateGraphQLDataApi.builder()
                                .name("restaurants")
                                .typeDefinitions(TypeDefinitions.of("type Movie @node { title: String }"))
                                .instanceCredentials(InstanceCredentials.of("neo4j", INSTANCE_PASSWORD))
                                .addAuthProviders(AuthProviderSpec.apiKey("default"))
                                .build()))
                .isInstanceOf(GraphQLDataApiNotSupportedException.class)
                .hasMessageContaining("Free");
    }

    @Test
    void corsCanBeEmptiedThanksToTheWorkaroundAndAsyncWaitsWork() {
        CreatedGraphQLDataApi created = createRestaurantsApi(TypeDefinitions.of("type Movie @node { title: String }"));
        CompletableFuture<GraphQLDataApi> ready = apis.awaitReadyAsync(INSTANCE, created.id());
        scheduler.runUntilDone(ready);
        assertThat(ready.join().isReady()).isTrue();
        CorsOrigins cors = apis.cors(INSTANCE, created.id());

        assertThat(cors.allow("https://a.example.com", "https://b.example.com"))
                .containsExactly("https://a.example.com", "https://b.example.com");
        assertThat(cors.disallow("https://a.example.com")).containsExactly("https://b.example.com");
        assertThat(cors.replace(List.of())).isEmpty();
        assertThat(cors.origins()).isEmpty();
        assertThat(server.journal()
                        .last("PATCH", ".*/data-apis/graphql/[^/]+")
                        .orElseThrow()
                        .body())
                .contains("\"test\":\"ignore me\"");

        apis.pause(INSTANCE, created.id());
        CompletableFuture<GraphQLDataApi> paused = apis.awaitPausedAsync(INSTANCE, created.id());
        scheduler.runUntilDone(paused);
        assertThat(paused.join().status()).isEqualTo(GraphQLDataApiStatus.PAUSED);
        apis.delete(INSTANCE, created.id());
        CompletableFuture<Void> deleted = apis.awaitDeletedAsync(INSTANCE, created.id());
        scheduler.runUntilDone(deleted);
        deleted.join();
    }

    @Test
    void rotatingAnApiKeyRetiresTheOldKeyOnConfirm() {
        CreatedGraphQLDataApi created = createRestaurantsApi(TypeDefinitions.of("type Movie @node { title: String }"));
        apis.awaitReady(INSTANCE, created.id());
        String url = created.url().orElseThrow();
        String oldKey = created.apiKey().orElseThrow();
        AuthProviders providers = apis.authProviders(INSTANCE, created.id()).awaitingReady();
        String oldId = created.authenticationProviders().get(0).id();

        ApiKeyRotation rotation = providers.rotateApiKey(oldId, "default-2", ApiKeyRotation.Mode.DELETE_OLD_ON_CONFIRM);
        assertThat(GraphQLEndpoint.withApiKey(url, oldKey).execute("{ a }").hasData())
                .isTrue();
        assertThat(GraphQLEndpoint.withApiKey(url, rotation.newKey())
                        .execute("{ a }")
                        .hasData())
                .isTrue();
        rotation.confirm();

        assertThatThrownBy(() -> GraphQLEndpoint.withApiKey(url, oldKey).execute("{ a }"))
                .isInstanceOf(GraphQLUnauthorizedException.class);
        assertThat(GraphQLEndpoint.withApiKey(url, rotation.newKey())
                        .execute("{ a }")
                        .hasData())
                .isTrue();
        assertThat(providers.list()).extracting(AuthProvider::name).containsExactly("default-2");
    }

    @Test
    void disablingTheOnlyKeyProviderLocksCallersOut() {
        CreatedGraphQLDataApi created = createRestaurantsApi(TypeDefinitions.of("type Movie @node { title: String }"));
        apis.awaitReady(INSTANCE, created.id());
        AuthProviders providers = apis.authProviders(INSTANCE, created.id()).awaitingReady();
        String providerId = created.authenticationProviders().get(0).id();
        GraphQLEndpoint endpoint = GraphQLEndpoint.withApiKey(
                created.url().orElseThrow(), created.apiKey().orElseThrow());

        assertThat(providers.disable(providerId).enabled()).isFalse();
        assertThatThrownBy(() -> endpoint.execute("{ a }")).isInstanceOf(GraphQLUnauthorizedException.class);
        assertThat(providers.enable(providerId).enabled()).isTrue();
        assertThat(endpoint.execute("{ a }").hasData()).isTrue();
        assertThat(providers.rename(providerId, "primary").name()).isEqualTo("primary");
    }

    @Test
    void asyncFailureCarriesTheTypedException() {
        CreatedGraphQLDataApi created = createRestaurantsApi(TypeDefinitions.of("type Movie @node { title: Strig }"));
        CompletableFuture<GraphQLDataApi> ready = apis.awaitReadyAsync(INSTANCE, created.id());
        scheduler.runUntilDone(ready);

        assertThatThrownBy(ready::join)
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(GraphQLDataApiFailedException.class);
    }
}
