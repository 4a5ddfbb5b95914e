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
import dev.aurasdk.neo4j.DatabaseHealth;
import dev.aurasdk.neo4j.Neo4jDatabases;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * VerifySetup: the setup check to run before anything else — environment variables, token, instance
 * list, GraphQL Data API list, Import API reachability (organizations and projects), an import dry
 * run (preflight, nothing is created) and a Bolt check of every configured Neo4j database (reachable,
 * latency, server version and edition, database) — as a checklist of PASS/FAIL/SKIP lines with the latency
 * of each check. Every check runs: a missing id is a FAIL line that says how to set it, and the checks that
 * need it are skipped; with no Neo4j database configured ({@code NEO4J_URI} or {@code NEO4J_INSTANCE_ID},
 * {@code NEO4J_USERNAME}, {@code NEO4J_PASSWORD}) the Bolt check is one SKIP line. Exits 1 when any check
 * fails. Read-only.
 */
@Command(
        name = "VerifySetup",
        mixinStandardHelpOptions = true,
        versionProvider = SdkVersion.class,
        description = "Checks credentials, ids, API access and the Neo4j databases over Bolt; PASS/FAIL per "
                + "check, exit 1 on any failure.")
public final class VerifySetup extends ExampleCommand {
    @Mixin
    CommonOptions common;

    @Option(
            names = "--instance-id",
            paramLabel = "ID",
            description = "Instance to check (default: AURA_INSTANCE_ID; the first instance of the project).")
    String instanceId;

    @Option(
            names = "--model-id",
            paramLabel = "UUID",
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
        Checklist checks = new Checklist();
        checks.check(
                "environment",
                () -> env.isFake()
                        ? "credentials not set: running against the built-in fake"
                        : AuraCredentials.ENV_CLIENT_ID + " and " + AuraCredentials.ENV_CLIENT_SECRET + " set, API at "
                                + aura.baseUrl());
        for (HealthCheckResult r : aura.healthCheck().checks()) {
            if (r.ok()) {
                checks.check(r.name(), () -> r.detail().orElse(""));
            } else {
                checks.fail(r.name(), r.error().orElse("failed"));
            }
        }

        Optional<String> orgId = checks.require("organization id", () -> env.organizationId(common.organizationId));
        Optional<String> projectId = checks.require("project id", () -> env.projectId(common.projectId));
        List<InstanceSummary> instances = new ArrayList<>();
        checks.check("list instances", () -> {
            instances.addAll(aura.instances().list());
            return instances.size() + " instance(s)";
        });
        String[] chosen = new String[1];
        checks.check("instance id", () -> {
            Optional<String> given = Optional.ofNullable(instanceId).or(() -> env.setting("AURA_INSTANCE_ID"));
            if (given.isPresent()) {
                return chosen[0] = given.get();
            }
            if (instances.isEmpty()) {
                throw new ExampleEnvironment.UsageException(ExampleEnvironment.missing(
                        "AURA_INSTANCE_ID", "--instance-id", ExampleEnvironment.FIND_AURA_IDS));
            }
            chosen[0] = instances.get(0).id();
            return chosen[0] + " (the first listed; set AURA_INSTANCE_ID to choose)";
        });
        Optional<String> target = Optional.ofNullable(chosen[0]);
        Optional<String> model = checks.require("import model id", () -> env.importModelId(modelId));

        if (orgId.isPresent() && projectId.isPresent()) {
            checks.check("import API reachable", () -> {
                String project = aura.organizations()
                        .project(orgId.get(), projectId.get())
                        .name();
                return "organization " + orgId.get() + ", project " + project;
            });
        } else {
            checks.skip("import API reachable", "needs the organization and project ids (see above)");
        }
        if (target.isPresent()) {
            checks.check(
                    "list GraphQL Data APIs",
                    () -> GraphQLDataApis.create(aura).list(target.get()).size() + " Data API(s) on " + target.get());
        } else {
            checks.skip("list GraphQL Data APIs", "needs an instance id (see above)");
        }
        if (orgId.isPresent() && projectId.isPresent() && target.isPresent() && model.isPresent()) {
            checks.check("import dry run", () -> {
                ImportJobs jobs = ImportJobs.create(aura, ProjectRef.of(orgId.get(), projectId.get()));
                PreflightReport report = jobs.validate(CreateImportJob.builder()
                        .importModelId(model.get())
                        .instanceId(target.get())
                        .build());
                if (!report.ok()) {
                    throw new IllegalStateException(report.failures().stream()
                            .map(c -> c.name() + ": " + c.detail())
                            .collect(Collectors.joining("; ")));
                }
                return "instance " + target.get() + " ready for import ("
                        + report.warnings().size() + " warning(s))";
            });
        } else {
            checks.skip("import dry run", "needs the organization, project, instance and import model ids (see above)");
        }
        checkDatabases(env, checks);
        return checks.print(out);
    }

    /** One line per configured database (reachable, version, edition, database; latency in the MS column). */
    private static void checkDatabases(ExampleEnvironment env, Checklist checks) {
        Optional<Neo4jDatabases> dbs;
        try {
            dbs = env.neo4j();
        } catch (ExampleEnvironment.UsageException e) {
            checks.fail("bolt connection", Checklist.message(e));
            return;
        }
        if (dbs.isEmpty()) {
            checks.skip("bolt connection", ExampleEnvironment.enableHint(ExampleEnvironment.NEO4J_VARIABLES));
            return;
        }
        for (String name : dbs.get().names()) {
            DatabaseHealth h = dbs.get().healthCheck(name);
            String where =
                    h.uri().orElse(h.instanceId().map(id -> "instance " + id).orElse("?"));
            if (h.reachable()) {
                checks.record(
                        "bolt " + name,
                        true,
                        h.latency().toMillis(),
                        "Neo4j " + h.serverVersion().orElse("?") + " "
                                + h.edition().orElse("?") + ", database "
                                + h.database().orElse("?") + ", " + where);
            } else {
                checks.record(
                        "bolt " + name,
                        false,
                        h.latency().toMillis(),
                        h.error()
                                .map(String::strip)
                                .map(m -> m.replaceAll("\\s*\\R\\s*", " "))
                                .orElse("unreachable at " + where));
            }
        }
    }
}
