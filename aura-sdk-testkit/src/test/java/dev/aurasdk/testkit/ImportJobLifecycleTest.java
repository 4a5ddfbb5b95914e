package dev.aurasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ImportJobLifecycleTest {
    static final String JOBS = "/v2beta1/organizations/" + DemoWorld.ORGANIZATION_ID + "/projects/"
            + DemoWorld.PROJECT_ID + "/import/jobs";

    @RegisterExtension
    final FakeAuraExtension aura = new FakeAuraExtension();

    static String createBody(String modelId, String dbId) {
        return "{\"importModelId\":\"" + modelId + "\",\"auraCredentials\":{\"dbId\":\"" + dbId
                + "\",\"user\":\"\",\"password\":\"\"},\"importConfig\":{\"importType\":\"online\"}}";
    }

    static String create(RawFakeClient client, String modelId) {
        RawFakeClient.Response r = client.post(JOBS, createBody(modelId, DemoWorld.INSTANCE_ID));
        assertThat(r.status()).isEqualTo(201);
        return r.data().get("id").asText();
    }

    private static JsonNode info(RawFakeClient client, String jobId, boolean progress) {
        RawFakeClient.Response r = client.get(JOBS + "/" + jobId + "?progress=" + progress);
        assertThat(r.status()).isEqualTo(200);
        return r.data().get("info");
    }

    @Test
    void createAnswers201WithJobId(FakeAuraServer server) {
        RawFakeClient.Response r =
                new RawFakeClient(server).post(JOBS, createBody(DemoWorld.IMPORT_MODEL_ID, DemoWorld.INSTANCE_ID));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.data().get("id").asText()).matches("[0-9a-f-]{36}");
    }

    @Test
    void jobProgressesFromQueuedThroughRunningToSuccessAsTheClockAdvances(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);
        String id = create(client, DemoWorld.IMPORT_MODEL_ID);

        JsonNode queued = info(client, id, true);
        assertThat(queued.get("state").asText()).isEqualTo("Queued");
        assertThat(queued.get("percentage_complete").asDouble()).isZero();
        assertThat(queued.has("start_time")).isFalse();

        server.advance(Duration.ofSeconds(3));
        JsonNode running = info(client, id, true);
        assertThat(running.get("state").asText()).isEqualTo("Running");
        assertThat(running.get("percentage_complete").asDouble()).isEqualTo(30.0);
        assertThat(running.get("start_time").asText()).isNotBlank();
        JsonNode flight = running.get("progress").get("nodes").get(2);
        assertThat(flight.get("labels").get(0).asText()).isEqualTo("Flight");
        assertThat(flight.get("id").asText()).isEqualTo("n:2");
        assertThat(flight.get("total_rows").asLong()).isEqualTo(20_000);
        assertThat(flight.get("processed_rows").asLong()).isEqualTo(6_000);

        server.advance(Duration.ofSeconds(3));
        JsonNode later = info(client, id, true);
        assertThat(later.get("percentage_complete").asDouble()).isEqualTo(60.0);
        JsonNode rel = later.get("progress").get("relationships").get(0);
        assertThat(rel.get("id").asText()).isEqualTo("r:3");
        assertThat(rel.get("processed_rows").asLong()).isEqualTo(12_000);
        assertThat(rel.get("created_relationships").asLong()).isEqualTo(12_000);

        server.advance(Duration.ofSeconds(4));
        JsonNode done = info(client, id, true);
        assertThat(done.get("state").asText()).isEqualTo("Completed");
        assertThat(done.get("exit_status").get("state").asText()).isEqualTo("Success");
        assertThat(done.get("percentage_complete").asDouble()).isEqualTo(100.0);
        assertThat(done.get("completion_time").asText()).isEqualTo("2026-01-01T00:00:10Z");
        assertThat(done.get("progress")
                        .get("nodes")
                        .get(2)
                        .get("processed_rows")
                        .asLong())
                .isEqualTo(20_000);
    }

    @Test
    void progressDetailsOnlyWhenAskedFor(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);
        String id = create(client, DemoWorld.IMPORT_MODEL_ID);
        server.advance(Duration.ofSeconds(2));

        assertThat(info(client, id, false).has("progress")).isFalse();
        assertThat(info(client, id, true).has("progress")).isTrue();
        JsonNode job = client.get(JOBS + "/" + id).data();
        assertThat(job.get("info").has("progress")).isFalse();
        assertThat(job.get("import_type").asText()).isEqualTo("cloud");
        assertThat(job.get("aura_target").get("db_id").asText()).isEqualTo(DemoWorld.INSTANCE_ID);
        assertThat(job.get("aura_target").get("project_id").asText()).isEqualTo(DemoWorld.PROJECT_ID);
        assertThat(job.get("data_source").get("name").asText()).isEqualTo("AWS_POSTGRES_FLIGHTS");
    }

    @Test
    void jobOfFailingModelCompletesWithFailureAndMessage(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);
        String id = create(client, DemoWorld.FAILING_IMPORT_MODEL_ID);
        server.advance(Duration.ofSeconds(4));
        assertThat(info(client, id, false).get("state").asText()).isEqualTo("Running");

        server.advance(Duration.ofSeconds(1));
        JsonNode failed = info(client, id, false);

        assertThat(failed.get("state").asText()).isEqualTo("Completed");
        assertThat(failed.get("exit_status").get("state").asText()).isEqualTo("Failure");
        assertThat(failed.get("exit_status").get("message").asText()).contains("customer_id");
        assertThat(failed.get("percentage_complete").asDouble()).isEqualTo(50.0);
        server.advance(Duration.ofMinutes(5));
        assertThat(info(client, id, false).get("exit_status").get("state").asText())
                .isEqualTo("Failure");
    }

    @Test
    void cancelledJobCompletesAsCancelledAndSecondCancelIs400(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);
        String id = create(client, DemoWorld.IMPORT_MODEL_ID);
        server.advance(Duration.ofSeconds(2));

        RawFakeClient.Response cancel = client.post(JOBS + "/" + id + "/cancellation", null);
        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.data().get("id").asText()).isEqualTo(id);

        JsonNode info = info(client, id, false);
        assertThat(info.get("state").asText()).isEqualTo("Completed");
        assertThat(info.get("exit_status").get("state").asText()).isEqualTo("Cancelled");
        assertThat(info.get("cancellation_requested_time").asText()).isEqualTo("2026-01-01T00:00:02Z");
        assertThat(info.get("percentage_complete").asDouble()).isEqualTo(20.0);

        RawFakeClient.Response again = client.post(JOBS + "/" + id + "/cancellation", null);
        assertThat(again.status()).isEqualTo(400);
        JsonNode error = again.json().get("errors").get(0);
        assertThat(error.get("message").asText()).isEqualTo("The job " + id + " has requested to cancel");
        assertThat(error.get("reason").asText()).isEqualTo("Requested");
        server.advance(Duration.ofMinutes(1));
        assertThat(info(client, id, false).get("exit_status").get("state").asText())
                .isEqualTo("Cancelled");
    }

    @Test
    void createWithoutImportModelIdIs400RequiredWithPascalCaseField(FakeAuraServer server) {
        RawFakeClient.Response r =
                new RawFakeClient(server).post(JOBS, "{\"auraCredentials\":{\"dbId\":\"2f49c2b3\"}}");

        assertThat(r.status()).isEqualTo(400);
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("reason").asText()).isEqualTo("Required");
        assertThat(error.get("field").asText()).isEqualTo("ImportModelId");
    }

    @Test
    void createWithUnknownModelOrInstanceIs404(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);

        RawFakeClient.Response model =
                client.post(JOBS, createBody("00000000-0000-0000-0000-000000000000", DemoWorld.INSTANCE_ID));
        RawFakeClient.Response instance = client.post(JOBS, createBody(DemoWorld.IMPORT_MODEL_ID, "deadbeef"));
        RawFakeClient.Response otherProject =
                client.post(JOBS, createBody(DemoWorld.IMPORT_MODEL_ID, DemoWorld.STAGING_INSTANCE_ID));

        assertThat(model.status()).isEqualTo(404);
        assertThat(model.json().get("errors").get(0).get("reason").asText()).isEqualTo("import-model-not-found");
        assertThat(instance.status()).isEqualTo(404);
        assertThat(instance.json().get("errors").get(0).get("reason").asText()).isEqualTo("db-not-found");
        assertThat(otherProject.status()).isEqualTo(404);
    }

    @Test
    void unknownJobIs404WithAuraMessage(FakeAuraServer server) {
        RawFakeClient.Response r = new RawFakeClient(server).get(JOBS + "/nope?progress=false");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("errors").get(0).get("message").asText()).isEqualTo("The job nope does not exist");
        assertThat(r.json().get("errors").get(0).get("reason").asText()).isEqualTo("Requested");
    }

    @Test
    void autoModeCompletesAJobWithinFivePollsWithoutMovingTheClock() {
        try (FakeAuraServer server =
                FakeAuraServer.builder().stepMode(StepMode.AUTO).build().start()) {
            RawFakeClient client = new RawFakeClient(server);
            String id = create(client, DemoWorld.IMPORT_MODEL_ID);
            java.util.List<String> states = new java.util.ArrayList<>();
            java.util.List<Double> percentages = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                JsonNode info = info(client, id, false);
                states.add(info.get("state").asText());
                percentages.add(info.get("percentage_complete").asDouble());
            }

            assertThat(states).containsExactly("Queued", "Running", "Running", "Running", "Completed");
            assertThat(percentages).isSorted();
            assertThat(server.clock().instant()).isEqualTo(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        }
    }

    @Test
    void jobsAreScopedToTheirProject(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);
        String id = create(client, DemoWorld.IMPORT_MODEL_ID);
        String staging = "/v2beta1/organizations/" + DemoWorld.ORGANIZATION_ID + "/projects/"
                + DemoWorld.STAGING_PROJECT_ID + "/import/jobs/" + id;

        assertThat(client.get(staging).status()).isEqualTo(404);
        assertThat(client.get("/v2beta1/organizations/" + DemoWorld.ORGANIZATION_ID + "/projects/nope/import/jobs/"
                                + id)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aProgressCurveReplacesTheStraightLineWithoutMovingCompletion(FakeAuraServer server) {
        // stalls at 20 % from tick 2 to tick 5, then reports 0.9 (and a value above 1, clamped) before the end
        server.seed()
                .importModel(FakeImportModel.of("curve-model")
                        .durationTicks(7)
                        .progressCurve((tick, total) -> tick < 2 ? 0.1 : tick < 6 ? 0.2 : tick < 7 ? 0.9 : 1.5));
        RawFakeClient client = new RawFakeClient(server);
        String id = create(client, "curve-model");

        server.advance(Duration.ofSeconds(1));
        assertThat(info(client, id, false).get("percentage_complete").asDouble())
                .isEqualTo(10.0);
        server.advance(Duration.ofSeconds(4));
        JsonNode stalled = info(client, id, false);
        assertThat(stalled.get("state").asText()).isEqualTo("Running");
        assertThat(stalled.get("percentage_complete").asDouble()).isEqualTo(20.0);
        server.advance(Duration.ofSeconds(1));
        assertThat(info(client, id, false).get("percentage_complete").asDouble())
                .isEqualTo(90.0);
        server.advance(Duration.ofSeconds(1));
        JsonNode last = info(client, id, false);
        assertThat(last.get("state").asText()).isEqualTo("Running");
        assertThat(last.get("percentage_complete").asDouble()).isEqualTo(99.99);
        server.advance(Duration.ofSeconds(1));
        JsonNode done = info(client, id, false);
        assertThat(done.get("state").asText()).isEqualTo("Completed");
        assertThat(done.get("percentage_complete").asDouble()).isEqualTo(100.0);
    }
}
