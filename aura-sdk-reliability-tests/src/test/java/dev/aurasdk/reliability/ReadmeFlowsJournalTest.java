package dev.aurasdk.reliability;

import static dev.aurasdk.reliability.Fixtures.INSTANCE;
import static dev.aurasdk.reliability.Fixtures.MODEL;
import static dev.aurasdk.reliability.Fixtures.ORG;
import static dev.aurasdk.reliability.Fixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.HealthReport;
import dev.aurasdk.core.http.ApiRequest;
import dev.aurasdk.core.http.ApiResponse;
import dev.aurasdk.core.http.ApiVersion;
import dev.aurasdk.core.http.RateLimit;
import dev.aurasdk.core.http.RequestEvent;
import dev.aurasdk.core.http.RequestListener;
import dev.aurasdk.core.http.RetryPolicy;
import dev.aurasdk.core.wait.WaitOptions;
import dev.aurasdk.graphql.ApiKeyRotation;
import dev.aurasdk.graphql.AuthProvider;
import dev.aurasdk.graphql.AuthProviderSpec;
import dev.aurasdk.graphql.AuthProviders;
import dev.aurasdk.graphql.CorsOrigins;
import dev.aurasdk.graphql.CreateGraphQLDataApi;
import dev.aurasdk.graphql.CreatedAuthProvider;
import dev.aurasdk.graphql.CreatedGraphQLDataApi;
import dev.aurasdk.graphql.GraphQLDataApi;
import dev.aurasdk.graphql.GraphQLDataApis;
import dev.aurasdk.graphql.GraphQLEndpoint;
import dev.aurasdk.graphql.GraphQLRequest;
import dev.aurasdk.graphql.GraphQLResponse;
import dev.aurasdk.graphql.InstanceCredentials;
import dev.aurasdk.graphql.TypeDefinitions;
import dev.aurasdk.graphql.UpdateAuthProvider;
import dev.aurasdk.graphql.UpdateGraphQLDataApi;
import dev.aurasdk.imports.CreatedImportJob;
import dev.aurasdk.imports.ImportJob;
import dev.aurasdk.imports.ImportJobCancelledException;
import dev.aurasdk.imports.ImportJobs;
import dev.aurasdk.imports.ImportPipeline;
import dev.aurasdk.imports.PipelineListener;
import dev.aurasdk.imports.PipelineReport;
import dev.aurasdk.imports.ProjectRef;
import dev.aurasdk.imports.StepReport;
import dev.aurasdk.testkit.DemoWorld;
import dev.aurasdk.testkit.FakeAuraExtension;
import dev.aurasdk.testkit.FakeAuraServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden journal: the README's flows, through the public API only, on the testkit's fake Aura in virtual time,
 * and the requests each one sends, compared with {@code src/test/resources/journal/<flow>.txt}. It guards issue 15's
 * rule that a refactor keeps every public call sending the same requests: a difference fails the flow's test with a
 * unified diff of the normalised journal (see {@link JournalText} for what is kept and what becomes a placeholder).
 *
 * <p>Every client here has wait jitter 0 (and the configured-client flow retry jitter off), so the number of polls
 * of every wait is exact. When a change of requests is intended, rewrite the files and review their diff:
 *
 * <pre>
 * mvn -B -ntp -pl aura-sdk-reliability-tests -am verify -Dtest='ReadmeFlowsJournalTest' \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Djournal.update=true
 * </pre>
 */
class ReadmeFlowsJournalTest {
    private static final String INSTANCE_PASSWORD = "journal-instance-password";
    private static final String JWKS_URL = "https://idp.example.com/.well-known/jwks.json";
    private static final String SCHEMA_V1 = "type Restaurant @node { name: String! }\n";
    private static final String SCHEMA_V2 = "type Restaurant @node { name: String! city: String }\n";

    @RegisterExtension
    final FakeAuraExtension fake = FakeAuraExtension.with(b -> b.contractChecked());

    private final GoldenFiles golden = GoldenFiles.inTestResources("journal");
    /** Secrets the flow saw: none may appear in its rendered journal. */
    private final List<String> secrets = new ArrayList<>();

    private FakeAuraServer server;
    private AuraClient aura;
    private String flow;

    @AfterEach
    void compareTheJournalWithItsGoldenFile() {
        assertThat(aura).as("the flow built its client").isNotNull();
        secrets.add(aura.tokenProvider().token().value()); // cached: sends nothing
        aura.close();
        String text = JournalText.render(server.journal().entries());
        secrets.add(server.clientSecret());
        secrets.add(INSTANCE_PASSWORD);
        for (String secret : secrets) {
            assertThat(text)
                    .as("the rendered journal of %s holds a secret", flow)
                    .doesNotContain(secret);
        }
        golden.check(flow, text);
    }

    private AuraClient client(FakeAuraServer fakeServer, TestInfo test) {
        return client(fakeServer, test, fakeServer.clientBuilder());
    }

    private AuraClient client(FakeAuraServer fakeServer, TestInfo test, AuraClient.Builder builder) {
        this.server = fakeServer;
        this.flow = test.getTestMethod().orElseThrow().getName();
        this.aura = builder.waitOptions(WaitOptions.builder().jitter(0).build()).build();
        return aura;
    }

    // ------------------------------------------------------------------ core

    /** Quick start: health check, organizations and their projects, instances. */
    @Test
    void quickStart(FakeAuraServer fakeServer, TestInfo test) {
        AuraClient aura = client(fakeServer, test);
        HealthReport health = aura.healthCheck();
        List<String> lines = new ArrayList<>();
        aura.organizations()
                .list()
                .forEach(org -> aura.organizations()
                        .projects(org.id())
                        .forEach(p -> lines.add(org.name() + " / " + p.name() + " " + p.id())));
        aura.instances().list().forEach(i -> lines.add(i.id() + " " + i.name()));

        assertThat(health.checks()).allSatisfy(c -> assertThat(c.ok()).isTrue());
        assertThat(lines).contains(DemoWorld.ORGANIZATION_NAME + " / Production " + PROJECT);
    }

    /** The README's configured client (retry policy, rate limit, call timeout, a listener), then a first call. */
    @Test
    void configuredClient(FakeAuraServer fakeServer, TestInfo test) {
        List<String> attempts = new ArrayList<>();
        RequestListener myMetricsBridge = new RequestListener() {
            @Override
            public void onAttemptEnd(RequestEvent event) {
                attempts.add(event.method());
            }
        };
        AuraClient aura = client(
                fakeServer,
                test,
                fakeServer
                        .clientBuilder()
                        .retryPolicy(RetryPolicy.builder()
                                .maxAttempts(5)
                                .jitter(false)
                                .build())
                        .rateLimit(RateLimit.of(100, Duration.ofMinutes(1)))
                        .callTimeout(Duration.ofMinutes(2))
                        .addRequestListener(myMetricsBridge));
        fakeServer.fault().next(1).matching("GET", "/v1/instances/.*").respond(503);

        assertThat(aura.tokenProvider().token().value()).isNotBlank();
        assertThat(aura.instances().get(INSTANCE).id()).isEqualTo(INSTANCE); // retried once after the 503
        assertThat(attempts).containsExactly("POST", "GET", "GET"); // the token, then the instance twice
    }

    /** Every read of the client table's core clients: tenants, organizations, projects, instances. */
    @Test
    void platformLookups(FakeAuraServer fakeServer, TestInfo test) {
        AuraClient aura = client(fakeServer, test);
        assertThat(aura.tenants().list()).isNotEmpty();
        assertThat(aura.tenants().get(PROJECT).id()).isEqualTo(PROJECT);
        assertThat(aura.organizations().list()).isNotEmpty();
        assertThat(aura.organizations().get(ORG).id()).isEqualTo(ORG);
        assertThat(aura.organizations().projects(ORG)).isNotEmpty();
        assertThat(aura.organizations().project(ORG, PROJECT).id()).isEqualTo(PROJECT);
        assertThat(aura.instances().list()).isNotEmpty();
        assertThat(aura.instances().listByTenant(PROJECT)).isNotEmpty();
        assertThat(aura.instances().get(INSTANCE).id()).isEqualTo(INSTANCE);
        String name = aura.instances().get(INSTANCE).name();
        assertThat(aura.instances().findByName(name)).isNotEmpty();
    }

    /** Endpoints the SDK does not model: {@code aura.http().send} and {@code sendAsync}. */
    @Test
    void rawHttp(FakeAuraServer fakeServer, TestInfo test) throws Exception {
        AuraClient aura = client(fakeServer, test);
        ApiRequest request = ApiRequest.get(ApiVersion.V1)
                .path("instances")
                .id("instanceId", INSTANCE)
                .build();
        ApiResponse<JsonNode> r = aura.http().send(request, JsonNode.class);
        ApiResponse<JsonNode> async =
                aura.http().sendAsync(request, JsonNode.class).get(30, TimeUnit.SECONDS);

        assertThat(r.data().path("connection_url").asText()).startsWith("neo4j+s://");
        assertThat(async.data().path("id").asText()).isEqualTo(INSTANCE);
    }

    // ------------------------------------------------------------------ import

    /** Create a job, await it with a progress listener (synchronous wait), read its counts. */
    @Test
    void importJobAwaitCompletion(FakeAuraServer fakeServer, TestInfo test) {
        AuraClient aura = client(fakeServer, test);
        ImportJobs jobs = ImportJobs.create(aura, ProjectRef.of(ORG, PROJECT));
        CreatedImportJob job = jobs.create(Fixtures.importRequest());
        List<String> progress = new ArrayList<>();
        ImportJob done = jobs.awaitCompletion(job.id(), p -> progress.add(p.summary()));

        assertThat(done.succeeded()).isTrue();
        assertThat(done.progress()).isPresent();
        assertThat(progress).isNotEmpty();
    }

    /** Create a job and await it without parking a thread ({@code awaitCompletionAsync}). */
    @Test
    void importJobAwaitCompletionAsync(FakeAuraServer fakeServer, TestInfo test) throws Exception {
        AuraClient aura = client(fakeServer, test);
        ImportJobs jobs = Fixtures.jobs(aura);
        CreatedImportJob job = jobs.create(Fixtures.importRequest());
        ImportJob done = jobs.awaitCompletionAsync(job.id()).get(60, TimeUnit.SECONDS);

        assertThat(done.succeeded()).isTrue();
    }

    /** Validate (dry run), create, get, get with progress, cancel, then a wait that reports the cancellation. */
    @Test
    void importJobValidateGetCancel(FakeAuraServer fakeServer, TestInfo test) {
        AuraClient aura = client(fakeServer, test);
        ImportJobs jobs = Fixtures.jobs(aura);
        assertThat(jobs.validate(Fixtures.importRequest()).ok()).isTrue();
        String id = jobs.create(Fixtures.importRequest()).id();
        assertThat(jobs.get(id).id()).isEqualTo(id);
        assertThat(jobs.getWithProgress(id).id()).isEqualTo(id);
        jobs.cancel(id);

        assertThatThrownBy(() -> jobs.awaitCompletion(id)).isInstanceOf(ImportJobCancelledException.class);
    }

    /** The README's test snippet: a 429 with Retry-After on the create, which is resent once, then the wait. */
    @Test
    void importJobCreateRetriedAfter429(FakeAuraServer fakeServer, TestInfo test) {
        AuraClient aura = client(fakeServer, test);
        ImportJobs jobs = ImportJobs.create(aura, ProjectRef.of(DemoWorld.ORGANIZATION_ID, DemoWorld.PROJECT_ID));
        fakeServer
                .fault()
                .next(1)
                .matching("POST", ".*/import/jobs")
                .retryAfter(Duration.ofSeconds(2))
                .respond(429);
        String id = jobs.create(Fixtures.importRequest()).id();

        assertThat(jobs.awaitCompletion(id).succeeded()).isTrue();
        assertThat(fakeServer.journal().count("POST", ".*/import/jobs")).isEqualTo(2);
    }

    /** The README's hybrid pipeline: a bulk historical load, then an incremental step; run synchronously. */
    @Test
    void importPipelineHybrid(FakeAuraServer fakeServer, TestInfo test) {
        AuraClient aura = client(fakeServer, test);
        ImportJobs jobs = Fixtures.jobs(aura);
        List<String> alerts = new ArrayList<>();
        PipelineReport report = ImportPipeline.hybridOverwritingAllData(jobs, INSTANCE, MODEL, MODEL)
                .maxAttempts(3)
                .listener(new PipelineListener() {
                    @Override
                    public void onStepFailure(StepReport step) {
                        alerts.add(step.name() + ": " + step.failure());
                    }
                })
                .build()
                .run();

        assertThat(report.succeeded()).isTrue();
        assertThat(report.steps()).hasSize(2);
        assertThat(alerts).isEmpty();
    }

    /** An incremental pipeline whose second step fails every attempt (retried with new jobs), run asynchronously. */
    @Test
    void importPipelineRetriesAsync(FakeAuraServer fakeServer, TestInfo test) throws Exception {
        AuraClient aura = client(fakeServer, test);
        ImportJobs jobs = Fixtures.jobs(aura);
        List<String> alerts = new ArrayList<>();
        PipelineReport report = ImportPipeline.incrementalSync(jobs, INSTANCE, MODEL, DemoWorld.FAILING_IMPORT_MODEL_ID)
                .maxAttempts(2)
                .listener(new PipelineListener() {
                    @Override
                    public void onStepFailure(StepReport step) {
                        alerts.add(step.name());
                    }
                })
                .build()
                .runAsync()
                .get(60, TimeUnit.SECONDS);

        assertThat(report.succeeded()).isFalse();
        assertThat(alerts).containsExactly("incremental-2");
    }

    // ------------------------------------------------------------------ GraphQL Data APIs

    /**
     * The README's GraphQL flow: create with a JWKS and an API-key provider, await ready, allow a CORS origin, update
     * the type definitions from a file, await the reload, rotate the API key, query with the key, confirm the
     * rotation.
     */
    @Test
    void graphQlDataApiReadme(FakeAuraServer fakeServer, TestInfo test, @TempDir Path dir) throws Exception {
        AuraClient aura = client(fakeServer, test);
        String instanceId = INSTANCE;
        GraphQLDataApis apis = GraphQLDataApis.create(aura);
        CreatedGraphQLDataApi api = apis.create(instanceId, restaurants("restaurants"));
        String key = api.apiKey("server").orElseThrow();
        secrets.add(key);
        apis.awaitReady(instanceId, api.id());

        apis.cors(instanceId, api.id()).allow("https://app.example.com");
        Path schema = Files.writeString(dir.resolve("schema.graphql"), SCHEMA_V2, StandardCharsets.UTF_8);
        apis.updateTypeDefinitions(instanceId, api.id(), TypeDefinitions.fromPath(schema));
        apis.awaitReady(instanceId, api.id());
        String oldProviderId = api.authenticationProviders().stream()
                .filter(p -> p.name().equals("server"))
                .findFirst()
                .orElseThrow()
                .id();
        ApiKeyRotation rotation = apis.authProviders(instanceId, api.id())
                .rotateApiKey(oldProviderId, "server-2026-12", ApiKeyRotation.Mode.DELETE_OLD_ON_CONFIRM);
        secrets.add(rotation.newKey());

        JsonNode data = GraphQLEndpoint.withApiKey(api.url().orElseThrow(), key)
                .execute("query { restaurants { name } }")
                .dataOrThrow();
        rotation.confirm();

        assertThat(data.toString()).contains("api-key");
        assertThat(apis.authProviders(instanceId, api.id()).list())
                .extracting(AuthProvider::name)
                .containsExactlyInAnyOrder("end-users", "server-2026-12");
    }

    /** List, get, update, pause / resume and delete with the synchronous waits. */
    @Test
    void graphQlDataApiLifecycle(FakeAuraServer fakeServer, TestInfo test) {
        AuraClient aura = client(fakeServer, test);
        GraphQLDataApis apis = GraphQLDataApis.create(aura);
        CreatedGraphQLDataApi api = apis.create(INSTANCE, restaurants("lifecycle"));
        secrets.add(api.apiKey("server").orElseThrow());
        apis.awaitReady(INSTANCE, api.id());
        assertThat(apis.list(INSTANCE)).extracting(s -> s.id()).contains(api.id());
        assertThat(apis.get(INSTANCE, api.id()).name()).isEqualTo("lifecycle");

        apis.update(
                INSTANCE,
                api.id(),
                UpdateGraphQLDataApi.builder().name("lifecycle-2").build());
        apis.awaitReady(INSTANCE, api.id());
        apis.pause(INSTANCE, api.id());
        GraphQLDataApi paused = apis.awaitPaused(INSTANCE, api.id());
        apis.resume(INSTANCE, api.id());
        GraphQLDataApi resumed = apis.awaitReady(INSTANCE, api.id());
        apis.delete(INSTANCE, api.id());
        apis.awaitDeleted(INSTANCE, api.id());

        assertThat(paused.status().toString()).containsIgnoringCase("paused");
        assertThat(resumed.name()).isEqualTo("lifecycle-2");
        assertThat(apis.list(INSTANCE)).extracting(s -> s.id()).doesNotContain(api.id());
    }

    /** The same lifecycle with the asynchronous waits. */
    @Test
    void graphQlDataApiLifecycleAsync(FakeAuraServer fakeServer, TestInfo test) throws Exception {
        AuraClient aura = client(fakeServer, test);
        GraphQLDataApis apis = GraphQLDataApis.create(aura);
        CreatedGraphQLDataApi api = apis.create(INSTANCE, restaurants("lifecycle-async"));
        secrets.add(api.apiKey("server").orElseThrow());
        apis.awaitReadyAsync(INSTANCE, api.id()).get(60, TimeUnit.SECONDS);
        apis.pause(INSTANCE, api.id());
        GraphQLDataApi paused = apis.awaitPausedAsync(INSTANCE, api.id()).get(60, TimeUnit.SECONDS);
        apis.resume(INSTANCE, api.id());
        apis.awaitReadyAsync(INSTANCE, api.id()).get(60, TimeUnit.SECONDS);
        apis.delete(INSTANCE, api.id());
        apis.awaitDeletedAsync(INSTANCE, api.id()).get(60, TimeUnit.SECONDS);

        assertThat(paused.status().toString()).containsIgnoringCase("paused");
    }

    /** Every {@link AuthProviders} call: JWKS and API-key providers, changes, a rotation deleting at once. */
    @Test
    void graphQlAuthProviders(FakeAuraServer fakeServer, TestInfo test) {
        AuraClient aura = client(fakeServer, test);
        GraphQLDataApis apis = GraphQLDataApis.create(aura);
        CreatedGraphQLDataApi api = apis.create(INSTANCE, restaurants("providers"));
        secrets.add(api.apiKey("server").orElseThrow());
        apis.awaitReady(INSTANCE, api.id());
        AuthProviders providers = apis.authProviders(INSTANCE, api.id());

        AuthProvider jwks = providers.createJwks("partners", DemoWorld.JWKS_URL);
        CreatedAuthProvider created = providers.createApiKey("batch");
        secrets.add(created.key().orElseThrow());
        CreatedAuthProvider spec = providers.create(AuthProviderSpec.apiKey("reports"));
        secrets.add(spec.key().orElseThrow());
        assertThat(providers.get(jwks.id()).name()).isEqualTo("partners");
        providers.disable(jwks.id());
        providers.enable(jwks.id());
        providers.rename(jwks.id(), "partners-2");
        providers.changeUrl(jwks.id(), "https://login.example.com/other/jwks.json");
        providers.update(
                created.id(), UpdateAuthProvider.builder().enabled(false).build());
        providers.delete(spec.id());
        AuthProvider waited = providers.awaitingReady().createJwks("waited", DemoWorld.JWKS_URL);
        ApiKeyRotation rotation =
                providers.rotateApiKey(created.id(), "batch-2", ApiKeyRotation.Mode.DELETE_OLD_IMMEDIATELY);
        secrets.add(rotation.newKey());

        assertThat(waited.name()).isEqualTo("waited");
        assertThat(providers.list())
                .extracting(AuthProvider::name)
                .containsExactlyInAnyOrder("end-users", "server", "partners-2", "waited", "batch-2");
    }

    /** Every {@link CorsOrigins} call: read, allow, disallow, replace, with other wait options. */
    @Test
    void graphQlCorsOrigins(FakeAuraServer fakeServer, TestInfo test) {
        AuraClient aura = client(fakeServer, test);
        GraphQLDataApis apis = GraphQLDataApis.create(aura);
        CreatedGraphQLDataApi api = apis.create(INSTANCE, restaurants("cors"));
        secrets.add(api.apiKey("server").orElseThrow());
        apis.awaitReady(INSTANCE, api.id());
        CorsOrigins cors = apis.cors(INSTANCE, api.id());

        assertThat(cors.origins()).isEmpty();
        cors.allow("https://app.example.com", "https://admin.example.com");
        cors.disallow("https://admin.example.com");
        cors.replace(List.of("https://new.example.com"));
        List<String> last = cors.withWaitOptions(WaitOptions.builder()
                        .jitter(0)
                        .initialDelay(Duration.ofSeconds(2))
                        .build())
                .allow("https://other.example.com");

        assertThat(last).containsExactlyInAnyOrder("https://new.example.com", "https://other.example.com");
    }

    /** A GraphQL query with a bearer JWT (the JWKS provider) through {@code executeAsync}. */
    @Test
    void graphQlEndpointBearer(FakeAuraServer fakeServer, TestInfo test) throws Exception {
        AuraClient aura = client(fakeServer, test);
        GraphQLDataApis apis = GraphQLDataApis.create(aura);
        CreatedGraphQLDataApi api = apis.create(INSTANCE, restaurants("bearer"));
        secrets.add(api.apiKey("server").orElseThrow());
        GraphQLDataApi ready = apis.awaitReady(INSTANCE, api.id());
        String jwt = unsignedJwt(Map.of("sub", "user-1", "tenantId", "tenant-a", "exp", 4102444800L));
        secrets.add(jwt);

        GraphQLResponse response = GraphQLEndpoint.withBearerToken(ready.url().orElseThrow(), jwt)
                .executeAsync(GraphQLRequest.of("query Restaurants { restaurants { name } }"))
                .get(60, TimeUnit.SECONDS);

        assertThat(response.dataOrThrow().toString()).contains("tenant-a");
    }

    private static CreateGraphQLDataApi restaurants(String name) {
        return CreateGraphQLDataApi.builder()
                .name(name)
                .typeDefinitions(TypeDefinitions.of(SCHEMA_V1))
                .instanceCredentials(InstanceCredentials.of("neo4j", INSTANCE_PASSWORD))
                .addAuthProviders(AuthProviderSpec.jwks("end-users", JWKS_URL))
                .addAuthProviders(AuthProviderSpec.apiKey("server"))
                .build();
    }

    private static String unsignedJwt(Map<String, Object> claims) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(new ObjectMapper().writeValueAsBytes(claims));
        return header + "." + payload + "." + b64.encodeToString("not-a-signature".getBytes(StandardCharsets.UTF_8));
    }
}
