package dev.aurasdk.imports;

import static dev.aurasdk.imports.ImportFixtures.INSTANCE;
import static dev.aurasdk.imports.ImportFixtures.MODEL;
import static dev.aurasdk.imports.ImportFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CreateImportJobTest {

    @Test
    void defaultsToAnOnlineImportWithoutCredentials() {
        CreateImportJob request = CreateImportJob.builder()
                .importModelId(MODEL)
                .instanceId(INSTANCE)
                .build();

        assertThat(request.importType()).isEqualTo(ImportType.ONLINE);
        assertThat(request.acknowledgeOverwrite()).isFalse();
        assertThat(request.overwritesAllData()).isFalse();
        assertThat(request.instanceUser()).isEmpty();
        assertThat(request.instancePassword()).isEmpty();
    }

    @Test
    void rejectsBulkImportWithoutOverwriteAcknowledgementWhenBuilt() {
        assertThatThrownBy(() -> CreateImportJob.builder()
                        .importModelId(MODEL)
                        .instanceId(INSTANCE)
                        .importType(ImportType.BULK)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overwrites ALL existing data")
                .hasMessageContaining("acknowledgeOverwrite(true)");
    }

    @Test
    void acceptsBulkImportWithExplicitOverwriteAcknowledgement() {
        CreateImportJob bulk = CreateImportJob.builder()
                .importModelId(MODEL)
                .instanceId(INSTANCE)
                .importType(ImportType.BULK)
                .acknowledgeOverwrite(true)
                .build();

        assertThat(bulk.overwritesAllData()).isTrue();
    }

    @Test
    void requiresAcknowledgementForUnknownImportTypesToo() {
        assertThatThrownBy(() -> CreateImportJob.builder()
                        .importModelId(MODEL)
                        .instanceId(INSTANCE)
                        .importType(ImportType.of("replace-everything"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("acknowledgeOverwrite(true)");
    }

    @Test
    void rejectsOverwriteAcknowledgementOnAnOnlineImport() {
        assertThatThrownBy(() -> CreateImportJob.builder()
                        .importModelId(MODEL)
                        .instanceId(INSTANCE)
                        .acknowledgeOverwrite(true)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bulk imports only");
    }

    @Test
    void rejectsAPasswordWithoutUserAndAUserWithoutPassword() {
        assertThatThrownBy(() -> CreateImportJob.builder()
                        .importModelId(MODEL)
                        .instanceId(INSTANCE)
                        .instancePassword(PASSWORD)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("go together")
                .hasMessageNotContaining(PASSWORD);
        assertThatThrownBy(() -> CreateImportJob.builder()
                        .importModelId(MODEL)
                        .instanceId(INSTANCE)
                        .instanceUser("neo4j")
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsBlankCredentialsInsteadOfSendingEmptyStrings() {
        assertThatThrownBy(() -> CreateImportJob.builder()
                        .importModelId(MODEL)
                        .instanceId(INSTANCE)
                        .instanceUser("")
                        .instancePassword(PASSWORD)
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CreateImportJob.builder()
                        .importModelId(MODEL)
                        .instanceId(INSTANCE)
                        .instanceUser("neo4j")
                        .instancePassword(" ")
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAnImportModelIdThatIsNotAUuid() {
        assertThatThrownBy(() -> CreateImportJob.builder()
                        .importModelId("my-model")
                        .instanceId(INSTANCE)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("importModelId must be a UUID");
    }

    @Test
    void rejectsMissingFieldsWhenBuilt() {
        assertThatThrownBy(() -> CreateImportJob.builder().instanceId(INSTANCE).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("importModelId");
        assertThatThrownBy(() -> CreateImportJob.builder().importModelId(null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void neverPrintsThePassword() {
        CreateImportJob request = CreateImportJob.builder()
                .importModelId(MODEL)
                .instanceId(INSTANCE)
                .instanceUser("neo4j")
                .instancePassword(PASSWORD)
                .build();

        assertThat(request.toString()).doesNotContain(PASSWORD).contains("****").contains("neo4j");
        assertThat(ImportStep.of("free", request).toString()).doesNotContain(PASSWORD);
        assertThat(request.instancePassword()).contains(PASSWORD);
    }

    @Test
    void bulkStepFactoryAcknowledgesTheOverwriteByItsName() {
        ImportStep step = ImportStep.bulkOverwritingAllData("reload", MODEL, INSTANCE);

        assertThat(step.request().importType()).isEqualTo(ImportType.BULK);
        assertThat(step.request().acknowledgeOverwrite()).isTrue();
        assertThat(step.overwritesAllData()).isTrue();
        assertThat(ImportStep.online("sync", MODEL, INSTANCE).overwritesAllData())
                .isFalse();
    }
}
