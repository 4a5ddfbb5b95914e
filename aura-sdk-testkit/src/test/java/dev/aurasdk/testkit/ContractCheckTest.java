package dev.aurasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the fake against the official OpenAPI documents shipped in the testkit (class path). The extension itself
 * fails any test here that leaves a violation behind.
 */
class ContractCheckTest {
    static final String APIS = DataApiLifecycleTest.APIS;
    static final String JOBS = ImportJobLifecycleTest.JOBS;

    @RegisterExtension
    final FakeAuraExtension aura = FakeAuraExtension.with(b -> b.contractChecked());

    @Test
    void everyEmulatedOperationConformsToTheDocuments(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);
        String token = client.token(null)
                .tokenRequest(server.clientId(), server.clientSecret())
                .json()
                .get("access_token")
                .asText();
        client.token(token);

        // tenants, organizations, projects, instances (v1 and v1beta5)
        for (String v : new String[] {"v1", "v1beta5"}) {
            assertThat(client.get("/" + v + "/tenants").status()).isEqualTo(200);
            assertThat(client.get("/" + v + "/tenants/" + DemoWorld.PROJECT_ID).status())
                    .isEqualTo(200);
            assertThat(client.get("/" + v + "/tenants/nope").status()).isEqualTo(404);
            assertThat(client.get("/" + v + "/instances").status()).isEqualTo(200);
            assertThat(client.get("/" + v + "/instances?tenantId=" + DemoWorld.PROJECT_ID)
                            .status())
                    .isEqualTo(200);
            assertThat(client.get("/" + v + "/instances/" + DemoWorld.INSTANCE_ID)
                            .status())
                    .isEqualTo(200);
            assertThat(client.get("/" + v + "/instances/" + DemoWorld.FREE_INSTANCE_ID)
                            .status())
                    .isEqualTo(200);
            assertThat(client.get("/" + v + "/instances/nope").status()).isEqualTo(404);
        }
        assertThat(client.get("/v2beta1/organizations").status()).isEqualTo(200);
        assertThat(client.get("/v2beta1/organizations/" + DemoWorld.ORGANIZATION_ID)
                        .status())
                .isEqualTo(200);
        assertThat(client.get("/v2beta1/organizations/" + DemoWorld.ORGANIZATION_ID + "/projects")
                        .status())
                .isEqualTo(200);

        // import jobs: success with progress, failure, cancel twice, unknown job, unknown model
        String job = ImportJobLifecycleTest.create(client, DemoWorld.IMPORT_MODEL_ID);
        assertThat(client.get(JOBS + "/" + job + "?progress=true").status()).isEqualTo(200);
        server.advance(Duration.ofSeconds(4));
        assertThat(client.get(JOBS + "/" + job + "?progress=true").status()).isEqualTo(200);
        assertThat(client.get(JOBS + "/" + job + "?progress=false").status()).isEqualTo(200);
        server.advance(Duration.ofSeconds(10));
        assertThat(client.get(JOBS + "/" + job + "?progress=true")
                        .data()
                        .get("info")
                        .get("exit_status")
                        .get("state")
                        .asText())
                .isEqualTo("Success");
        String failing = ImportJobLifecycleTest.create(client, DemoWorld.FAILING_IMPORT_MODEL_ID);
        server.advance(Duration.ofSeconds(10));
        assertThat(client.get(JOBS + "/" + failing + "?progress=true").status()).isEqualTo(200);
        String cancelled = ImportJobLifecycleTest.create(client, DemoWorld.IMPORT_MODEL_ID);
        assertThat(client.post(JOBS + "/" + cancelled + "/cancellation", null).status())
                .isEqualTo(200);
        assertThat(client.post(JOBS + "/" + cancelled + "/cancellation", null).status())
                .isEqualTo(400);
        assertThat(client.get(JOBS + "/" + cancelled).status()).isEqualTo(200);
        assertThat(client.get(JOBS + "/nope?progress=false").status()).isEqualTo(404);
        assertThat(client.post(
                                JOBS,
                                ImportJobLifecycleTest.createBody(
                                        "00000000-0000-0000-0000-000000000000", DemoWorld.INSTANCE_ID))
                        .status())
                .isEqualTo(404);

        // Data APIs: create (api-key + jwks), list, get, update, CORS quirk and workaround, pause, resume
        JsonNode created = client.post(
                        APIS,
                        DataApiLifecycleTest.createBody(
                                DataApiLifecycleTest.SDL,
                                DataApiLifecycleTest.API_KEY_PROVIDER
                                        + ",{\"name\":\"idp\",\"type\":\"jwks\",\"enabled\":true,"
                                        + "\"url\":\"https://idp.example/.well-known/jwks.json\"}"))
                .data();
        String api = created.get("id").asText();
        String path = APIS + "/" + api;
        assertThat(client.get(APIS).status()).isEqualTo(200);
        assertThat(client.get(path).status()).isEqualTo(200);
        server.advance(Duration.ofSeconds(1));
        assertThat(client.patch(
                                path,
                                "{\"name\":\"renamed\",\"features\":{\"subgraph\":true},"
                                        + "\"aura_instance\":{\"password\":\"new-password\"},\"type_definitions\":\""
                                        + RawFakeClient.base64(DataApiLifecycleTest.SDL) + "\"}")
                        .status())
                .isEqualTo(202);
        server.advance(Duration.ofSeconds(1));
        assertThat(client.patch(path, "{\"security\":{\"cors_policy\":{\"allowed_origins\":[]}}}")
                        .status())
                .isEqualTo(400);
        assertThat(client.patch(
                                path,
                                "{\"test\":\"ignore me\",\"security\":{\"cors_policy\":" + "{\"allowed_origins\":[]}}}")
                        .status())
                .isEqualTo(202);
        server.advance(Duration.ofSeconds(1));
        assertThat(client.post(path + "/pause", null).status()).isEqualTo(202);
        server.advance(Duration.ofSeconds(1));
        assertThat(client.post(path + "/pause", null).status()).isEqualTo(400);
        assertThat(client.post(path + "/resume", null).status()).isEqualTo(202);
        server.advance(Duration.ofSeconds(1));

        // auth providers: list, create both kinds, get, update both kinds, delete, validation error
        assertThat(client.get(path + "/auth-providers").status()).isEqualTo(200);
        JsonNode key = client.post(path + "/auth-providers", "{\"name\":\"k2\",\"type\":\"api-key\",\"enabled\":true}")
                .data();
        JsonNode jwks = client.post(
                        path + "/auth-providers",
                        "{\"name\":\"idp2\",\"type\":\"jwks\",\"url\":\"https://idp2.example/jwks.json\"}")
                .data();
        assertThat(client.get(path + "/auth-providers/" + key.get("id").asText())
                        .status())
                .isEqualTo(200);
        assertThat(client.get(path + "/auth-providers/" + jwks.get("id").asText())
                        .status())
                .isEqualTo(200);
        assertThat(client.patch(
                                path + "/auth-providers/" + key.get("id").asText(),
                                "{\"name\":\"k3\",\"enabled\":false}")
                        .status())
                .isEqualTo(202);
        assertThat(client.patch(
                                path + "/auth-providers/" + jwks.get("id").asText(),
                                "{\"url\":\"https://idp3.example/jwks.json\"}")
                        .status())
                .isEqualTo(202);
        assertThat(client.get(path + "/auth-providers").status()).isEqualTo(200);
        assertThat(client.delete(path + "/auth-providers/" + key.get("id").asText())
                        .status())
                .isEqualTo(202);
        assertThat(client.get(path + "/auth-providers/" + key.get("id").asText())
                        .status())
                .isEqualTo(404);
        assertThat(client.post(path + "/auth-providers", "{\"name\":\"k\",\"type\":\"api-key\"}")
                        .status())
                .isEqualTo(202);

        // invalid type definitions: errors beside data; free-db refusal; delete then 404
        String broken = client.post(
                        APIS,
                        DataApiLifecycleTest.createBody("type A { b: Strig }", DataApiLifecycleTest.API_KEY_PROVIDER))
                .data()
                .get("id")
                .asText();
        server.advance(Duration.ofSeconds(1));
        assertThat(client.get(APIS + "/" + broken).json().has("errors")).isTrue();
        assertThat(client.post(
                                "/v1beta5/instances/" + DemoWorld.FREE_INSTANCE_ID + "/data-apis/graphql",
                                DataApiLifecycleTest.createBody(
                                        DataApiLifecycleTest.SDL, DataApiLifecycleTest.API_KEY_PROVIDER))
                        .status())
                .isEqualTo(400);
        assertThat(client.delete(path).status()).isEqualTo(202);
        server.advance(Duration.ofSeconds(1));
        assertThat(client.get(path).status()).isEqualTo(404);

        // the fake GraphQL endpoint and token endpoint are outside the documents
        assertThat(client.token(null)
                        .sendRaw(
                                "POST",
                                created.get("url").asText(),
                                "{\"query\":\"{ a }\"}",
                                Map.of("Content-Type", "application/json")))
                .extracting(RawFakeClient.Response::status)
                .isEqualTo(404);

        // auth and rate-limit errors (429 via the fake's own limiter, on v1 and v2beta1)
        assertThat(client.token("unknown").get("/v1/instances").status()).isEqualTo(401);
        server.rateLimit(1, Duration.ofMinutes(1));
        client.token(token);
        assertThat(client.get("/v1/tenants").status()).isEqualTo(200);
        assertThat(client.get("/v1/tenants").status()).isEqualTo(429);
        assertThat(client.get(JOBS + "/" + job).status()).isEqualTo(429);
        server.noRateLimit();
        server.advance(Duration.ofHours(2));
        assertThat(client.get("/v1/tenants").status()).isEqualTo(403);

        assertThat(server.contractViolations()).isEmpty();
        assertThat(server.journal().size()).isGreaterThan(60);
    }

    @Test
    void reportsARequestThatBreaksTheDocumentedSchema(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);

        client.post(
                APIS,
                DataApiLifecycleTest.createBody(DataApiLifecycleTest.SDL, DataApiLifecycleTest.API_KEY_PROVIDER)
                        .replace("\"name\":\"movies-api\"", "\"name\":42"));

        assertThat(server.contractViolations()).isNotEmpty().allSatisfy(v -> {
            assertThat(v.side()).isEqualTo(ContractViolation.Side.REQUEST);
            assertThat(v.method()).isEqualTo("POST");
            assertThat(v.path()).isEqualTo(APIS);
        });
        assertThat(server.contractViolations())
                .anySatisfy(v -> assertThat(v.message()).contains("/name"));
        server.clearContractViolations();
    }

    @Test
    void reportsAResponseThatBreaksTheDocumentedSchema(FakeAuraServer server) {
        server.fault().next(1).matching("GET", "/v1/tenants").respond(200, "{\"data\":[{\"id\":\"x\"}]}");

        new RawFakeClient(server).get("/v1/tenants");

        assertThat(server.contractViolations()).singleElement().satisfies(v -> {
            assertThat(v.side()).isEqualTo(ContractViolation.Side.RESPONSE);
            assertThat(v.key()).isEqualTo("validation.response.body.schema.required");
            assertThat(v.status()).isEqualTo(200);
            assertThat(v.toString()).contains("GET /v1/tenants");
        });
        server.clearContractViolations();
    }

    @Test
    void reportsImportJobCreateWithoutImportModelIdAsARequestViolation(FakeAuraServer server) {
        new RawFakeClient(server).post(JOBS, "{\"auraCredentials\":{\"dbId\":\"" + DemoWorld.INSTANCE_ID + "\"}}");

        assertThat(server.contractViolations())
                .singleElement()
                .satisfies(v -> assertThat(v.key()).isEqualTo("validation.request.body.schema.required"));
        server.clearContractViolations();
    }

    @Test
    void reportsPathsNoDocumentDescribes(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);
        client.get("/v1/nothing-here");
        client.get("/v2/organizations");

        assertThat(server.contractViolations())
                .hasSize(2)
                .extracting(ContractViolation::key)
                .containsExactly("validation.request.path.missing", "testkit.path.undocumented");
        server.clearContractViolations();
    }

    @Test
    void brokenBodyFaultsAreNotReportedButTheirRequestsAreChecked(FakeAuraServer server) {
        server.fault().next(1).matching("GET", "/v1/tenants").htmlBody(502);
        server.fault().next(1).matching("GET", "/v1/instances").truncateBody();
        // twice: on a reused connection the JDK's HTTP client resends a GET once after a drop
        server.fault().next(2).matching("GET", "/v1/tenants/.*").dropConnection();
        RawFakeClient client = new RawFakeClient(server);

        client.get("/v1/tenants");
        client.get("/v1/instances");
        assertThatThrownBy(() -> client.get("/v1/tenants/" + DemoWorld.PROJECT_ID))
                .as("dropped")
                .isInstanceOf(java.io.UncheckedIOException.class);

        assertThat(server.contractViolations()).isEmpty();
        assertThat(server.contractDocuments()).isPresent();
    }

    @Test
    void readsTheDocumentsShippedOnTheTestkitsClassPath(FakeAuraServer server) throws Exception {
        String testkit = FakeAuraServer.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI()
                .getPath();

        String location = server.contractDocuments().orElseThrow().toString();

        assertThat(location)
                .endsWith("dev/aurasdk/testkit/openapi/")
                .contains(testkit)
                .doesNotContain("shared/aura-api");
        for (String name : new String[] {"aura_api_spec_v1beta5.yaml", "aura_api_spec_v2beta1.yaml", "README.md"}) {
            assertThat(FakeAuraServer.class.getResource("/dev/aurasdk/testkit/openapi/" + name))
                    .as(name)
                    .isNotNull();
        }
    }

    @Test
    void checksAgainstTheDocumentsOfAnExplicitFolderInstead(@TempDir Path folder) throws IOException {
        // the shipped v1beta5 document without its /tenants path: a tenants list is then undocumented
        String v1beta5 = resource("aura_api_spec_v1beta5.yaml");
        int start = v1beta5.indexOf("\n  /tenants:\n");
        int end = v1beta5.indexOf("\n  /", start + 3);
        assertThat(start).isPositive();
        Files.writeString(
                folder.resolve("aura_api_spec_v1beta5.yaml"), v1beta5.substring(0, start) + v1beta5.substring(end));
        Files.writeString(folder.resolve("aura_api_spec_v2beta1.yaml"), resource("aura_api_spec_v2beta1.yaml"));

        try (FakeAuraServer own = FakeAuraServer.builder()
                .contractChecked()
                .openApiDirectory(folder)
                .build()
                .start()) {
            assertThat(own.contractDocuments()).contains(folder.toUri());
            new RawFakeClient(own).get("/v1/tenants");
            new RawFakeClient(own).get("/v1/instances");

            assertThat(own.contractViolations()).singleElement().satisfies(v -> {
                assertThat(v.path()).isEqualTo("/v1/tenants");
                assertThat(v.key()).isEqualTo("validation.request.path.missing");
            });
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = FakeAuraServer.class.getResourceAsStream("/dev/aurasdk/testkit/openapi/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
