package dev.aurasdk.imports;

import static dev.aurasdk.core.testing.ScriptedAura.json;
import static dev.aurasdk.imports.ImportFixtures.JOB;
import static dev.aurasdk.imports.ImportFixtures.JOBS_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aurasdk.core.AuraBadRequestException;
import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraError;
import dev.aurasdk.core.AuraNotFoundException;
import dev.aurasdk.core.ErrorDetails;
import dev.aurasdk.core.testing.ScriptedAura;
import java.time.Duration;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImportJobsCancelTest {
    private final ScriptedAura aura = new ScriptedAura();
    private final AuraClient client = aura.client();
    private final ImportJobs jobs = ImportFixtures.jobs(client);

    @AfterEach
    void close() {
        client.close();
        aura.close();
    }

    @Test
    void postsToTheCancellationPathWithoutBody() {
        aura.enqueue(json(200, "{\"data\":{\"id\":\"" + JOB + "\"}}"));

        jobs.cancel(JOB);

        RecordedRequest request = aura.apiRequests.get(0);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo(JOBS_PATH + "/" + JOB + "/cancellation");
        assertThat(request.getBodySize()).isZero();
    }

    @Test
    void cancellingTwiceThrowsTheTypedAlreadyCancelledException() {
        JobScripts scripts = JobScripts.install(aura).defaultPlan(JobScripts.sequence(JobScripts.runningFrame(5)));
        String id = jobs.create(ImportFixtures.request()).id();
        jobs.cancel(id);

        assertThatThrownBy(() -> jobs.cancel(id))
                .isInstanceOfSatisfying(ImportJobAlreadyCancelledException.class, e -> {
                    assertThat(e.jobId()).isEqualTo(id);
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.reason()).contains("Requested");
                    assertThat(e.requestId()).isPresent();
                    assertThat(e.getMessage())
                            .contains("already asked to cancel")
                            .contains("has requested to cancel");
                    assertThat(e.getCause()).isInstanceOf(AuraBadRequestException.class);
                })
                .isInstanceOf(AuraBadRequestException.class);
        assertThat(jobs.get(id).cancelled()).isTrue();
        assertThat(scripts.createdIds).containsExactly(id);
    }

    @Test
    void cancellingAFinishedJobKeepsThePlainBadRequest() {
        aura.enqueue(json(
                400,
                "{\"errors\":[{\"message\":\"The job " + JOB + " has already completed\","
                        + "\"reason\":\"Requested\"}]}"));

        assertThatThrownBy(() -> jobs.cancel(JOB))
                .isInstanceOf(AuraBadRequestException.class)
                .isNotInstanceOf(ImportJobAlreadyCancelledException.class)
                .hasMessageContaining("already completed");
    }

    @Test
    void cancellingAnUnknownJobIsNotFound() {
        aura.enqueue(json(
                404,
                "{\"errors\":[{\"message\":\"The job " + JOB + " does not exist\"," + "\"reason\":\"Requested\"}]}"));

        assertThatThrownBy(() -> jobs.cancel(JOB)).isInstanceOf(AuraNotFoundException.class);
    }

    @Test
    void aCancelThatGot503IsNotResent() {
        aura.enqueue(json(503, "{\"error\":\"unavailable\"}"));

        assertThatThrownBy(() -> jobs.cancel(JOB)).isInstanceOf(dev.aurasdk.core.AuraServerException.class);
        assertThat(aura.apiRequests).hasSize(1);
    }

    @Test
    void theAlreadyCancelledExceptionKeepsEverythingTheRefusalCarried() {
        ErrorDetails refused = ErrorDetails.builder()
                .method("POST")
                .path(JOBS_PATH + "/" + JOB + "/cancellation")
                .statusCode(400)
                .addErrors(AuraError.builder()
                        .message("has requested to cancel")
                        .reason("Requested")
                        .build())
                .requestId("rid-cancel")
                .retryAfter(Duration.ofSeconds(5))
                .attempts(2)
                .build();

        ImportJobAlreadyCancelledException e =
                new ImportJobAlreadyCancelledException(JOB, new AuraBadRequestException(refused));

        assertThat(e.details()).contains(refused);
        assertThat(e.getMessage()).contains("[retry after 5000 ms]").contains("[request id rid-cancel]");
    }
}
