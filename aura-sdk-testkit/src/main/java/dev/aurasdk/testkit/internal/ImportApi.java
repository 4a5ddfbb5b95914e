package dev.aurasdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aurasdk.testkit.CompletedImport;
import dev.aurasdk.testkit.FakeImportModel;
import dev.aurasdk.testkit.FakeInstance;
import dev.aurasdk.testkit.LinkedDatabase;
import dev.aurasdk.testkit.StepMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Import jobs (v2beta1): create, get with progress, cancel; a job advances Queued, Running, Completed. */
final class ImportApi {
    private static final Logger LOG = LoggerFactory.getLogger(ImportApi.class);
    private final World world;
    private final Settings settings;

    ImportApi(World world, Settings settings) {
        this.world = world;
        this.settings = settings;
    }

    /** Registers {@code /v2beta1/organizations/{org}/projects/{project}/import/jobs[/{job}[/cancellation]]}. */
    void register(Router router) {
        router.group("/v2beta1/organizations/{organizationId}/projects/{projectId}/import/jobs", this::projectExists)
                .post("", this::create)
                .get("/{jobId}", call -> withJob(call, this::get))
                .post("/{jobId}/cancellation", call -> withJob(call, this::cancel));
    }

    /** The organization and project are checked before the method, as Aura does. */
    private Reply projectExists(FakeCall call) {
        World.Organization org = world.organizations.get(call.param("organizationId"));
        if (org == null) {
            return PlatformApi.organizationNotFound(call.param("organizationId"));
        }
        String projectId = call.param("projectId");
        if (!org.projects.containsKey(projectId)) {
            return Reply.error(404, "Project not found: " + projectId, "project-not-found");
        }
        return null;
    }

    private Reply withJob(FakeCall call, BiFunction<FakeCall, World.ImportJob, Reply> handler) {
        String jobId = call.param("jobId");
        World.ImportJob job = world.importJobs.get(jobId);
        if (job == null
                || !job.organizationId.equals(call.param("organizationId"))
                || !job.projectId.equals(call.param("projectId"))) {
            return Reply.error(404, "The job " + jobId + " does not exist", "Requested");
        }
        return handler.apply(call, job);
    }

    private Reply create(FakeCall call) {
        Optional<JsonNode> parsed = call.json();
        if (parsed.isEmpty() || !parsed.get().isObject()) {
            return Reply.error(400, "The request body must be a JSON object", "BadRequest");
        }
        JsonNode body = parsed.get();
        String modelId = FakeJson.text(body, "importModelId");
        if (modelId == null || modelId.isBlank()) {
            return Reply.error(400, "Import model id is required", "Required", "ImportModelId");
        }
        JsonNode credentials = body.get("auraCredentials");
        String dbId = credentials == null ? null : FakeJson.text(credentials, "dbId");
        if (dbId == null || dbId.isBlank()) {
            return Reply.error(400, "Aura DB id is required", "Required", "DbId");
        }
        String importType = "online";
        JsonNode config = body.get("importConfig");
        if (config != null && config.hasNonNull("importType")) {
            importType = config.get("importType").asText();
            if (!importType.equals("online") && !importType.equals("bulk")) {
                return Reply.error(400, "Import type must be online or bulk", "Invalid", "ImportType");
            }
        }
        FakeImportModel model = world.importModels.get(modelId);
        if (model == null) {
            return Reply.error(404, "Import model not found: " + modelId, "import-model-not-found");
        }
        FakeInstance instance = world.instances.get(dbId);
        if (instance == null || !instance.tenantId().equals(call.param("projectId"))) {
            return Replies.instanceNotFound(dbId);
        }
        String id = UUID.randomUUID().toString();
        World.ImportJob job = new World.ImportJob(
                id, call.param("organizationId"), call.param("projectId"), model, dbId, millis(call.now));
        job.importType = importType.equals("bulk") ? "initial" : "cloud";
        job.userId = UUID.nameUUIDFromBytes(String.valueOf(call.clientId).getBytes(StandardCharsets.UTF_8))
                .toString();
        world.importJobs.put(id, job);
        return Reply.data(201, FakeJson.object().put("id", id));
    }

    private Reply get(FakeCall call, World.ImportJob job) {
        boolean withProgress = "true".equalsIgnoreCase(call.queryParam("progress"));
        ObjectNode json = observe(job, call.now, withProgress);
        if (settings.stepMode == StepMode.AUTO && job.completionTime == null) {
            long end = job.model.durationTicks() + 1L;
            job.progress.bonusSteps += Math.max(1, (end + 3) / 4);
        }
        return Reply.data(200, json);
    }

    private Reply cancel(FakeCall call, World.ImportJob job) {
        observe(job, call.now, false);
        if (job.cancellationRequestedAt != null) {
            return Reply.error(400, "The job " + job.id + " has requested to cancel", "Requested");
        }
        if (job.completionTime != null) {
            return Reply.error(400, "The job " + job.id + " has already completed", "Requested");
        }
        job.cancelledAtStep = job.progress.steps(call.now, settings.tickMillis());
        job.cancellationRequestedAt = millis(call.now);
        return Reply.data(200, FakeJson.object().put("id", job.id));
    }

    /** Computes the job's state now, freezing its timestamps the first time each is seen. */
    private ObjectNode observe(World.ImportJob job, Instant now, boolean withProgress) {
        long tick = settings.tickMillis();
        long end = job.model.durationTicks() + 1L;
        long failAt = job.model.failureMessage().isPresent() ? (end + 1) / 2 : Long.MAX_VALUE;
        boolean cancelled = job.cancelledAtStep >= 0;
        long steps = cancelled ? job.cancelledAtStep : job.progress.steps(now, tick);

        String state;
        String exit = null;
        String exitMessage = null;
        double fraction;
        long completedAtStep = -1;
        if (cancelled) {
            state = "Completed";
            exit = "Cancelled";
            exitMessage = "Cancelled";
            fraction = Math.min(steps, end) / (double) end;
        } else if (steps >= failAt) {
            state = "Completed";
            exit = "Failure";
            exitMessage = job.model.failureMessage().orElse("Failed");
            fraction = failAt / (double) end;
            completedAtStep = failAt;
        } else if (steps >= end) {
            state = "Completed";
            exit = "Success";
            fraction = 1.0;
            completedAtStep = end;
        } else if (steps == 0) {
            state = "Queued";
            fraction = 0;
        } else {
            state = "Running";
            fraction = runningFraction(job.model, steps, end);
        }

        if (job.completionTime == null && state.equals("Completed") && job.linkFailure == null) {
            String failure = writeToLinkedDatabase(job, exit, fraction);
            if (failure != null) {
                job.linkFailure = failure;
            }
        }
        if (job.linkFailure != null) {
            exit = "Failure";
            exitMessage = job.linkFailure;
        }

        if (job.startTime == null && (steps >= 1 || (state.equals("Completed") && !cancelled))) {
            job.startTime = clamp(now.minusMillis((steps - 1) * tick), job.submittedAt);
        }
        if (job.completionTime == null && state.equals("Completed")) {
            job.completionTime = cancelled
                    ? job.cancellationRequestedAt
                    : clamp(
                            now.minusMillis((steps - completedAtStep) * tick),
                            job.startTime == null ? job.submittedAt : job.startTime);
        }
        if (job.completionTime != null) {
            job.lastUpdate = job.completionTime;
        } else if (steps != job.lastSteps) {
            job.lastUpdate = millis(now);
        }
        job.lastSteps = steps;

        ObjectNode data = FakeJson.object();
        data.put("id", job.id);
        data.put("import_type", job.importType);
        ObjectNode info = data.putObject("info");
        info.put("state", state);
        info.put("submitted_time", job.submittedAt.toString());
        if (job.startTime != null) {
            info.put("start_time", job.startTime.toString());
        }
        if (job.completionTime != null) {
            info.put("completion_time", job.completionTime.toString());
        }
        if (job.cancellationRequestedAt != null) {
            info.put("cancellation_requested_time", job.cancellationRequestedAt.toString());
        }
        if (exit != null) {
            ObjectNode status = info.putObject("exit_status").put("state", exit);
            if (exitMessage != null) {
                status.put("message", exitMessage);
            }
        }
        info.put("last_update_time", job.lastUpdate.toString());
        info.put("percentage_complete", Math.round(fraction * 10000) / 100.0);
        if (withProgress) {
            info.set("progress", progress(job.model, fraction));
        }
        data.putObject("data_source")
                .put("id", job.model.dataSourceId())
                .put("type", job.model.dataSourceType())
                .put("name", job.model.dataSourceName());
        data.putObject("aura_target").put("db_id", job.dbId).put("project_id", job.projectId);
        data.put("user_id", job.userId);
        return data;
    }

    /** The model's curve (clamped below 1: the job is not done yet) or the straight line. */
    private static double runningFraction(FakeImportModel model, long steps, long end) {
        if (model.progressCurve().isEmpty()) {
            return steps / (double) end;
        }
        double f = model.progressCurve().get().fraction(steps, end);
        if (Double.isNaN(f)) {
            return 0;
        }
        return Math.max(0, Math.min(0.9999, f));
    }

    private static ObjectNode progress(FakeImportModel model, double fraction) {
        ObjectNode progress = FakeJson.object();
        ArrayNode nodes = progress.putArray("nodes");
        ArrayNode relationships = progress.putArray("relationships");
        int k = 0;
        for (Map.Entry<String, Long> e : model.nodes().entrySet()) {
            long done = rows(e.getValue(), fraction);
            ObjectNode n = nodes.addObject();
            n.put("id", "n:" + k++);
            n.putArray("labels").add(e.getKey());
            n.put("total_rows", e.getValue());
            n.put("processed_rows", done);
            n.put("created_nodes", done);
            n.put("created_constraints", done > 0 ? 1 : 0);
            n.put("created_indexes", 0);
        }
        for (Map.Entry<String, Long> e : model.relationships().entrySet()) {
            long done = rows(e.getValue(), fraction);
            ObjectNode r = relationships.addObject();
            r.put("id", "r:" + k++);
            r.put("type", e.getKey());
            r.put("total_rows", e.getValue());
            r.put("processed_rows", done);
            r.put("created_relationships", done);
            r.put("created_constraints", 0);
            r.put("created_indexes", 0);
        }
        return progress;
    }

    /**
     * Hands a job that just completed on a linked instance to its {@link LinkedDatabase}, with the counts its final
     * progress reports.
     *
     * @return null, or the failure message when the linked database threw
     */
    private String writeToLinkedDatabase(World.ImportJob job, String exit, double fraction) {
        FakeInstance instance = world.instances.get(job.dbId);
        Optional<LinkedDatabase> linked = instance == null ? Optional.empty() : instance.linkedDatabase();
        if (linked.isEmpty()) {
            return null;
        }
        Map<String, Long> nodes = new LinkedHashMap<>();
        job.model.nodes().forEach((label, total) -> nodes.put(label, rows(total, fraction)));
        Map<String, Long> relationships = new LinkedHashMap<>();
        job.model.relationships().forEach((type, total) -> relationships.put(type, rows(total, fraction)));
        try {
            linked.get()
                    .importCompleted(CompletedImport.of(job.id, job.dbId, job.model.id(), exit, nodes, relationships));
            return null;
        } catch (RuntimeException e) {
            LOG.warn(
                    "The linked database of instance {} failed to write import job {}: {}",
                    job.dbId,
                    job.id,
                    e.getClass().getName());
            return "The fake could not write to the linked database: "
                    + e.getClass().getSimpleName();
        }
    }

    private static long rows(long total, double fraction) {
        return fraction >= 1.0 ? total : (long) Math.floor(total * fraction);
    }

    private static Instant clamp(Instant value, Instant notBefore) {
        return millis(value.isBefore(notBefore) ? notBefore : value);
    }

    private static Instant millis(Instant value) {
        return value.truncatedTo(ChronoUnit.MILLIS);
    }
}
