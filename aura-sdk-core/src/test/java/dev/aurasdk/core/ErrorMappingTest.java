package dev.aurasdk.core;

import static dev.aurasdk.core.testing.ScriptedAura.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aurasdk.core.testing.ScriptedAura;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {
    private final ScriptedAura aura = new ScriptedAura();

    @AfterEach
    void close() {
        aura.close();
    }

    private AuraException failureOf(MockResponse response) {
        aura.enqueue(response);
        try (AuraClient client = aura.client()) {
            return org.junit.jupiter.api.Assertions.assertThrows(
                    AuraException.class, () -> client.instances().get("abc12345"));
        }
    }

    private static MockResponse withId(MockResponse r, String id) {
        return new MockResponse.Builder(r).setHeader("X-Request-Id", id).build();
    }

    @Test
    void standardErrorsEnvelopeGivesReasonFieldMessageAndRequestId() {
        AuraException e = failureOf(withId(
                json(
                        400,
                        "{\"errors\":[{\"message\":\"Import model data source id is required\",\"reason\":\"Required\","
                                + "\"field\":\"DataSourceId\"}]}"),
                "rid-400"));
        assertThat(e).isInstanceOfSatisfying(AuraBadRequestException.class, ex -> {
            assertThat(ex.statusCode()).isEqualTo(400);
            assertThat(ex.errors()).singleElement().satisfies(err -> {
                assertThat(err.message()).isEqualTo("Import model data source id is required");
                assertThat(err.reason()).contains("Required");
                assertThat(err.field()).contains("DataSourceId");
            });
            assertThat(ex.requestId()).contains("rid-400");
            assertThat(ex.method()).isEqualTo("GET");
            assertThat(ex.path()).isEqualTo("/v1/instances/abc12345");
        });
        assertThat(e.getMessage())
                .isEqualTo("GET /v1/instances/abc12345 failed: HTTP 400 (Required) "
                        + "DataSourceId: Import model data source id is required [request id rid-400]");
    }

    @Test
    void notFoundMapsToNotFoundExceptionWithReason() {
        AuraException e = failureOf(
                json(404, "{\"errors\":[{\"message\":\"DB not found: abc12345\",\"reason\":\"db-not-found\"}]}"));
        assertThat(e)
                .isInstanceOfSatisfying(
                        AuraNotFoundException.class,
                        ex -> assertThat(ex.reason()).contains("db-not-found"));
        assertThat(e.getMessage()).contains("HTTP 404", "db-not-found", "DB not found: abc12345", "request id req-404");
    }

    @Test
    void middlewareErrorShapeIsParsed() {
        aura.enqueue(json(403, "{\"error\":\"Access denied\"}")).enqueue(json(403, "{\"error\":\"Access denied\"}"));
        try (AuraClient client = aura.client()) {
            assertThatThrownBy(() -> client.instances().get("abc12345"))
                    .isInstanceOfSatisfying(
                            AuraPermissionDeniedException.class,
                            ex -> assertThat(ex.errors())
                                    .singleElement()
                                    .satisfies(err -> assertThat(err.message()).isEqualTo("Access denied")));
        }
    }

    @Test
    void oauthErrorShapeIsParsed() {
        aura.enqueueToken(json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Bad credentials\"}"));
        try (AuraClient client = aura.client()) {
            assertThatThrownBy(() -> client.instances().get("abc12345"))
                    .isInstanceOfSatisfying(AuraAuthenticationException.class, ex -> {
                        assertThat(ex.reason()).contains("invalid_client");
                        assertThat(ex.errors().get(0).message()).isEqualTo("Bad credentials");
                    });
        }
    }

    @Test
    void conflictMapsToConflictException() {
        AuraException e = failureOf(json(
                409,
                "{\"errors\":[{\"message\":\"The database is current undergoing an "
                        + "operation: resuming\",\"reason\":\"ongoing-database-operation\"}]}"));
        assertThat(e).isInstanceOf(AuraConflictException.class).hasMessageContaining("ongoing-database-operation");
    }

    @Test
    void unsupportedMediaTypeIsABadRequest() {
        assertThat(failureOf(json(415, "{\"error\":\"Unsupported Media Type\"}")))
                .isInstanceOf(AuraBadRequestException.class);
    }

    @Test
    void otherStatusesStayGenericApiExceptions() {
        AuraException e =
                failureOf(json(402, "{\"errors\":[{\"message\":\"Payment required\",\"reason\":\"billing\"}]}"));
        assertThat(e.getClass()).isEqualTo(AuraApiException.class);
        assertThat(((AuraApiException) e).statusCode()).isEqualTo(402);
    }

    @Test
    void proxyHtml502GivesAClearMessage() {
        aura.defaultApi(new MockResponse.Builder()
                .code(502)
                .addHeader("Content-Type", "text/html; charset=utf-8")
                .body("<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>")
                .build());
        try (AuraClient client = aura.client()) {
            assertThatThrownBy(() -> client.instances().get("abc12345"))
                    .isInstanceOfSatisfying(
                            AuraServerException.class,
                            ex -> assertThat(ex.errors()).isEmpty())
                    .hasMessageContaining("HTTP 502 Bad Gateway (non-JSON body: text/html")
                    .hasMessageContaining("title \"502 Bad Gateway\"");
        }
    }

    @Test
    void emptyErrorBodyIsDescribed() {
        AuraException e = failureOf(new MockResponse.Builder().code(404).build());
        assertThat(e).isInstanceOf(AuraNotFoundException.class).hasMessageContaining("Not Found (empty body)");
    }

    @Test
    void malformedSuccessBodyIsADecodingExceptionNamingTheCallNotTheBody() {
        aura.enqueue(json(200, "{\"data\":{\"id\":\"abc12345\",\"name\":\"x\",\"created_at\":\"not-a-date"));
        try (AuraClient client = aura.client()) {
            assertThatThrownBy(() -> client.instances().get("abc12345"))
                    .isInstanceOf(AuraDecodingException.class)
                    .hasMessageContaining("GET /v1/instances/abc12345")
                    .hasMessageContaining("malformed JSON")
                    .hasNoCause();
        }
    }

    @Test
    void wrongTypeInSuccessBodyIsADecodingExceptionWithThePath() {
        aura.enqueue(json(200, "{\"data\":{\"id\":\"abc12345\",\"name\":\"x\",\"vector_optimized\":{\"a\":1}}}"));
        try (AuraClient client = aura.client()) {
            assertThatThrownBy(() -> client.instances().get("abc12345"))
                    .isInstanceOf(AuraDecodingException.class)
                    .hasMessageContaining("vector_optimized");
        }
    }

    @Test
    void missingRequiredFieldIsADecodingException() {
        aura.enqueue(json(200, "{\"data\":{\"name\":\"no id\"}}"));
        try (AuraClient client = aura.client()) {
            assertThatThrownBy(() -> client.instances().get("abc12345"))
                    .isInstanceOf(AuraDecodingException.class)
                    .hasMessageContaining("id");
        }
    }

    @Test
    void emptySuccessBodyIsADecodingException() {
        aura.enqueue(new MockResponse.Builder().code(200).build());
        try (AuraClient client = aura.client()) {
            assertThatThrownBy(() -> client.instances().get("abc12345"))
                    .isInstanceOf(AuraDecodingException.class)
                    .hasMessageContaining("empty body");
        }
    }

    @Test
    void errorDetailsOfAnExceptionAreItsOwnElseRebuiltFromWhatJavaSerialisationKept() throws Exception {
        ErrorDetails details = ErrorDetails.builder()
                .method("POST")
                .path("/v1/instances")
                .statusCode(400)
                .addErrors(AuraError.builder().message("no").reason("Refused").build())
                .requestId("rid-1")
                .retryAfter(java.time.Duration.ofSeconds(7))
                .fallbackDescription("proxy page")
                .attempts(3)
                .build();
        AuraApiException failure = new AuraBadRequestException(details);

        assertThat(ErrorDetails.of(failure)).isSameAs(details);

        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(failure);
        }
        AuraApiException copy;
        try (java.io.ObjectInputStream in =
                new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (AuraApiException) in.readObject();
        }
        assertThat(copy.details()).isEmpty();
        assertThat(ErrorDetails.of(copy))
                .isEqualTo(ErrorDetails.builder()
                        .method("POST")
                        .path("/v1/instances")
                        .statusCode(400)
                        .requestId("rid-1")
                        .attempts(3)
                        .build());
    }
}
