package dev.aurasdk.examples;

import dev.aurasdk.imports.ImportJob;
import dev.aurasdk.imports.ImportJobs;
import dev.aurasdk.imports.ProjectRef;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * CancelImport: asks Aura to cancel an import job and shows the state it reports. A cancelled job ends
 * with {@code state: Completed} and {@code exit_status: Cancelled}. On the fake, without
 * {@code --job-id}, it starts a demo job and cancels that.
 */
@Command(
        name = "CancelImport",
        mixinStandardHelpOptions = true,
        versionProvider = SdkVersion.class,
        description = "Cancels an import job.")
public final class CancelImport extends ExampleCommand {
    @Mixin
    CommonOptions common;

    @Option(names = "--job-id", paramLabel = "UUID", description = "The import job id (required on the real Aura).")
    String jobId;

    /**
     * Runs the program.
     *
     * @param args command-line arguments ({@code --help})
     */
    public static void main(String[] args) {
        main(new CancelImport(), args);
    }

    @Override
    int run(ExampleEnvironment env, PrintWriter out) {
        env.requireWrites(common.allowWrites, "cancels an import job");
        ImportJobs jobs = ImportJobs.create(
                env.aura(), ProjectRef.of(env.organizationId(common.organizationId), env.projectId(common.projectId)));
        String id = env.jobIdOrDemoJob(jobId, jobs, out);
        jobs.cancel(id);
        ImportJob job = jobs.get(id);
        out.println("Cancellation requested for job " + id + "; Aura reports: " + job.summary());
        return 0;
    }
}
