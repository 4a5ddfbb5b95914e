package dev.aurasdk.reliability;

import static dev.aurasdk.reliability.Fixtures.INSTANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurasdk.core.AuraApiException;
import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraCredentials;
import dev.aurasdk.core.AuraNotFoundException;
import dev.aurasdk.core.HealthReport;
import dev.aurasdk.core.auth.AccessToken;
import dev.aurasdk.core.auth.InMemoryTokenStore;
import dev.aurasdk.core.http.ApiRequest;
import dev.aurasdk.core.http.ApiResponse;
import dev.aurasdk.core.http.ApiVersion;
import dev.aurasdk.core.http.RateLimit;
import dev.aurasdk.core.http.RequestEvent;
import dev.aurasdk.core.http.RequestListener;
import dev.aurasdk.core.http.RetryPolicy;
import dev.aurasdk.core.model.Instance;
import dev.aurasdk.core.model.Tenant;
import dev.aurasdk.core.testing.CapturedLogs;
import dev.aurasdk.core.testing.SecretGuard;
import dev.aurasdk.core.wait.PollEvent;
import dev.aurasdk.core.wait.WaitOptions;
import dev.aurasdk.core.wait.WaitOutcome;
import dev.aurasdk.core.wait.WaitRules;
import dev.aurasdk.graphql.ApiKeyNotYetUsableException;
import dev.aurasdk.graphql.ApiKeyRotation;
import dev.aurasdk.graphql.AuthProvider;
import dev.aurasdk.graphql.AuthProviderSpec;
import dev.aurasdk.graphql.AuthProviders;
import dev.aurasdk.graphql.CreateGraphQLDataApi;
import dev.aurasdk.graphql.CreatedAuthProvider;
import dev.aurasdk.graphql.CreatedGraphQLDataApi;
import dev.aurasdk.graphql.GraphQLDataApi;
import dev.aurasdk.graphql.GraphQLDataApis;
import dev.aurasdk.graphql.GraphQLEndpoint;
import dev.aurasdk.graphql.GraphQLError;
import dev.aurasdk.graphql.GraphQLRequest;
import dev.aurasdk.graphql.GraphQLResponse;
import dev.aurasdk.graphql.InstanceCredentials;
import dev.aurasdk.graphql.TypeDefinitions;
import dev.aurasdk.graphql.UpdateAuthProvider;
import dev.aurasdk.graphql.UpdateGraphQLDataApi;
import dev.aurasdk.imports.CreateImportJob;
import dev.aurasdk.imports.CreatedImportJob;
import dev.aurasdk.imports.ImportAwaitOptions;
import dev.aurasdk.imports.ImportJob;
import dev.aurasdk.imports.ImportJobs;
import dev.aurasdk.imports.ImportPipeline;
import dev.aurasdk.imports.ImportProgress;
import dev.aurasdk.imports.PipelineReport;
import dev.aurasdk.imports.PreflightReport;
import dev.aurasdk.imports.ProjectRef;
import dev.aurasdk.imports.StepReport;
import dev.aurasdk.testkit.FakeAuraServer;
import dev.aurasdk.testkit.FakeSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Secret hygiene across the SDK: {@code toString()} of every public model and configuration type, built with
 * secret values (most of them real objects from a run against the fake), and the log output at TRACE and the
 * exception messages of that run. The {@link SecretGuard} checks every test of every module as well; this test
 * also proves that it knows the secrets it looks for.
 */
class SecretsTest {
    private static final String CLIENT_ID = "secrets-test-client";
    private static final String CLIENT_SECRET = "ToString-Client-Secret-0123456789";
    private static final String PASSWORD = "ToString-Instance-Passw0rd";
    private static final String SCHEMA = "type Restaurant @node { name: String! }";

    @Test
    @Timeout(300)
    void everyPublicModelAndConfigTypePrintsNoSecretAndTheRunLogsNone() throws Exception {
        CapturedLogs.clear();
        Map<Class<?>, Object> samples = new LinkedHashMap<>();
        List<String> secrets = new ArrayList<>(List.of(CLIENT_SECRET, PASSWORD));
        List<RequestEvent> events = new CopyOnWriteArrayList<>();
        try (FakeAuraServer server = FakeAuraServer.builder()
                        .clientId(CLIENT_ID)
                        .clientSecret(CLIENT_SECRET)
                        .build()
                        .start();
                AuraClient client = server.clientBuilder()
                        .addRequestListener(new RequestListener() {
                            @Override
                            public void onAttemptEnd(RequestEvent event) {
                                events.add(event);
                            }
                        })
                        .build()) {
            // ---- core
            add(samples, AuraCredentials.of(CLIENT_ID, CLIENT_SECRET));
            add(samples, client);
            add(samples, AuraClient.builder().credentials(AuraCredentials.of(CLIENT_ID, CLIENT_SECRET)));
            AccessToken token = client.tokenProvider().token();
            secrets.add(token.value());
            add(samples, token);
            add(samples, client.tokenProvider());
            InMemoryTokenStore store = new InMemoryTokenStore();
            store.put("key", token);
            add(samples, store);
            add(
                    samples,
                    ApiRequest.post(ApiVersion.V1)
                            .path("instances")
                            .body(Map.of("password", PASSWORD))
                            .build());
            ApiResponse<JsonNode> raw = client.http()
                    .send(ApiRequest.get(ApiVersion.V1).path("tenants").build(), JsonNode.class);
            add(samples, raw);
            add(samples, ApiVersion.V1);
            add(samples, RateLimit.auraDefault());
            add(samples, RetryPolicy.defaults());
            add(samples, events.get(0));
            AuraNotFoundException notFound = SecretGuard.observe(catchThrowableOfType(
                    AuraNotFoundException.class, () -> client.instances().get("0000dead")));
            add(samples, notFound.details().orElseThrow());
            add(samples, notFound.errors().get(0));
            HealthReport health = client.healthCheck();
            add(samples, health);
            add(samples, health.checks().get(0));
            add(samples, client.instances());
            add(samples, client.tenants());
            add(samples, client.organizations());
            Instance instance = client.instances().get(INSTANCE);
            add(samples, instance);
            add(samples, instance.status().orElseThrow());
            add(samples, client.instances().list().get(0));
            Tenant tenant = client.tenants().get(Fixtures.PROJECT);
            add(samples, tenant);
            add(samples, tenant.instanceConfigurations().get(0));
            add(samples, client.tenants().list().get(0));
            add(samples, client.organizations().list().get(0));
            add(samples, client.organizations().projects(Fixtures.ORG).get(0));
            add(samples, WaitOptions.defaults());
            add(samples, client.waiter());
            // ---- import, with database credentials
            ProjectRef project = ProjectRef.of(Fixtures.ORG, Fixtures.PROJECT);
            add(samples, project);
            ImportJobs jobs = ImportJobs.create(client, project);
            add(samples, jobs);
            CreateImportJob request = CreateImportJob.builder()
                    .importModelId(Fixtures.MODEL)
                    .instanceId(INSTANCE)
                    .instanceUser("neo4j")
                    .instancePassword(PASSWORD)
                    .build();
            add(samples, request);
            CreatedImportJob created = jobs.create(request);
            add(samples, created);
            add(samples, created.importType());
            ImportJob job = jobs.awaitCompletion(created.id());
            add(samples, job);
            add(samples, job.info());
            add(samples, job.info().state().orElseThrow());
            add(samples, job.info().exitStatus().orElseThrow());
            add(samples, job.exitState().orElseThrow());
            add(samples, job.dataSource().orElseThrow());
            add(samples, job.auraTarget().orElseThrow());
            ImportProgress progress = job.progress().orElseThrow();
            add(samples, progress);
            add(samples, progress.nodes().get(0));
            add(samples, progress.relationships().get(0));
            add(samples, ImportAwaitOptions.defaults());
            ImportPipeline pipeline = ImportPipeline.builder(jobs)
                    .addStep("with credentials", request)
                    .build();
            add(samples, pipeline);
            add(samples, pipeline.steps().get(0));
            PipelineReport report = pipeline.run();
            add(samples, report);
            StepReport step = report.steps().get(0);
            add(samples, step);
            samples.put(String.class, report.describe()); // the one-line-per-step text users log
            PreflightReport preflight = jobs.validate(request);
            add(samples, preflight);
            add(samples, preflight.checks().get(0));
            // ---- GraphQL Data APIs, with an instance password and API keys
            GraphQLDataApis apis = GraphQLDataApis.create(client);
            add(samples, apis);
            InstanceCredentials credentials = InstanceCredentials.of("neo4j", PASSWORD);
            add(samples, credentials);
            TypeDefinitions schema = TypeDefinitions.of(SCHEMA);
            add(samples, schema);
            AuthProviderSpec spec = AuthProviderSpec.apiKey("default");
            add(samples, spec);
            CreateGraphQLDataApi create = CreateGraphQLDataApi.builder()
                    .name("restaurants")
                    .typeDefinitions(schema)
                    .instanceCredentials(credentials)
                    .addAuthProviders(spec)
                    .addCorsOrigins("https://app.example.com")
                    .build();
            add(samples, create);
            CreatedGraphQLDataApi api = apis.create(INSTANCE, create);
            String apiKey = api.apiKey().orElseThrow();
            secrets.add(apiKey);
            add(samples, api);
            CreatedAuthProvider provider = api.authenticationProviders().get(0);
            add(samples, provider);
            add(samples, provider.type());
            GraphQLDataApi ready = apis.awaitReady(INSTANCE, api.id());
            add(samples, ready);
            add(samples, ready.status());
            add(samples, apis.list(INSTANCE).get(0));
            AuthProviders providers = apis.authProviders(INSTANCE, api.id()).awaitingReady();
            add(samples, providers);
            AuthProvider listed = providers.list().get(0);
            add(samples, listed);
            ApiKeyRotation rotation =
                    providers.rotateApiKey(listed.id(), "rotated", ApiKeyRotation.Mode.DELETE_OLD_ON_CONFIRM);
            secrets.add(rotation.newKey());
            add(samples, rotation);
            add(
                    samples,
                    UpdateGraphQLDataApi.builder().instancePassword(PASSWORD).build());
            add(samples, UpdateAuthProvider.builder().enabled(false).build());
            add(samples, apis.cors(INSTANCE, api.id()));
            GraphQLEndpoint.Builder endpointBuilder =
                    GraphQLEndpoint.builder(ready.url().orElseThrow()).apiKey(apiKey);
            add(samples, endpointBuilder);
            GraphQLEndpoint endpoint = endpointBuilder.build();
            add(samples, endpoint);
            GraphQLRequest query = GraphQLRequest.of("query Q($password: String) { restaurants { name } }")
                    .withVariable("password", PASSWORD);
            add(samples, query);
            GraphQLResponse response = endpoint.execute(query);
            assertThat(response.hasData()).isTrue();
            add(samples, response);
            add(
                    samples,
                    GraphQLError.builder()
                            .message("Cannot query field \"x\"")
                            .addPath("restaurants")
                            .build());
            // ---- waits: the outcome and poll events hold the polled value (here, one with a key)
            List<PollEvent<CreatedAuthProvider>> polls = new ArrayList<>();
            WaitOutcome<CreatedAuthProvider> outcome = client.waiter()
                    .await(
                            "secret-bearing value",
                            () -> provider,
                            WaitRules.<CreatedAuthProvider>builder()
                                    .successWhen(p -> true)
                                    .build(),
                            WaitOptions.builder().initialDelay(Duration.ZERO).build(),
                            polls::add);
            add(samples, outcome);
            add(
                    samples,
                    client.waiter()
                            .newWait(
                                    "secret-bearing value",
                                    dev.aurasdk.core.wait.Poll.of(
                                            () -> provider,
                                            () -> java.util.concurrent.CompletableFuture.completedFuture(provider)),
                                    WaitRules.<CreatedAuthProvider>builder()
                                            .successWhen(p -> true)
                                            .build()));
            add(samples, polls.get(0));
            add(
                    samples,
                    WaitRules.<CreatedAuthProvider>builder()
                            .successWhen(p -> true)
                            .build());
            ApiKeyNotYetUsableException notYetUsable =
                    new ApiKeyNotYetUsableException(api.id(), provider, new IllegalStateException("wait failed"));
            samples.put(ApiKeyNotYetUsableException.class, SecretGuard.fullText(notYetUsable));

            // the guard knows every secret of this run, so its checks are not vacuous
            assertThat(SecretGuard.secrets())
                    .contains(CLIENT_SECRET, PASSWORD, token.value(), apiKey, rotation.newKey());
            assertThat(FakeSecrets.all()).contains(CLIENT_SECRET, PASSWORD, token.value(), apiKey);
            assertThat(health.ok()).isTrue();
            assertThat(report.succeeded()).isTrue();
            assertThat(raw.data().isArray()).isTrue();
        }

        List<String> leaks = new ArrayList<>();
        samples.forEach((type, sample) -> {
            String text = String.valueOf(sample);
            for (String secret : secrets) {
                if (text.contains(secret)) {
                    leaks.add(type.getSimpleName() + ".toString() shows " + SecretGuard.mask(secret));
                }
            }
            SecretGuard.findLeaks(text).forEach(l -> leaks.add(type.getSimpleName() + ": " + l));
        });
        assertThat(leaks).as("secrets in toString()").isEmpty();
        SecretGuard.assertNoLeak("the log output of the run (TRACE)", CapturedLogs.allText());
        assertThat(CapturedLogs.events())
                .as("the run was logged at TRACE")
                .anyMatch(e -> e.level() == org.slf4j.event.Level.TRACE);

        Set<Class<?>> types = publicModelAndConfigTypes();
        LoadTest.record("toString: public model and config types checked", types.size());
        LoadTest.record("toString: objects checked", samples.size());
        assertThat(types)
                .as("the scan found the SDK's classes")
                .hasSizeGreaterThan(60)
                .contains(ImportJob.class, CreatedGraphQLDataApi.class, AuraCredentials.class);
        Set<String> missing = new TreeSet<>();
        for (Class<?> type : types) {
            if (!samples.containsKey(type)) {
                missing.add(type.getName());
            }
        }
        assertThat(missing).as("public types without a toString() check").isEmpty();
    }

    @Test
    void aSecretInAnAuraErrorMessageIsCaughtByTheGuard() {
        // the guard itself: a leak in an observed exception's cause chain is found, and reported masked
        AuraApiException wrapped = new AuraApiException(dev.aurasdk.core.ErrorDetails.builder()
                .method("GET")
                .path("/v1/tenants")
                .statusCode(500)
                .build());
        wrapped.initCause(new IllegalStateException("upstream said: " + CLIENT_SECRET));
        SecretGuard.register(CLIENT_SECRET);
        List<String> leaks = SecretGuard.findLeaks(SecretGuard.fullText(wrapped));
        assertThat(leaks).hasSize(1);
        assertThat(leaks.get(0)).doesNotContain(CLIENT_SECRET).contains("<SECRET>");
    }

    private static void add(Map<Class<?>, Object> samples, Object sample) {
        samples.put(sample.getClass(), sample);
    }

    /**
     * The public, concrete, non-exception classes of the SDK's three library modules (internal packages and the
     * core's spi package of static helpers left out): every model, request, option and client type a user can print.
     */
    static Set<Class<?>> publicModelAndConfigTypes() {
        Set<Class<?>> types = new java.util.LinkedHashSet<>();
        for (Class<?> anchor : List.of(AuraClient.class, ImportJobs.class, GraphQLDataApis.class)) {
            for (String name : classNames(anchor)) {
                if (!name.startsWith("dev.aurasdk.")
                        || name.contains(".internal.")
                        || name.startsWith("dev.aurasdk.core.spi.")
                        || name.contains("$")
                        || name.endsWith("package-info")
                        || name.endsWith("module-info")) {
                    continue;
                }
                Class<?> type;
                try {
                    type = Class.forName(name, false, anchor.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
                int m = type.getModifiers();
                if (Modifier.isPublic(m)
                        && !Modifier.isAbstract(m)
                        && !type.isInterface()
                        && !type.isEnum()
                        && !type.isAnnotation()
                        && !Throwable.class.isAssignableFrom(type)) {
                    types.add(type);
                }
            }
        }
        return types;
    }

    private static List<String> classNames(Class<?> anchor) {
        try {
            Path location = Path.of(
                    anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> names = new ArrayList<>();
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    files.filter(p -> p.toString().endsWith(".class"))
                            .forEach(p ->
                                    names.add(className(location.relativize(p).toString())));
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String entry = entries.nextElement().getName();
                        if (entry.endsWith(".class")) {
                            names.add(className(entry));
                        }
                    }
                }
            }
            return names.stream().sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length())
                .replace('/', '.')
                .replace('\\', '.');
    }
}
