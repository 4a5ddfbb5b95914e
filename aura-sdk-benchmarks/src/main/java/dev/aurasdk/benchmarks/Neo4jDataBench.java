package dev.aurasdk.benchmarks;

import dev.aurasdk.neo4j.DatabaseOverview;
import dev.aurasdk.neo4j.ExpectedCounts;
import dev.aurasdk.neo4j.ImportVerification;
import dev.aurasdk.neo4j.Neo4jDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * Measure 7, verify and investigate at scale: an in-process Neo4j 5.26 (neo4j-harness) is filled in two steps,
 * first to {@code small} nodes and twice as many relationships, then to {@code nodes} and {@code rels}
 * (default 1,000,000 and 2,000,000), with batched {@code UNWIND} writes of {@code batch} rows per transaction.
 * Nodes are spread over 4 labels, relationships over 3 types; every node has 3 properties. At each size
 * {@link Neo4jDatabases#verify} (7 expected counts, all OK) and {@link Neo4jDatabases#investigate} (sample 100)
 * run {@code rounds} times over Bolt on 127.0.0.1; the table gives queries sent, first call, median and max.
 *
 * <p>Options: {@code nodes=1000000 rels=2000000 small=10000 batch=100000 rounds=7 pagecache=1g}.
 */
public final class Neo4jDataBench {
    private static final String[] LABELS = {"Person", "Company", "City", "Product"};
    private static final String[] TYPES = {"KNOWS", "WORKS_AT", "BOUGHT"};

    private Neo4jDataBench() {}

    /**
     * Runs the measure and prints a Markdown table.
     *
     * @param args options, see the class comment
     */
    public static void main(String[] args) {
        Map<String, String> opts = BenchSupport.options(args);
        int nodes = BenchSupport.intOption(opts, "nodes", 1_000_000);
        int rels = BenchSupport.intOption(opts, "rels", 2_000_000);
        int small = BenchSupport.intOption(opts, "small", 10_000);
        int batch = BenchSupport.intOption(opts, "batch", 100_000);
        int rounds = BenchSupport.intOption(opts, "rounds", 7);
        String pagecache = opts.getOrDefault("pagecache", "1g");
        System.out.println("# Neo4j verify and investigate: " + BenchSupport.machine());
        long t0 = System.nanoTime();
        try (Neo4j neo = Neo4jBuilders.newInProcessBuilder()
                        .withDisabledServer()
                        .withConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                        .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                        .withConfig(GraphDatabaseSettings.pagecache_memory, parseBytes(pagecache))
                        .build();
                Driver admin = GraphDatabase.driver(neo.boltURI(), AuthTokens.none());
                Neo4jDatabases dbs = Neo4jDatabases.builder()
                        .uri("bench", neo.boltURI().toString(), AuthTokens.none())
                        .queryTimeout(Duration.ofMinutes(5))
                        .build()) {
            System.out.printf("%nharness started in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            List<String> rows = new ArrayList<>();
            long[] built = {0, 0};
            for (int[] size : new int[][] {{small, 2 * small}, {nodes, rels}}) {
                long b0 = System.nanoTime();
                grow(admin, built, size[0], size[1], batch);
                System.out.printf(
                        "built %,d nodes and %,d relationships in %.1f s%n",
                        built[0], built[1], (System.nanoTime() - b0) / 1e9);
                ExpectedCounts expected = expected(built[0], built[1]);
                List<Double> verifyMs = new ArrayList<>();
                List<Double> investigateMs = new ArrayList<>();
                int verifyQueries = 0;
                int investigateQueries = 0;
                for (int r = 0; r < rounds; r++) {
                    long v0 = System.nanoTime();
                    ImportVerification v = dbs.verify("bench", expected);
                    verifyMs.add((System.nanoTime() - v0) / 1e6);
                    if (!v.mismatches().isEmpty()) {
                        throw new IllegalStateException("verification failed: " + v.mismatches());
                    }
                    verifyQueries = v.queriesRun();
                    long i0 = System.nanoTime();
                    DatabaseOverview o = dbs.investigate("bench");
                    investigateMs.add((System.nanoTime() - i0) / 1e6);
                    if (o.nodeCount() != built[0] || o.relationshipCount() != built[1]) {
                        throw new IllegalStateException("overview counts differ: " + o.nodeCount());
                    }
                    investigateQueries = o.queriesRun();
                }
                String data = String.format("%,d / %,d", built[0], built[1]);
                rows.add(row(data, "verify (7 counts)", verifyQueries, verifyMs));
                rows.add(row(data, "investigate (4 labels, 3 types, sample 100)", investigateQueries, investigateMs));
            }
            System.out.println("\n| nodes / relationships | operation | queries | first ms | median ms | max ms |");
            System.out.println("|---|---|---:|---:|---:|---:|");
            rows.forEach(System.out::println);
        }
        System.out.println("\nload average at the end: " + BenchSupport.loadAverage());
    }

    private static String row(String data, String op, int queries, List<Double> ms) {
        return String.format(
                "| %s | %s | %d | %.1f | %.1f | %.1f |",
                data,
                op,
                queries,
                ms.get(0),
                BenchSupport.median(ms),
                ms.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }

    /** Adds nodes and relationships until the database holds the given numbers. */
    private static void grow(Driver admin, long[] built, long nodes, long rels, int batch) {
        try (Session s = admin.session()) {
            for (long from = built[0]; from < nodes; from += batch) {
                long to = Math.min(nodes, from + batch) - 1;
                for (int l = 0; l < LABELS.length; l++) {
                    String query = "UNWIND range($from, $to) AS i WITH i WHERE i % 4 = $l " + "CREATE (:" + LABELS[l]
                            + " {id: i, name: 'n' + i, score: i % 97})";
                    Map<String, Object> params = Map.of("from", from, "to", to, "l", l);
                    s.executeWriteWithoutResult(tx -> tx.run(query, params).consume());
                }
            }
            built[0] = nodes;
            for (long from = built[1]; from < rels; from += batch) {
                long to = Math.min(rels, from + batch) - 1;
                for (int t = 0; t < TYPES.length; t++) {
                    // node ids are dense on a fresh store: endpoints by id seek, no index needed
                    String query = "UNWIND range($from, $to) AS i WITH i WHERE i % 3 = $t "
                            + "MATCH (a) WHERE id(a) = i % $n MATCH (b) WHERE id(b) = (i * 7 + 1) % $n "
                            + "CREATE (a)-[:" + TYPES[t] + "]->(b)";
                    Map<String, Object> params = Map.of("from", from, "to", to, "t", t, "n", nodes);
                    s.executeWriteWithoutResult(tx -> tx.run(query, params).consume());
                }
            }
            built[1] = rels;
        }
    }

    private static ExpectedCounts expected(long nodes, long rels) {
        Map<String, Long> labels = new LinkedHashMap<>();
        for (int l = 0; l < LABELS.length; l++) {
            labels.put(LABELS[l], countResidue(nodes, 4, l));
        }
        Map<String, Long> types = new LinkedHashMap<>();
        for (int t = 0; t < TYPES.length; t++) {
            types.put(TYPES[t], countResidue(rels, 3, t));
        }
        return ExpectedCounts.builder()
                .nodeLabels(labels)
                .relationshipTypes(types)
                .build();
    }

    /** How many i in [0, n) have i % m == r. */
    private static long countResidue(long n, int m, int r) {
        return n / m + (r < n % m ? 1 : 0);
    }

    private static long parseBytes(String value) {
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        long unit = v.endsWith("g") ? 1L << 30 : v.endsWith("m") ? 1L << 20 : 1;
        return Long.parseLong(unit == 1 ? v : v.substring(0, v.length() - 1)) * unit;
    }
}
