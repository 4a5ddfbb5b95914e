package dev.aurasdk.imports;

import static dev.aurasdk.core.testing.ScriptedAura.json;
import static dev.aurasdk.imports.ImportFixtures.INSTANCE;
import static dev.aurasdk.imports.ImportFixtures.MODEL;
import static dev.aurasdk.imports.ImportFixtures.PASSWORD;
import static dev.aurasdk.imports.JobScripts.failedFrame;
import static dev.aurasdk.imports.JobScripts.runningFrame;
import static dev.aurasdk.imports.JobScripts.sequence;
import static dev.aurasdk.imports.JobScripts.succeededFrame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.testing.CapturedLogs;
import dev.aurasdk.core.testing.ScriptedAura;
import dev.aurasdk.core.wait.WaitOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** The instance password is sent to Aura and nowhere else: not in toString, logs or exception messages. */
class ImportSecretsTest {
    private final ScriptedAura aura = new ScriptedAura();
    private final AuraClient client = aura.client();
    private final ImportJobs jobs = ImportFixtures.jobs(client);
    private final CreateImportJob withPassword = CreateImportJob.builder()
            .importModelId(MODEL)
            .instanceId(INSTANCE)
            .instanceUser("neo4j")
            .instancePassword(PASSWORD)
            .build();

    @BeforeEach
    void clearLogs() {
        CapturedLogs.clear();
    }

    @AfterEach
    void close() {
        client.close();
        aura.close();
    }

    private static String stackTrace(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        return sw.toString();
    }

    @Test
    void passwordReachesAuraButNoLogNoToStringAndNoExceptionMessage() {
        JobScripts scripts = JobScripts.install(aura);
        scripts.nextJob(sequence(runningFrame(10), succeededFrame()))
                .nextCreateAnswers(json(
                        400,
                        "{\"errors\":[{\"message\":\"Invalid credentials for the database\","
                                + "\"reason\":\"Invalid\",\"field\":\"AuraCredentials\"}]}"))
                .nextCreateAnswers(json(503, "{\"error\":\"unavailable\"}"))
                .nextJob(sequence(failedFrame("authentication failure")));
        List<Throwable> errors = new ArrayList<>();

        CreatedImportJob created = jobs.create(withPassword);
        ImportJob done = jobs.awaitCompletion(created.id());
        errors.add(catchThrowable(() -> jobs.create(withPassword)));
        errors.add(catchThrowable(() -> jobs.create(withPassword)));
        String failingId = jobs.create(withPassword).id();
        errors.add(catchThrowable(() -> jobs.awaitCompletion(failingId)));
        PipelineReport report = ImportPipeline.builder(jobs)
                .addStep("free", withPassword)
                .maxAttempts(1)
                .awaitOptions(ImportAwaitOptions.builder()
                        .waitOptions(WaitOptions.builder()
                                .timeout(Duration.ofMinutes(1))
                                .build())
                        .build())
                .build()
                .run();

        assertThat(scripts.createdBodies).allMatch(b -> b.contains(PASSWORD));
        assertThat(errors).hasSize(3).doesNotContainNull();
        for (Throwable e : errors) {
            assertThat(stackTrace(e)).doesNotContain(PASSWORD);
        }
        assertThat(CapturedLogs.allText()).isNotEmpty().doesNotContain(PASSWORD);
        assertThat(List.of(
                        withPassword.toString(),
                        created.toString(),
                        done.toString(),
                        report.toString(),
                        report.describe()))
                .noneMatch(s -> s.contains(PASSWORD));
    }

    @Test
    void importLoggerWritesOnlyDebugLinesWithoutBodies() {
        aura.enqueue(json(201, "{\"data\":{\"id\":\"" + ImportFixtures.JOB + "\"}}"));

        jobs.create(withPassword);

        List<CapturedLogs.Event> events = CapturedLogs.events("dev.aurasdk.imports");
        assertThat(events).isNotEmpty().allMatch(e -> e.level() == Level.DEBUG);
        assertThat(events)
                .noneMatch(e ->
                        e.message().contains("importModelId") || e.message().contains("{\""));
        assertThat(events).anyMatch(e -> e.message().contains("created import job " + ImportFixtures.JOB));
    }
}
