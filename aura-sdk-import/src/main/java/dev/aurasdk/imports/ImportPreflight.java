package dev.aurasdk.imports;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraException;
import dev.aurasdk.core.AuraNotFoundException;
import dev.aurasdk.core.model.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The dry run behind {@link ImportJobs#validate(CreateImportJob)}: each check of a request, read-only. */
final class ImportPreflight {
    private static final Logger LOG = LoggerFactory.getLogger("dev.aurasdk.imports");

    private ImportPreflight() {}

    /**
     * Checks a request without creating anything; never throws for a failed check.
     *
     * @param aura the client
     * @param project the project the job would belong to
     * @param request the request to check
     * @return one entry per check
     */
    static PreflightReport check(AuraClient aura, ProjectRef project, CreateImportJob request) {
        Objects.requireNonNull(request, "request");
        List<PreflightCheck> checks = new ArrayList<>();
        checks.add(PreflightCheck.of(
                "ids",
                PreflightStatus.PASSED,
                "organization " + project.organizationId()
                        + ", project " + project.projectId() + ", import model " + request.importModelId()
                        + " (UUID) and instance " + request.instanceId() + " are well formed"));
        Instance instance = null;
        try {
            instance = aura.instances().get(request.instanceId());
            checks.add(PreflightCheck.of(
                    "instance exists",
                    PreflightStatus.PASSED,
                    "instance " + instance.id() + " ('" + instance.name() + "') found"));
        } catch (AuraNotFoundException e) {
            checks.add(PreflightCheck.of(
                    "instance exists",
                    PreflightStatus.FAILED,
                    "instance " + request.instanceId() + " not found (HTTP 404"
                            + e.reason().map(r -> ", " + r).orElse("") + ")"));
        } catch (AuraException e) {
            checks.add(PreflightCheck.of(
                    "instance exists",
                    PreflightStatus.FAILED,
                    "could not read instance " + request.instanceId() + ": "
                            + e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        if (instance == null) {
            checks.add(PreflightCheck.of("instance running", PreflightStatus.SKIPPED, "instance not read"));
            checks.add(PreflightCheck.of("instance in project", PreflightStatus.SKIPPED, "instance not read"));
            checks.add(PreflightCheck.of("instance credentials", PreflightStatus.SKIPPED, "instance not read"));
        } else {
            checks.add(
                    instance.isRunning()
                            ? PreflightCheck.of("instance running", PreflightStatus.PASSED, "status running")
                            : PreflightCheck.of(
                                    "instance running",
                                    PreflightStatus.FAILED,
                                    "instance " + instance.id()
                                            + " is "
                                            + instance.status()
                                                    .map(s -> s.value())
                                                    .orElse("of unknown status")
                                            + "; an import needs a running instance"));
            checks.add(instance.tenantId()
                    .map(t -> t.equals(project.projectId())
                            ? PreflightCheck.of(
                                    "instance in project", PreflightStatus.PASSED, "instance belongs to project " + t)
                            : PreflightCheck.of(
                                    "instance in project",
                                    PreflightStatus.FAILED,
                                    "instance belongs to" + " project " + t + ", not to " + project.projectId()))
                    .orElse(PreflightCheck.of(
                            "instance in project",
                            PreflightStatus.WARNING,
                            "Aura did not say which project the instance belongs to")));
            boolean free = instance.type().map(t -> t.startsWith("free")).orElse(false);
            checks.add(
                    free && request.instanceUser().isEmpty()
                            ? PreflightCheck.of(
                                    "instance credentials",
                                    PreflightStatus.WARNING,
                                    "instance is "
                                            + instance.type().orElse("free")
                                            + ": Aura needs instanceUser/instancePassword for"
                                            + " Free instances")
                            : PreflightCheck.of(
                                    "instance credentials",
                                    PreflightStatus.PASSED,
                                    request.instanceUser().isPresent()
                                            ? "credentials given"
                                            : "no credentials needed"));
        }
        checks.add(
                request.overwritesAllData()
                        ? PreflightCheck.of(
                                "import type",
                                PreflightStatus.WARNING,
                                "'" + request.importType().value() + "' import will OVERWRITE ALL DATA in instance "
                                        + request.instanceId() + " (acknowledged)")
                        : PreflightCheck.of("import type", PreflightStatus.PASSED, "online import into existing data"));
        checks.add(PreflightCheck.of(
                "import model",
                PreflightStatus.SKIPPED,
                "Aura offers no way to read an import" + " model; it is checked when the job is created"));
        PreflightReport report =
                PreflightReport.builder().request(request).checks(checks).build();
        LOG.debug(
                "preflight of import (model {}, instance {}): {}",
                request.importModelId(),
                request.instanceId(),
                report.ok() ? "ok" : report.failures().size() + " failed check(s)");
        return report;
    }
}
