package dev.aurasdk.neo4j.internal;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraException;
import dev.aurasdk.core.AuraNotFoundException;
import dev.aurasdk.core.model.Instance;
import dev.aurasdk.neo4j.Neo4jDatabaseException;
import dev.aurasdk.neo4j.Neo4jDatabaseException.Reason;
import java.util.Optional;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * One named database: where it is (an Aura instance id or a Bolt URI), its credentials, and its driver, created
 * on first use under this entry's lock. Not API.
 */
public final class Entry {
    private final String name;
    private final String instanceId;
    private final String explicitUri;
    private final AuthToken auth;
    private final String user;
    private final String database;
    private final AuraClient client;
    private final Config config;
    private Driver driver;
    private String resolvedUri;
    private boolean closed;

    /**
     * Creates an entry (validated by the caller).
     *
     * @param name registry name
     * @param instanceId Aura instance id, or null
     * @param explicitUri Bolt URI, or null
     * @param auth credentials
     * @param user the username for messages
     * @param database the database name within the DBMS, or null for the server's default
     * @param client the Aura client for instance look-ups, or null
     * @param config driver configuration
     */
    public Entry(
            String name,
            String instanceId,
            String explicitUri,
            AuthToken auth,
            String user,
            String database,
            AuraClient client,
            Config config) {
        this.name = name;
        this.instanceId = instanceId;
        this.explicitUri = explicitUri;
        this.auth = auth;
        this.user = user;
        this.database = database;
        this.client = client;
        this.config = config;
    }

    /** @return the registry name */
    public String name() {
        return name;
    }

    /** @return the Aura instance id, if made from one */
    public Optional<String> instanceId() {
        return Optional.ofNullable(instanceId);
    }

    /** @return the database name within the DBMS, if set */
    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    /** @return the username (for messages) */
    public String user() {
        return user;
    }

    /** @return the Bolt URI, once known (explicit, or read from Aura on first use) */
    public synchronized Optional<String> uri() {
        return Optional.ofNullable(explicitUri != null ? explicitUri : resolvedUri);
    }

    /** @return the database described for messages: its URI and, for an instance, the instance id */
    public String where() {
        String uri = uri().orElse(null);
        if (instanceId == null) {
            return uri;
        }
        return (uri == null ? "" : uri + " ") + "(Aura instance " + instanceId + ")";
    }

    /**
     * The driver, created on first use (for an instance, after reading its {@code connection_url}).
     *
     * @return the driver
     * @throws IllegalStateException when closed
     * @throws Neo4jDatabaseException when the instance cannot be resolved
     */
    public synchronized Driver driver() {
        if (closed) {
            throw new IllegalStateException("the Neo4jDatabases registry is closed");
        }
        if (driver == null) {
            String uri = explicitUri != null ? explicitUri : resolve();
            driver = GraphDatabase.driver(uri, auth, config);
            resolvedUri = uri;
        }
        return driver;
    }

    /** @return whether the driver has been created */
    public synchronized boolean hasDriver() {
        return driver != null;
    }

    private String resolve() {
        Instance instance;
        try {
            instance = client.instances().get(instanceId);
        } catch (AuraNotFoundException e) {
            throw new Neo4jDatabaseException(
                    name,
                    Reason.INSTANCE_NOT_FOUND,
                    "Neo4j database '" + name + "': Aura instance " + instanceId
                            + " does not exist or is not visible to this client",
                    e);
        } catch (AuraException e) {
            throw new Neo4jDatabaseException(
                    name,
                    Reason.AURA_API_FAILED,
                    "Neo4j database '" + name
                            + "': cannot read Aura instance " + instanceId + " ("
                            + e.getClass().getSimpleName() + ": "
                            + e.getMessage() + ")",
                    e);
        }
        Optional<String> url = instance.connectionUrl().filter(u -> !u.isBlank());
        if (url.isEmpty()) {
            String status = instance.status().map(s -> s.value()).orElse("unknown");
            throw new Neo4jDatabaseException(
                    name,
                    Reason.NO_CONNECTION_URL,
                    "Neo4j database '" + name
                            + "': Aura instance " + instanceId + " ('" + instance.name() + "', status " + status
                            + ") has no connection_url" + ("paused".equals(status) ? ": resume it first" : ""),
                    null);
        }
        String uri = url.get();
        Uris.require(name, uri);
        return uri;
    }

    /** Closes the driver, if created; the entry refuses further use. */
    public synchronized void close() {
        closed = true;
        if (driver != null) {
            driver.close();
        }
    }
}
