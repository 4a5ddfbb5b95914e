package dev.aurasdk.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.imports.CreateImportJob;
import dev.aurasdk.imports.ImportJob;
import dev.aurasdk.imports.ImportJobFailedException;
import dev.aurasdk.imports.ImportJobs;
import dev.aurasdk.imports.ProjectRef;
import dev.aurasdk.testkit.DemoWorld;
import dev.aurasdk.testkit.FakeAuraServer;
import dev.aurasdk.testkit.FakeImportModel;
import dev.aurasdk.testkit.FakeInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole flow: an import created through the SDK on a fake instance linked to a real Neo4j, awaited in virtual
 * time, then verified in Neo4j; then nodes deleted behind its back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndImportTest {
    static final String INSTANCE = "f00dcafe";
    static final String MODEL = "7d1a9a8e-2c55-4f0e-9d7b-3b1f5c2e8a10";
    static final String BROKEN_MODEL = "0b7e5a1c-7f3e-4a2d-8c9b-1e2f3a4b5c6d";

    static Harness neo;
    static FakeAuraServer fake;
    static AuraClient aura;
    static ImportJobs jobs;
    static Neo4jDatabases dbs;
    static ImportJob done;

    @BeforeAll
    static void start() {
        neo = Harness.start();
        fake = FakeAuraServer.builder().build().start();
        fake.seed()
                .instance(FakeInstance.of(INSTANCE, DemoWorld.PROJECT_ID)
                        .name("flights")
                        .linkedTo(new Neo4jLinkedDatabase(neo.uri(), neo.admin())));
        fake.seed()
                .importModel(FakeImportModel.of(MODEL)
                        .name("Flights (small)")
                        .node("Airport", 50)
                        .node("Aircraft", 12)
                        .node("Flight", 2_000)
                        .relationship("DEPARTS_FROM", 2_000)
                        .relationship("ARRIVES_AT", 2_000));
        fake.seed()
                .importModel(FakeImportModel.of(BROKEN_MODEL)
                        .node("Customer", 1_000)
                        .relationship("REFERRED", 400)
                        .failingWith("column 'customer_id' not found"));
        aura = fake.clientBuilder().build();
        jobs = ImportJobs.create(aura, ProjectRef.of(DemoWorld.ORGANIZATION_ID, DemoWorld.PROJECT_ID));
        dbs = Neo4jDatabases.builder()
                .client(aura)
                .instance("flights", INSTANCE, Harness.USER, Harness.PASSWORD)
                .build();
    }

    @AfterAll
    static void stop() {
        dbs.close();
        aura.close();
        fake.close();
        neo.close();
    }

    @Test
    @Order(1)
    void anImportAwaitedThroughTheSdkVerifiesOkInNeo4j() {
        String id = jobs.create(CreateImportJob.builder()
                        .importModelId(MODEL)
                        .instanceId(INSTANCE)
                        .build())
                .id();
        done = jobs.awaitCompletion(id);

        ImportVerification v = dbs.verifyImport("flights", done);

        assertThat(done.succeeded()).isTrue();
        assertThat(v.verdict()).isEqualTo(CheckStatus.OK);
        assertThat(v.checks())
                .extracting(CountCheck::name, CountCheck::expected, CountCheck::found)
                .containsExactly(
                        tuple("Airport", 50L, 50L),
                        tuple("Aircraft", 12L, 12L),
                        tuple("Flight", 2_000L, 2_000L),
                        tuple("DEPARTS_FROM", 2_000L, 2_000L),
                        tuple("ARRIVES_AT", 2_000L, 2_000L));
        assertThat(v.importJobId()).contains(id);
        assertThat(dbs.uri("flights")).contains(neo.uri());
    }

    @Test
    @Order(2)
    void nodesDeletedBehindItsBackMakeAMismatchNamingTheLabel() {
        neo.write("MATCH (a:Aircraft) WITH a LIMIT 3 DETACH DELETE a");

        ImportVerification v = dbs.verifyImport("flights", done);

        assertThat(v.verdict()).isEqualTo(CheckStatus.MISMATCH);
        assertThat(v.mismatches())
                .extracting(CountCheck::name, CountCheck::expected, CountCheck::found)
                .containsExactly(tuple("Aircraft", 12L, 9L));
        assertThat(v.checks())
                .filteredOn(c -> c.status() == CheckStatus.OK)
                .extracting(CountCheck::name)
                .containsExactly("Airport", "Flight", "DEPARTS_FROM", "ARRIVES_AT");
    }

    @Test
    @Order(3)
    void aFailedImportWritesWhatItsProgressReportsAndCannotBeVerified() {
        String id = jobs.create(CreateImportJob.builder()
                        .importModelId(BROKEN_MODEL)
                        .instanceId(INSTANCE)
                        .build())
                .id();
        ImportJobFailedException failed = org.assertj.core.api.Assertions.catchThrowableOfType(
                ImportJobFailedException.class, () -> jobs.awaitCompletion(id));
        ImportJob job = failed.job();
        long reported =
                job.progress().orElseThrow().nodes().get(0).createdNodes().orElseThrow();

        assertThat(reported).isBetween(1L, 999L);
        assertThat(neo.count("MATCH (c:Customer) RETURN count(c)")).isEqualTo(reported);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dbs.verifyImport("flights", job))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("did not succeed");
    }

    @Test
    @Order(4)
    void theReadmeSnippetRunsAsWritten() {
        neo.clear();
        String jobId = jobs.create(CreateImportJob.builder()
                        .importModelId(MODEL)
                        .instanceId(INSTANCE)
                        .build())
                .id();
        java.util.Map<String, String> env = java.util.Map.of(
                "NEO4J_INSTANCE_ID",
                INSTANCE,
                "NEO4J_USERNAME",
                Harness.USER,
                "NEO4J_PASSWORD",
                Harness.PASSWORD,
                "AURA_ORGANIZATION_ID",
                DemoWorld.ORGANIZATION_ID,
                "AURA_PROJECT_ID",
                DemoWorld.PROJECT_ID);
        java.util.List<String> out = new java.util.ArrayList<>();
        // as in README.md, with the environment given as maps
        try (Neo4jDatabases dbs = Neo4jDatabases.fromEnvironment(env, new java.util.Properties(), aura)) {
            try (org.neo4j.driver.Session session = dbs.session("default")) {
                session.run("MATCH (n) RETURN count(n)").single();
            }
            Neo4jHealthReport health = dbs.healthCheck();
            health.databases()
                    .forEach(d -> out.add(d.name() + " " + d.reachable() + " "
                            + d.serverVersion().orElse("?") + " " + d.latency().toMillis() + " ms"));

            ImportJob done = ImportJobs.create(aura, ProjectRef.fromEnvironment(env, new java.util.Properties()))
                    .awaitCompletion(jobId);
            ImportVerification v = dbs.verifyImport("default", done);
            v.mismatches().forEach(c -> out.add(c.name() + ": expected " + c.expected() + ", found " + c.found()));

            DatabaseOverview o = dbs.investigate("default");
            assertThat(o.labels()).extracting(LabelSummary::label).contains("Airport", "Aircraft", "Flight");
        }
        // one health line, no mismatch line
        assertThat(out.get(0)).startsWith("default true 5.26");
        assertThat(out).hasSize(1);
    }
}
