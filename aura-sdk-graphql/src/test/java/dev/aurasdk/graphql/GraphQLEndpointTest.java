package dev.aurasdk.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraCredentials;
import dev.aurasdk.core.http.RequestEvent;
import dev.aurasdk.core.http.RequestListener;
import dev.aurasdk.core.testing.CapturedLogs;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GraphQLEndpointTest {
    private static final String KEY = "k3y-ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJ0ZW5hbnRJZCI6InQxIn0.c2lnbmF0dXJlLXNlY3JldA";

    private MockWebServer server;
    private String url;

    @BeforeEach
    void setUp() throws IOException {
        CapturedLogs.clear();
        server = new MockWebServer();
        server.start();
        url = server.url("/graphql").toString();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    private RecordedRequest taken() throws InterruptedException {
        return server.takeRequest(5, TimeUnit.SECONDS);
    }

    @Test
    void executeWithAnApiKeyPostsQueryVariablesAndOperationNameAndReturnsData() throws Exception {
        server.enqueue(json(200, "{\"data\":{\"restaurants\":[{\"id\":\"r1\",\"name\":\"Luigi\"}]}}"));
        GraphQLEndpoint endpoint = GraphQLEndpoint.withApiKey(url, KEY);

        GraphQLResponse response = endpoint.execute(GraphQLRequest.of("query Q($city: String!) { restaurants { id } }")
                .withVariable("city", "Malmö")
                .withVariable("since", Instant.parse("2026-01-02T03:04:05Z"))
                .withVariable("limit", null)
                .withOperationName("Q"));

        RecordedRequest request = taken();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getHeaders().get("x-api-key")).isEqualTo(KEY);
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(GraphQLFixtures.body(request))
                .isEqualTo("{\"query\":\"query Q($city: String!) { restaurants { id } }\","
                        + "\"variables\":{\"city\":\"Malmö\",\"since\":\"2026-01-02T03:04:05Z\",\"limit\":null},"
                        + "\"operationName\":\"Q\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.hasErrors()).isFalse();
        assertThat(response.dataOrThrow().at("/restaurants/0/name").asText()).isEqualTo("Luigi");
    }

    @Test
    void variablesFromJavaObjectsKeepTheirCamelCaseNames() throws Exception {
        server.enqueue(json(200, "{\"data\":{}}"));
        record Input(String tenantId, int minimumSeverity) {}

        GraphQLEndpoint.withApiKey(url, KEY)
                .execute("mutation M($input: Input!) { m(input: $input) }", Map.of("input", new Input("t1", 2)));

        assertThat(GraphQLFixtures.json(taken()).at("/variables/input/tenantId").asText())
                .isEqualTo("t1");
    }

    @Test
    void executeWithABearerTokenSendsTheAuthorizationHeader() throws Exception {
        server.enqueue(json(200, "{\"data\":{\"alerts\":[]}}"));

        GraphQLEndpoint.withBearerToken(url, "Bearer " + JWT).execute("{ alerts { id } }");

        RecordedRequest request = taken();
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + JWT);
        assertThat(request.getHeaders().get("x-api-key")).isNull();
        assertThat(GraphQLFixtures.body(request)).isEqualTo("{\"query\":\"{ alerts { id } }\"}");
    }

    @Test
    void unauthorizedBecomesTheTypedExceptionWithoutTheKey() {
        server.enqueue(json(401, "{\"errors\":[{\"message\":\"Invalid API key " + KEY + "\"}]}"));
        GraphQLEndpoint endpoint = GraphQLEndpoint.withApiKey(url, KEY);

        assertThatThrownBy(() -> endpoint.execute("{ restaurants { id } }"))
                .isInstanceOf(GraphQLUnauthorizedException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("API key was not accepted")
                .satisfies(e -> {
                    GraphQLUnauthorizedException ex = (GraphQLUnauthorizedException) e;
                    assertThat(ex.getMessage()).doesNotContain(KEY);
                    assertThat(ex.statusCode()).hasValue(401);
                    assertThat(ex.errors())
                            .singleElement()
                            .satisfies(err -> assertThat(err.message())
                                    .doesNotContain(KEY)
                                    .contains("****"));
                });
    }

    @Test
    void forbiddenIsAlsoUnauthorized() {
        server.enqueue(json(403, "{\"message\":\"Forbidden\"}"));

        assertThatThrownBy(() -> GraphQLEndpoint.withBearerToken(url, JWT).execute("{ a }"))
                .isInstanceOf(GraphQLUnauthorizedException.class)
                .hasMessageContaining("bearer token")
                .message()
                .doesNotContain(JWT);
    }

    @Test
    void graphQLErrorsAreReturnedBesidePartialData() {
        server.enqueue(json(200, """
                {"data":{"tenants":null,"restaurants":[]},
                 "errors":[{"message":"Forbidden","path":["tenants",0,"users"],
                            "extensions":{"code":"FORBIDDEN"}}]}
                """));

        GraphQLResponse response =
                GraphQLEndpoint.withBearerToken(url, JWT).execute("{ tenants { id } restaurants { id } }");

        assertThat(response.hasErrors()).isTrue();
        assertThat(response.hasData()).isTrue();
        assertThat(response.data().get("restaurants").isArray()).isTrue();
        GraphQLError error = response.errors().get(0);
        assertThat(error.message()).isEqualTo("Forbidden");
        assertThat(error.path()).containsExactly("tenants", 0, "users");
        assertThat(error.code()).contains("FORBIDDEN");
        assertThatThrownBy(response::dataOrThrow)
                .isInstanceOf(GraphQLEndpointException.class)
                .hasMessageContaining("Forbidden")
                .satisfies(
                        e -> assertThat(((GraphQLEndpointException) e).errors()).hasSize(1));
    }

    @Test
    void aValidationErrorWith400AndAGraphQLBodyIsAResponseNotAnException() {
        server.enqueue(json(400, "{\"errors\":[{\"message\":\"Cannot query field \\\"nope\\\"\"}]}"));

        GraphQLResponse response = GraphQLEndpoint.withApiKey(url, KEY).execute("{ nope }");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.hasData()).isFalse();
        assertThat(response.data().isMissingNode()).isTrue();
        assertThat(response.errors()).extracting(GraphQLError::message).containsExactly("Cannot query field \"nope\"");
    }

    @Test
    void aNonGraphQLAnswerIsAnEndpointException() {
        server.enqueue(new MockResponse.Builder()
                .code(502)
                .addHeader("Content-Type", "text/html")
                .body("<html>bad gateway</html>")
                .build());

        assertThatThrownBy(() -> GraphQLEndpoint.withApiKey(url, KEY).execute("{ a }"))
                .isExactlyInstanceOf(GraphQLEndpointException.class)
                .hasMessageContaining("HTTP 502")
                .hasMessageContaining("text/html");
    }

    @Test
    void redirectsAreNotFollowedSoTheKeyGoesNowhereElse() {
        server.enqueue(new MockResponse.Builder()
                .code(302)
                .addHeader("Location", server.url("/elsewhere"))
                .build());
        server.enqueue(json(200, "{\"data\":{}}"));

        assertThatThrownBy(() -> GraphQLEndpoint.withApiKey(url, KEY).execute("{ a }"))
                .isInstanceOf(GraphQLEndpointException.class)
                .hasMessageContaining("not followed");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void executeAsyncCompletesWithTheResponseAndFailsWithTheTypedException() {
        server.enqueue(json(200, "{\"data\":{\"ok\":true}}"));
        server.enqueue(json(401, "{}"));
        GraphQLEndpoint endpoint = GraphQLEndpoint.withApiKey(url, KEY);

        JsonNode data =
                endpoint.executeAsync(GraphQLRequest.of("{ ok }")).join().dataOrThrow();
        assertThat(data.get("ok").asBoolean()).isTrue();
        assertThatThrownBy(
                        () -> endpoint.executeAsync(GraphQLRequest.of("{ ok }")).join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(GraphQLUnauthorizedException.class);
    }

    @Test
    void aNetworkFailureIsAnEndpointException() throws IOException {
        GraphQLEndpoint endpoint = GraphQLEndpoint.withApiKey(url, KEY);
        server.close();

        assertThatThrownBy(() -> endpoint.execute("{ a }"))
                .isInstanceOf(GraphQLEndpointException.class)
                .satisfies(e ->
                        assertThat(((GraphQLEndpointException) e).statusCode()).isEmpty())
                .message()
                .doesNotContain(KEY);
    }

    @Test
    void httpsIsRequiredExceptForLoopbackHosts() {
        assertThatThrownBy(() -> GraphQLEndpoint.withApiKey("http://api.example.com/graphql", KEY))
                .hasMessageContaining("https");
        assertThatThrownBy(() -> GraphQLEndpoint.withApiKey("https://user:pw@api.example.com/graphql", KEY))
                .hasMessageContaining("credentials");
        assertThatThrownBy(() -> GraphQLEndpoint.withApiKey("ftp://api.example.com/graphql", KEY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(GraphQLEndpoint.withApiKey("https://x.graphql.neo4j.io/graphql", KEY)
                        .url()
                        .getHost())
                .isEqualTo("x.graphql.neo4j.io");
        assertThat(GraphQLEndpoint.withApiKey("http://localhost:8080/graphql", KEY)
                        .url()
                        .getPort())
                .isEqualTo(8080);
    }

    @Test
    void aTimeoutTooLongForTheClockIsRejectedWhenBuilt() {
        assertThatThrownBy(() -> GraphQLEndpoint.builder("https://x.graphql.neo4j.io/graphql")
                        .timeout(java.time.temporal.ChronoUnit.FOREVER.getDuration()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too long");
    }

    @Test
    void aUrlWithAnInvalidPortIsRejectedWhenBuilt() {
        assertThatThrownBy(() -> GraphQLEndpoint.withApiKey("https://x.graphql.neo4j.io:99999/graphql", KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port");
    }

    @Test
    void credentialsAreCheckedAndNeverPrinted() {
        assertThatThrownBy(() -> GraphQLEndpoint.builder(url).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> GraphQLEndpoint.builder(url).apiKey(KEY).bearerToken(JWT))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> GraphQLEndpoint.builder(url).apiKey("a\r\nX-Evil: 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("Evil");
        assertThat(GraphQLEndpoint.withApiKey(url, KEY).toString())
                .doesNotContain(KEY)
                .contains("****");
        assertThat(GraphQLEndpoint.builder(url).bearerToken(JWT).toString()).doesNotContain(JWT);
    }

    @Test
    void theKeyAndTokenNeverAppearInLogs() {
        server.enqueue(json(200, "{\"data\":{}}"));
        server.enqueue(json(401, "{}"));
        GraphQLEndpoint.withApiKey(url, KEY).execute("{ a }");
        assertThatThrownBy(() -> GraphQLEndpoint.withBearerToken(url, JWT).execute("{ a }"))
                .isInstanceOf(GraphQLUnauthorizedException.class);

        assertThat(CapturedLogs.events("dev.aurasdk.graphql")).isNotEmpty();
        assertThat(CapturedLogs.allText()).doesNotContain(KEY).doesNotContain(JWT);
    }

    @Test
    void builderFromASummaryUsesItsUrl() {
        GraphQLDataApiSummary summary = GraphQLDataApiSummary.builder()
                .id("x")
                .name("n")
                .status(GraphQLDataApiStatus.READY)
                .url(url)
                .build();
        GraphQLDataApiSummary noUrl = GraphQLDataApiSummary.builder()
                .id("x")
                .name("n")
                .status(GraphQLDataApiStatus.CREATING)
                .build();

        assertThat(GraphQLEndpoint.builder(summary).apiKey(KEY).build().url().toString())
                .isEqualTo(url);
        assertThatThrownBy(() -> GraphQLEndpoint.builder(noUrl)).hasMessageContaining("no url");
    }

    @Test
    void requestsAreImmutableAndPrintNoVariableValues() {
        GraphQLRequest base = GraphQLRequest.of("{ a }");
        GraphQLRequest withSecret = base.withVariable("password", "hunter2");

        assertThat(base.variables().isEmpty()).isTrue();
        assertThat(withSecret.variables().get("password").asText()).isEqualTo("hunter2");
        withSecret.variables().put("password", "changed");
        assertThat(withSecret.variables().get("password").asText()).isEqualTo("hunter2");
        assertThat(withSecret.toString()).contains("password").doesNotContain("hunter2");
        assertThat(withSecret.withVariables(Map.of()).variables().isEmpty()).isTrue();
        assertThatThrownBy(() -> GraphQLRequest.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(base, base.withOperationName("Q"))).doesNotHaveDuplicates();
    }

    /** Records listener events as text. */
    private static final class Recorder implements RequestListener {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onAttemptStart(RequestEvent e) {
            events.add("start " + e.method() + " " + e.path() + " " + e.pathTemplate() + " #" + e.attempt());
        }

        @Override
        public void onAttemptEnd(RequestEvent e) {
            events.add("end "
                    + (e.statusCode().isPresent()
                            ? e.statusCode().getAsInt()
                            : e.failure().orElse("?")) + " " + e.requestId().orElse("-") + " "
                    + e.elapsed().isPresent());
        }
    }

    private AuraClient auraClient(Recorder recorder, HttpClient httpClient) {
        return AuraClient.builder()
                .baseUrl(server.url("/").toString())
                .credentials(AuraCredentials.of("client-id", "client-secret-value"))
                .httpClient(httpClient)
                .addRequestListener(recorder)
                .build();
    }

    @Test
    void anEndpointOfAnAuraClientSendsOnItsHttpClientAndReportsToItsListeners() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .addHeader("X-Request-Id", "rid-1")
                .body("{\"data\":{\"ok\":true}}")
                .build());
        server.enqueue(json(401, "{}"));
        Recorder recorder = new Recorder();
        HttpClient httpClient = HttpClient.newHttpClient();
        try (AuraClient aura = auraClient(recorder, httpClient)) {
            assertThat(aura.httpClient()).isSameAs(httpClient);
            assertThat(aura.requestListeners()).containsExactly(recorder);
            GraphQLEndpoint endpoint =
                    GraphQLEndpoint.builder(url).apiKey(KEY).auraClient(aura).build();

            assertThat(endpoint.execute("{ ok }").dataOrThrow().get("ok").asBoolean())
                    .isTrue();
            assertThatThrownBy(() ->
                            endpoint.executeAsync(GraphQLRequest.of("{ ok }")).join())
                    .hasCauseInstanceOf(GraphQLUnauthorizedException.class);

            RecordedRequest request = taken();
            assertThat(request.getHeaders().get("x-api-key")).isEqualTo(KEY);
            assertThat(request.getHeaders().get("Authorization")).isNull();
            assertThat(server.getRequestCount()).as("no token request").isEqualTo(2);
            assertThat(recorder.events)
                    .containsExactly(
                            "start POST /graphql {dataApiUrl} #1",
                            "end 200 rid-1 true",
                            "start POST /graphql {dataApiUrl} #1",
                            "end 401 - true");
        }
    }

    @Test
    void listenersRunAsTheClientsOwnDoOnTheCallersThreadThenOnTheSchedulerAndMayThrow() throws Exception {
        CountDownLatch asyncArrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> requests = new CopyOnWriteArrayList<>();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                String body = GraphQLFixtures.body(request);
                requests.add(request.getMethod() + " " + request.getUrl().encodedPath() + " " + body);
                if (body.contains("async")) { // answered once the test has attached its dependent stage
                    asyncArrived.countDown();
                    release.await(60, TimeUnit.SECONDS);
                }
                return json(200, "{\"data\":{\"ok\":true}}");
            }
        });
        List<Thread> starts = new CopyOnWriteArrayList<>();
        List<Thread> ends = new CopyOnWriteArrayList<>();
        RequestListener throwing = new RequestListener() { // a metrics bridge missing its library, say
                    @Override
                    public void onAttemptStart(RequestEvent event) {
                        throw new NoClassDefFoundError("io/micrometer/core/instrument/Timer");
                    }

                    @Override
                    public void onAttemptEnd(RequestEvent event) {
                        throw new IllegalStateException("listener bug");
                    }
                };
        RequestListener threads = new RequestListener() {
            @Override
            public void onAttemptStart(RequestEvent event) {
                starts.add(Thread.currentThread());
            }

            @Override
            public void onAttemptEnd(RequestEvent event) {
                ends.add(Thread.currentThread());
            }
        };
        try (AuraClient aura = AuraClient.builder()
                .baseUrl(server.url("/").toString())
                .credentials(AuraCredentials.of("client-id", "client-secret-value"))
                .addRequestListener(throwing)
                .addRequestListener(threads)
                .build()) {
            GraphQLEndpoint endpoint =
                    GraphQLEndpoint.builder(url).apiKey(KEY).auraClient(aura).build();
            Thread scheduler = aura.scheduler().submit(Thread::currentThread).get(60, TimeUnit.SECONDS);

            assertThat(endpoint.execute("{ ok }").dataOrThrow().get("ok").asBoolean())
                    .isTrue();
            assertThat(starts).containsExactly(Thread.currentThread());
            assertThat(ends).containsExactly(Thread.currentThread());

            CompletableFuture<GraphQLResponse> future = endpoint.executeAsync(GraphQLRequest.of("{ ok async: ok }"));
            CompletableFuture<Thread> dependent = future.thenApply(r -> Thread.currentThread());
            assertThat(asyncArrived.await(60, TimeUnit.SECONDS)).isTrue();
            release.countDown();

            // waited for first: a thread waiting in future.get() may run the future's dependents itself
            assertThat(dependent.get(60, TimeUnit.SECONDS))
                    .as("a dependent stage; requests %s", requests)
                    .isSameAs(scheduler);
            assertThat(future.get(60, TimeUnit.SECONDS).dataOrThrow().get("ok").asBoolean())
                    .isTrue();
            assertThat(starts).containsExactly(Thread.currentThread(), Thread.currentThread());
            assertThat(ends).containsExactly(Thread.currentThread(), scheduler);
        }
        assertThat(CapturedLogs.allText())
                .contains("RequestListener")
                .contains("java.lang.NoClassDefFoundError")
                .contains("java.lang.IllegalStateException")
                .doesNotContain("listener bug");
    }

    @Test
    void aNetworkFailureEndsTheReportedAttemptOnce() throws Exception {
        Recorder recorder = new Recorder();
        try (AuraClient aura = auraClient(recorder, HttpClient.newHttpClient())) {
            GraphQLEndpoint endpoint = GraphQLEndpoint.builder(url)
                    .bearerToken(JWT)
                    .auraClient(aura)
                    .build();
            server.close();

            assertThatThrownBy(() -> endpoint.execute("{ a }")).isInstanceOf(GraphQLEndpointException.class);
            assertThatThrownBy(() ->
                            endpoint.executeAsync(GraphQLRequest.of("{ a }")).join())
                    .hasCauseInstanceOf(GraphQLEndpointException.class);

            assertThat(recorder.events).hasSize(4);
            assertThat(recorder.events.get(1)).startsWith("end ").doesNotContain("?");
            assertThat(recorder.events.get(3)).startsWith("end ").doesNotContain("?");
        }
    }

    @Test
    void aPlainHttpClientReplacesTheAuraClientsListeners() throws Exception {
        server.enqueue(json(200, "{\"data\":{\"ok\":true}}"));
        Recorder recorder = new Recorder();
        try (AuraClient aura = auraClient(recorder, HttpClient.newHttpClient())) {
            GraphQLEndpoint endpoint = GraphQLEndpoint.builder(url)
                    .apiKey(KEY)
                    .auraClient(aura)
                    .httpClient(HttpClient.newHttpClient())
                    .build();

            endpoint.execute("{ ok }");

            assertThat(recorder.events).isEmpty();
        }
    }
}
