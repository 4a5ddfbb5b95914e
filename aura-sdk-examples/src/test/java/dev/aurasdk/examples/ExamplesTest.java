package dev.aurasdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.testkit.DemoWorld;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Every example's logic, run in-process against the fake (no System.exit). */
class ExamplesTest {
    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {}

    static Run run(ExampleCommand command, Map<String, String> env, String... args) {
        command.environment = env;
        command.properties = new Properties();
        return execute(command, args);
    }

    static Run run(ExampleCommand command, String... args) {
        return run(command, Map.of(), args);
    }

    static Run execute(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ExampleCommand.commandLine(command)
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void quickStartRunsEveryStageAgainstTheFake() {
        Run r = run(new QuickStart());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow())
                .startsWith("No AURA_API_CLIENT_ID set: using the built-in fake Aura server at http://127.0.0.1:");
        assertThat(r.out())
                .contains(
                        "1. health check",
                        "2. find ids",
                        "3. import job",
                        "4. per-label counts",
                        "5. create GraphQL Data API",
                        "6. add JWKS provider",
                        "7. allow CORS origin",
                        "8. update type definitions",
                        "9. query the API",
                        "10. clean up",
                        "Summary (built-in fake");
        assertThat(r.out())
                .contains(
                        "Completed/Success 100.0%",
                        "Airport",
                        "DEPARTS_FROM",
                        "\"authenticatedBy\":\"api-key\"",
                        "\"tenantId\":\"tenant-a\"",
                        "deleted ");
        assertThat(r.out()).doesNotContain("FAILED");
    }

    @Test
    void verifySetupPassesEveryCheckOnTheFake() {
        Run r = run(new VerifySetup());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        for (String check : new String[] {
            "environment",
            "token",
            "v1 \\(tenants\\)",
            "list instances",
            "import API reachable",
            "list GraphQL Data APIs",
            "import dry run"
        }) {
            assertThat(r.out()).containsPattern("PASS\\s+" + check);
        }
        for (String check : new String[] {"organization id", "project id", "instance id", "import model id"}) {
            assertThat(r.out()).containsPattern("PASS\\s+" + check);
        }
        assertThat(r.out())
                .contains("All 12 checks passed (1 skipped).")
                .containsPattern("SKIP\\s+bolt connection\\s+"
                        + "skipped: set NEO4J_URI or NEO4J_INSTANCE_ID, NEO4J_USERNAME and NEO4J_PASSWORD to enable");
        assertThat(r.out().lines().filter(l -> l.contains("SKIP"))).hasSize(1);
    }

    @Test
    void withNoNeo4jDatabaseConfiguredInvestigateDataSaysInOneLineWhatItSkippedAndExitsZero() {
        Run r = run(new InvestigateData());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().skip(1))
                .containsExactly(
                        "skipped: investigating the data (no Neo4j database "
                                + "configured) (set NEO4J_URI or NEO4J_INSTANCE_ID, NEO4J_USERNAME and NEO4J_PASSWORD to enable)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void withNoNeo4jDatabaseConfiguredTriggerImportRunsTheImportAndSkipsOnlyTheVerification() {
        Run r = run(new TriggerImport(), "--wait", "--verify");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Completed/Success");
        assertThat(r.out().lines().filter(l -> l.contains("skipped")))
                .containsExactly("skipped: verifying the import "
                        + "in Neo4j (no Neo4j database configured) (set NEO4J_URI or NEO4J_INSTANCE_ID, NEO4J_USERNAME and "
                        + "NEO4J_PASSWORD to enable)");
        assertThat(r.out()).doesNotContain("Verdict");
    }

    @Test
    void neo4jSettingMistakesAreOneLineAndExitTwoBeforeAnImportStarts() {
        Run noWait = run(new TriggerImport(), "--verify");
        assertThat(noWait.exitCode()).isEqualTo(2);
        assertThat(noWait.err().lines())
                .containsExactly("error: --verify needs --wait: the counts can be verified "
                        + "only once the import has completed.");
        assertThat(noWait.out()).doesNotContain("Created import job");

        Run noPassword = run(new TriggerImport(), Map.of("NEO4J_URI", "bolt://127.0.0.1:7687"), "--wait", "--verify");
        assertThat(noPassword.exitCode()).isEqualTo(2);
        assertThat(noPassword.err().lines())
                .hasSize(1)
                .first()
                .asString()
                .startsWith("error: ")
                .contains("NEO4J_PASSWORD");
        assertThat(noPassword.out()).doesNotContain("Created import job");

        Run unknown = run(
                new TriggerImport(),
                Map.of("NEO4J_URI", "bolt://127.0.0.1:7687", "NEO4J_PASSWORD", "x"),
                "--wait",
                "--verify",
                "--database",
                "orders");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().lines())
                .containsExactly(
                        "error: --database orders: no such Neo4j database is " + "configured (configured: default).");
        assertThat(unknown.out()).doesNotContain("Created import job");

        Run badUri = run(new VerifySetup(), Map.of("NEO4J_URI", "http://127.0.0.1:7687", "NEO4J_PASSWORD", "x"));
        assertThat(badUri.exitCode()).isEqualTo(1);
        assertThat(badUri.out())
                .containsPattern("FAIL\\s+bolt connection\\s+\\d+\\s+\\S.*http")
                .containsPattern("PASS\\s+import dry run");

        Run badSample = run(
                new InvestigateData(),
                Map.of("NEO4J_URI", "bolt://127.0.0.1:7687", "NEO4J_PASSWORD", "x"),
                "--sample-size",
                "0");
        assertThat(badSample.exitCode()).isEqualTo(2);
        assertThat(badSample.err().lines()).containsExactly("error: sampleSize must be between 1 and 100000, got 0");
    }

    @Test
    void verifySetupFailsWithExitOneWhenACheckFails() {
        Run r = run(new VerifySetup(), "--instance-id", "deadbeef");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out())
                .containsPattern("FAIL\\s+import dry run\\s+\\d+\\s+.*instance deadbeef not found")
                .containsPattern("PASS\\s+token")
                .contains("2 of 12 checks failed (1 skipped).");
    }

    @Test
    void findAuraIdsPrintsOrganizationsProjectsAndInstances() {
        Run r = run(new FindAuraIds());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains(
                        DemoWorld.ORGANIZATION_ID,
                        DemoWorld.PROJECT_ID,
                        DemoWorld.STAGING_PROJECT_ID,
                        DemoWorld.INSTANCE_ID,
                        DemoWorld.STAGING_INSTANCE_ID,
                        "ORGANIZATION ID");
    }

    @Test
    void findAuraIdsTalksToTheRealApiWhenCredentialsAreSet() {
        try (dev.aurasdk.testkit.FakeAuraServer aura =
                dev.aurasdk.testkit.FakeAuraServer.create().start()) {
            Map<String, String> env = new HashMap<>();
            env.put("AURA_API_CLIENT_ID", aura.clientId());
            env.put("AURA_API_CLIENT_SECRET", aura.clientSecret());
            env.put("AURA_BASE_URL", aura.baseUrl());
            Run r = run(new FindAuraIds(), env);
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out())
                    .startsWith("Using the Aura API at " + aura.baseUrl())
                    .contains(DemoWorld.INSTANCE_ID);
            assertThat(aura.tokenRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void writesAgainstTheRealAuraNeedAllowWrites() {
        Map<String, String> env = Map.of(
                "AURA_API_CLIENT_ID",
                "id",
                "AURA_API_CLIENT_SECRET",
                "secret",
                "AURA_BASE_URL",
                "https://aura.example.invalid");
        for (ExampleCommand command : new ExampleCommand[] {
            new QuickStart(), new TriggerImport(), new CancelImport(), new RunImportPipeline(), new DeployGraphQLApi()
        }) {
            Run r = run(command, env, "--job-id", "87d485b4-73fc-4a7f-bb03-720f4672947e");
            if (r.exitCode() == 2 && r.err().contains("Unknown option")) {
                r = run(command, env);
            }
            assertThat(r.exitCode()).as(command.getClass().getSimpleName()).isEqualTo(2);
            assertThat(r.err()).contains("--allow-writes");
        }
    }

    @Test
    void triggerImportWaitsWithAProgressBarAndShowsCounts() {
        Run r = run(new TriggerImport(), "--wait");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Created import job", "] 100% Completed", "Completed/Success", "Flight");
    }

    @Test
    void triggerImportOfAFailingModelExitsOneWithAurasMessage() {
        Run r = run(new TriggerImport(), "--wait", "--model-id", DemoWorld.FAILING_IMPORT_MODEL_ID);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("FAILED: ").contains("column 'customer_id' not found");
    }

    @Test
    void importStatusAndCancelImportWorkOnTheFake() {
        Run status = run(new ImportStatus());
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("started demo job", "job ");
        Run cancel = run(new CancelImport());
        assertThat(cancel.exitCode()).as(cancel.err()).isZero();
        assertThat(cancel.out()).contains("Cancellation requested", "Cancelled");
    }

    @Test
    void pipelineRetriesAFailingStepAndRaisesAnAlert() {
        Run r = run(new RunImportPipeline(), "--include-failing-demo-step", "--max-attempts", "2");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out())
                .contains(
                        "attempt 1 failed",
                        "retrying",
                        "ALERT import step",
                        "after 2 attempt(s)",
                        "SUCCEEDED",
                        "FAILED",
                        "Pipeline finished with failed steps.");
    }

    @Test
    void historicalPipelineNeedsTheOverwriteFlag() {
        Run refused = run(new RunImportPipeline(), "--mode", "historical");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("--overwrite-all-data");
        Run hybrid = run(new RunImportPipeline(), "--mode", "hybrid", "--overwrite-all-data");
        assertThat(hybrid.exitCode()).as(hybrid.out() + hybrid.err()).isZero();
        assertThat(hybrid.out()).contains("Pipeline succeeded.");
    }

    @Test
    void deployGraphQLApiPrintsTheUrlAndTheKeyOnce() {
        Run r = run(new DeployGraphQLApi(), "--cors-origin", "https://shop.example.com");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Ready: http://127.0.0.1:", "CORS origins: https://shop.example.com", "API key (shown once");
    }

    @Test
    void badArgumentsPrintOneLineAndExitTwoWithoutAStackTrace() {
        Run unknown = run(new TriggerImport(), "--no-such-option");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().lines())
                .containsExactly("error: Unknown option: '--no-such-option' (TriggerImport --help lists the options)");
        Run badId = run(new TriggerImport(), "--model-id", "not-a-uuid");
        assertThat(badId.exitCode()).isEqualTo(2);
        assertThat(badId.err().lines())
                .hasSize(1)
                .first()
                .asString()
                .startsWith("error: ")
                .contains("UUID");
        Run badMode = run(new RunImportPipeline(), "--mode", "sideways");
        assertThat(badMode.exitCode()).isEqualTo(2);
        assertThat(badMode.err().lines())
                .hasSize(1)
                .first()
                .asString()
                .startsWith("error: ")
                .contains("sideways");
    }

    @Test
    void everyProgramHasHelp() {
        for (Object command : new Object[] {
            new QuickStart(),
            new VerifySetup(),
            new FindAuraIds(),
            new TriggerImport(),
            new ImportStatus(),
            new CancelImport(),
            new RunImportPipeline(),
            new DeployGraphQLApi(),
            new RunFakeAura(),
            new InvestigateData()
        }) {
            Run r = execute(command, "--help");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).contains("Usage: " + command.getClass().getSimpleName(), "--help");
            Run version = execute(command, "--version");
            assertThat(version.out()).startsWith("Aura SDK for Java 0.1.0-SNAPSHOT (Java ");
        }
    }

    @Test
    void fakeAuraServerProgramStartsAndPrintsTheSettings() {
        RunFakeAura program = new RunFakeAura();
        program.stop = new CountDownLatch(0);
        Run r = execute(program, "--port", "0", "--pace", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "# Fake Aura API server listening on http://127.0.0.1:",
                        "export AURA_API_CLIENT_ID=" + DemoWorld.CLIENT_ID,
                        DemoWorld.IMPORT_MODEL_ID,
                        "~2.0 s");
    }
}
