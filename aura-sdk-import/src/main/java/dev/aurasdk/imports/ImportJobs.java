package dev.aurasdk.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurasdk.core.AuraBadRequestException;
import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraDecodingException;
import dev.aurasdk.core.AuraException;
import dev.aurasdk.core.http.ApiRequest;
import dev.aurasdk.core.http.ApiResponse;
import dev.aurasdk.core.http.ApiVersion;
import dev.aurasdk.core.spi.Futures;
import dev.aurasdk.core.spi.Ids;
import dev.aurasdk.core.wait.Wait;
import dev.aurasdk.imports.internal.CreateImportJobBody;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Import jobs of one Aura project (API {@code v2beta1}): create, read with progress, cancel, await,
 * and a dry-run {@link #validate(CreateImportJob)}. Thread-safe; shares the transport, token cache,
 * rate limit and scheduler of the {@link AuraClient} it was built from.
 *
 * <pre>{@code
 * ImportJobs jobs = ImportJobs.create(aura, ProjectRef.of(orgId, projectId));
 * CreatedImportJob job = jobs.create(CreateImportJob.builder()
 *         .importModelId(modelId).instanceId(instanceId).build());
 * ImportJob done = jobs.awaitCompletion(job.id(), p -> log.info("import: {}", p.summary()));
 * log.info("imported {} rows", done.rowsProcessed());
 * }</pre>
 *
 * <p>Ids are validated before any request: job and import model ids must be UUIDs. Every method throws
 * the SDK's unchecked exceptions ({@code AuraNotFoundException}, {@code AuraBadRequestException}, …).
 * A create is a POST: it is never resent once it may have reached Aura (a resent create would start a
 * second import).
 */
public final class ImportJobs {
    private static final Logger LOG = LoggerFactory.getLogger("dev.aurasdk.imports");

    private final AuraClient aura;
    private final ProjectRef project;

    private ImportJobs(AuraClient aura, ProjectRef project) {
        this.aura = Objects.requireNonNull(aura, "aura");
        this.project = Objects.requireNonNull(project, "project");
    }

    /**
     * The import jobs of a project.
     *
     * @param aura the client (owns transport, tokens, scheduler)
     * @param project the organization and project
     * @return the import-jobs client
     */
    public static ImportJobs create(AuraClient aura, ProjectRef project) {
        return new ImportJobs(aura, project);
    }

    /**
     * The import jobs of the project named by {@code AURA_ORGANIZATION_ID} / {@code AURA_PROJECT_ID}.
     *
     * @param aura the client
     * @return the import-jobs client
     * @throws IllegalStateException when a variable is missing
     * @see ProjectRef#fromEnvironment()
     */
    public static ImportJobs fromEnvironment(AuraClient aura) {
        return new ImportJobs(aura, ProjectRef.fromEnvironment());
    }

    /** The project these jobs belong to. @return the project */
    public ProjectRef project() {
        return project;
    }

    /** The client these jobs use. @return the client */
    public AuraClient client() {
        return aura;
    }

    /**
     * Starts an import job ({@code POST …/import/jobs}). Aura answers 201 (its spec says 200; both are
     * accepted). Not resent once it may have reached Aura: after a network failure or a 5xx, check
     * whether the job exists before trying again.
     *
     * @param request the validated request
     * @return the new job's id, with the request's essentials
     * @throws AuraBadRequestException when Aura refuses the request (unknown model, missing field, …)
     */
    public CreatedImportJob create(CreateImportJob request) {
        ApiRequest req = createRequest(request);
        return created(request, req, aura.http().send(req, JsonNode.class));
    }

    /**
     * As {@link #create(CreateImportJob)}, without blocking (the same single POST, never resent once it
     * may have reached Aura). Cancelling the returned future abandons waiting for the answer, not the
     * POST if it was sent.
     *
     * @param request the validated request
     * @return completes with the new job, or exceptionally as the sync form throws
     */
    public CompletableFuture<CreatedImportJob> createAsync(CreateImportJob request) {
        ApiRequest req = createRequest(request);
        return Futures.mapAbandoning(aura.http().sendAsync(req, JsonNode.class), r -> created(request, req, r));
    }

    private ApiRequest createRequest(CreateImportJob request) {
        Objects.requireNonNull(request, "request");
        ApiRequest req = jobsPath(ApiRequest.post(ApiVersion.V2BETA1))
                .body(CreateImportJobBody.of(request))
                .build();
        LOG.debug(
                "creating import job: model {}, instance {}, type {}, credentials {}",
                request.importModelId(),
                request.instanceId(),
                request.importType(),
                request.instanceUser().isPresent() ? "given" : "none");
        return req;
    }

    private static CreatedImportJob created(CreateImportJob request, ApiRequest req, ApiResponse<JsonNode> response) {
        String id = response.data().path("id").asText("");
        if (id.isBlank()) {
            throw new AuraDecodingException("could not read the response of " + req.method() + " " + req.path()
                    + " (HTTP " + response.statusCode()
                    + response.requestId().map(r -> ", request id " + r).orElse("") + "): no job 'id' in 'data'");
        }
        LOG.debug(
                "created import job {} (HTTP {}, request id {})",
                id,
                response.statusCode(),
                response.requestId().orElse("-"));
        return CreatedImportJob.builder()
                .id(id)
                .importModelId(request.importModelId())
                .instanceId(request.instanceId())
                .importType(request.importType())
                .statusCode(response.statusCode())
                .requestId(response.requestId())
                .build();
    }

    /**
     * Reads a job without per-mapping progress ({@code GET …/import/jobs/{jobId}?progress=false}).
     *
     * @param jobId the job id (a UUID)
     * @return the job
     * @throws dev.aurasdk.core.AuraNotFoundException when it does not exist
     */
    public ImportJob get(String jobId) {
        return read(jobId, false);
    }

    /**
     * Reads a job with per-node and per-relationship progress
     * ({@code GET …/import/jobs/{jobId}?progress=true}).
     *
     * @param jobId the job id (a UUID)
     * @return the job, with {@link ImportJob#progress()} when Aura has it
     * @throws dev.aurasdk.core.AuraNotFoundException when it does not exist
     */
    public ImportJob getWithProgress(String jobId) {
        return read(jobId, true);
    }

    private ImportJob read(String jobId, boolean progress) {
        return aura.http().send(readRequest(jobId, progress), ImportJob.class).data();
    }

    private ApiRequest readRequest(String jobId, boolean progress) {
        String id = requireJobId(jobId);
        return jobsPath(ApiRequest.get(ApiVersion.V2BETA1))
                .id("jobId", id)
                .query("progress", String.valueOf(progress))
                .build();
    }

    /**
     * Asks Aura to cancel a job ({@code POST …/import/jobs/{jobId}/cancellation}). The job then ends
     * with exit state {@code Cancelled} (and state {@code Completed}).
     *
     * @param jobId the job id (a UUID)
     * @throws ImportJobAlreadyCancelledException when cancellation was already requested
     * @throws AuraBadRequestException when Aura refuses otherwise (for example a job that already finished)
     * @throws dev.aurasdk.core.AuraNotFoundException when the job does not exist
     */
    public void cancel(String jobId) {
        String id = requireJobId(jobId);
        ApiRequest req = jobsPath(ApiRequest.post(ApiVersion.V2BETA1))
                .id("jobId", id)
                .path("cancellation")
                .build();
        LOG.debug("requesting cancellation of import job {}", id);
        try {
            aura.http().send(req, Void.class);
        } catch (AuraBadRequestException e) {
            if (isAlreadyCancelled(e)) {
                throw new ImportJobAlreadyCancelledException(id, e);
            }
            throw e;
        }
    }

    private static boolean isAlreadyCancelled(AuraBadRequestException e) {
        return e.statusCode() == 400
                && e.errors().stream()
                        .anyMatch(err -> err.reason()
                                        .map("Requested"::equalsIgnoreCase)
                                        .orElse(false)
                                && err.message().toLowerCase(Locale.ROOT).contains("cancel"));
    }

    /**
     * Waits until a job ends, with the client's wait options and no listener.
     *
     * @param jobId the job id (a UUID)
     * @return the job, ended with exit state {@code Success}
     * @throws ImportJobFailedException when the job fails (carries the job and Aura's message)
     * @throws ImportJobCancelledException when the job is cancelled
     * @throws ImportJobTimeoutException when the timeout passes first (the job goes on in Aura)
     * @see #awaitCompletion(String, ImportAwaitOptions, ProgressListener)
     */
    public ImportJob awaitCompletion(String jobId) {
        return awaitCompletion(jobId, ImportAwaitOptions.defaults(), ProgressListener.none());
    }

    /**
     * Waits until a job ends, telling {@code listener} about every snapshot.
     *
     * @param jobId the job id (a UUID)
     * @param listener hears each snapshot
     * @return the job, ended with exit state {@code Success}
     * @see #awaitCompletion(String, ImportAwaitOptions, ProgressListener)
     */
    public ImportJob awaitCompletion(String jobId, ProgressListener listener) {
        return awaitCompletion(jobId, ImportAwaitOptions.defaults(), listener);
    }

    /**
     * Waits on the calling thread until a job ends. Polls (with {@code progress=true} unless turned off)
     * after 1 s, then at growing intervals up to 30 s, until the timeout (30 min), all taken from
     * {@link ImportAwaitOptions#waitOptions()} or else the client's wait options. A job that answers 404
     * right after its creation is treated as not visible yet; 429s and transient errors are retried;
     * the token is refreshed as it expires, so waits of hours work. Stopping the wait never cancels the
     * job.
     *
     * @param jobId the job id (a UUID)
     * @param options how to wait
     * @param listener hears each snapshot (or only changed ones, see {@link ImportAwaitOptions#onlyOnChange()})
     * @return the job, ended with exit state {@code Success}
     * @throws ImportJobFailedException when the job fails (carries the job and Aura's message)
     * @throws ImportJobCancelledException when the job is cancelled
     * @throws ImportJobTimeoutException when the timeout passes first (the job goes on in Aura)
     */
    public ImportJob awaitCompletion(String jobId, ImportAwaitOptions options, ProgressListener listener) {
        String id = requireJobId(jobId);
        return waitForCompletion(id, options, listener).await(outcome -> ImportJobWait.finished(id, outcome));
    }

    /**
     * As {@link #awaitCompletion(String)}, without blocking.
     *
     * @param jobId the job id (a UUID)
     * @return completes with the successful job or exceptionally as the sync form throws
     */
    public CompletableFuture<ImportJob> awaitCompletionAsync(String jobId) {
        return awaitCompletionAsync(jobId, ImportAwaitOptions.defaults(), ProgressListener.none());
    }

    /**
     * As {@link #awaitCompletion(String, ProgressListener)}, without blocking.
     *
     * @param jobId the job id (a UUID)
     * @param listener hears each snapshot
     * @return completes with the successful job or exceptionally as the sync form throws
     */
    public CompletableFuture<ImportJob> awaitCompletionAsync(String jobId, ProgressListener listener) {
        return awaitCompletionAsync(jobId, ImportAwaitOptions.defaults(), listener);
    }

    /**
     * As {@link #awaitCompletion(String, ImportAwaitOptions, ProgressListener)}, without parking a thread
     * while waiting: polls are sent without blocking and judged on the client's scheduler, so one thread serves
     * many waits. Cancelling the returned future stops polling
     * (not the job). Invalid arguments are thrown at once.
     *
     * @param jobId the job id (a UUID)
     * @param options how to wait
     * @param listener hears each snapshot, on the scheduler's thread
     * @return completes with the successful job, or exceptionally with {@link ImportJobFailedException},
     *     {@link ImportJobCancelledException}, {@link ImportJobTimeoutException} or another
     *     {@link AuraException}
     */
    public CompletableFuture<ImportJob> awaitCompletionAsync(
            String jobId, ImportAwaitOptions options, ProgressListener listener) {
        String id = requireJobId(jobId);
        return waitForCompletion(id, options, listener).awaitAsync(outcome -> ImportJobWait.finished(id, outcome));
    }

    /**
     * The wait for a job's completion, to run with {@link Wait#await()} or {@link Wait#awaitAsync()}
     * (the core idiom every module shares); {@link #awaitCompletion(String, ImportAwaitOptions,
     * ProgressListener)} and its async form are built on it.
     *
     * @param jobId the job id (a UUID)
     * @param options how to wait
     * @param listener hears each snapshot
     * @return the wait, not started; its outcome's value is the job
     */
    public Wait<ImportJob> waitForCompletion(String jobId, ImportAwaitOptions options, ProgressListener listener) {
        String id = requireJobId(jobId);
        Objects.requireNonNull(options, "options");
        return ImportJobWait.of(aura, readRequest(id, options.includeProgress()), id, options, listener);
    }

    /**
     * A dry run: checks what can be checked without creating anything — ids well formed (guaranteed
     * by the built request), the instance exists ({@code GET /v1/instances/{id}}), is running and
     * belongs to this project, and flags bulk imports and Free instances without credentials. Never
     * creates a job; never throws for a failed check (each failure is in the report).
     *
     * @param request the request to check
     * @return one entry per check
     */
    public PreflightReport validate(CreateImportJob request) {
        return ImportPreflight.check(aura, project, request);
    }

    private ApiRequest.Builder jobsPath(ApiRequest.Builder b) {
        return b.path("organizations")
                .id("organizationId", project.organizationId())
                .path("projects")
                .id("projectId", project.projectId())
                .path("import", "jobs");
    }

    static String requireJobId(String jobId) {
        return Ids.requireUuid("jobId", jobId);
    }

    @Override
    public String toString() {
        return "ImportJobs{" + project + "}";
    }
}
