package dev.aurasdk.examples;

import static dev.aurasdk.examples.ExamplesTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.examples.ExamplesTest.Run;
import dev.aurasdk.neo4j.Harness;
import dev.aurasdk.neo4j.Neo4jLinkedDatabase;
import dev.aurasdk.testkit.CompletedImport;
import dev.aurasdk.testkit.DemoWorld;
import dev.aurasdk.testkit.FakeImportModel;
import dev.aurasdk.testkit.FakeInstance;
import dev.aurasdk.testkit.LinkedDatabase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The examples' Neo4j side (InvestigateData, TriggerImport --wait --verify, VerifySetup's Bolt checks) against a
 * real Neo4j started in-process once for the class; each test that needs data clears the database first.
 */
class Neo4jExamplesTest {
    static final String LINKED_INSTANCE = "be11ca5e";
    static final String MODEL = "5c0ffee0-1d2e-4f3a-9b8c-7d6e5f4a3b2c";

    static Harness neo;

    @BeforeAll
    static void start() {
        neo = Harness.start();
    }

    @AfterAll
    static void stop() {
        neo.close();
    }

    /** The settings of one database at the harness. */
    static Map<String, String> database(String password) {
        return Map.of("NEO4J_URI", neo.uri(), "NEO4J_USERNAME", Harness.USER, "NEO4J_PASSWORD", password);
    }

    /** The rows of the table printed under {@code title:}, as cells (columns are two or more spaces apart). */
    static List<List<String>> table(String out, String title) {
        List<String> lines = out.lines().collect(Collectors.toList());
        int start = lines.indexOf(title + ":");
        assertThat(start).as("a table titled " + title + " in:%n" + out).isNotNegative();
        List<List<String>> rows = new ArrayList<>();
        for (int i = start + 3; i < lines.size() && !lines.get(i).isBlank(); i++) {
            rows.add(Arrays.asList(lines.get(i).strip().split("\\s{2,}")));
        }
        return rows;
    }

    /** An instance of the built-in fake whose imports write to the harness, and a small model for it. */
    static void linkInstance(dev.aurasdk.testkit.FakeAuraServer fake, LinkedDatabase linked) {
        fake.seed()
                .instance(FakeInstance.of(LINKED_INSTANCE, DemoWorld.PROJECT_ID)
                        .name("linked")
                        .linkedTo(linked))
                .importModel(FakeImportModel.of(MODEL)
                        .name("Shop")
                        .node("Customer", 40)
                        .node("Product", 15)
                        .relationship("BOUGHT", 60));
    }

    static Run triggerImportWithVerify(LinkedDatabase linked) {
        TriggerImport program = new TriggerImport();
        program.seedFake = fake -> linkInstance(fake, linked);
        return run(
                program,
                Map.of(
                        "NEO4J_INSTANCE_ID",
                        LINKED_INSTANCE,
                        "NEO4J_USERNAME",
                        Harness.USER,
                        "NEO4J_PASSWORD",
                        Harness.PASSWORD),
                "--wait",
                "--verify",
                "--model-id",
                MODEL,
                "--instance-id",
                LINKED_INSTANCE);
    }

    @Test
    void investigateDataPrintsLabelsTypesCountsKeysIndexesAndConstraintsAsTables() {
        neo.clear();
        neo.write("CREATE (:Person {name: 'Ann', born: 1970}), (:Person {name: 'Bob'}), (:Person {name: 'Cy'}), "
                + "(:Movie {title: 'Heat'}), (:Movie {title: 'Ronin'}), (:`Film Noir` {year: 1944})");
        neo.write("MATCH (p:Person {name: 'Ann'}), (m:Movie) CREATE (p)-[:ACTED_IN]->(m)");
        neo.write("MATCH (a:Person {name: 'Ann'}), (b:Person {name: 'Bob'}) CREATE (a)-[:FOLLOWS]->(b)");
        neo.write("CREATE INDEX person_name FOR (p:Person) ON (p.name)");
        neo.write("CREATE CONSTRAINT movie_title FOR (m:Movie) REQUIRE m.title IS UNIQUE");
        neo.write("CALL db.awaitIndexes(60)");

        Run r = run(new InvestigateData(), database(Harness.PASSWORD));

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Database 'default' (neo4j at " + neo.uri() + "): 6 nodes, 3 relationships (");
        assertThat(table(r.out(), "Labels"))
                .containsExactly(
                        List.of("Film Noir", "1", "year"),
                        List.of("Movie", "2", "title"),
                        List.of("Person", "3", "born, name"));
        assertThat(table(r.out(), "Relationship types"))
                .containsExactly(List.of("ACTED_IN", "2"), List.of("FOLLOWS", "1"));
        assertThat(table(r.out(), "Indexes"))
                .filteredOn(row -> !row.get(1).equals("LOOKUP"))
                .containsExactly(
                        List.of("movie_title", "RANGE", "NODE", "Movie", "title", "ONLINE"),
                        List.of("person_name", "RANGE", "NODE", "Person", "name", "ONLINE"));
        assertThat(table(r.out(), "Constraints"))
                .containsExactly(List.of("movie_title", "UNIQUENESS", "NODE", "Movie", "title"));
        assertThat(r.out()).contains("PROPERTY KEYS (sample of 100)");
    }

    @Test
    void investigateDataOfAnEmptyDatabaseSaysNoneForEachTable() {
        neo.clear();

        Run r = run(new InvestigateData(), database(Harness.PASSWORD), "--sample-size", "5");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        ": 0 nodes, 0 relationships (",
                        "Labels: none",
                        "Relationship types: none",
                        "Constraints: none");
    }

    @Test
    void triggerImportWaitVerifyOnAFakeInstanceLinkedToNeo4jPrintsOkPerLabelAndTypeAndExitsZero() {
        neo.clear();

        Run r = triggerImportWithVerify(new Neo4jLinkedDatabase(neo.uri(), neo.admin()));

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out())
                .contains("Completed/Success", "in database 'default' (" + neo.uri() + "):")
                .containsPattern("\\n\\s*OK\\s+label\\s+Customer\\s+40\\s+40\\n")
                .containsPattern("\\n\\s*OK\\s+label\\s+Product\\s+15\\s+15\\n")
                .containsPattern("\\n\\s*OK\\s+type\\s+BOUGHT\\s+60\\s+60\\n")
                .contains("Verdict: OK (3 checks")
                .doesNotContain("MISMATCH");
        assertThat(neo.count("MATCH (c:Customer) RETURN count(c)")).isEqualTo(40);
    }

    @Test
    void triggerImportWaitVerifyExitsOneOnAMismatchNamingTheLabel() {
        neo.clear();
        LinkedDatabase real = new Neo4jLinkedDatabase(neo.uri(), neo.admin());
        LinkedDatabase lossy = new LinkedDatabase() {
            @Override
            public String connectionUrl() {
                return real.connectionUrl();
            }

            @Override
            public void importCompleted(CompletedImport completed) {
                real.importCompleted(completed);
                neo.write("MATCH (p:Product) WITH p LIMIT 4 DETACH DELETE p"); // behind the import's back
            }
        };

        Run r = triggerImportWithVerify(lossy);

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out())
                .containsPattern("\\n\\s*MISMATCH\\s+label\\s+Product\\s+15\\s+11\\n")
                .containsPattern("\\n\\s*OK\\s+label\\s+Customer\\s+40\\s+40\\n")
                .contains("Verdict: MISMATCH (");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void verifySetupShowsAPassBoltLineAndAFailLineWithTheReasonNextToTheApiChecks() {
        Map<String, String> env = new java.util.HashMap<>(database(Harness.PASSWORD));
        env.put("NEO4J_OTHER_URI", neo.uri());
        env.put("NEO4J_OTHER_PASSWORD", Harness.WRONG_PASSWORD);

        Run r = run(new VerifySetup(), env);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out())
                .containsPattern("PASS\\s+token")
                .containsPattern("PASS\\s+import dry run")
                .containsPattern("PASS\\s+bolt default\\s+\\d+\\s+Neo4j 5\\.26\\.\\S+ (community|enterprise), "
                        + "database neo4j, " + java.util.regex.Pattern.quote(neo.uri()))
                .containsPattern("FAIL\\s+bolt other\\s+\\d+\\s+Neo4j database 'other' at .* refused the "
                        + "credentials of user 'neo4j'")
                .contains("1 of 14 checks failed.");
        assertThat(r.out()).doesNotContain(Harness.WRONG_PASSWORD, Harness.PASSWORD, "org.neo4j", "\tat ");
    }

    @Test
    void aDatabaseFailureIsOneLineWithExitOneAndAnUnknownDatabaseNameOneLineWithExitTwo() {
        Run wrong = run(new InvestigateData(), database(Harness.WRONG_PASSWORD));
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err().lines())
                .hasSize(1)
                .first()
                .asString()
                .startsWith("FAILED: ")
                .contains("'default'");
        assertThat(wrong.err())
                .contains("refused the credentials")
                .doesNotContain(Harness.WRONG_PASSWORD, "org.neo4j", "\tat ");

        Run unknown = run(new InvestigateData(), database(Harness.PASSWORD), "--database", "orders");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().lines())
                .containsExactly("error: no Neo4j database named 'orders' is registered (known: default)");
    }
}
