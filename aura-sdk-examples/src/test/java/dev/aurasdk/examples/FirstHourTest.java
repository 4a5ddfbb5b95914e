package dev.aurasdk.examples;

import static dev.aurasdk.examples.ExamplesTest.execute;
import static dev.aurasdk.examples.ExamplesTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.examples.ExamplesTest.Run;
import dev.aurasdk.imports.CreateImportJob;
import dev.aurasdk.imports.ImportJob;
import dev.aurasdk.imports.ImportJobs;
import dev.aurasdk.imports.ProjectRef;
import dev.aurasdk.testkit.DemoWorld;
import dev.aurasdk.testkit.FakeAuraServerMain;
import dev.aurasdk.testkit.StepMode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user meets in the first hour: settings, advice that works as printed, one-line mistakes. */
class FirstHourTest {
    /** The variables the standalone fake prints, as a shell would set them. */
    static Map<String, String> exportsOf(String text) {
        Map<String, String> env = new HashMap<>();
        text.lines().filter(l -> l.startsWith("export ")).forEach(l -> {
            String assignment = l.substring("export ".length());
            int eq = assignment.indexOf('=');
            String value = assignment.substring(eq + 1);
            if (value.startsWith("'")) {
                value = value.substring(1, value.length() - 1).replace("'\\''", "'");
            }
            env.put(assignment.substring(0, eq), value);
        });
        return env;
    }

    static dev.aurasdk.testkit.FakeAuraServer standaloneFake() {
        // MANUAL: jobs stay where they are, so the cancellation at the end of a chain always finds a live job
        return dev.aurasdk.testkit.FakeAuraServer.builder()
                .stepMode(StepMode.MANUAL)
                .build()
                .start();
    }

    @Test
    void aClientIdWithoutASecretIsAnErrorNamingTheSecretNotTheFake() {
        Run r = run(new FindAuraIds(), Map.of("AURA_API_CLIENT_ID", "my-client-id"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines())
                .containsExactly("error: AURA_API_CLIENT_ID is set but AURA_API_CLIENT_SECRET is "
                        + "not: set AURA_API_CLIENT_SECRET too, or unset both to run against the built-in fake.");
        assertThat(r.out()).doesNotContain("built-in fake");
    }

    @Test
    void aSecretWithoutAClientIdIsAnErrorNamingTheClientId() {
        Run r = run(new QuickStart(), Map.of("AURA_API_CLIENT_SECRET", "my-client-secret"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines())
                .hasSize(1)
                .first()
                .asString()
                .startsWith("error: AURA_API_CLIENT_SECRET is set but AURA_API_CLIENT_ID is not");
        assertThat(r.out()).doesNotContain("built-in fake");
    }

    @Test
    void aBaseUrlWithoutCredentialsIsAnErrorRatherThanTheBuiltInFake() {
        Run r = run(new ImportStatus(), Map.of("AURA_BASE_URL", "http://127.0.0.1:8089"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines())
                .hasSize(1)
                .first()
                .asString()
                .contains("AURA_BASE_URL is set but AURA_API_CLIENT_ID and AURA_API_CLIENT_SECRET are not");
        assertThat(r.out()).doesNotContain("built-in fake");
    }

    @Test
    void theAdviceOfTriggerImportWorksAsPrintedAgainstTheStandaloneFake() throws Exception {
        try (dev.aurasdk.testkit.FakeAuraServer fake = standaloneFake()) {
            Map<String, String> env = exportsOf(FakeAuraServerMain.summary(fake));
            assertThat(env.get("AURA_BASE_URL")).isEqualTo(fake.baseUrl());

            Run trigger = run(new TriggerImport(), env);
            assertThat(trigger.exitCode()).as(trigger.err()).isZero();
            assertThat(trigger.out()).startsWith("Using the Aura API at " + fake.baseUrl());
            Matcher created = Pattern.compile("Created import job (\\S+) ").matcher(trigger.out());
            assertThat(created.find()).as(trigger.out()).isTrue();
            String jobId = created.group(1);

            List<String> advice = trigger.out()
                    .lines()
                    .filter(l -> l.matches("(Follow|Cancel) it with: .*"))
                    .map(l -> l.substring(l.indexOf(": ") + 2))
                    .collect(java.util.stream.Collectors.toList());
            assertThat(advice).containsExactly("ImportStatus --job-id " + jobId, "CancelImport --job-id " + jobId);
            for (String command : advice) {
                String[] words = command.split(" ");
                ExampleCommand program = (ExampleCommand) Class.forName("dev.aurasdk.examples." + words[0])
                        .getDeclaredConstructor()
                        .newInstance();
                Run followUp = run(program, env, Arrays.copyOfRange(words, 1, words.length));
                assertThat(followUp.exitCode())
                        .as(command + "\n" + followUp.out() + followUp.err())
                        .isZero();
                assertThat(followUp.out()).as(command).contains("job " + jobId).doesNotContain("demo job");
            }
            assertThat(fake.journal().count("GET", ".*/import/jobs/" + jobId)).isGreaterThanOrEqualTo(2);
            assertThat(fake.journal().count("POST", ".*/import/jobs/" + jobId + "/cancellation"))
                    .isEqualTo(1);
            Run status = run(new ImportStatus(), env, "--job-id", jobId);
            assertThat(status.out()).contains("Cancelled");
        }
    }

    @Test
    void onTheBuiltInFakeTriggerImportGivesNoAdviceThatCannotWork() {
        Run r = run(new TriggerImport());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .doesNotContain("ImportStatus --job-id", "CancelImport --job-id")
                .contains("start RunFakeAura, set the variables it prints");
    }

    @Test
    void verifySetupIsAChecklistWhereAMissingIdIsAFailLineWithTheFix() {
        try (dev.aurasdk.testkit.FakeAuraServer fake = standaloneFake()) {
            Map<String, String> env = new HashMap<>(exportsOf(FakeAuraServerMain.summary(fake)));
            env.keySet().removeAll(List.of("AURA_ORGANIZATION_ID", "AURA_IMPORT_MODEL_ID", "AURA_INSTANCE_ID"));
            Run r = run(new VerifySetup(), env);
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).isEmpty();
            assertThat(r.out())
                    .containsPattern("FAIL\\s+organization id\\s+\\d+\\s+AURA_ORGANIZATION_ID is not set: set it or "
                            + "pass --organization-id \\(FindAuraIds lists them\\)")
                    .containsPattern("FAIL\\s+import model id\\s+\\d+\\s+AURA_IMPORT_MODEL_ID is not set: set it or "
                            + "pass --model-id \\(open the import model in the Aura console: the id is the last part "
                            + "of its URL, \\.\\.\\./tools/import/model/<id>\\)")
                    .containsPattern("PASS\\s+token")
                    .containsPattern("PASS\\s+project id\\s+\\d+\\s+" + DemoWorld.PROJECT_ID)
                    .containsPattern("PASS\\s+list instances")
                    .containsPattern("PASS\\s+instance id\\s+\\d+\\s+\\S+ \\(the first listed; set AURA_INSTANCE_ID")
                    .containsPattern("PASS\\s+list GraphQL Data APIs")
                    .containsPattern("SKIP\\s+import API reachable\\s+skipped: needs the organization and project ids")
                    .containsPattern("SKIP\\s+import dry run\\s+skipped: needs")
                    .contains("2 of 10 checks failed (3 skipped).")
                    .doesNotContain("Exception", "FindAuraIds lists them.)", "import model id: FindAuraIds");
        }
    }

    @Test
    void checklistFailuresNeverShowExceptionClassNames() {
        Run r = run(new VerifySetup(), "--instance-id", "deadbeef");
        assertThat(r.out()).contains("FAIL").doesNotContain("Exception", "dev.aurasdk");
    }

    @Test
    void aSkipLineSaysWhichVariablesEnableTheCheck() {
        Checklist checks = new Checklist();
        ExampleEnvironment env =
                ExampleEnvironment.open(Map.of(), new java.util.Properties(), new PrintWriter(new StringWriter()));
        try {
            assertThat(checks.skipUnlessSet(env, "bolt connection", "NEO4J_URI", "NEO4J_PASSWORD"))
                    .isFalse();
            assertThat(checks.check("ok", () -> "fine")).isTrue();
            StringWriter out = new StringWriter();
            assertThat(checks.print(new PrintWriter(out))).isZero();
            assertThat(out.toString())
                    .containsPattern("SKIP\\s+bolt connection\\s+skipped: set NEO4J_URI and NEO4J_PASSWORD to enable")
                    .contains("All 1 checks passed (1 skipped).");
            assertThat(ExampleEnvironment.skipped("the Bolt checks", "NEO4J_URI"))
                    .isEqualTo("skipped: the Bolt checks (set NEO4J_URI to enable)");
        } finally {
            env.close();
        }
    }

    @Test
    void aSchemaFileThatDoesNotExistIsOneLineAndExitTwo(@TempDir Path dir) {
        Path missing = dir.resolve("nope.graphql");
        for (ExampleCommand program : new ExampleCommand[] {new DeployGraphQLApi(), new QuickStart()}) {
            Run r = run(program, "--schema", missing.toString());
            assertThat(r.exitCode()).as(program.getClass().getSimpleName()).isEqualTo(2);
            assertThat(r.err().lines()).containsExactly("error: --schema " + missing + ": no such file.");
            assertThat(r.out()).doesNotContain("3. import job");
        }
    }

    @Test
    void fakeAuraServerWithAPortThatIsNotANumberIsOneLineAndExitTwo() {
        Run r = execute(new RunFakeAura(), "--port", "abc");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines())
                .hasSize(1)
                .first()
                .asString()
                .startsWith("error: Invalid value for option '--port': 'abc' is not an int")
                .endsWith("(RunFakeAura --help lists the options)");
    }

    @Test
    void fakeAuraServerWithAPortOutOfRangeIsOneLineAndExitTwo() {
        Run r = execute(new RunFakeAura(), "--port", "70000");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1).first().asString().startsWith("error: --port must be 0-65535");
    }

    @Test
    void fakeAuraServerOnABusyPortIsOneLineAndExitTwo() {
        try (dev.aurasdk.testkit.FakeAuraServer busy =
                dev.aurasdk.testkit.FakeAuraServer.create().start()) {
            RunFakeAura program = new RunFakeAura();
            program.stop = new CountDownLatch(0);
            Run r = execute(program, "--port", String.valueOf(busy.port()));
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err().lines())
                    .hasSize(1)
                    .first()
                    .asString()
                    .startsWith("error: port " + busy.port() + " is already in use");
        }
    }

    @Test
    void fakeAuraServerPrintsAnExportForEveryVariableTheExamplesRead() {
        RunFakeAura program = new RunFakeAura();
        program.stop = new CountDownLatch(0);
        Run r = execute(program, "--port", "0");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).allMatch(l -> l.startsWith("export ") || l.startsWith("#"));
        assertThat(exportsOf(r.out()).keySet())
                .containsExactlyInAnyOrder(
                        "AURA_BASE_URL",
                        "AURA_AUTH_URL",
                        "AURA_API_CLIENT_ID",
                        "AURA_API_CLIENT_SECRET",
                        "AURA_ORGANIZATION_ID",
                        "AURA_PROJECT_ID",
                        "AURA_INSTANCE_ID",
                        "AURA_IMPORT_MODEL_ID",
                        "AURA_JWKS_URL",
                        "AURA_INSTANCE_USERNAME",
                        "AURA_INSTANCE_PASSWORD");
    }

    /** The snapshots of one demo job, as an await hands them to a listener. */
    static List<ImportJob> snapshotsOfADemoJob() {
        try (dev.aurasdk.testkit.FakeAuraServer fake =
                        dev.aurasdk.testkit.FakeAuraServer.create().start();
                dev.aurasdk.core.AuraClient aura = fake.clientBuilder().build()) {
            ImportJobs jobs = ImportJobs.create(aura, ProjectRef.of(DemoWorld.ORGANIZATION_ID, DemoWorld.PROJECT_ID));
            String id = jobs.create(CreateImportJob.builder()
                            .importModelId(DemoWorld.IMPORT_MODEL_ID)
                            .instanceId(DemoWorld.INSTANCE_ID)
                            .build())
                    .id();
            List<ImportJob> snapshots = new ArrayList<>();
            jobs.awaitCompletion(id, snapshots::add);
            return snapshots;
        }
    }

    @Test
    void theProgressBarKeepsOneWidthAndDrawsTheFinalLineOnce() {
        List<ImportJob> snapshots = snapshotsOfADemoJob();
        ImportJob last = snapshots.get(snapshots.size() - 1);
        assertThat(last.succeeded()).isTrue();
        assertThat(snapshots).hasSizeGreaterThan(2);

        StringWriter lines = new StringWriter();
        try (ImportProgressBar bar = new ImportProgressBar("import", new PrintWriter(lines), false)) {
            snapshots.forEach(bar::onProgress);
            bar.onProgress(last); // a listener may hear the final snapshot more than once
            bar.onProgress(last);
        }
        List<String> printed = lines.toString().lines().collect(java.util.stream.Collectors.toList());
        assertThat(printed).hasSizeGreaterThan(1);
        assertThat(printed)
                .allSatisfy(l -> assertThat(l).hasSize(ImportProgressBar.WIDTH).startsWith("import ["));
        assertThat(printed.stream().filter(l -> l.contains("100%"))).hasSize(1);
        assertThat(printed.get(printed.size() - 1)).contains("] 100% Completed");

        StringWriter terminal = new StringWriter();
        try (ImportProgressBar bar = new ImportProgressBar("import", new PrintWriter(terminal), true)) {
            snapshots.forEach(bar::onProgress);
            bar.onProgress(last);
        }
        String drawn = terminal.toString();
        assertThat(drawn).endsWith(System.lineSeparator()).startsWith("\r");
        assertThat(Arrays.stream(drawn.substring(
                                1, drawn.length() - System.lineSeparator().length())
                        .split("\r")))
                .allSatisfy(f -> assertThat(f).hasSize(ImportProgressBar.WIDTH))
                .filteredOn(f -> f.contains("100%"))
                .hasSize(1);
    }

    @Test
    void aLongMessageIsCutToTheSameWidth() {
        ImportProgressBar bar = new ImportProgressBar("import", new PrintWriter(new StringWriter()), false);
        assertThat(bar.render(7, "x".repeat(200)))
                .hasSize(ImportProgressBar.WIDTH)
                .endsWith("...");
        assertThat(bar.render(100, "")).hasSize(ImportProgressBar.WIDTH);
    }
}
