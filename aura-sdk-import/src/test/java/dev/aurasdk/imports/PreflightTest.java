package dev.aurasdk.imports;

import static dev.aurasdk.core.testing.ScriptedAura.data;
import static dev.aurasdk.core.testing.ScriptedAura.json;
import static dev.aurasdk.imports.ImportFixtures.INSTANCE;
import static dev.aurasdk.imports.ImportFixtures.MODEL;
import static dev.aurasdk.imports.ImportFixtures.PASSWORD;
import static dev.aurasdk.imports.ImportFixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.testing.ScriptedAura;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PreflightTest {
    private final ScriptedAura aura = new ScriptedAura();
    private final AuraClient client = aura.client();
    private final ImportJobs jobs = ImportFixtures.jobs(client);

    @AfterEach
    void close() {
        client.close();
        aura.close();
    }

    private static Map<String, PreflightStatus> statuses(PreflightReport report) {
        return report.checks().stream().collect(Collectors.toMap(PreflightCheck::name, PreflightCheck::status));
    }

    @Test
    void passesForARunningInstanceOfTheProjectWithoutCreatingAnything() {
        aura.enqueue(data(ImportFixtures.instance(INSTANCE, "running", PROJECT, "enterprise-db")));

        PreflightReport report = jobs.validate(ImportFixtures.request());

        assertThat(report.ok()).isTrue();
        assertThat(report.failures()).isEmpty();
        assertThat(statuses(report))
                .containsEntry("ids", PreflightStatus.PASSED)
                .containsEntry("instance exists", PreflightStatus.PASSED)
                .containsEntry("instance running", PreflightStatus.PASSED)
                .containsEntry("instance in project", PreflightStatus.PASSED)
                .containsEntry("instance credentials", PreflightStatus.PASSED)
                .containsEntry("import type", PreflightStatus.PASSED)
                .containsEntry("import model", PreflightStatus.SKIPPED);
        assertThat(aura.apiRequests).singleElement().satisfies(r -> {
            assertThat(r.getMethod()).isEqualTo("GET");
            assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/instances/" + INSTANCE);
        });
    }

    @Test
    void failsWhenTheInstanceDoesNotExist() {
        aura.enqueue(json(
                404,
                "{\"errors\":[{\"message\":\"DB not found: " + INSTANCE + "\"," + "\"reason\":\"db-not-found\"}]}"));

        PreflightReport report = jobs.validate(ImportFixtures.request());

        assertThat(report.ok()).isFalse();
        assertThat(statuses(report))
                .containsEntry("instance exists", PreflightStatus.FAILED)
                .containsEntry("instance running", PreflightStatus.SKIPPED);
        assertThat(report.failures())
                .singleElement()
                .satisfies(c -> assertThat(c.detail()).contains("not found").contains("db-not-found"));
        assertThat(aura.apiRequests).hasSize(1);
    }

    @Test
    void failsWhenTheInstanceIsPausedOrInAnotherProject() {
        aura.enqueue(data(
                ImportFixtures.instance(INSTANCE, "paused", "0c3e1a2b-0000-4000-8000-000000000099", "enterprise-db")));

        PreflightReport report = jobs.validate(ImportFixtures.request());

        assertThat(report.ok()).isFalse();
        assertThat(statuses(report))
                .containsEntry("instance running", PreflightStatus.FAILED)
                .containsEntry("instance in project", PreflightStatus.FAILED);
        assertThat(report.describe()).contains("[FAILED] instance running: instance " + INSTANCE + " is paused");
    }

    @Test
    void reportsAServerErrorAsAFailedCheckInsteadOfThrowing() {
        aura.defaultApi(json(500, "{\"errors\":[{\"message\":\"boom\",\"reason\":\"server-err\"}]}"));

        PreflightReport report = jobs.validate(ImportFixtures.request());

        assertThat(report.ok()).isFalse();
        assertThat(report.failures())
                .singleElement()
                .satisfies(c -> assertThat(c.detail()).contains("AuraServerException"));
    }

    @Test
    void warnsAboutBulkOverwriteAndFreeInstancesWithoutCredentials() {
        aura.enqueue(data(ImportFixtures.instance(INSTANCE, "running", PROJECT, "free-db")));

        PreflightReport report = jobs.validate(CreateImportJob.builder()
                .importModelId(MODEL)
                .instanceId(INSTANCE)
                .importType(ImportType.BULK)
                .acknowledgeOverwrite(true)
                .build());

        assertThat(report.ok()).isTrue();
        assertThat(report.warnings())
                .extracting(PreflightCheck::name)
                .containsExactly("instance credentials", "import type");
        assertThat(report.describe()).contains("OVERWRITE ALL DATA");
    }

    @Test
    void neverShowsThePasswordInTheReport() {
        aura.enqueue(data(ImportFixtures.instance(INSTANCE, "running", PROJECT, "free-db")));

        PreflightReport report = jobs.validate(CreateImportJob.builder()
                .importModelId(MODEL)
                .instanceId(INSTANCE)
                .instanceUser("neo4j")
                .instancePassword(PASSWORD)
                .build());

        assertThat(statuses(report)).containsEntry("instance credentials", PreflightStatus.PASSED);
        assertThat(report.toString()).doesNotContain(PASSWORD);
        assertThat(report.describe()).doesNotContain(PASSWORD);
    }
}
