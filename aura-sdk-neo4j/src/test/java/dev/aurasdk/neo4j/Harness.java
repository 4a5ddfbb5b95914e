package dev.aurasdk.neo4j;

import dev.aurasdk.core.testing.SecretGuard;
import dev.aurasdk.neo4j.internal.Cypher;
import java.time.Duration;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * An in-process Neo4j 5.26 (neo4j-harness) with authentication on: user {@code neo4j}, password {@link #PASSWORD}.
 * Start one per test class (about 5 to 10 s). Bolt only, on 127.0.0.1. Public in this module's test-jar, for the
 * examples' tests.
 */
public final class Harness implements AutoCloseable {
    /** The user. */
    public static final String USER = "neo4j";
    /** The user's password (registered with the SecretGuard). */
    public static final String PASSWORD = SecretGuard.register("harness-Pa55word-9f2c");
    /** A password that is not the user's (registered with the SecretGuard). */
    public static final String WRONG_PASSWORD = SecretGuard.register("wrong-Pa55word-77aa");

    /** The in-process server. */
    public final Neo4j neo4j;

    private final Driver admin;

    private Harness(Neo4j neo4j) {
        this.neo4j = neo4j;
        this.admin = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.basic(USER, PASSWORD));
    }

    /** Starts a database and sets the user's password. @return the harness */
    public static Harness start() {
        Neo4j neo4j = Neo4jBuilders.newInProcessBuilder()
                .withDisabledServer()
                // Netty 4.2 (shared with the driver) cannot register the in-JVM local channel on epoll: not needed
                .withConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
                .withConfig(GraphDatabaseSettings.auth_enabled, true)
                .withConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                .build();
        try (Driver d = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.basic(USER, "neo4j"));
                Session s = d.session(SessionConfig.forDatabase("system"))) {
            s.run("ALTER CURRENT USER SET PASSWORD FROM 'neo4j' TO $pw", Map.of("pw", PASSWORD))
                    .consume();
        }
        return new Harness(neo4j);
    }

    /** The Bolt URI. @return the URI */
    public String uri() {
        return neo4j.boltURI().toString();
    }

    /** The test's own driver, for setting up data. */
    public Driver admin() {
        return admin;
    }

    /** Runs a write query. */
    public void write(String query, Map<String, Object> params) {
        try (Session s = admin.session()) {
            s.executeWriteWithoutResult(tx -> tx.run(query, params).consume());
        }
    }

    /** Runs a write query without parameters. */
    public void write(String query) {
        write(query, Map.of());
    }

    /** Runs a query returning one number. @return the number */
    public long count(String query) {
        try (Session s = admin.session()) {
            return s.run(query).single().get(0).asLong();
        }
    }

    /** Empties the database (data, indexes and constraints). */
    public void clear() {
        try (Session s = admin.session()) {
            s.run("MATCH (n) DETACH DELETE n").consume();
            for (Record r : s.run("SHOW CONSTRAINTS YIELD name RETURN name").list()) {
                s.run("DROP CONSTRAINT " + Cypher.quote(r.get(0).asString())).consume();
            }
            for (Record r : s.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name")
                    .list()) {
                s.run("DROP INDEX " + Cypher.quote(r.get(0).asString())).consume();
            }
        }
    }

    @Override
    public void close() {
        admin.close();
        neo4j.close();
    }
}
