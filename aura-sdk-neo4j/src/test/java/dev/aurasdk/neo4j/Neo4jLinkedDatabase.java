package dev.aurasdk.neo4j;

import dev.aurasdk.neo4j.internal.Cypher;
import dev.aurasdk.testkit.CompletedImport;
import dev.aurasdk.testkit.LinkedDatabase;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * The driver-backed {@link LinkedDatabase} for the testkit: each label's nodes are created with a {@code row}
 * property; relationships join nodes of the import's first label, round robin. Batched UNWIND writes. Public in
 * this module's test-jar, for the examples' tests.
 */
public final class Neo4jLinkedDatabase implements LinkedDatabase {
    private static final int BATCH = 10_000;
    private final String uri;
    private final Driver driver;

    /**
     * Links to a database.
     *
     * @param uri the Bolt URI to report as the instance's {@code connection_url}
     * @param driver a driver that may write there (not closed here)
     */
    public Neo4jLinkedDatabase(String uri, Driver driver) {
        this.uri = uri;
        this.driver = driver;
    }

    @Override
    public String connectionUrl() {
        return uri;
    }

    @Override
    public void importCompleted(CompletedImport completed) {
        try (Session s = driver.session()) {
            completed.nodes().forEach((label, count) -> {
                for (long start = 1; start <= count; start += BATCH) {
                    Map<String, Object> range = Map.of("from", start, "to", Math.min(count, start + BATCH - 1));
                    s.executeWriteWithoutResult(tx -> tx.run(
                                    "UNWIND range($from, $to) AS i CREATE (:" + Cypher.quote(label) + " {row: i})",
                                    range)
                            .consume());
                }
            });
            if (completed.relationships().values().stream().anyMatch(c -> c > 0)) {
                String anchor = completed.nodes().keySet().stream()
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("relationships need at least one node mapping"));
                completed
                        .relationships()
                        .forEach((type, count) -> s.executeWriteWithoutResult(tx -> tx.run(
                                        "MATCH (a:" + Cypher.quote(anchor) + ") WITH collect(a) AS ns "
                                                + "UNWIND range(0, $n - 1) AS i WITH ns[i % size(ns)] AS a, ns[(i + 1) % size(ns)] AS b "
                                                + "CREATE (a)-[:" + Cypher.quote(type) + "]->(b)",
                                        Map.of("n", count))
                                .consume()));
            }
        }
    }
}
