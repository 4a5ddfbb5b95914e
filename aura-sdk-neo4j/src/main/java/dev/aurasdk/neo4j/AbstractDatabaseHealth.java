package dev.aurasdk.neo4j;

import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/** The health of one database of {@link Neo4jDatabases}: reachable or not, with what was learned. */
@Value.Immutable
abstract class AbstractDatabaseHealth {
    /** The registry name. @return the name */
    public abstract String name();

    /** The Aura instance id, for an entry made from one. @return the instance id */
    public abstract Optional<String> instanceId();

    /** The Bolt URI used (never with credentials), once known. @return the URI */
    public abstract Optional<String> uri();

    /** Whether a read query succeeded. @return true when reachable */
    public abstract boolean reachable();

    /** How long the check took, connection included. @return the latency */
    public abstract Duration latency();

    /** The server's version, such as {@code 5.26.0}. @return the version */
    public abstract Optional<String> serverVersion();

    /** The server's edition ({@code community} or {@code enterprise}). @return the edition */
    public abstract Optional<String> edition();

    /** The database the query ran on, such as {@code neo4j}. @return the database name */
    public abstract Optional<String> database();

    /** Why the check failed. @return the reason */
    public abstract Optional<Neo4jDatabaseException.Reason> failure();

    /** The failure's message (names the database; never a password). @return the message */
    public abstract Optional<String> error();
}
