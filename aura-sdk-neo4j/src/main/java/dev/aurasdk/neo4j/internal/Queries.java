package dev.aurasdk.neo4j.internal;

import dev.aurasdk.neo4j.CountCheck;
import dev.aurasdk.neo4j.CountKind;
import dev.aurasdk.neo4j.DatabaseHealth;
import dev.aurasdk.neo4j.DatabaseOverview;
import dev.aurasdk.neo4j.ExpectedCounts;
import dev.aurasdk.neo4j.ImportVerification;
import dev.aurasdk.neo4j.LabelSummary;
import dev.aurasdk.neo4j.Neo4jDatabaseException;
import dev.aurasdk.neo4j.RelationshipTypeSummary;
import dev.aurasdk.neo4j.SchemaItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.NotificationConfig;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.summary.ResultSummary;

/**
 * The read-only queries of health checks, verifications and investigations. Each runs in one explicit read
 * transaction with a timeout (no automatic retries: a failure is reported at once). Not API.
 */
public final class Queries {
    /** Count-store branches per UNION query: keeps each query short whatever the number of labels. */
    static final int BRANCHES_PER_QUERY = 50;

    private Queries() {}

    /** Counts queries sent in one transaction. */
    private static final class Tx {
        final Transaction tx;
        int queries;
        String database;

        Tx(Transaction tx) {
            this.tx = tx;
        }

        List<Record> run(String query, Map<String, Object> params) {
            queries++;
            Result result = tx.run(query, params);
            List<Record> records = result.list();
            ResultSummary summary = result.consume();
            database = summary.database().name();
            return records;
        }

        List<Record> run(String query) {
            return run(query, Map.of());
        }
    }

    /**
     * The session configuration of the SDK's own queries: read access, the entry's database, no notifications.
     *
     * @param entry the entry
     * @return the configuration
     */
    public static SessionConfig readConfig(Entry entry) {
        SessionConfig.Builder b = SessionConfig.builder()
                .withDefaultAccessMode(AccessMode.READ)
                .withNotificationConfig(NotificationConfig.disableAllConfig());
        entry.database().ifPresent(b::withDatabase);
        return b.build();
    }

    private static <T> T inReadTransaction(Entry entry, Duration timeout, Function<Tx, T> work) {
        try (Session session = entry.driver().session(readConfig(entry));
                Transaction tx = session.beginTransaction(
                        TransactionConfig.builder().withTimeout(timeout).build())) {
            T out = work.apply(new Tx(tx));
            tx.commit();
            return out;
        } catch (Neo4jDatabaseException | IllegalStateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw Errors.translate(entry.name(), entry.where(), entry.user(), e);
        }
    }

    /**
     * Checks one database; never throws.
     *
     * @param entry the entry
     * @param timeout transaction timeout
     * @return the health
     */
    public static DatabaseHealth health(Entry entry, Duration timeout) {
        long t0 = System.nanoTime();
        DatabaseHealth.Builder b = DatabaseHealth.builder().name(entry.name()).instanceId(entry.instanceId());
        try {
            inReadTransaction(entry, timeout, tx -> {
                Record r = tx.run("CALL dbms.components() YIELD name, versions, edition "
                                + "RETURN versions[0] AS version, edition")
                        .get(0);
                b.serverVersion(r.get("version").asString(null))
                        .edition(r.get("edition").asString(null))
                        .database(tx.database);
                return null;
            });
            b.reachable(true);
        } catch (Neo4jDatabaseException e) {
            b.reachable(false).failure(e.reason()).error(e.getMessage());
        } catch (RuntimeException e) {
            b.reachable(false)
                    .failure(Neo4jDatabaseException.Reason.QUERY_FAILED)
                    .error("Neo4j database '" + entry.name() + "': "
                            + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return b.uri(entry.uri())
                .latency(Duration.ofNanos(System.nanoTime() - t0))
                .build();
    }

    /**
     * Verifies counts.
     *
     * @param entry the entry
     * @param expected the expected counts
     * @param timeout transaction timeout
     * @return the verification
     */
    public static ImportVerification verify(Entry entry, ExpectedCounts expected, Duration timeout) {
        long t0 = System.nanoTime();
        List<String> labels = new ArrayList<>(expected.nodeLabels().keySet());
        List<String> types = new ArrayList<>(expected.relationshipTypes().keySet());
        // quote every name before any network call: a bad name fails fast
        List<String> nodeBranches = new ArrayList<>();
        for (String label : labels) {
            nodeBranches.add(nodeCount(label));
        }
        List<String> relBranches = new ArrayList<>();
        for (String type : types) {
            relBranches.add(relationshipCount(type));
        }
        int[] queries = new int[1];
        long[][] found = inReadTransaction(entry, timeout, tx -> {
            long[] nodes = counts(tx, nodeBranches);
            long[] rels = counts(tx, relBranches);
            queries[0] = tx.queries;
            return new long[][] {nodes, rels};
        });
        ImportVerification.Builder b =
                ImportVerification.builder().databaseName(entry.name()).importJobId(expected.importJobId());
        for (int i = 0; i < labels.size(); i++) {
            b.addChecks(CountCheck.builder()
                    .kind(CountKind.NODE_LABEL)
                    .name(labels.get(i))
                    .expected(expected.nodeLabels().get(labels.get(i)))
                    .found(found[0][i])
                    .build());
        }
        for (int i = 0; i < types.size(); i++) {
            b.addChecks(CountCheck.builder()
                    .kind(CountKind.RELATIONSHIP_TYPE)
                    .name(types.get(i))
                    .expected(expected.relationshipTypes().get(types.get(i)))
                    .found(found[1][i])
                    .build());
        }
        return b.queriesRun(queries[0])
                .elapsed(Duration.ofNanos(System.nanoTime() - t0))
                .build();
    }

    /**
     * A count of the nodes with a label, answered from the count store: the aggregation has no grouping key
     * (a {@code RETURN i, count(n)} would group by {@code i} and scan the label instead).
     *
     * @param label the label
     * @return the query branch
     */
    public static String nodeCount(String label) {
        return "MATCH (n:" + Cypher.quote(label) + ") WITH count(n) AS c";
    }

    /**
     * A count of the relationships of a type, answered from the count store.
     *
     * @param type the type
     * @return the query branch
     */
    public static String relationshipCount(String type) {
        return "MATCH ()-[r:" + Cypher.quote(type) + "]->() WITH count(r) AS c";
    }

    /**
     * Branches {@code from} to {@code to} as one UNION ALL query returning {@code i} (the branch's index) and
     * {@code c}.
     *
     * @param branches count branches ending in {@code WITH count(…) AS c}
     * @param from first branch
     * @param to end (exclusive)
     * @return the query
     */
    public static String countQuery(List<String> branches, int from, int to) {
        StringBuilder q = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                q.append(" UNION ALL ");
            }
            q.append(branches.get(i)).append(" RETURN ").append(i).append(" AS i, c");
        }
        return q.toString();
    }

    /** Runs count branches as UNION ALL queries of at most {@link #BRANCHES_PER_QUERY}; one count per branch. */
    private static long[] counts(Tx tx, List<String> branches) {
        long[] out = new long[branches.size()];
        for (int from = 0; from < branches.size(); from += BRANCHES_PER_QUERY) {
            int to = Math.min(branches.size(), from + BRANCHES_PER_QUERY);
            for (Record r : tx.run(countQuery(branches, from, to))) {
                out[r.get("i").asInt()] = r.get("c").asLong();
            }
        }
        return out;
    }

    /**
     * Investigates a database.
     *
     * @param entry the entry
     * @param sampleSize nodes sampled per label
     * @param timeout transaction timeout
     * @return the overview
     */
    public static DatabaseOverview investigate(Entry entry, int sampleSize, Duration timeout) {
        long t0 = System.nanoTime();
        DatabaseOverview.Builder b =
                DatabaseOverview.builder().name(entry.name()).sampleSize(sampleSize);
        inReadTransaction(entry, timeout, tx -> {
            long[] totals = new long[2];
            for (Record r : tx.run(
                    countQuery(List.of("MATCH (n) WITH count(n) AS c", "MATCH ()-[r]->() WITH count(r) AS c"), 0, 2))) {
                totals[r.get("i").asInt()] = r.get("c").asLong();
            }
            b.nodeCount(totals[0]).relationshipCount(totals[1]);
            List<String> labels = new ArrayList<>(
                    new TreeSet<>(strings(tx.run("CALL db.labels() YIELD label RETURN label"), "label")));
            List<String> types = new ArrayList<>(new TreeSet<>(strings(
                    tx.run("CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType"),
                    "relationshipType")));
            List<String> labelBranches = new ArrayList<>();
            labels.forEach(l -> labelBranches.add(nodeCount(l)));
            List<String> typeBranches = new ArrayList<>();
            types.forEach(t -> typeBranches.add(relationshipCount(t)));
            long[] labelCounts = counts(tx, labelBranches);
            long[] typeCounts = counts(tx, typeBranches);
            List<TreeSet<String>> keys = sampleKeys(tx, labels, sampleSize);
            for (int i = 0; i < labels.size(); i++) {
                b.addLabels(LabelSummary.builder()
                        .label(labels.get(i))
                        .count(labelCounts[i])
                        .propertyKeys(keys.get(i))
                        .build());
            }
            for (int i = 0; i < types.size(); i++) {
                b.addRelationshipTypes(RelationshipTypeSummary.builder()
                        .type(types.get(i))
                        .count(typeCounts[i])
                        .build());
            }
            List<SchemaItem> indexes = new ArrayList<>();
            for (Record r : tx.run("SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, state "
                    + "RETURN name, type, entityType, labelsOrTypes, properties, state")) {
                indexes.add(schemaItem(r).state(r.get("state").asString(null)).build());
            }
            List<SchemaItem> constraints = new ArrayList<>();
            for (Record r : tx.run("SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties "
                    + "RETURN name, type, entityType, labelsOrTypes, properties")) {
                constraints.add(schemaItem(r).build());
            }
            indexes.sort(Comparator.comparing(SchemaItem::name));
            constraints.sort(Comparator.comparing(SchemaItem::name));
            b.indexes(indexes).constraints(constraints).database(tx.database).queriesRun(tx.queries);
            return null;
        });
        return b.elapsed(Duration.ofNanos(System.nanoTime() - t0)).build();
    }

    private static List<TreeSet<String>> sampleKeys(Tx tx, List<String> labels, int sampleSize) {
        List<TreeSet<String>> keys = new ArrayList<>();
        labels.forEach(l -> keys.add(new TreeSet<>()));
        for (int from = 0; from < labels.size(); from += BRANCHES_PER_QUERY) {
            int to = Math.min(labels.size(), from + BRANCHES_PER_QUERY);
            StringBuilder q = new StringBuilder();
            for (int i = from; i < to; i++) {
                if (i > from) {
                    q.append(" UNION ALL ");
                }
                q.append("MATCH (n:")
                        .append(Cypher.quote(labels.get(i)))
                        .append(") WITH n LIMIT $sample ")
                        .append("UNWIND keys(n) AS k WITH DISTINCT k RETURN ")
                        .append(i)
                        .append(" AS i, k");
            }
            for (Record r : tx.run(q.toString(), Map.of("sample", sampleSize))) {
                keys.get(r.get("i").asInt()).add(r.get("k").asString());
            }
        }
        return keys;
    }

    private static SchemaItem.Builder schemaItem(Record r) {
        return SchemaItem.builder()
                .name(r.get("name").asString())
                .type(r.get("type").asString(""))
                .entityType(r.get("entityType").asString(""))
                .labelsOrTypes(list(r.get("labelsOrTypes")))
                .properties(list(r.get("properties")));
    }

    private static List<String> list(Value v) {
        return v.isNull() ? List.of() : v.asList(Values.ofString());
    }

    private static List<String> strings(List<Record> records, String key) {
        List<String> out = new ArrayList<>();
        records.forEach(r -> out.add(r.get(key).asString()));
        return out;
    }
}
