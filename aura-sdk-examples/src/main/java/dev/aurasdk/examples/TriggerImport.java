package dev.aurasdk.examples;

import dev.aurasdk.imports.CreateImportJob;
import dev.aurasdk.imports.CreatedImportJob;
import dev.aurasdk.imports.ImportJob;
import dev.aurasdk.imports.ImportJobs;
import dev.aurasdk.imports.ImportType;
import dev.aurasdk.imports.ProjectRef;
import dev.aurasdk.neo4j.CheckStatus;
import dev.aurasdk.neo4j.CountCheck;
import dev.aurasdk.neo4j.CountKind;
import dev.aurasdk.neo4j.ImportVerification;
import dev.aurasdk.neo4j.Neo4jDatabases;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * TriggerImport: starts an Aura Import API job for an import model and a target instance, prints its
 * id, and with {@code --wait} follows it to the end with a progress bar. With {@code --verify} it then
 * checks in Neo4j that the target database holds the nodes and relationships the job reported, per label
 * and type (OK / MISMATCH), and exits 1 on a mismatch; that needs {@code NEO4J_URI} (or
 * {@code NEO4J_INSTANCE_ID}), {@code NEO4J_USERNAME} and {@code NEO4J_PASSWORD}, and without them it says
 * in one line that it skipped the check. A bulk import overwrites all data in the instance, so it needs
 * {@code --bulk-overwrite-all-data}.
 */
@Command(
        name = "TriggerImport",
        mixinStandardHelpOptions = true,
        versionProvider = SdkVersion.class,
        description = "Creates an import job (online by default), optionally waits for it and verifies the counts "
                + "in Neo4j.")
public final class TriggerImport extends ExampleCommand {
    @Mixin
    CommonOptions common;

    @Option(
            names = "--model-id",
            paramLabel = "UUID",
            description = "Import model id (default: AURA_IMPORT_MODEL_ID; the demo model on the fake).")
    String modelId;

    @Option(
            names = "--instance-id",
            paramLabel = "ID",
            description = "Target instance id (default: AURA_INSTANCE_ID; the demo instance on the fake).")
    String instanceId;

    @Option(
            names = "--bulk-overwrite-all-data",
            description = "Run a bulk import, which OVERWRITES ALL DATA in the instance.")
    boolean bulk;

    @Option(names = "--wait", description = "Wait for the job to finish, with a progress bar.")
    boolean await;

    @Option(
            names = "--verify",
            description = "With --wait: then verify the counts in the Neo4j database "
                    + "(NEO4J_URI or NEO4J_INSTANCE_ID, NEO4J_USERNAME, NEO4J_PASSWORD); exit 1 on a mismatch.")
    boolean verify;

    @Option(
            names = "--database",
            paramLabel = "NAME",
            defaultValue = Neo4jDatabases.DEFAULT_NAME,
            description = "With --verify: the configured database the import writes to: default (NEO4J_URI / "
                    + "NEO4J_INSTANCE_ID) or a name from NEO4J_<NAME>_URI (default: ${DEFAULT-VALUE}).")
    String database;

    /**
     * Runs the program.
     *
     * @param args command-line arguments ({@code --help})
     */
    public static void main(String[] args) {
        main(new TriggerImport(), args);
    }

    @Override
    int run(ExampleEnvironment env, PrintWriter out) {
        if (verify && !await) {
            throw new ExampleEnvironment.UsageException(
                    "--verify needs --wait: the counts can be verified only " + "once the import has completed.");
        }
        env.requireWrites(common.allowWrites, "starts an import job");
        // read the database settings before starting the job: a half-configured database fails now, not after it
        Optional<Neo4jDatabases> dbs = verify ? env.neo4j() : Optional.empty();
        if (dbs.isPresent() && !dbs.get().names().contains(database)) {
            throw new ExampleEnvironment.UsageException("--database " + database + ": no such Neo4j database is "
                    + "configured (configured: " + String.join(", ", dbs.get().names()) + ").");
        }
        ImportJobs jobs = ImportJobs.create(
                env.aura(), ProjectRef.of(env.organizationId(common.organizationId), env.projectId(common.projectId)));
        CreateImportJob.Builder request = CreateImportJob.builder()
                .importModelId(env.importModelId(modelId))
                .instanceId(env.instanceId(instanceId));
        if (bulk) {
            request.importType(ImportType.BULK).acknowledgeOverwrite(true);
        }
        CreatedImportJob job = jobs.create(request.build());
        out.println("Created import job " + job.id() + " (" + job.importType() + ", model " + job.importModelId()
                + ", instance " + job.instanceId() + ")");
        if (!await) {
            printNextSteps(env, job.id(), out);
            return 0;
        }
        ImportJob done;
        try (ImportProgressBar bar = new ImportProgressBar("import", out)) {
            done = jobs.awaitCompletion(job.id(), bar);
        }
        ImportReport.print(done, out);
        return verify ? verify(dbs, done, out) : 0;
    }

    /** The counts of the completed job against the database: one line per label and type, then the verdict. */
    private int verify(Optional<Neo4jDatabases> dbs, ImportJob done, PrintWriter out) {
        out.println();
        if (dbs.isEmpty()) {
            out.println(ExampleEnvironment.skipped(
                    "verifying the import in Neo4j (no Neo4j database configured)",
                    ExampleEnvironment.NEO4J_VARIABLES));
            return 0;
        }
        ImportVerification v = dbs.get().verifyImport(database, done);
        out.println("Verifying import job " + done.id() + " in database '" + database + "'"
                + dbs.get().uri(database).map(u -> " (" + u + ")").orElse("") + ":");
        Table table = new Table("CHECK", "KIND", "NAME", "EXPECTED", "FOUND");
        for (CountCheck c : v.checks()) {
            table.row(
                    c.status(), c.kind() == CountKind.NODE_LABEL ? "label" : "type", c.name(), c.expected(), c.found());
        }
        table.print(out);
        out.println();
        if (v.verdict() == CheckStatus.OK) {
            out.println("Verdict: OK (" + v.checks().size() + " checks, " + v.queriesRun() + " queries, "
                    + v.elapsed().toMillis() + " ms)");
            return 0;
        }
        out.println("Verdict: MISMATCH (" + v.mismatches().size() + " of "
                + v.checks().size() + " checks differ)");
        return 1;
    }

    /**
     * How to follow the job. Only where a later program can see it: the built-in fake stops with this
     * program, so there it says how to start a shared one instead.
     */
    private void printNextSteps(ExampleEnvironment env, String jobId, PrintWriter out) {
        if (env.isFake()) {
            out.println("This job ran on this program's built-in fake, which stops now. To follow a job with "
                    + "ImportStatus and CancelImport, start RunFakeAura, set the variables it prints, and run "
                    + "TriggerImport again (or use --wait).");
            return;
        }
        // the ids given as options go into the advice too (those from the environment are still there)
        String ids = (common.organizationId != null ? " --organization-id " + common.organizationId : "")
                + (common.projectId != null ? " --project-id " + common.projectId : "");
        out.println("Follow it with: ImportStatus --job-id " + jobId + ids);
        out.println("Cancel it with: CancelImport --job-id " + jobId + ids + (env.isLocal() ? "" : " --allow-writes"));
    }
}
