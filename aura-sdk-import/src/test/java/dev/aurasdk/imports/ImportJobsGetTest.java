package dev.aurasdk.imports;

import static dev.aurasdk.core.testing.ScriptedAura.data;
import static dev.aurasdk.core.testing.ScriptedAura.json;
import static dev.aurasdk.imports.ImportFixtures.JOB;
import static dev.aurasdk.imports.ImportFixtures.JOBS_PATH;
import static dev.aurasdk.imports.ImportFixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraNotFoundException;
import dev.aurasdk.core.spi.Json;
import dev.aurasdk.core.testing.ScriptedAura;
import java.time.Instant;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImportJobsGetTest {
    private final ScriptedAura aura = new ScriptedAura();
    private final AuraClient client = aura.client();
    private final ImportJobs jobs = ImportFixtures.jobs(client);

    @AfterEach
    void close() {
        client.close();
        aura.close();
    }

    @Test
    void getAsksWithoutProgressAndGetWithProgressAsksWithIt() {
        aura.enqueue(json(200, ImportFixtures.SPEC_JOB_WITHOUT_PROGRESS));
        aura.enqueue(json(200, ImportFixtures.README_JOB_WITH_PROGRESS));

        jobs.get(JOB);
        jobs.getWithProgress(JOB);

        RecordedRequest plain = aura.apiRequests.get(0);
        RecordedRequest detailed = aura.apiRequests.get(1);
        assertThat(plain.getMethod()).isEqualTo("GET");
        assertThat(plain.getUrl().encodedPath()).isEqualTo(JOBS_PATH + "/" + JOB);
        assertThat(plain.getUrl().queryParameter("progress")).isEqualTo("false");
        assertThat(detailed.getUrl().encodedPath()).isEqualTo(JOBS_PATH + "/" + JOB);
        assertThat(detailed.getUrl().queryParameter("progress")).isEqualTo("true");
    }

    @Test
    void parsesTheDocumentedJobWithProgressDetails() {
        aura.enqueue(json(200, ImportFixtures.README_JOB_WITH_PROGRESS));

        ImportJob job = jobs.getWithProgress(JOB);

        assertThat(job.id()).isEqualTo(JOB);
        assertThat(job.importType()).contains(ImportType.CLOUD);
        assertThat(job.state()).contains(ImportJobState.COMPLETED);
        assertThat(job.exitState()).contains(ImportExitState.CANCELLED);
        assertThat(job.exitMessage()).contains("Cancelled");
        assertThat(job.info().startTime()).contains(Instant.parse("2025-08-15T13:12:51Z"));
        assertThat(job.info().completionTime()).contains(Instant.parse("2025-08-15T13:15:19Z"));
        assertThat(job.info().cancellationRequestedTime()).contains(Instant.parse("2025-08-15T13:15:19.655209Z"));
        assertThat(job.info().submittedTime()).contains(Instant.parse("2025-08-15T13:12:50.499797Z"));
        assertThat(job.info().lastUpdateTime()).contains(Instant.parse("2025-08-18T12:25:53.469873Z"));
        assertThat(job.percentComplete()).hasValue(95.23);
        assertThat(job.dataSource()).hasValueSatisfying(ds -> {
            assertThat(ds.id()).contains("177216b3-49b9-4e24-a414-a9ecbb448c53");
            assertThat(ds.type()).contains("postgresql");
            assertThat(ds.name()).contains("AWS_POSTGRES_FLIGHTS");
        });
        assertThat(job.auraTarget()).hasValueSatisfying(t -> {
            assertThat(t.dbId()).contains("07e49cf5");
            assertThat(t.projectId()).contains(PROJECT);
        });
        assertThat(job.userId()).contains(PROJECT);

        ImportProgress progress = job.progress().orElseThrow();
        NodeProgress node = progress.nodes().get(0);
        assertThat(node.id()).contains("n:1");
        assertThat(node.labels()).containsExactly("AircraftData");
        assertThat(node.totalRows()).hasValue(9);
        assertThat(node.processedRows()).hasValue(9);
        assertThat(node.createdNodes()).hasValue(9);
        assertThat(node.createdConstraints()).hasValue(1);
        assertThat(node.createdIndexes()).hasValue(0);
        RelationshipProgress rel = progress.relationships().get(0);
        assertThat(rel.id()).contains("r:8");
        assertThat(rel.type()).contains("TICKET_BELONGS_TO_BOOKING");
        assertThat(rel.totalRows()).hasValue(366733);
        assertThat(rel.processedRows()).hasValue(255000);
        assertThat(rel.createdRelationships()).hasValue(255000);
        assertThat(progress.nodesCreated()).isEqualTo(9);
        assertThat(progress.relationshipsCreated()).isEqualTo(255000);
    }

    @Test
    void sumsRowsOverNodeAndRelationshipMappings() {
        aura.enqueue(json(200, ImportFixtures.README_JOB_WITH_PROGRESS));

        ImportJob job = jobs.getWithProgress(JOB);

        assertThat(job.rowsProcessed()).isEqualTo(9 + 255000);
        assertThat(job.rowsTotal()).isEqualTo(9 + 366733);
    }

    @Test
    void decidesOutcomeByExitStatusNotByStateForACancelledJob() {
        aura.enqueue(json(200, ImportFixtures.SPEC_JOB_WITHOUT_PROGRESS));

        ImportJob job = jobs.get(JOB);

        assertThat(job.state()).contains(ImportJobState.COMPLETED);
        assertThat(job.isTerminal()).isTrue();
        assertThat(job.cancelled()).isTrue();
        assertThat(job.succeeded()).isFalse();
        assertThat(job.failed()).isFalse();
        assertThat(job.progress()).isEmpty();
        assertThat(job.rowsProcessed()).isZero();
        assertThat(job.rowsTotal()).isZero();
        assertThat(job.importType()).contains(ImportType.ONLINE);
    }

    @Test
    void keepsUnknownEnumValuesInsteadOfFailing() {
        aura.enqueue(data("{\"id\":\"" + JOB + "\",\"import_type\":\"incremental\",\"info\":{\"state\":\"Validating\","
                + "\"exit_status\":{\"state\":\"PartiallySucceeded\"}}}"));

        ImportJob job = jobs.get(JOB);

        assertThat(job.state()).hasValueSatisfying(s -> {
            assertThat(s.value()).isEqualTo("Validating");
            assertThat(s.isKnown()).isFalse();
        });
        assertThat(job.exitState()).hasValueSatisfying(s -> {
            assertThat(s.value()).isEqualTo("PartiallySucceeded");
            assertThat(s.isKnown()).isFalse();
        });
        assertThat(job.importType())
                .hasValueSatisfying(t -> assertThat(t.value()).isEqualTo("incremental"));
        assertThat(job.isTerminal()).isTrue();
        assertThat(job.succeeded()).isFalse();
        assertThat(ImportJobState.of("Running")).isSameAs(ImportJobState.RUNNING);
    }

    @Test
    void readsAQueuedJobThatHasAlmostNoFields() {
        aura.enqueue(data("{\"id\":\"" + JOB + "\",\"info\":{\"state\":\"Queued\"}}"));

        ImportJob job = jobs.get(JOB);

        assertThat(job.state()).contains(ImportJobState.QUEUED);
        assertThat(job.isTerminal()).isFalse();
        assertThat(job.exitState()).isEmpty();
        assertThat(job.percentComplete()).isEmpty();
        assertThat(job.info().startTime()).isEmpty();
        assertThat(job.dataSource()).isEmpty();
        assertThat(job.auraTarget()).isEmpty();
        assertThat(job.importType()).isEmpty();
        assertThat(job.summary()).isEqualTo("Queued");
    }

    @Test
    void readsAJobWithoutInfoAndWithNullFields() {
        aura.enqueue(data("{\"id\":\"" + JOB + "\",\"import_type\":null,\"user_id\":null,"
                + "\"info\":{\"state\":null,\"progress\":{\"nodes\":null,\"relationships\":[]}}}"));
        aura.enqueue(data("{\"id\":\"" + JOB + "\"}"));

        ImportJob withNulls = jobs.get(JOB);
        ImportJob bare = jobs.get(JOB);

        assertThat(withNulls.state()).isEmpty();
        assertThat(withNulls.progress())
                .hasValueSatisfying(p -> assertThat(p.nodes()).isEmpty());
        assertThat(bare.info()).isEqualTo(ImportJobInfo.builder().build());
        assertThat(bare.summary()).isEqualTo("unknown state");
    }

    @Test
    void writesAJobBackInAurasSnakeCaseShape() throws Exception {
        aura.enqueue(json(200, ImportFixtures.README_JOB_WITH_PROGRESS));
        ImportJob job = jobs.getWithProgress(JOB);

        String written = Json.mapper().writeValueAsString(job);
        JsonNode tree = Json.mapper().readTree(written);

        assertThat(tree.get("import_type").asText()).isEqualTo("cloud");
        assertThat(tree.get("info").get("exit_status").get("state").asText()).isEqualTo("Cancelled");
        assertThat(tree.get("aura_target").get("db_id").asText()).isEqualTo("07e49cf5");
        assertThat(tree.has("terminal")).isFalse();
        assertThat(Json.mapper().readValue(written, ImportJob.class)).isEqualTo(job);
    }

    @Test
    void summarisesProgressForLogs() {
        aura.enqueue(data(ImportFixtures.running(JOB, 42.5)));

        assertThat(jobs.getWithProgress(JOB).summary()).isEqualTo("Running 42.5% (425/1000 rows)");
    }

    @Test
    void surfacesAnUnknownJobAsNotFound() {
        aura.enqueue(json(
                404,
                "{\"errors\":[{\"message\":\"The job " + JOB + " does not exist\"," + "\"reason\":\"Requested\"}]}"));

        assertThatThrownBy(() -> jobs.get(JOB))
                .isInstanceOf(AuraNotFoundException.class)
                .hasMessageContaining("does not exist");
    }
}
