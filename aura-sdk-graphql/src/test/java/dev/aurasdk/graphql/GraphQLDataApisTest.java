package dev.aurasdk.graphql;

import static dev.aurasdk.graphql.GraphQLFixtures.API;
import static dev.aurasdk.graphql.GraphQLFixtures.API_KEY;
import static dev.aurasdk.graphql.GraphQLFixtures.API_URL;
import static dev.aurasdk.graphql.GraphQLFixtures.BASE;
import static dev.aurasdk.graphql.GraphQLFixtures.INSTANCE;
import static dev.aurasdk.graphql.GraphQLFixtures.INSTANCE_PASSWORD;
import static dev.aurasdk.graphql.GraphQLFixtures.JWKS_URL;
import static dev.aurasdk.graphql.GraphQLFixtures.SCHEMA;
import static dev.aurasdk.graphql.GraphQLFixtures.body;
import static dev.aurasdk.graphql.GraphQLFixtures.json;
import static dev.aurasdk.graphql.GraphQLFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurasdk.core.AuraBadRequestException;
import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraNotFoundException;
import dev.aurasdk.core.testing.CapturedLogs;
import dev.aurasdk.core.testing.ScriptedAura;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GraphQLDataApisTest {
    private ScriptedAura aura;
    private AuraClient client;
    private GraphQLDataApis apis;

    @BeforeEach
    void setUp() {
        CapturedLogs.clear();
        aura = new ScriptedAura();
        client = GraphQLFixtures.client(aura);
        apis = GraphQLDataApis.create(client);
    }

    @AfterEach
    void tearDown() {
        client.close();
        aura.close();
    }

    private CreateGraphQLDataApi.Builder createRequest() {
        return CreateGraphQLDataApi.builder()
                .name("restaurants")
                .typeDefinitions(TypeDefinitions.of(SCHEMA))
                .instanceCredentials(InstanceCredentials.of("neo4j", INSTANCE_PASSWORD));
    }

    private static String createdResponse() {
        return "{\"data\":{\"id\":\"" + API + "\",\"name\":\"restaurants\",\"status\":\"creating\",\"url\":\""
                + API_URL + "\",\"authentication_providers\":["
                + "{\"id\":\"" + GraphQLFixtures.PROVIDER
                + "\",\"name\":\"default\",\"type\":\"api-key\",\"enabled\":true,"
                + "\"key\":\"" + API_KEY + "\"},"
                + "{\"id\":\"" + GraphQLFixtures.JWKS_PROVIDER
                + "\",\"name\":\"auth0\",\"type\":\"jwks\",\"enabled\":true,"
                + "\"url\":\"" + JWKS_URL + "\"}]}}";
    }

    @Test
    void createSendsSnakeCaseBodyWithBase64TypeDefinitionsAndReturnsTheKeyOnce() {
        aura.enqueue(ScriptedAura.json(202, createdResponse()));

        CreatedGraphQLDataApi created = apis.create(
                INSTANCE,
                createRequest()
                        .subgraph(true)
                        .addCorsOrigins("HTTPS://App.Example.com:443/")
                        .addAuthProviders(AuthProviderSpec.apiKey("default"), AuthProviderSpec.jwks("auth0", JWKS_URL))
                        .build());

        RecordedRequest request = aura.apiRequests.get(0);
        assertThat(line(request)).isEqualTo("POST " + BASE);
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        String b64 = Base64.getEncoder().encodeToString(SCHEMA.getBytes(StandardCharsets.UTF_8));
        assertThat(body(request))
                .isEqualTo("{\"name\":\"restaurants\","
                        + "\"aura_instance\":{\"username\":\"neo4j\",\"password\":\"" + INSTANCE_PASSWORD + "\"},"
                        + "\"type_definitions\":\"" + b64 + "\","
                        + "\"features\":{\"subgraph\":true},"
                        + "\"security\":{\"cors_policy\":{\"allowed_origins\":[\"https://app.example.com\"]},"
                        + "\"authentication_providers\":[{\"name\":\"default\",\"type\":\"api-key\",\"enabled\":true},"
                        + "{\"name\":\"auth0\",\"type\":\"jwks\",\"enabled\":true,\"url\":\"" + JWKS_URL + "\"}]}}");
        String decoded = new String(
                Base64.getDecoder().decode(json(request).get("type_definitions").asText()), StandardCharsets.UTF_8);
        assertThat(decoded).isEqualTo(SCHEMA);

        assertThat(created.id()).isEqualTo(API);
        assertThat(created.status()).isEqualTo(GraphQLDataApiStatus.CREATING);
        assertThat(created.url()).contains(API_URL);
        assertThat(created.apiKey()).contains(API_KEY);
        assertThat(created.apiKey("default")).contains(API_KEY);
        assertThat(created.apiKey("auth0")).isEmpty();
        assertThat(created.authenticationProviders()).hasSize(2);
        assertThat(created.authenticationProviders().get(1).url()).contains(JWKS_URL);
    }

    @Test
    void apiKeyAndInstancePasswordNeverAppearInLogsOrToString() {
        aura.enqueue(ScriptedAura.json(202, createdResponse()));
        CreateGraphQLDataApi request = createRequest()
                .addAuthProviders(AuthProviderSpec.apiKey("default"))
                .build();

        CreatedGraphQLDataApi created = apis.create(INSTANCE, request);

        assertThat(created.toString()).doesNotContain(API_KEY).contains("****");
        assertThat(created.authenticationProviders().get(0).toString()).doesNotContain(API_KEY);
        assertThat(request.toString()).doesNotContain(INSTANCE_PASSWORD).contains("****");
        assertThat(request.instanceCredentials().toString()).doesNotContain(INSTANCE_PASSWORD);
        assertThat(CapturedLogs.allText())
                .isNotEmpty()
                .doesNotContain(API_KEY)
                .doesNotContain(INSTANCE_PASSWORD)
                .doesNotContain(ScriptedAura.CLIENT_SECRET);
    }

    @Test
    void createFromTheMultiTenantSchemaResourceRoundTripsThroughBase64() {
        TypeDefinitions schema = TypeDefinitions.fromClasspath("/schema/restaurants-multitenant.graphql");
        assertThat(schema.asString()).contains("@authorization", "$jwt.tenantId", "@subscription", "columnName");
        aura.enqueue(ScriptedAura.json(202, createdResponse()));
        apis.create(
                INSTANCE,
                createRequest()
                        .typeDefinitions(schema)
                        .addAuthProviders(AuthProviderSpec.jwks("auth0", JWKS_URL))
                        .build());
        String wire = json(aura.apiRequests.get(0)).get("type_definitions").asText();

        aura.enqueue(ScriptedAura.data("{\"id\":\"" + API + "\",\"name\":\"restaurants\",\"status\":\"ready\","
                + "\"type_definitions\":\"" + wire + "\"}"));
        GraphQLDataApi read = apis.get(INSTANCE, API);

        assertThat(read.typeDefinitions()).contains(schema);
        assertThat(read.typeDefinitions().orElseThrow().asString()).isEqualTo(schema.asString());
        assertThat(TypeDefinitions.fromBase64(wire).sha256()).isEqualTo(schema.sha256());
    }

    @Test
    void getDecodesTypeDefinitionsAndExposesTheErrorsAuraSendsBesideData() {
        aura.enqueue(ScriptedAura.json(200, """
                {"data":{"id":"2f49c2b3","name":"GraphQLDataAPI","status":"error","aura_instance":{"id":"db1d1234"},
                 "url":"https://2f49c2b3.data-api-url/graphql",
                 "type_definitions":"dHlwZSBNb3ZpZSBAbm9kZSB7IHRpdGxlOiBTdHJpZyB9",
                 "features":{"subgraph":true},
                 "security":{"cors_policy":{"allowed_origins":["https://myapp.com"]}}},
                 "errors":[{"reason":"invalid-type-defs","message":"Unknown type \\"Strig\\". Did you mean \\"String\\"?"}]}
                """));

        GraphQLDataApi api = apis.get(INSTANCE, API);

        assertThat(line(aura.apiRequests.get(0))).isEqualTo("GET " + BASE + "/" + API);
        assertThat(api.status()).isEqualTo(GraphQLDataApiStatus.ERROR);
        assertThat(api.typeDefinitions().orElseThrow().asString()).isEqualTo("type Movie @node { title: Strig }");
        assertThat(api.subgraph()).contains(true);
        assertThat(api.allowedOrigins()).containsExactly("https://myapp.com");
        assertThat(api.auraInstanceId()).contains("db1d1234");
        assertThat(api.hasErrors()).isTrue();
        assertThat(api.errors()).singleElement().satisfies(e -> {
            assertThat(e.reason()).contains("invalid-type-defs");
            assertThat(e.message()).isEqualTo("Unknown type \"Strig\". Did you mean \"String\"?");
        });
    }

    @Test
    void getToleratesAnUnknownStatusAndMissingOptionalFields() {
        aura.enqueue(ScriptedAura.data("{\"id\":\"" + API + "\",\"name\":\"x\",\"status\":\"migrating\"}"));

        GraphQLDataApi api = apis.get(INSTANCE, API);

        assertThat(api.status().value()).isEqualTo("migrating");
        assertThat(api.status().isKnown()).isFalse();
        assertThat(api.url()).isEmpty();
        assertThat(api.typeDefinitions()).isEmpty();
        assertThat(api.allowedOrigins()).isEmpty();
        assertThat(api.errors()).isEmpty();
    }

    @Test
    void unreadableTypeDefinitionsFromAuraAreLeftOutInsteadOfFailingTheRead() {
        aura.enqueue(ScriptedAura.data("{\"id\":\"" + API + "\",\"name\":\"x\",\"status\":\"ready\","
                + "\"type_definitions\":\"%%%not-base64%%%\"}"));

        GraphQLDataApi api = apis.get(INSTANCE, API);

        assertThat(api.isReady()).isTrue();
        assertThat(api.typeDefinitions()).isEmpty();
    }

    @Test
    void listReturnsSummaries() {
        aura.enqueue(
                ScriptedAura.data("[" + GraphQLFixtures.summary("ready") + ",{\"id\":\"524b7d8d\",\"name\":\"dev\","
                        + "\"status\":\"updating\",\"url\":\"https://524b7d8d.data-api-url/graphql\"}]"));

        List<GraphQLDataApiSummary> list = apis.list(INSTANCE);

        assertThat(line(aura.apiRequests.get(0))).isEqualTo("GET " + BASE);
        assertThat(list).extracting(GraphQLDataApiSummary::id).containsExactly(API, "524b7d8d");
        assertThat(list.get(0).isReady()).isTrue();
        assertThat(list.get(1).status()).isEqualTo(GraphQLDataApiStatus.UPDATING);
    }

    @Test
    void updateSendsOnlyTheTypeDefinitionsWhenOnlyThoseChange() {
        aura.enqueue(GraphQLFixtures.accepted("updating"));
        TypeDefinitions next = TypeDefinitions.of("type Restaurant @node { name: String! }");

        GraphQLDataApiSummary summary = apis.updateTypeDefinitions(INSTANCE, API, next);

        RecordedRequest request = aura.apiRequests.get(0);
        assertThat(line(request)).isEqualTo("PATCH " + BASE + "/" + API);
        assertThat(body(request)).isEqualTo("{\"type_definitions\":\"" + next.toBase64() + "\"}");
        assertThat(summary.status()).isEqualTo(GraphQLDataApiStatus.UPDATING);
    }

    @Test
    void updateSendsOnlyTheFieldsThatAreSet() {
        aura.enqueue(GraphQLFixtures.accepted("updating"));
        aura.enqueue(GraphQLFixtures.accepted("updating"));
        UpdateGraphQLDataApi passwordOnly =
                UpdateGraphQLDataApi.builder().instancePassword("N3w-Pa55word").build();

        apis.update(
                INSTANCE,
                API,
                UpdateGraphQLDataApi.builder().name("renamed").subgraph(false).build());
        apis.update(INSTANCE, API, passwordOnly);

        assertThat(body(aura.apiRequests.get(0))).isEqualTo("{\"name\":\"renamed\",\"features\":{\"subgraph\":false}}");
        assertThat(body(aura.apiRequests.get(1))).isEqualTo("{\"aura_instance\":{\"password\":\"N3w-Pa55word\"}}");
        assertThat(passwordOnly.toString()).doesNotContain("N3w-Pa55word");
        assertThat(CapturedLogs.allText()).doesNotContain("N3w-Pa55word");
    }

    @Test
    void anEmptyUpdateIsRejectedBeforeAnyRequest() {
        assertThatThrownBy(() -> apis.update(
                        INSTANCE, API, UpdateGraphQLDataApi.builder().build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one field");
        assertThat(aura.apiRequests).isEmpty();
    }

    @Test
    void pauseResumeAndDeleteAcceptBoth200And202() {
        aura.enqueue(ScriptedAura.data(GraphQLFixtures.summary("pausing")));
        aura.enqueue(GraphQLFixtures.accepted("resuming"));
        aura.enqueue(GraphQLFixtures.accepted("deleting"));

        assertThat(apis.pause(INSTANCE, API).status()).isEqualTo(GraphQLDataApiStatus.PAUSING);
        assertThat(apis.resume(INSTANCE, API).status()).isEqualTo(GraphQLDataApiStatus.RESUMING);
        assertThat(apis.delete(INSTANCE, API).status()).isEqualTo(GraphQLDataApiStatus.DELETING);

        assertThat(aura.apiRequests)
                .extracting(GraphQLFixtures::line)
                .containsExactly(
                        "POST " + BASE + "/" + API + "/pause",
                        "POST " + BASE + "/" + API + "/resume",
                        "DELETE " + BASE + "/" + API);
    }

    @Test
    void freeInstanceRefusalBecomesADedicatedBadRequestWithAurasReason() {
        aura.enqueue(
                ScriptedAura.json(
                        400,
                        "{\"errors\":[{\"message\":\"GraphQL Data APIs are not available for "
                                + "AuraDB Free instances: instance a1b2c3d4 is free-db\",\"reason\":\"instance-type-not-supported\"}]}"));

        assertThatThrownBy(() -> apis.create(
                        INSTANCE,
                        createRequest()
                                .addAuthProviders(AuthProviderSpec.apiKey("default"))
                                .build()))
                .isInstanceOf(GraphQLDataApiNotSupportedException.class)
                .isInstanceOf(AuraBadRequestException.class)
                .hasMessageContaining("not available on instance " + INSTANCE)
                .hasMessageContaining("AuraDB Free")
                .hasMessageContaining("instance-type-not-supported")
                .satisfies(e -> {
                    GraphQLDataApiNotSupportedException ex = (GraphQLDataApiNotSupportedException) e;
                    assertThat(ex.statusCode()).isEqualTo(400);
                    assertThat(ex.reason()).contains("instance-type-not-supported");
                    assertThat(ex.requestId()).isPresent();
                    assertThat(ex.instanceId()).isEqualTo(INSTANCE);
                });
        assertThat(aura.apiRequests).hasSize(1);
    }

    @Test
    void anOrdinaryBadRequestStaysAPlainBadRequest() {
        aura.enqueue(ScriptedAura.json(
                400,
                "{\"errors\":[{\"message\":\"name is required\",\"reason\":\"invalid\"," + "\"field\":\"name\"}]}"));

        assertThatThrownBy(() -> apis.create(INSTANCE, createRequest().build()))
                .isExactlyInstanceOf(AuraBadRequestException.class)
                .hasMessageContaining("name: name is required");
    }

    @Test
    void unknownApiIsNotFound() {
        aura.enqueue(GraphQLFixtures.notFound());

        assertThatThrownBy(() -> apis.get(INSTANCE, API)).isInstanceOf(AuraNotFoundException.class);
    }

    @Test
    void malformedIdsAreRejectedBeforeAnyRequest() {
        assertThatThrownBy(() -> apis.get("../etc", API)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> apis.get(INSTANCE, "a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> apis.authProviders(INSTANCE, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(aura.apiRequests).isEmpty();
        assertThat(aura.tokenRequests.get()).isZero();
    }

    @Test
    void createRequestValidationHappensWhenBuilding() {
        assertThatThrownBy(() -> createRequest().name(" ").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> createRequest()
                        .addAuthProviders(AuthProviderSpec.apiKey("a"), AuthProviderSpec.apiKey("a"))
                        .build())
                .hasMessageContaining("unique");
        assertThatThrownBy(() ->
                        createRequest().addCorsOrigins("https://*.example.com").build())
                .hasMessageContaining("wildcard");
        assertThatThrownBy(() -> InstanceCredentials.of("neo4j", "")).isInstanceOf(IllegalArgumentException.class);
        CreateGraphQLDataApi deduped = createRequest()
                .addCorsOrigins("https://a.example.com", "https://A.example.com:443", "http://localhost:3000/")
                .build();
        assertThat(deduped.corsOrigins()).containsExactly("https://a.example.com", "http://localhost:3000");
    }

    @Test
    void createWarnsOnceWhenTheApiHasNoJwksProviderOrAPlainHttpOrigin() {
        aura.enqueue(ScriptedAura.json(202, createdResponse()));
        apis.create(
                INSTANCE,
                createRequest()
                        .addAuthProviders(AuthProviderSpec.apiKey("default"))
                        .addCorsOrigins("http://app.example.com")
                        .build());

        List<CapturedLogs.Event> warnings = CapturedLogs.events("dev.aurasdk.graphql").stream()
                .filter(e -> e.level() == org.slf4j.event.Level.WARN)
                .toList();
        assertThat(warnings).hasSize(2);
        assertThat(warnings).anySatisfy(e -> assertThat(e.message()).contains("no JWKS", API));
        assertThat(warnings).anySatisfy(e -> assertThat(e.message()).contains("plain http", "http://app.example.com"));
    }

    @Test
    void aSettleTimeTooLongForTheClockIsRejectedWhenConfigured() {
        assertThatThrownBy(() -> GraphQLDataApis.builder(client)
                        .statusSettleTime(java.time.temporal.ChronoUnit.FOREVER.getDuration()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too long");
        assertThat(aura.apiRequests).isEmpty();
    }

    @Test
    void createdApiDeserializesWithoutEnabledAndKeepsUnknownProviderTypes() throws Exception {
        JsonNode node = GraphQLFixtures.MAPPER.readTree("{\"id\":\"p\",\"name\":\"n\",\"type\":\"oidc\"}");
        CreatedAuthProvider p = dev.aurasdk.core.spi.Json.mapper().treeToValue(node, CreatedAuthProvider.class);
        assertThat(p.enabled()).isTrue();
        assertThat(p.type().isKnown()).isFalse();
        assertThat(p.key()).isEmpty();
    }
}
