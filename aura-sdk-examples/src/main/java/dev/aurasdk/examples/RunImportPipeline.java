package dev.aurasdk.examples;

import dev.aurasdk.imports.ImportJob;
import dev.aurasdk.imports.ImportJobs;
import dev.aurasdk.imports.ImportPipeline;
import dev.aurasdk.imports.ImportStep;
import dev.aurasdk.imports.PipelineListener;
import dev.aurasdk.imports.PipelineReport;
import dev.aurasdk.imports.ProjectRef;
import dev.aurasdk.imports.StepReport;
import dev.aurasdk.testkit.DemoWorld;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * RunImportPipeline: the three import flows — incremental sync (online jobs, run on your schedule),
 * historical load (one bulk job that overwrites all data, so it needs {@code --overwrite-all-data}) and
 * hybrid (historical, then incremental) — with retries of failed jobs and an alert listener. The
 * listener logs an {@code ALERT} line when a step fails for good: that is where you would page
 * someone (Slack, PagerDuty...).
 */
@Command(
        name = "RunImportPipeline",
        mixinStandardHelpOptions = true,
        versionProvider = SdkVersion.class,
        description = "Runs an incremental, historical or hybrid import pipeline with retries and alerts.")
public final class RunImportPipeline extends ExampleCommand {
    private static final Logger LOG = LoggerFactory.getLogger(RunImportPipeline.class);

    /** The three flows. */
    enum Mode {
        incremental,
        historical,
        hybrid
    }

    @Mixin
    CommonOptions common;

    @Option(
            names = "--mode",
            defaultValue = "incremental",
            description = "incremental, historical or hybrid (default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(
            names = "--instance-id",
            paramLabel = "ID",
            description = "Target instance id (default: AURA_INSTANCE_ID; the demo instance on the fake).")
    String instanceId;

    @Option(
            names = "--model-id",
            paramLabel = "UUID",
            description = "Import model of an incremental step (repeatable; default: AURA_IMPORT_MODEL_ID).")
    List<String> modelIds = new ArrayList<>();

    @Option(
            names = "--historical-model-id",
            paramLabel = "UUID",
            description = "Import model of the historical bulk load (default: the first --model-id).")
    String historicalModelId;

    @Option(
            names = "--overwrite-all-data",
            description = "Confirm the historical bulk load, which OVERWRITES ALL DATA in the instance.")
    boolean overwriteAllData;

    @Option(
            names = "--max-attempts",
            defaultValue = "3",
            description = "Attempts per step when its job fails (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    @Option(
            names = "--parallel",
            defaultValue = "1",
            description = "Incremental steps run at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(
            names = "--include-failing-demo-step",
            description = "On the fake: add a step whose model always fails, to see retries and the alert.")
    boolean includeFailingDemoStep;

    /**
     * Runs the program.
     *
     * @param args command-line arguments ({@code --help})
     */
    public static void main(String[] args) {
        main(new RunImportPipeline(), args);
    }

    @Override
    int run(ExampleEnvironment env, PrintWriter out) {
        env.requireWrites(common.allowWrites, "starts import jobs");
        if (mode != Mode.incremental && !overwriteAllData) {
            throw new ExampleEnvironment.UsageException("A " + mode + " pipeline runs a bulk import that "
                    + "overwrites all data in the instance: add --overwrite-all-data to confirm.");
        }
        ImportJobs jobs = ImportJobs.create(
                env.aura(), ProjectRef.of(env.organizationId(common.organizationId), env.projectId(common.projectId)));
        String instance = env.instanceId(instanceId);
        List<String> models = new ArrayList<>(modelIds);
        if (models.isEmpty()) {
            models.add(env.importModelId(null));
        }
        if (includeFailingDemoStep && env.isFake()) {
            models.add(DemoWorld.FAILING_IMPORT_MODEL_ID);
        }
        String historical = historicalModelId != null ? historicalModelId : models.get(0);
        String[] incremental = models.toArray(new String[0]);
        ImportPipeline.Builder pipeline;
        switch (mode) {
            case historical:
                pipeline = ImportPipeline.historicalLoadOverwritingAllData(jobs, instance, historical);
                break;
            case hybrid:
                pipeline = ImportPipeline.hybridOverwritingAllData(jobs, instance, historical, incremental);
                break;
            default:
                pipeline = ImportPipeline.incrementalSync(jobs, instance, incremental);
                break;
        }
        PipelineReport report = pipeline.maxAttempts(maxAttempts)
                .maxConcurrency(parallel)
                .continueOnFailure(true)
                .listener(new Alerts(out))
                .build()
                .run();

        out.println();
        Table table = new Table("STEP", "OUTCOME", "ATTEMPTS", "JOB IDS", "ROWS", "SECONDS");
        for (StepReport step : report.steps()) {
            table.row(
                    step.name(),
                    step.outcome(),
                    step.attempts(),
                    String.join(" ", step.jobIds()),
                    step.rowsProcessed() + "/" + step.rowsTotal(),
                    step.duration().toMillis() / 1000.0);
        }
        table.print(out);
        out.println();
        out.println(report.succeeded() ? "Pipeline succeeded." : "Pipeline finished with failed steps.");
        return report.succeeded() ? 0 : 1;
    }

    /** The alerting hook: plug Slack, PagerDuty or e-mail in here. */
    private static final class Alerts implements PipelineListener {
        private final PrintWriter out;

        Alerts(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void onStepStart(ImportStep step, int attempt) {
            out.println("step " + step.name() + ": attempt " + attempt + " starting");
            out.flush();
        }

        @Override
        public void onAttemptFailed(ImportStep step, int attempt, RuntimeException error, boolean willRetry) {
            out.println("step " + step.name() + ": attempt " + attempt + " failed (" + error.getMessage() + ")"
                    + (willRetry ? ", retrying" : ""));
            out.flush();
        }

        @Override
        public void onStepProgress(ImportStep step, ImportJob job) {
            LOG.debug("step {}: {}", step.name(), job.summary());
        }

        @Override
        public void onStepSuccess(StepReport report) {
            out.println("step " + report.name() + ": succeeded, " + report.rowsProcessed() + " rows");
            out.flush();
        }

        @Override
        public void onStepFailure(StepReport report) {
            String alert = "ALERT import step " + report.name() + " failed after " + report.attempts() + " attempt(s): "
                    + report.failure().orElse(report.outcome().toString());
            out.println(alert);
            out.flush();
            LOG.warn(alert); // e.g. slack.post(alert) or pagerDuty.trigger(alert)
        }
    }
}
