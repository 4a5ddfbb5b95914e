package dev.aurasdk.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.aurasdk.imports.ImportExitState;
import dev.aurasdk.imports.ImportExitStatus;
import dev.aurasdk.imports.ImportJob;
import dev.aurasdk.imports.ImportJobInfo;
import dev.aurasdk.imports.ImportJobState;
import dev.aurasdk.imports.ImportProgress;
import dev.aurasdk.imports.NodeProgress;
import dev.aurasdk.imports.RelationshipProgress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Import verification and investigation against one real Neo4j (harness), emptied before each test. */
class VerifyAndInvestigateTest {
    /** Labels that would break naive quoting: backtick, space, quotes, backslash, an injection attempt. */
    static final List<String> AWKWARD = List.of(
            "Back`tick",
            "Two Words",
            "Quote'd \"x\"",
            "Back\\slash",
            "X`) CREATE (:Injected) //",
            "Uni\\u0060code) CREATE (:Injected) //");

    static Harness neo;
    static Neo4jDatabases dbs;

    @BeforeAll
    static void start() {
        neo = Harness.start();
        dbs = Neo4jDatabases.builder()
                .uri("main", neo.uri(), Harness.USER, Harness.PASSWORD)
                .build();
    }

    @AfterAll
    static void stop() {
        dbs.close();
        neo.close();
    }

    @BeforeEach
    void empty() {
        neo.clear();
    }

    private static void people(int persons, int knows) {
        neo.write("UNWIND range(1, $n) AS i CREATE (:Person {id: i, name: 'p' + i})", Map.of("n", persons));
        neo.write(
                "MATCH (a:Person) WITH collect(a) AS ps UNWIND range(0, $k - 1) AS i "
                        + "WITH ps[i % size(ps)] AS a, ps[(i + 1) % size(ps)] AS b CREATE (a)-[:KNOWS]->(b)",
                Map.of("k", knows));
    }

    @Test
    void verifiesMatchingCountsAsOk() {
        people(30, 45);
        ImportVerification v = dbs.verify(
                "main",
                ExpectedCounts.builder()
                        .putNodeLabels("Person", 30L)
                        .putRelationshipTypes("KNOWS", 45L)
                        .build());
        assertThat(v.verdict()).isEqualTo(CheckStatus.OK);
        assertThat(v.checks())
                .extracting(
                        CountCheck::kind, CountCheck::name, CountCheck::expected, CountCheck::found, CountCheck::status)
                .containsExactly(
                        tuple(CountKind.NODE_LABEL, "Person", 30L, 30L, CheckStatus.OK),
                        tuple(CountKind.RELATIONSHIP_TYPE, "KNOWS", 45L, 45L, CheckStatus.OK));
        assertThat(v.mismatches()).isEmpty();
        assertThat(v.queriesRun()).isEqualTo(2);
        assertThat(v.databaseName()).isEqualTo("main");
    }

    @Test
    void reportsAMismatchPerLabelAndTypeWithBothCounts() {
        people(30, 45);
        ImportVerification v = dbs.verify(
                "main",
                ExpectedCounts.builder()
                        .putNodeLabels("Person", 31L)
                        .putNodeLabels("Movie", 5L)
                        .putRelationshipTypes("KNOWS", 45L)
                        .putRelationshipTypes("ACTED_IN", 3L)
                        .build());
        assertThat(v.verdict()).isEqualTo(CheckStatus.MISMATCH);
        assertThat(v.mismatches())
                .extracting(CountCheck::name, CountCheck::expected, CountCheck::found)
                .containsExactly(tuple("Person", 31L, 30L), tuple("Movie", 5L, 0L), tuple("ACTED_IN", 3L, 0L));
    }

    @Test
    void countsLabelsAndTypesWithBackticksSpacesQuotesAndBackslashesWithoutRunningThem() {
        ExpectedCounts.Builder expected = ExpectedCounts.builder();
        for (int i = 0; i < AWKWARD.size(); i++) {
            String q = dev.aurasdk.neo4j.internal.Cypher.quote(AWKWARD.get(i));
            neo.write("UNWIND range(1, " + (i + 1) + ") AS x CREATE (a:" + q + ")-[:" + q + "]->(a)");
            expected.putNodeLabels(AWKWARD.get(i), (long) i + 1).putRelationshipTypes(AWKWARD.get(i), (long) i + 1);
        }
        ImportVerification v = dbs.verify("main", expected.build());
        assertThat(v.verdict()).isEqualTo(CheckStatus.OK);
        assertThat(v.checks()).hasSize(2 * AWKWARD.size());
        assertThat(neo.count("MATCH (n:Injected) RETURN count(n)")).isZero();

        DatabaseOverview o = dbs.investigate("main");
        assertThat(o.labels()).extracting(LabelSummary::label).containsExactlyInAnyOrderElementsOf(AWKWARD);
        assertThat(o.relationshipTypes())
                .extracting(RelationshipTypeSummary::type)
                .containsExactlyInAnyOrderElementsOf(AWKWARD);
        assertThat(o.labels())
                .filteredOn(l -> l.label().equals("Two Words"))
                .singleElement()
                .extracting(LabelSummary::count)
                .isEqualTo(2L);
    }

    @Test
    void countQueriesAreAnsweredFromTheCountStoreWithoutScanning() {
        people(5, 5);
        String query = dev.aurasdk.neo4j.internal.Queries.countQuery(
                List.of(
                        dev.aurasdk.neo4j.internal.Queries.nodeCount("Person"),
                        dev.aurasdk.neo4j.internal.Queries.relationshipCount("KNOWS"),
                        dev.aurasdk.neo4j.internal.Queries.nodeCount("Two Words")),
                0,
                3);
        java.util.List<String> operators = new java.util.ArrayList<>();
        try (org.neo4j.driver.Session s = neo.admin().session()) {
            collect(s.run("EXPLAIN " + query).consume().plan(), operators);
        }
        assertThat(operators)
                .anyMatch(o -> o.startsWith("NodeCountFromCountStore"))
                .anyMatch(o -> o.startsWith("RelationshipCountFromCountStore"))
                .noneMatch(o -> o.contains("Scan") || o.contains("Expand"));
    }

    private static void collect(org.neo4j.driver.summary.Plan plan, java.util.List<String> out) {
        out.add(plan.operatorType());
        plan.children().forEach(c -> collect(c, out));
    }

    @Test
    void expectsZeroForAnAbsentLabelAsOk() {
        ImportVerification v = dbs.verify(
                "main", ExpectedCounts.builder().putNodeLabels("Nothing", 0L).build());
        assertThat(v.verdict()).isEqualTo(CheckStatus.OK);
        assertThat(v.checks()).singleElement().extracting(CountCheck::found).isEqualTo(0L);
    }

    @Test
    void splitsManyLabelsIntoFewCountStoreQueries() {
        ExpectedCounts.Builder expected = ExpectedCounts.builder();
        for (int i = 0; i < 120; i++) {
            neo.write("CREATE (:L" + i + ")");
            expected.putNodeLabels("L" + i, 1L);
        }
        ImportVerification v = dbs.verify("main", expected.build());
        assertThat(v.verdict()).isEqualTo(CheckStatus.OK);
        assertThat(v.checks()).hasSize(120);
        assertThat(v.queriesRun()).isEqualTo(3); // 50 + 50 + 20 branches
    }

    @Test
    void verifiesASuccessfulImportJobSummingLabelsAcrossMappings() {
        people(12, 7);
        neo.write("UNWIND range(1, 3) AS i CREATE (:Person:Author {id: 100 + i})");
        ImportJob job = job(
                ImportExitState.SUCCESS,
                true,
                List.of(node("n:0", 12, "Person"), node("n:1", 3, "Person", "Author")),
                List.of(rel("r:2", "KNOWS", 7)));
        ImportVerification v = dbs.verifyImport("main", job);
        assertThat(v.importJobId()).contains(job.id());
        assertThat(v.checks())
                .extracting(CountCheck::name, CountCheck::expected, CountCheck::found)
                .containsExactly(tuple("Person", 15L, 15L), tuple("Author", 3L, 3L), tuple("KNOWS", 7L, 7L));
        assertThat(v.verdict()).isEqualTo(CheckStatus.OK);
    }

    @Test
    void refusesAJobThatHasNotSucceededOrLacksItsProgressBeforeAnyQuery() {
        // an unreachable database proves no query is sent: the job is refused first
        try (Neo4jDatabases down = Neo4jDatabases.builder()
                .uri("down", "bolt://127.0.0.1:" + RegistryTest.closedPort(), "neo4j", Harness.PASSWORD)
                .build()) {
            List<NodeProgress> nodes = List.of(node("n:0", 1, "A"));
            assertThatThrownBy(() -> down.verifyImport("down", job(null, true, nodes, List.of())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("has not finished");
            assertThatThrownBy(() -> down.verifyImport("down", job(ImportExitState.FAILURE, true, nodes, List.of())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("did not succeed");
            assertThatThrownBy(() -> down.verifyImport("down", job(ImportExitState.CANCELLED, true, nodes, List.of())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("did not succeed");
            assertThatThrownBy(() -> down.verifyImport("down", job(ImportExitState.SUCCESS, false, nodes, List.of())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("getWithProgress");
            NodeProgress noCount =
                    NodeProgress.builder().id("n:9").addLabels("A").build();
            assertThatThrownBy(() ->
                            down.verifyImport("down", job(ImportExitState.SUCCESS, true, List.of(noCount), List.of())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("n:9");
        }
    }

    @Test
    void refusesNegativeOrEmptyExpectations() {
        assertThatThrownBy(
                        () -> ExpectedCounts.builder().putNodeLabels("A", -1L).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
        assertThatThrownBy(() ->
                        ExpectedCounts.builder().putRelationshipTypes("", 1L).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> dbs.verify("main", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void investigatesTotalsLabelsTypesAndCountsFromTheCountStore() {
        people(40, 90);
        neo.write("UNWIND range(1, 5) AS i CREATE (:Movie {title: 't' + i, released: 2000 + i})");
        DatabaseOverview o = dbs.investigate("main");
        assertThat(o.nodeCount()).isEqualTo(45);
        assertThat(o.relationshipCount()).isEqualTo(90);
        assertThat(o.labels())
                .extracting(LabelSummary::label, LabelSummary::count, LabelSummary::propertyKeys)
                .containsExactly(
                        tuple("Movie", 5L, List.of("released", "title")), tuple("Person", 40L, List.of("id", "name")));
        assertThat(o.relationshipTypes())
                .extracting(RelationshipTypeSummary::type, RelationshipTypeSummary::count)
                .containsExactly(tuple("KNOWS", 90L));
        assertThat(o.database()).isEqualTo("neo4j");
        assertThat(o.queriesRun()).isEqualTo(8);
    }

    @Test
    void samplesPropertyKeysFromABoundedNumberOfNodes() {
        neo.write("UNWIND range(1, 50) AS i CREATE (n:Sparse) SET n['k' + i] = i");
        DatabaseOverview o = dbs.investigate("main", 10);
        assertThat(o.sampleSize()).isEqualTo(10);
        assertThat(o.labels()).singleElement().satisfies(l -> {
            assertThat(l.count()).isEqualTo(50);
            assertThat(l.propertyKeys()).hasSize(10).allMatch(k -> k.matches("k\\d+"));
        });
        assertThat(dbs.investigate("main", 50).labels().get(0).propertyKeys()).hasSize(50);
    }

    @Test
    void listsIndexesAndConstraints() {
        neo.write("CREATE CONSTRAINT person_id FOR (p:Person) REQUIRE p.id IS UNIQUE");
        neo.write("CREATE INDEX person_name FOR (p:Person) ON (p.name)");
        neo.write("CREATE INDEX knows_since FOR ()-[k:KNOWS]-() ON (k.since)");
        DatabaseOverview o = dbs.investigate("main");
        assertThat(o.constraints())
                .extracting(
                        SchemaItem::name,
                        SchemaItem::type,
                        SchemaItem::entityType,
                        SchemaItem::labelsOrTypes,
                        SchemaItem::properties)
                .containsExactly(tuple("person_id", "UNIQUENESS", "NODE", List.of("Person"), List.of("id")));
        assertThat(o.indexes()).extracting(SchemaItem::name).contains("person_name", "knows_since", "person_id");
        assertThat(o.indexes())
                .filteredOn(i -> i.name().equals("knows_since"))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.entityType()).isEqualTo("RELATIONSHIP");
                    assertThat(i.labelsOrTypes()).containsExactly("KNOWS");
                    assertThat(i.state()).isPresent();
                });
        assertThat(o.indexes()).filteredOn(i -> i.type().equals("LOOKUP")).hasSize(2);
    }

    @Test
    void anEmptyDatabaseHasAnEmptyOverview() {
        DatabaseOverview o = dbs.investigate("main");
        assertThat(o.nodeCount()).isZero();
        assertThat(o.relationshipCount()).isZero();
        assertThat(o.labels()).allMatch(l -> l.count() == 0);
        assertThat(o.constraints()).isEmpty();
    }

    @Test
    void theOverviewIsImmutable() {
        people(2, 1);
        DatabaseOverview o = dbs.investigate("main");
        assertThatThrownBy(() -> o.labels().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> o.labels().get(0).propertyKeys().add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> o.indexes().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesASampleSizeOutOfRange() {
        assertThatThrownBy(() -> dbs.investigate("main", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sampleSize");
        assertThatThrownBy(() -> dbs.investigate("main", 100_001)).isInstanceOf(IllegalArgumentException.class);
    }

    static NodeProgress node(String id, long created, String... labels) {
        return NodeProgress.builder()
                .id(id)
                .addLabels(labels)
                .totalRows(created)
                .processedRows(created)
                .createdNodes(created)
                .build();
    }

    static RelationshipProgress rel(String id, String type, long created) {
        return RelationshipProgress.builder()
                .id(id)
                .type(type)
                .totalRows(created)
                .processedRows(created)
                .createdRelationships(created)
                .build();
    }

    static ImportJob job(
            ImportExitState exit, boolean withProgress, List<NodeProgress> nodes, List<RelationshipProgress> rels) {
        ImportJobInfo.Builder info =
                ImportJobInfo.builder().state(exit == null ? ImportJobState.RUNNING : ImportJobState.COMPLETED);
        if (exit != null) {
            info.exitStatus(ImportExitStatus.builder().state(exit).build());
        }
        if (withProgress) {
            info.progress(
                    ImportProgress.builder().nodes(nodes).relationships(rels).build());
        }
        return ImportJob.builder()
                .id("5e4c0a3e-1b2c-4d5e-8f90-0a1b2c3d4e5f")
                .info(info.build())
                .build();
    }

    static Map<String, Long> map(Object... kv) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).longValue());
        }
        return m;
    }
}
