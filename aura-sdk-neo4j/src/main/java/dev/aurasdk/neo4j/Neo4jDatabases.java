package dev.aurasdk.neo4j;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.imports.ImportJob;
import dev.aurasdk.neo4j.internal.DatabaseSpec;
import dev.aurasdk.neo4j.internal.Entry;
import dev.aurasdk.neo4j.internal.EnvironmentConfig;
import dev.aurasdk.neo4j.internal.Queries;
import dev.aurasdk.neo4j.internal.Registry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * Named connections to many Neo4j databases: Aura instances by id (their Bolt URI is read from the Aura API's
 * {@code connection_url}) or databases by Bolt URI, each with its own credentials. One {@link Driver} per
 * database, created on first use (thread-safe: concurrent first calls get the same driver) and closed with the
 * registry. Use the driver's own sessions and transactions; the registry adds health checks, import
 * verification and investigation on top. Thread-safe.
 *
 * <pre>{@code
 * try (AuraClient aura = AuraClient.fromEnvironment();
 *      Neo4jDatabases dbs = Neo4jDatabases.builder().client(aura)
 *              .instance("orders", "2f49c2b3", "neo4j", ordersPassword)
 *              .uri("local", "bolt://localhost:7687", "neo4j", localPassword)
 *              .build()) {
 *     try (Session session = dbs.session("orders")) {
 *         long people = session.executeRead(tx -> tx.run("MATCH (p:Person) RETURN count(p)").single().get(0).asLong());
 *     }
 *     Neo4jHealthReport health = dbs.healthCheck();         // the Aura API and every database
 * }
 * }</pre>
 *
 * <p>{@link #fromEnvironment()} reads {@code NEO4J_URI}, {@code NEO4J_USERNAME} (default {@code neo4j}),
 * {@code NEO4J_PASSWORD} and optionally {@code NEO4J_DATABASE} for a database named {@value #DEFAULT_NAME}
 * ({@code NEO4J_INSTANCE_ID} in place of the URI names an Aura instance), and for more databases the same
 * variables with a name inserted: {@code NEO4J_<NAME>_URI} (or {@code NEO4J_<NAME>_INSTANCE_ID}),
 * {@code NEO4J_<NAME>_USERNAME}, {@code NEO4J_<NAME>_PASSWORD}, {@code NEO4J_<NAME>_DATABASE}, registered as
 * {@code <name>} in lower case. Each variable may instead be a system property: {@code neo4j.uri},
 * {@code neo4j.instanceId}, {@code neo4j.username}, {@code neo4j.password}, {@code neo4j.database}, and
 * {@code neo4j.<name>.uri} and so on.
 */
public final class Neo4jDatabases implements AutoCloseable {
    /** The name of the database configured by {@code NEO4J_URI} (or {@code NEO4J_INSTANCE_ID}). */
    public static final String DEFAULT_NAME = "default";
    /** Default timeout of the SDK's own read transactions (health, verify, investigate). */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);
    /** Default number of nodes sampled per label for property keys. */
    public static final int DEFAULT_SAMPLE_SIZE = 100;

    private final AuraClient client;
    private final Registry registry;
    private final Duration queryTimeout;
    private final int sampleSize;

    private Neo4jDatabases(Builder b) {
        this.client = b.client;
        this.queryTimeout = b.queryTimeout;
        this.sampleSize = b.sampleSize;
        this.registry = new Registry(b.specs, client, b.config);
    }

    /** A builder. @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Databases from the environment (see the class comment), without an Aura client: Bolt URIs only.
     *
     * @return the registry
     * @throws IllegalStateException when nothing is configured, a password is missing, or an instance id is
     *     configured (it needs a client: use {@link #fromEnvironment(AuraClient)})
     * @throws IllegalArgumentException when a URI is malformed
     */
    public static Neo4jDatabases fromEnvironment() {
        return fromEnvironment(System.getenv(), System.getProperties(), null);
    }

    /**
     * Databases from the environment (see the class comment); instance ids are resolved with the client.
     *
     * @param client the Aura client (also used by {@link #healthCheck()} for the API checks)
     * @return the registry
     * @throws IllegalStateException when nothing is configured or a password is missing
     * @throws IllegalArgumentException when a URI is malformed
     */
    public static Neo4jDatabases fromEnvironment(AuraClient client) {
        return fromEnvironment(System.getenv(), System.getProperties(), Objects.requireNonNull(client, "client"));
    }

    /**
     * As {@link #fromEnvironment(AuraClient)}, from the given maps (for tests and custom sources).
     *
     * @param env environment variables
     * @param properties system properties
     * @param client the Aura client, or null for Bolt URIs only
     * @return the registry
     * @throws IllegalStateException when nothing is configured, a password is missing, or an instance id is
     *     configured without a client
     */
    public static Neo4jDatabases fromEnvironment(Map<String, String> env, Properties properties, AuraClient client) {
        return EnvironmentConfig.builder(env, properties, client).build();
    }

    /**
     * Whether {@link #fromEnvironment()} would find at least one database (a URI or an instance id).
     *
     * @return true when a database is configured
     */
    public static boolean isConfiguredInEnvironment() {
        return !configuredNames(System.getenv(), System.getProperties()).isEmpty();
    }

    /**
     * The database names configured in the given maps (see the class comment), {@value #DEFAULT_NAME} first.
     *
     * @param env environment variables
     * @param properties system properties
     * @return the names, empty when none is configured
     */
    public static List<String> configuredNames(Map<String, String> env, Properties properties) {
        return EnvironmentConfig.names(env, properties);
    }

    /** The registered names, in registration order. @return the names */
    public List<String> names() {
        return registry.names();
    }

    /** The Aura client, when the registry has one. @return the client */
    public Optional<AuraClient> client() {
        return Optional.ofNullable(client);
    }

    /**
     * The driver of a database, created on first use (for an Aura instance, after reading its
     * {@code connection_url}). Do not close it: the registry does.
     *
     * @param name a registered name
     * @return the driver
     * @throws Neo4jDatabaseException when the name is unknown or the instance cannot be resolved
     * @throws IllegalStateException when the registry is closed
     */
    public Driver driver(String name) {
        return entry(name).driver();
    }

    /**
     * The session configuration for a database: its configured database name, if any.
     *
     * @param name a registered name
     * @return the configuration
     * @throws Neo4jDatabaseException when the name is unknown
     */
    public SessionConfig sessionConfig(String name) {
        Entry e = entry(name);
        return e.database().map(SessionConfig::forDatabase).orElseGet(SessionConfig::defaultConfig);
    }

    /**
     * A new session of the driver's own API on a database (its configured database name, if any). Close it.
     *
     * @param name a registered name
     * @return the session
     * @throws Neo4jDatabaseException when the name is unknown or the instance cannot be resolved
     */
    public Session session(String name) {
        return driver(name).session(sessionConfig(name));
    }

    /**
     * The Bolt URI of a database, once known (given, or read from Aura on first use). Never has credentials.
     *
     * @param name a registered name
     * @return the URI
     * @throws Neo4jDatabaseException when the name is unknown
     */
    public Optional<String> uri(String name) {
        return entry(name).uri();
    }

    /**
     * Checks the Aura API (when the registry has a client) and every database: reachability, latency, server
     * version and edition, database name. Databases are checked one after the other. Never throws for a failed
     * check: each failure is in the report.
     *
     * @return the report
     * @throws IllegalStateException when the registry is closed
     */
    public Neo4jHealthReport healthCheck() {
        Collection<Entry> all = registry.all();
        Neo4jHealthReport.Builder b = Neo4jHealthReport.builder();
        if (client != null) {
            b.api(client.healthCheck());
        }
        for (Entry e : all) {
            b.addDatabases(Queries.health(e, queryTimeout));
        }
        return b.build();
    }

    /**
     * Checks one database. Never throws for a failed check.
     *
     * @param name a registered name
     * @return its health
     * @throws Neo4jDatabaseException when the name is unknown
     */
    public DatabaseHealth healthCheck(String name) {
        return Queries.health(entry(name), queryTimeout);
    }

    /**
     * Verifies in a database the node and relationship counts a successful import job reported: one check per
     * label and type, each OK or MISMATCH, and a verdict. Read-only, one transaction with the query timeout,
     * counts from the count store (cost independent of the data size).
     *
     * @param name the database the job imported into
     * @param job the finished job, read with its progress ({@code ImportJobs.getWithProgress} or
     *     {@code awaitCompletion})
     * @return the verification
     * @throws IllegalArgumentException when the job has not succeeded or lacks its progress (before any query)
     * @throws Neo4jDatabaseException when the name is unknown or the database fails
     */
    public ImportVerification verifyImport(String name, ImportJob job) {
        Entry e = entry(name);
        return Queries.verify(e, ExpectedCounts.fromImportJob(job), queryTimeout);
    }

    /**
     * Verifies expected counts in a database (see {@link #verifyImport}).
     *
     * @param name a registered name
     * @param expected the expected counts
     * @return the verification
     * @throws Neo4jDatabaseException when the name is unknown or the database fails
     */
    public ImportVerification verify(String name, ExpectedCounts expected) {
        Objects.requireNonNull(expected, "expected");
        return Queries.verify(entry(name), expected, queryTimeout);
    }

    /**
     * An overview of a database, with the registry's sample size: totals, labels and relationship types with
     * counts (count store), property keys per label from a sample of nodes, indexes and constraints. Read-only,
     * one transaction; its cost depends on the numbers of labels and types and on the sample size, not on the
     * data size.
     *
     * @param name a registered name
     * @return the overview
     * @throws Neo4jDatabaseException when the name is unknown or the database fails
     */
    public DatabaseOverview investigate(String name) {
        return investigate(name, sampleSize);
    }

    /**
     * As {@link #investigate(String)}, sampling the given number of nodes per label.
     *
     * @param name a registered name
     * @param sampleSize nodes sampled per label, 1 to 100,000
     * @return the overview
     * @throws IllegalArgumentException when the sample size is out of range
     * @throws Neo4jDatabaseException when the name is unknown or the database fails
     */
    public DatabaseOverview investigate(String name, int sampleSize) {
        requireSample(sampleSize);
        return Queries.investigate(entry(name), sampleSize, queryTimeout);
    }

    /** Closes every driver created; further use is refused. Idempotent. */
    @Override
    public void close() {
        registry.close();
    }

    /** Names and targets, never credentials. @return a description */
    @Override
    public String toString() {
        return registry.describe();
    }

    private Entry entry(String name) {
        return registry.get(name);
    }

    private static int requireSample(int sampleSize) {
        if (sampleSize < 1 || sampleSize > 100_000) {
            throw new IllegalArgumentException("sampleSize must be between 1 and 100000, got " + sampleSize);
        }
        return sampleSize;
    }

    /** Configures a {@link Neo4jDatabases}. Every input is checked here, before any network call. */
    public static final class Builder {
        private AuraClient client;
        private Config config;
        private Duration queryTimeout = DEFAULT_QUERY_TIMEOUT;
        private int sampleSize = DEFAULT_SAMPLE_SIZE;
        private final List<DatabaseSpec> specs = new ArrayList<>();

        private Builder() {}

        /**
         * The Aura client: needed for {@link #instance} entries, and adds the API checks to
         * {@link Neo4jDatabases#healthCheck()}. Not closed by the registry.
         *
         * @param client the client
         * @return this builder
         */
        public Builder client(AuraClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * The driver configuration of every database (default: the driver's, with a 10 s connection timeout).
         *
         * @param config the driver's own configuration
         * @return this builder
         */
        public Builder driverConfig(Config config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Timeout of the SDK's own read transactions (default 30 s).
         *
         * @param timeout positive, at most one day
         * @return this builder
         */
        public Builder queryTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "queryTimeout");
            if (timeout.isZero() || timeout.isNegative() || timeout.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("queryTimeout must be positive and at most one day, got " + timeout);
            }
            this.queryTimeout = timeout;
            return this;
        }

        /**
         * Nodes sampled per label by {@link Neo4jDatabases#investigate(String)} (default 100).
         *
         * @param sampleSize 1 to 100,000
         * @return this builder
         */
        public Builder sampleSize(int sampleSize) {
            this.sampleSize = requireSample(sampleSize);
            return this;
        }

        /**
         * Adds an Aura instance: its Bolt URI is read from the instance's {@code connection_url} on first use.
         *
         * @param name the registry name (letters, digits, {@code _ . -})
         * @param instanceId the Aura instance id
         * @param username the database user
         * @param password the database password
         * @return this builder
         */
        public Builder instance(String name, String instanceId, String username, String password) {
            return instance(name, instanceId, username, password, null);
        }

        /**
         * As {@link #instance(String, String, String, String)}, on a named database of the DBMS.
         *
         * @param name the registry name
         * @param instanceId the Aura instance id
         * @param username the database user
         * @param password the database password
         * @param database the database name within the DBMS, or null for the server's default
         * @return this builder
         */
        public Builder instance(String name, String instanceId, String username, String password, String database) {
            return add(DatabaseSpec.instance(name, instanceId, username, password, database));
        }

        /**
         * Adds an Aura instance with any driver authentication token (bearer, Kerberos, custom).
         *
         * @param name the registry name
         * @param instanceId the Aura instance id
         * @param auth the driver's authentication token
         * @return this builder
         */
        public Builder instance(String name, String instanceId, AuthToken auth) {
            return add(DatabaseSpec.instance(name, instanceId, auth));
        }

        /**
         * Adds a database by Bolt URI ({@code neo4j+s://…}, {@code bolt://…}).
         *
         * @param name the registry name (letters, digits, {@code _ . -})
         * @param uri the Bolt URI, without credentials
         * @param username the database user
         * @param password the database password
         * @return this builder
         */
        public Builder uri(String name, String uri, String username, String password) {
            return uri(name, uri, username, password, null);
        }

        /**
         * As {@link #uri(String, String, String, String)}, on a named database of the DBMS.
         *
         * @param name the registry name
         * @param uri the Bolt URI
         * @param username the database user
         * @param password the database password
         * @param database the database name within the DBMS, or null for the server's default
         * @return this builder
         */
        public Builder uri(String name, String uri, String username, String password, String database) {
            return add(DatabaseSpec.uri(name, uri, username, password, database));
        }

        /**
         * Adds a database by Bolt URI with any driver authentication token.
         *
         * @param name the registry name
         * @param uri the Bolt URI
         * @param auth the driver's authentication token (such as {@code AuthTokens.none()})
         * @return this builder
         */
        public Builder uri(String name, String uri, AuthToken auth) {
            return add(DatabaseSpec.uri(name, uri, auth));
        }

        /**
         * Builds the registry; no connection is made until a database is used.
         *
         * @return the registry
         * @throws IllegalStateException when there is no database, or an instance entry but no client
         */
        public Neo4jDatabases build() {
            Registry.requireBuildable(specs, client != null);
            return new Neo4jDatabases(this);
        }

        private Builder add(DatabaseSpec spec) {
            Registry.add(specs, spec);
            return this;
        }
    }
}
