package dev.aurasdk.imports;

import static dev.aurasdk.imports.ImportFixtures.INSTANCE;
import static dev.aurasdk.imports.ImportFixtures.MODEL;
import static dev.aurasdk.imports.ImportFixtures.ORG;
import static dev.aurasdk.imports.ImportFixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.testing.ScriptedAura;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed ids fail before any request: no API call and no token request reach the server. */
class BadIdsTest {
    private final ScriptedAura aura = new ScriptedAura();
    private final AuraClient client = aura.client();
    private final ImportJobs jobs = ImportFixtures.jobs(client);

    @AfterEach
    void close() {
        client.close();
        aura.close();
    }

    private static final String[] BAD_JOB_IDS = {
        null,
        "",
        "   ",
        "../../v1/instances",
        "..",
        "87d485b4-73fc-4a7f-bb03-720f4672947e/../x",
        "87d485b4/73fc",
        "not-a-uuid",
        "87d485b4-73fc-4a7f-bb03-720f4672947",
        "%2e%2e",
        "87d485b4 73fc",
        "87d485b4-73fc-4a7f-bb03-720f4672947e?progress=true",
        "87d485b4-73fc-4a7f-bb03-720f4672947e\n",
    };

    static Stream<Arguments> badJobIdCalls() {
        Stream.Builder<Arguments> args = Stream.builder();
        for (String id : BAD_JOB_IDS) {
            String shown = id == null ? "null" : "'" + id.replace("\n", "\\n") + "'";
            args.add(Arguments.of("get " + shown, (Consumer<ImportJobs>) j -> j.get(id)));
            args.add(Arguments.of("getWithProgress " + shown, (Consumer<ImportJobs>) j -> j.getWithProgress(id)));
            args.add(Arguments.of("cancel " + shown, (Consumer<ImportJobs>) j -> j.cancel(id)));
            args.add(Arguments.of("awaitCompletion " + shown, (Consumer<ImportJobs>) j -> j.awaitCompletion(id)));
            args.add(Arguments.of(
                    "awaitCompletionAsync " + shown, (Consumer<ImportJobs>) j -> j.awaitCompletionAsync(id)));
        }
        return args.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badJobIdCalls")
    void rejectsABadJobIdBeforeAnyRequest(String name, Consumer<ImportJobs> call) {
        assertThatThrownBy(() -> call.accept(jobs))
                .isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class)
                .hasMessageContaining("jobId");

        assertThat(aura.server.getRequestCount()).isZero();
    }

    @ParameterizedTest(name = "model id {0}")
    @MethodSource("badModelIds")
    void rejectsABadImportModelIdWhenTheRequestIsBuilt(String modelId) {
        assertThatThrownBy(() -> CreateImportJob.builder()
                        .importModelId(modelId)
                        .instanceId(INSTANCE)
                        .build())
                .isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class)
                .hasMessageContaining("importModelId");
        assertThat(aura.server.getRequestCount()).isZero();
    }

    static Stream<String> badModelIds() {
        return Stream.of(
                null,
                "",
                " ",
                "../models",
                "model-1",
                "e01cdc6d2f504f46b04b8ec8fc8de839",
                "e01cdc6d-2f50-4f46-b04b-8ec8fc8de839/..");
    }

    @ParameterizedTest(name = "instance id {0}")
    @MethodSource("badInstanceIds")
    void rejectsABadInstanceIdWhenTheRequestIsBuilt(String instanceId) {
        assertThatThrownBy(() -> CreateImportJob.builder()
                        .importModelId(MODEL)
                        .instanceId(instanceId)
                        .build())
                .isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class)
                .hasMessageContaining("instanceId");
        assertThat(aura.server.getRequestCount()).isZero();
    }

    static Stream<String> badInstanceIds() {
        return Stream.of(null, "", "  ", "../07e49cf5", "07e49cf5/pause", "a b", "..", "x".repeat(200));
    }

    @Test
    void rejectsBadOrganizationAndProjectIds() {
        assertThatThrownBy(() -> ProjectRef.of(null, PROJECT)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ProjectRef.of(" ", PROJECT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProjectRef.of("../orgs", PROJECT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("organizationId");
        assertThatThrownBy(() -> ProjectRef.of(ORG, "p/../../x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("projectId");
        assertThatThrownBy(() -> ImportJobs.create(client, null)).isInstanceOf(NullPointerException.class);
        assertThat(aura.server.getRequestCount()).isZero();
    }

    @Test
    void rejectsABulkImportWithoutAcknowledgementBeforeAnyRequest() {
        assertThatThrownBy(() -> jobs.create(CreateImportJob.builder()
                        .importModelId(MODEL)
                        .instanceId(INSTANCE)
                        .importType(ImportType.BULK)
                        .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overwrites ALL existing data");
        assertThatThrownBy(() -> ImportPipeline.builder(jobs)
                        .addStep(
                                "reload",
                                CreateImportJob.builder()
                                        .importModelId(MODEL)
                                        .instanceId(INSTANCE)
                                        .importType(ImportType.BULK)
                                        .build()))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(aura.server.getRequestCount()).isZero();
    }

    @Test
    void rejectsNullArgumentsBeforeAnyRequest() {
        assertThatThrownBy(() -> jobs.create(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> jobs.validate(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> jobs.awaitCompletion(ImportFixtures.JOB, null, ProgressListener.none()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> jobs.awaitCompletion(ImportFixtures.JOB, ImportAwaitOptions.defaults(), null))
                .isInstanceOf(NullPointerException.class);
        assertThat(aura.server.getRequestCount()).isZero();
    }
}
