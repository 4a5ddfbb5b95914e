package dev.aurasdk.imports;

import static dev.aurasdk.core.testing.ScriptedAura.json;
import static dev.aurasdk.imports.ImportFixtures.INSTANCE;
import static dev.aurasdk.imports.ImportFixtures.JOB;
import static dev.aurasdk.imports.ImportFixtures.JOBS_PATH;
import static dev.aurasdk.imports.ImportFixtures.MODEL;
import static dev.aurasdk.imports.ImportFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurasdk.core.AuraBadRequestException;
import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraDecodingException;
import dev.aurasdk.core.AuraServerException;
import dev.aurasdk.core.spi.Json;
import dev.aurasdk.core.testing.ScriptedAura;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImportJobsCreateTest {
    private final ScriptedAura aura = new ScriptedAura();
    private final AuraClient client = aura.client();
    private final ImportJobs jobs = ImportFixtures.jobs(client);

    @AfterEach
    void close() {
        client.close();
        aura.close();
    }

    private static String created(String id) {
        return "{\"data\":{\"id\":\"" + id + "\"}}";
    }

    @Test
    void sendsTheCamelCaseBodyWithoutCredentialKeysWhenNoneAreGiven() throws Exception {
        aura.enqueue(json(201, created(JOB)));

        jobs.create(ImportFixtures.request());

        RecordedRequest request = aura.apiRequests.get(0);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo(JOBS_PATH);
        assertThat(request.getUrl().encodedQuery()).isNull();
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(request.getBody().utf8())
                .isEqualTo("{\"importModelId\":\"" + MODEL + "\","
                        + "\"auraCredentials\":{\"dbId\":\"" + INSTANCE + "\"},"
                        + "\"importConfig\":{\"importType\":\"online\"}}");
    }

    @Test
    void sendsUserAndPasswordOnlyWhenGiven() throws Exception {
        aura.enqueue(json(201, created(JOB)));

        jobs.create(CreateImportJob.builder()
                .importModelId(MODEL)
                .instanceId(INSTANCE)
                .instanceUser("neo4j")
                .instancePassword(PASSWORD)
                .build());

        JsonNode body = Json.mapper().readTree(aura.apiRequests.get(0).getBody().utf8());
        assertThat(body.get("auraCredentials").get("dbId").asText()).isEqualTo(INSTANCE);
        assertThat(body.get("auraCredentials").get("user").asText()).isEqualTo("neo4j");
        assertThat(body.get("auraCredentials").get("password").asText()).isEqualTo(PASSWORD);
        assertThat(body.has("import_model_id")).isFalse();
    }

    @Test
    void sendsBulkImportTypeOnlyWhenAcknowledged() throws Exception {
        aura.enqueue(json(201, created(JOB)));

        jobs.create(CreateImportJob.builder()
                .importModelId(MODEL)
                .instanceId(INSTANCE)
                .importType(ImportType.BULK)
                .acknowledgeOverwrite(true)
                .build());

        JsonNode body = Json.mapper().readTree(aura.apiRequests.get(0).getBody().utf8());
        assertThat(body.get("importConfig").get("importType").asText()).isEqualTo("bulk");
        assertThat(body.has("acknowledgeOverwrite")).isFalse();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {200, 201})
    void acceptsBothTheDocumented200AndTheLive201(int status) {
        aura.enqueue(json(status, created(JOB)));

        CreatedImportJob job = jobs.create(ImportFixtures.request());

        assertThat(job.id()).isEqualTo(JOB);
        assertThat(job.statusCode()).isEqualTo(status);
        assertThat(job.importModelId()).isEqualTo(MODEL);
        assertThat(job.instanceId()).isEqualTo(INSTANCE);
        assertThat(job.importType()).isEqualTo(ImportType.ONLINE);
        assertThat(job.requestId()).isPresent();
    }

    @Test
    void neverResendsACreateThatGot503() {
        aura.enqueue(json(503, "{\"errors\":[{\"message\":\"unavailable\",\"reason\":\"server-err\"}]}"));
        aura.enqueue(json(201, created(JOB)));

        assertThatThrownBy(() -> jobs.create(ImportFixtures.request())).isInstanceOf(AuraServerException.class);

        assertThat(aura.apiRequests).hasSize(1);
        assertThat(aura.sleeper.sleeps()).isEmpty();
    }

    @Test
    void neverResendsACreateAfterTheConnectionDropped() {
        aura.enqueue(new mockwebserver3.MockResponse.Builder()
                .onResponseStart(mockwebserver3.SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        aura.enqueue(json(201, created(JOB)));

        assertThatThrownBy(() -> jobs.create(ImportFixtures.request()))
                .isInstanceOf(dev.aurasdk.core.AuraException.class)
                .hasMessageContaining("not resent");

        assertThat(aura.apiRequests).hasSize(1);
    }

    @Test
    void retriesACreateAnswered429BecauseItWasNotProcessed() {
        aura.enqueue(new mockwebserver3.MockResponse.Builder(json(429, "{\"error\":\"Too many requests\"}"))
                .addHeader("Retry-After", "3")
                .build());
        aura.enqueue(json(201, created(JOB)));

        assertThat(jobs.create(ImportFixtures.request()).id()).isEqualTo(JOB);

        assertThat(aura.apiRequests).hasSize(2);
        assertThat(aura.sleeper.sleeps()).containsExactly(java.time.Duration.ofSeconds(3));
    }

    @Test
    void surfacesAurasValidationErrorAsBadRequestWithField() {
        aura.enqueue(json(
                400,
                "{\"errors\":[{\"message\":\"Import model data source id is required\","
                        + "\"reason\":\"Required\",\"field\":\"DataSourceId\"}]}"));

        assertThatThrownBy(() -> jobs.create(ImportFixtures.request()))
                .isInstanceOfSatisfying(AuraBadRequestException.class, e -> {
                    assertThat(e.reason()).contains("Required");
                    assertThat(e.errors().get(0).field()).contains("DataSourceId");
                    assertThat(e.getMessage()).contains("Import model data source id is required");
                });
        assertThat(aura.apiRequests).hasSize(1);
    }

    @Test
    void failsClearlyWhenTheCreateResponseHasNoId() {
        aura.enqueue(json(201, "{\"data\":{}}"));

        assertThatThrownBy(() -> jobs.create(ImportFixtures.request()))
                .isInstanceOf(AuraDecodingException.class)
                .hasMessageContaining("no job 'id'");
    }
}
