package dev.aurasdk.examples;

import dev.aurasdk.imports.ImportJobs;
import dev.aurasdk.imports.ProjectRef;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * ImportStatus: one import job's state, exit status and per-label progress. On the fake, without
 * {@code --job-id}, it first starts a demo job so there is something to show.
 */
@Command(
        name = "ImportStatus",
        mixinStandardHelpOptions = true,
        versionProvider = SdkVersion.class,
        description = "Shows an import job's status and progress (read-only).")
public final class ImportStatus extends ExampleCommand {
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
        main(new ImportStatus(), args);
    }

    @Override
    int run(ExampleEnvironment env, PrintWriter out) {
        ImportJobs jobs = ImportJobs.create(
                env.aura(), ProjectRef.of(env.organizationId(common.organizationId), env.projectId(common.projectId)));
        String id = env.jobIdOrDemoJob(jobId, jobs, out);
        ImportReport.print(jobs.getWithProgress(id), out);
        return 0;
    }
}
