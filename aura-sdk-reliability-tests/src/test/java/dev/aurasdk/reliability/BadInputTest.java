package dev.aurasdk.reliability;

import static dev.aurasdk.reliability.Fixtures.INSTANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraCredentials;
import dev.aurasdk.core.http.RateLimit;
import dev.aurasdk.core.http.RetryPolicy;
import dev.aurasdk.core.testing.SecretGuard;
import dev.aurasdk.core.wait.WaitOptions;
import dev.aurasdk.graphql.ApiKeyRotation;
import dev.aurasdk.graphql.AuthProviderSpec;
import dev.aurasdk.graphql.AuthProviderType;
import dev.aurasdk.graphql.CreateGraphQLDataApi;
import dev.aurasdk.graphql.GraphQLDataApis;
import dev.aurasdk.graphql.GraphQLEndpoint;
import dev.aurasdk.graphql.GraphQLRequest;
import dev.aurasdk.graphql.InstanceCredentials;
import dev.aurasdk.graphql.TypeDefinitions;
import dev.aurasdk.graphql.UpdateAuthProvider;
import dev.aurasdk.graphql.UpdateGraphQLDataApi;
import dev.aurasdk.imports.CreateImportJob;
import dev.aurasdk.imports.ImportAwaitOptions;
import dev.aurasdk.imports.ImportJobs;
import dev.aurasdk.imports.ImportPipeline;
import dev.aurasdk.imports.ImportStep;
import dev.aurasdk.imports.ImportType;
import dev.aurasdk.imports.ProgressListener;
import dev.aurasdk.imports.ProjectRef;
import dev.aurasdk.testkit.FakeAuraServer;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input at every public entry point fails at once with a clear exception (the type and a message naming what
 * is wrong) before any request: the fake's journal stays empty, the token endpoint included.
 */
class BadInputTest {
    /** The least number of cases the suite must cover. */
    static final int MIN_CASES = 40;

    private static final String JOB = "87d485b4-73fc-4a7f-bb03-720f4672947e";
    private static final String API = "2f49c2b3";
    private static final String PROVIDER = "038ac820-f108-413c-8211-e3720fab36ec";
    private static final String LONG_ID = "a".repeat(10_000);
    private static final String URL_PASSWORD = "Url-Embedded-Passw0rd";
    private static final Duration FOREVER = java.time.temporal.ChronoUnit.FOREVER.getDuration();

    private static FakeAuraServer server;
    private static AuraClient client;
    private static ImportJobs jobs;
    private static GraphQLDataApis apis;

    /** One bad input: what is called, and the exception it must raise before any request. */
    record Bad(String input, Class<? extends Throwable> type, String says, ThrowingCallable call) {}

    private static Bad bad(String input, Class<? extends Throwable> type, String says, ThrowingCallable call) {
        return new Bad(input, type, says, call);
    }

    private static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;
    private static final Class<NullPointerException> NPE = NullPointerException.class;
    private static final Class<IllegalStateException> ISE = IllegalStateException.class;

    static List<Bad> cases() {
        TypeDefinitions schema = TypeDefinitions.of("type Movie @node { title: String! }");
        InstanceCredentials credentials = InstanceCredentials.of("neo4j", "Inst4nce-Passw0rd-Bad-Input");
        return List.of(
                // ---- core: credentials and client configuration
                bad("client id null", NPE, "clientId", () -> AuraCredentials.of(null, "secret-value")),
                bad("client id blank", IAE, "clientId", () -> AuraCredentials.of("  ", "secret-value")),
                bad("client secret empty", IAE, "clientSecret", () -> AuraCredentials.of("id", "")),
                bad(
                        "client without credentials",
                        ISE,
                        "credentials",
                        () -> AuraClient.builder().build()),
                bad(
                        "base URL on plain http",
                        IAE,
                        "https",
                        () -> AuraClient.builder().baseUrl("http://api.neo4j.io")),
                bad(
                        "base URL with credentials",
                        IAE,
                        "credentials",
                        () -> AuraClient.builder().baseUrl("https://user:" + URL_PASSWORD + "@api.neo4j.io")),
                bad(
                        "base URL not http(s)",
                        IAE,
                        "http(s)",
                        () -> AuraClient.builder().baseUrl("ftp://api.neo4j.io")),
                bad(
                        "base URL with port 99999",
                        IAE,
                        "port",
                        () -> AuraClient.builder().baseUrl("https://api.neo4j.io:99999")),
                bad(
                        "token URL with credentials",
                        IAE,
                        "credentials",
                        () -> AuraClient.builder().authUrl("https://id:" + URL_PASSWORD + "@api.neo4j.io/oauth/token")),
                bad(
                        "request timeout zero",
                        IAE,
                        "requestTimeout",
                        () -> AuraClient.builder().requestTimeout(Duration.ZERO)),
                bad(
                        "call timeout negative",
                        IAE,
                        "callTimeout",
                        () -> AuraClient.builder().callTimeout(Duration.ofSeconds(-1))),
                bad(
                        "connect timeout null",
                        NPE,
                        "connectTimeout",
                        () -> AuraClient.builder().connectTimeout(null)),
                bad(
                        "call timeout ChronoUnit.FOREVER (overflowed on the first call)",
                        IAE,
                        "too long",
                        () -> AuraClient.builder().callTimeout(FOREVER)),
                bad(
                        "token failure backoff negative",
                        IAE,
                        "tokenFailureBackoff",
                        () -> AuraClient.builder().tokenFailureBackoff(Duration.ofSeconds(-10))),
                bad(
                        "forced token refresh interval negative",
                        IAE,
                        "forcedTokenRefreshInterval",
                        () -> AuraClient.builder().forcedTokenRefreshInterval(Duration.ofMinutes(-30))),
                bad(
                        "token refresh margin negative",
                        IAE,
                        "tokenRefreshMargin",
                        () -> AuraClient.builder().tokenRefreshMargin(Duration.ofMinutes(-5))),
                bad(
                        "user-agent suffix with a line break",
                        IAE,
                        "control characters",
                        () -> AuraClient.builder().userAgentSuffix("app/1.0\r\nX-Injected: yes")),
                bad("rate limit of zero requests", IAE, "permits", () -> RateLimit.of(0, Duration.ofMinutes(1))),
                bad("rate limit over a zero period", IAE, "period", () -> RateLimit.of(125, Duration.ZERO)),
                bad(
                        "retry policy with zero attempts",
                        IAE,
                        "maxAttempts",
                        () -> RetryPolicy.builder().maxAttempts(0).build()),
                bad(
                        "retry backoff negative",
                        IAE,
                        "initialBackoff",
                        () -> RetryPolicy.builder()
                                .initialBackoff(Duration.ofMillis(-500))
                                .build()),
                bad(
                        "wait timeout zero",
                        IAE,
                        "timeout",
                        () -> WaitOptions.builder().timeout(Duration.ZERO).build()),
                bad(
                        "wait initial delay negative",
                        IAE,
                        "initialDelay",
                        () -> WaitOptions.builder()
                                .initialDelay(Duration.ofSeconds(-1))
                                .build()),
                bad(
                        "wait timeout ChronoUnit.FOREVER",
                        IAE,
                        "too long",
                        () -> WaitOptions.builder().timeout(FOREVER).build()),
                bad(
                        "wait multiplier below 1",
                        IAE,
                        "multiplier",
                        () -> WaitOptions.builder().multiplier(0.5).build()),
                bad(
                        "wait jitter of 150 %",
                        IAE, "jitter", () -> WaitOptions.builder().jitter(1.5).build()),
                // ---- core: look-ups
                bad(
                        "instance id null",
                        NPE,
                        "instanceId",
                        () -> client.instances().get(null)),
                bad(
                        "instance id blank",
                        IAE,
                        "instanceId",
                        () -> client.instances().get("")),
                bad(
                        "instance id whitespace",
                        IAE,
                        "instanceId",
                        () -> client.instances().get(" \t ")),
                bad(
                        "instance id with ../",
                        IAE,
                        "instanceId",
                        () -> client.instances().get("../tenants")),
                bad(
                        "instance id with %2F",
                        IAE, "instanceId", () -> client.instances().get("abc%2Fdef")),
                bad(
                        "instance id of 10,000 characters",
                        IAE,
                        "too long",
                        () -> client.instances().get(LONG_ID)),
                bad(
                        "tenant id with a slash",
                        IAE,
                        "tenantId",
                        () -> client.tenants().get("a/b")),
                bad(
                        "tenant filter null",
                        NPE,
                        "tenantId",
                        () -> client.instances().listByTenant(null)),
                bad("instance name blank", IAE, "name", () -> client.instances().findByName(" ")),
                bad(
                        "organization id not a UUID",
                        IAE,
                        "UUID",
                        () -> client.organizations().get("my-org")),
                bad(
                        "organization id with ..",
                        IAE,
                        "organizationId",
                        () -> client.organizations().projects("..")),
                // ---- import
                bad("project ref with a null organization", NPE, "organizationId", () -> ProjectRef.of(null, "p1")),
                bad("project ref with ../", IAE, "organizationId", () -> ProjectRef.of("../org", "p1")),
                bad(
                        "import model id not a UUID",
                        IAE,
                        "UUID",
                        () -> CreateImportJob.builder()
                                .importModelId("e01cdc6d")
                                .instanceId(INSTANCE)
                                .build()),
                bad(
                        "import target instance with ../",
                        IAE,
                        "instanceId",
                        () -> CreateImportJob.builder()
                                .importModelId(Fixtures.MODEL)
                                .instanceId("../x")
                                .build()),
                bad(
                        "bulk import without the overwrite acknowledgement",
                        IAE,
                        "acknowledgeOverwrite",
                        () -> CreateImportJob.builder()
                                .importModelId(Fixtures.MODEL)
                                .instanceId(INSTANCE)
                                .importType(ImportType.BULK)
                                .build()),
                bad(
                        "instance user without a password",
                        IAE,
                        "instancePassword",
                        () -> CreateImportJob.builder()
                                .importModelId(Fixtures.MODEL)
                                .instanceId(INSTANCE)
                                .instanceUser("neo4j")
                                .build()),
                bad("import create with a null request", NPE, "request", () -> jobs.create(null)),
                bad("job id not a UUID", IAE, "UUID", () -> jobs.get("not-a-uuid")),
                bad("job id with %2F", IAE, "jobId", () -> jobs.cancel(JOB + "%2F..")),
                bad("job id of 10,000 characters", IAE, "too long", () -> jobs.getWithProgress(LONG_ID)),
                bad("await of a null job id", NPE, "jobId", () -> jobs.awaitCompletion(null)),
                bad(
                        "async await of a blank job id (thrown, not a failed future)",
                        IAE,
                        "jobId",
                        () -> jobs.awaitCompletionAsync(" ")),
                bad(
                        "await with null options",
                        NPE,
                        "options",
                        () -> jobs.awaitCompletion(JOB, (ImportAwaitOptions) null, ProgressListener.none())),
                bad(
                        "pipeline without steps",
                        ISE,
                        "at least one step",
                        () -> ImportPipeline.builder(jobs).build()),
                bad(
                        "pipeline concurrency zero",
                        IAE,
                        "maxConcurrency",
                        () -> ImportPipeline.builder(jobs).maxConcurrency(0)),
                bad(
                        "pipeline steps with the same name",
                        ISE,
                        "named",
                        () -> ImportPipeline.builder(jobs)
                                .addStep(ImportStep.online("a", Fixtures.MODEL, INSTANCE))
                                .addStep(ImportStep.online("a", Fixtures.MODEL, INSTANCE))
                                .build()),
                // ---- GraphQL Data APIs
                bad("Data API list for a blank instance", IAE, "instanceId", () -> apis.list("")),
                bad("Data API id with ../", IAE, "dataApiId", () -> apis.get(INSTANCE, "../" + API)),
                bad("Data API id with %2F", IAE, "dataApiId", () -> apis.delete(INSTANCE, "x%2Fy")),
                bad("Data API create without a request", NPE, "request", () -> apis.create(INSTANCE, null)),
                bad("type definitions empty", IAE, "empty", () -> TypeDefinitions.of("")),
                bad("type definitions whitespace only", IAE, "blank", () -> TypeDefinitions.of(" \n\t ")),
                bad(
                        "type definitions over 1 MiB",
                        IAE,
                        "too large",
                        () -> TypeDefinitions.of("#".repeat(TypeDefinitions.MAX_BYTES + 1))),
                bad("type definitions not base64", IAE, "base64", () -> TypeDefinitions.fromBase64("not base64!")),
                bad(
                        "Data API without type definitions",
                        ISE,
                        "typeDefinitions",
                        () -> CreateGraphQLDataApi.builder()
                                .name("movies")
                                .instanceCredentials(credentials)
                                .build()),
                bad(
                        "Data API name with surrounding spaces",
                        IAE,
                        "whitespace",
                        () -> CreateGraphQLDataApi.builder()
                                .name(" movies ")
                                .typeDefinitions(schema)
                                .instanceCredentials(credentials)
                                .build()),
                bad("instance password empty", IAE, "password", () -> InstanceCredentials.of("neo4j", "")),
                bad(
                        "Data API update with nothing to change",
                        IAE,
                        "at least one field",
                        () -> UpdateGraphQLDataApi.builder().build()),
                bad(
                        "settle time negative",
                        IAE,
                        "statusSettleTime",
                        () -> GraphQLDataApis.builder(client).statusSettleTime(Duration.ofSeconds(-1))),
                bad(
                        "settle time ChronoUnit.FOREVER",
                        IAE,
                        "too long",
                        () -> GraphQLDataApis.builder(client).statusSettleTime(FOREVER)),
                bad(
                        "await with a null listener",
                        NPE,
                        "listener",
                        () -> apis.waitForReady(INSTANCE, API).withListener(null)),
                // ---- auth providers
                bad(
                        "JWKS URL on plain http",
                        IAE,
                        "https",
                        () -> AuthProviderSpec.jwks("jwks", "http://example.com/.well-known/jwks.json")),
                bad(
                        "JWKS URL with credentials",
                        IAE,
                        "credentials",
                        () -> AuthProviderSpec.jwks("jwks", "https://user:" + URL_PASSWORD + "@example.com/jwks.json")),
                bad(
                        "JWKS URL with port 99999",
                        IAE,
                        "port",
                        () -> AuthProviderSpec.jwks("jwks", "https://example.com:99999/jwks.json")),
                bad(
                        "JWKS provider without a URL",
                        IAE,
                        "url",
                        () -> AuthProviderSpec.builder()
                                .name("jwks")
                                .type(AuthProviderType.JWKS)
                                .build()),
                bad(
                        "API-key provider with a URL",
                        IAE,
                        "must not have a url",
                        () -> AuthProviderSpec.builder()
                                .name("key")
                                .type(AuthProviderType.API_KEY)
                                .url("https://example.com/jwks.json")
                                .build()),
                bad("auth provider name blank", IAE, "name", () -> AuthProviderSpec.apiKey(" ")),
                bad(
                        "auth provider update with nothing to change",
                        IAE,
                        "at least one",
                        () -> UpdateAuthProvider.builder().build()),
                bad(
                        "auth provider id with ../",
                        IAE,
                        "authProviderId",
                        () -> apis.authProviders(INSTANCE, API).get("../" + PROVIDER)),
                bad(
                        "key rotation with a blank new name",
                        IAE,
                        "newName",
                        () -> apis.authProviders(INSTANCE, API)
                                .rotateApiKey(PROVIDER, " ", ApiKeyRotation.Mode.DELETE_OLD_ON_CONFIRM)),
                // ---- CORS
                bad(
                        "CORS origin with a path",
                        IAE,
                        "path",
                        () -> apis.cors(INSTANCE, API).allow("https://app.example.com/login")),
                bad(
                        "CORS origin with a wildcard",
                        IAE,
                        "wildcard",
                        () -> apis.cors(INSTANCE, API).allow("https://*.example.com")),
                bad(
                        "CORS origin *",
                        IAE,
                        "wildcard",
                        () -> apis.cors(INSTANCE, API).allow("*")),
                bad(
                        "CORS origin with credentials",
                        IAE,
                        "credentials",
                        () -> apis.cors(INSTANCE, API).allow("https://user:" + URL_PASSWORD + "@app.example.com")),
                bad(
                        "CORS origin with port 99999",
                        IAE,
                        "port",
                        () -> apis.cors(INSTANCE, API).allow("https://app.example.com:99999")),
                bad(
                        "CORS allow of no origin",
                        IAE,
                        "at least one origin",
                        () -> apis.cors(INSTANCE, API).allow()),
                bad(
                        "CORS origin in a Data API create",
                        IAE,
                        "path",
                        () -> CreateGraphQLDataApi.builder()
                                .name("movies")
                                .typeDefinitions(schema)
                                .instanceCredentials(credentials)
                                .addCorsOrigins("https://app.example.com/x")
                                .build()),
                // ---- calling a deployed Data API
                bad(
                        "GraphQL endpoint on plain http",
                        IAE,
                        "https",
                        () -> GraphQLEndpoint.withApiKey("http://example.com/graphql", "k3y-value-0123456789")),
                bad(
                        "GraphQL endpoint API key blank",
                        IAE,
                        "apiKey",
                        () -> GraphQLEndpoint.withApiKey("https://example.com/graphql", " ")),
                bad(
                        "GraphQL endpoint URL with port 99999",
                        IAE,
                        "port",
                        () -> GraphQLEndpoint.withApiKey("https://example.com:99999/graphql", "k3y-value-0123456789")),
                bad(
                        "GraphQL endpoint timeout zero",
                        IAE,
                        "timeout",
                        () -> GraphQLEndpoint.builder("https://example.com/graphql")
                                .timeout(Duration.ZERO)),
                bad("GraphQL query blank", IAE, "query", () -> GraphQLRequest.of(" ")));
    }

    static Stream<Arguments> named() {
        return cases().stream()
                .map(c -> Arguments.of(c.input() + " -> " + c.type().getSimpleName(), c));
    }

    @BeforeAll
    static void start() {
        server = FakeAuraServer.create().start();
        client = server.clientBuilder().build();
        jobs = Fixtures.jobs(client);
        apis = GraphQLDataApis.create(client);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("named")
    void badInputFailsAtOnceWithAClearExceptionAndSendsNothing(String name, Bad bad) {
        server.journal().clear();
        int tokensBefore = server.tokenRequestCount();
        Throwable thrown = SecretGuard.observe(catchThrowable(bad.call()));

        assertThat(thrown).as(bad.input()).isInstanceOf(bad.type());
        assertThat(thrown.getMessage())
                .as("message of " + bad.input())
                .isNotBlank()
                .containsIgnoringCase(bad.says())
                .doesNotContain(URL_PASSWORD)
                .doesNotContain(LONG_ID);
        assertThat(server.journal().entries()).as("requests sent").isEmpty();
        assertThat(server.tokenRequestCount())
                .as("token requests")
                .isEqualTo(tokensBefore)
                .isZero();
    }

    @Test
    void atLeastFortyBadInputsAreCovered() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(MIN_CASES);
        assertThat(cases().stream().map(Bad::input).distinct()).hasSameSizeAs(cases());
    }
}
