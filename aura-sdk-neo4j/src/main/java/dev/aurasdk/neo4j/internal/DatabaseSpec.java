package dev.aurasdk.neo4j.internal;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.spi.Ids;
import java.util.Objects;
import java.util.regex.Pattern;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;

/** One database as given to the registry's builder, every input checked before any network call. Not API. */
public final class DatabaseSpec {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final String name;
    private final String instanceId;
    private final String uri;
    private final AuthToken auth;
    private final String user;
    private final String database;

    private DatabaseSpec(String name, String instanceId, String uri, AuthToken auth, String user, String database) {
        this.name = name;
        this.instanceId = instanceId;
        this.uri = uri;
        this.auth = auth;
        this.user = user;
        this.database = database;
    }

    /**
     * An Aura instance with a user and password.
     *
     * @param name the registry name
     * @param instanceId the Aura instance id
     * @param username the database user
     * @param password the database password
     * @param database the database name within the DBMS, or null for the server's default
     * @return the spec
     */
    public static DatabaseSpec instance(
            String name, String instanceId, String username, String password, String database) {
        Ids.require("instanceId", instanceId);
        return new DatabaseSpec(
                requireName(name),
                instanceId,
                null,
                basic(name, username, password),
                username.strip(),
                database(name, database));
    }

    /**
     * An Aura instance with any driver authentication token.
     *
     * @param name the registry name
     * @param instanceId the Aura instance id
     * @param auth the token
     * @return the spec
     */
    public static DatabaseSpec instance(String name, String instanceId, AuthToken auth) {
        Ids.require("instanceId", instanceId);
        return new DatabaseSpec(
                requireName(name), instanceId, null, Objects.requireNonNull(auth, "auth"), "(token)", null);
    }

    /**
     * A database by Bolt URI with a user and password.
     *
     * @param name the registry name
     * @param uri the Bolt URI
     * @param username the database user
     * @param password the database password
     * @param database the database name within the DBMS, or null for the server's default
     * @return the spec
     */
    public static DatabaseSpec uri(String name, String uri, String username, String password, String database) {
        requireName(name);
        return new DatabaseSpec(
                name,
                null,
                Uris.require(name, uri),
                basic(name, username, password),
                username.strip(),
                database(name, database));
    }

    /**
     * A database by Bolt URI with any driver authentication token.
     *
     * @param name the registry name
     * @param uri the Bolt URI
     * @param auth the token
     * @return the spec
     */
    public static DatabaseSpec uri(String name, String uri, AuthToken auth) {
        requireName(name);
        return new DatabaseSpec(
                name, null, Uris.require(name, uri), Objects.requireNonNull(auth, "auth"), "(token)", null);
    }

    /** The registry name. @return the name */
    public String name() {
        return name;
    }

    /** Whether it names an Aura instance (resolved with a client). @return true for an instance id */
    public boolean isInstance() {
        return instanceId != null;
    }

    /**
     * The registry entry for this database (no connection yet).
     *
     * @param client the Aura client, or null
     * @param config the driver configuration
     * @return the entry
     */
    Entry toEntry(AuraClient client, Config config) {
        return new Entry(name, instanceId, uri, auth, user, database, client, config);
    }

    private static String requireName(String name) {
        Objects.requireNonNull(name, "name must not be null");
        if (!NAME.matcher(name).matches() || name.length() > 64) {
            throw new IllegalArgumentException("a database name must be 1 to 64 letters, digits, '_', '.' or '-',"
                    + " starting with a letter or digit; got '" + name + "'");
        }
        return name;
    }

    private static AuthToken basic(String name, String username, String password) {
        Objects.requireNonNull(username, "username must not be null");
        Objects.requireNonNull(password, () -> "database '" + name + "': password must not be null");
        if (username.isBlank()) {
            throw new IllegalArgumentException("database '" + name + "': username must not be blank");
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("database '" + name + "': password must not be empty");
        }
        return AuthTokens.basic(username.strip(), password);
    }

    private static String database(String name, String database) {
        if (database != null && database.isBlank()) {
            throw new IllegalArgumentException("database '" + name + "': the database name must not be blank "
                    + "(null for the server's default)");
        }
        return database == null ? null : database.strip();
    }
}
