package dev.aurasdk.neo4j;

import dev.aurasdk.core.AuraException;
import java.util.Objects;

/**
 * A failure reaching or querying one named database of {@link Neo4jDatabases}. The message names the database
 * (and the Aura instance or the Bolt address) and says what to do; it never contains a password. The driver's
 * own exception, when there is one, is the cause.
 */
public class Neo4jDatabaseException extends AuraException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** No database of that name is registered. */
        UNKNOWN_NAME,
        /** The Aura instance id is not known to the Aura API (or not visible to the credential). */
        INSTANCE_NOT_FOUND,
        /** The Aura instance has no {@code connection_url} (for example while paused). */
        NO_CONNECTION_URL,
        /** The Aura API call that looks up the instance failed. */
        AURA_API_FAILED,
        /** The database refused the username or password. */
        AUTHENTICATION_FAILED,
        /** The user may not run the query. */
        FORBIDDEN,
        /** No server answered at the Bolt address (down, paused, wrong host or port, firewall). */
        UNREACHABLE,
        /** The DBMS has no database of the configured database name. */
        DATABASE_NOT_FOUND,
        /** The transaction ran past its timeout. */
        TIMEOUT,
        /** The query failed for another reason (see the cause). */
        QUERY_FAILED
    }

    private final String databaseName;
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param databaseName the registry name of the database
     * @param reason what went wrong
     * @param message the full message (naming the database; never a password)
     * @param cause the driver's or the Aura API's exception, or null
     */
    public Neo4jDatabaseException(String databaseName, Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.databaseName = Objects.requireNonNull(databaseName, "databaseName");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The registry name of the database. @return the name */
    public String databaseName() {
        return databaseName;
    }

    /** What went wrong. @return the reason */
    public Reason reason() {
        return reason;
    }
}
