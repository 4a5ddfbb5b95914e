package dev.aurasdk.examples;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraCredentials;
import dev.aurasdk.core.HealthCheckResult;
import dev.aurasdk.core.model.InstanceSummary;
import dev.aurasdk.graphql.GraphQLDataApis;
import dev.aurasdk.imports.CreateImportJob;
import dev.aurasdk.imports.ImportJobs;
import dev.aurasdk.imports.PreflightReport;
import dev.aurasdk.imports.ProjectRef;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * VerifySetup: the setup check to run before anything else — environment variables, token, instance
 * list, GraphQL Data API list, Import API reachability (organizations and projects) and an import dry
 * run (preflight, nothing is created) — as PASS/FAIL lines with the latency of each check. Exits
 * non-zero when any check fails. Read-only.
 */
@Command(name = "VerifySetup", mixinStandardHelpOptions = true, versionProvider = SdkVersion.class,
        description = "Checks credentials, ids and API access; PASS/FAIL per check, exit 1 on any failure.")
public final class VerifySetup extends ExampleCommand {
    @Mixin
    CommonOptions common;

    @Option(names = "--instance-id", paramLabel = "ID",
            description = "Instance to check (default: AURA_INSTANCE_ID; the first instance of the project).")
    String instanceId;

    @Option(names = "--model-id", paramLabel = "UUID",
            description = "Import model for the dry run (default: AURA_IMPORT_MODEL_ID; the demo model on the fake).")
    String modelId;

    /**
     * Runs the program.
     *
     * @param args command-line arguments ({@code --help})
     */
    public static void main(String[] args) {
        main(new VerifySetup(), args);
    }

    @Override
    int run(ExampleEnvironment env, PrintWriter out) {
        AuraClient aura = env.aura();
        List<Check> checks = new ArrayList<>();
        checks.add(check("environment", () -> env.isFake()
                ? "not set: running against the built-in fake"
                : AuraCredentials.ENV_CLIENT_ID + " and " + AuraCredentials.ENV_CLIENT_SECRET + " set"));
        for (HealthCheckResult r : aura.healthCheck().checks()) {
            checks.add(new Check(r.name(), r.ok(), r.latency().toMillis(),
                    r.ok() ? r.detail().orElse("") : r.error().orElse("failed")));
        }
        String[] instance = new String[1];
        checks.add(check("list instances", () -> {
            List<InstanceSummary> list = aura.instances().list();
            instance[0] = list.isEmpty() ? null : list.get(0).id();
            return list.size() + " instance(s)";
        }));
        String orgId = env.organizationId(common.organizationId);
        String projectId = env.projectId(common.projectId);
        checks.add(check("import API reachable", () -> {
            String project = aura.organizations().project(orgId, projectId).name();
            return "organization " + orgId + ", project " + project;
        }));
        String target = instanceId != null ? instanceId
                : env.id(null, "AURA_INSTANCE_ID", "--instance-id", instance[0] == null ? "" : instance[0]);
        checks.add(check("list GraphQL Data APIs", () -> {
            if (target.isEmpty()) {
                throw new IllegalStateException("no instance to list Data APIs of");
            }
            return GraphQLDataApis.create(aura).list(target).size() + " Data API(s) on " + target;
        }));
        checks.add(check("import dry run", () -> {
            ImportJobs jobs = ImportJobs.create(aura, ProjectRef.of(orgId, projectId));
            PreflightReport report = jobs.validate(CreateImportJob.builder()
                    .importModelId(env.importModelId(modelId)).instanceId(target).build());
            if (!report.ok()) {
                throw new IllegalStateException(report.failures().stream()
                        .map(c -> c.name() + ": " + c.detail()).collect(java.util.stream.Collectors.joining("; ")));
            }
            return "instance " + target + " ready for import (" + report.warnings().size() + " warning(s))";
        }));

        Table table = new Table("RESULT", "CHECK", "MS", "DETAIL");
        for (Check c : checks) {
            table.row(c.ok ? "PASS" : "FAIL", c.name, c.millis, c.detail);
        }
        out.println();
        table.print(out);
        long failed = checks.stream().filter(c -> !c.ok).count();
        out.println();
        out.println(failed == 0 ? "All " + checks.size() + " checks passed."
                : failed + " of " + checks.size() + " checks failed.");
        return failed == 0 ? 0 : 1;
    }

    private static Check check(String name, Supplier<String> body) {
        long t0 = System.nanoTime();
        try {
            String detail = body.get();
            return new Check(name, true, (System.nanoTime() - t0) / 1_000_000, detail);
        } catch (RuntimeException e) {
            return new Check(name, false, (System.nanoTime() - t0) / 1_000_000,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static final class Check {
        final String name;
        final boolean ok;
        final long millis;
        final String detail;

        Check(String name, boolean ok, long millis, String detail) {
            this.name = name;
            this.ok = ok;
            this.millis = millis;
            this.detail = detail;
        }
    }
}
