package dev.aurasdk.examples;

import dev.aurasdk.imports.CreateImportJob;
import dev.aurasdk.imports.CreatedImportJob;
import dev.aurasdk.imports.ImportJob;
import dev.aurasdk.imports.ImportJobs;
import dev.aurasdk.imports.ImportType;
import dev.aurasdk.imports.ProjectRef;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * TriggerImport: starts an Aura Import API job for an import model and a target instance, prints its
 * id, and with {@code --wait} follows it to the end with a progress bar. A bulk import overwrites all
 * data in the instance, so it needs {@code --bulk-overwrite-all-data}.
 */
@Command(name = "TriggerImport", mixinStandardHelpOptions = true, versionProvider = SdkVersion.class,
        description = "Creates an import job (online by default) and optionally waits for it.")
public final class TriggerImport extends ExampleCommand {
    @Mixin
    CommonOptions common;

    @Option(names = "--model-id", paramLabel = "UUID",
            description = "Import model id (default: AURA_IMPORT_MODEL_ID; the demo model on the fake).")
    String modelId;

    @Option(names = "--instance-id", paramLabel = "ID",
            description = "Target instance id (default: AURA_INSTANCE_ID; the demo instance on the fake).")
    String instanceId;

    @Option(names = "--bulk-overwrite-all-data",
            description = "Run a bulk import, which OVERWRITES ALL DATA in the instance.")
    boolean bulk;

    @Option(names = "--wait", description = "Wait for the job to finish, with a progress bar.")
    boolean await;

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
        env.requireWrites(common.allowWrites, "starts an import job");
        ImportJobs jobs = ImportJobs.create(env.aura(),
                ProjectRef.of(env.organizationId(common.organizationId), env.projectId(common.projectId)));
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
        return 0;
    }

    /**
     * How to follow the job. Only where a later program can see it: the built-in fake stops with this
     * program, so there it says how to start a shared one instead.
     */
    private void printNextSteps(ExampleEnvironment env, String jobId, PrintWriter out) {
        if (env.isFake()) {
            out.println("This job ran on this program's built-in fake, which stops now. To follow a job with "
                    + "ImportStatus and CancelImport, start FakeAuraServer, set the variables it prints, and run "
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
