package dev.aurasdk.neo4j.internal;

import dev.aurasdk.neo4j.Neo4jDatabaseException;
import dev.aurasdk.neo4j.Neo4jDatabaseException.Reason;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.FatalDiscoveryException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.SecurityException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;

/** Turns the driver's exceptions into {@link Neo4jDatabaseException}s naming the database. Not API. */
public final class Errors {
    private Errors() {}

    /**
     * Translates a failure of a query or connection.
     *
     * @param name the registry name
     * @param where the database described for messages, such as {@code bolt://host:7687 (Aura instance abc)}
     * @param user the username (not a secret), for authentication failures
     * @param e the failure
     * @return the SDK exception (the original as its cause)
     */
    public static Neo4jDatabaseException translate(String name, String where, String user, RuntimeException e) {
        if (e instanceof Neo4jDatabaseException) {
            return (Neo4jDatabaseException) e;
        }
        String db = "Neo4j database '" + name + "' at " + where;
        String detail = detail(e);
        if (e instanceof AuthenticationException) {
            return new Neo4jDatabaseException(
                    name,
                    Reason.AUTHENTICATION_FAILED,
                    db + " refused the credentials of user '" + user + "': check its username and password" + detail,
                    e);
        }
        if (e instanceof SecurityException) {
            return new Neo4jDatabaseException(
                    name, Reason.FORBIDDEN, db + ": user '" + user + "' is not allowed to do this" + detail, e);
        }
        if (e instanceof ServiceUnavailableException || e instanceof SessionExpiredException) {
            return new Neo4jDatabaseException(
                    name,
                    Reason.UNREACHABLE,
                    db + " is unreachable: is it running (not " + "paused), and are the host and port right?" + detail,
                    e);
        }
        if (e instanceof FatalDiscoveryException || code(e).equals("Neo.ClientError.Database.DatabaseNotFound")) {
            return new Neo4jDatabaseException(
                    name,
                    Reason.DATABASE_NOT_FOUND,
                    db + ": the DBMS has no such database; check the configured database name" + detail,
                    e);
        }
        if (code(e).contains("TransactionTimedOut")) {
            return new Neo4jDatabaseException(name, Reason.TIMEOUT, db + ": the transaction timed out" + detail, e);
        }
        if (e instanceof ClientException && code(e).startsWith("Neo.ClientError.Security.")) {
            return new Neo4jDatabaseException(
                    name, Reason.FORBIDDEN, db + ": user '" + user + "' is not allowed to do this" + detail, e);
        }
        return new Neo4jDatabaseException(name, Reason.QUERY_FAILED, db + ": the query failed" + detail, e);
    }

    private static String code(RuntimeException e) {
        return e instanceof Neo4jException ? String.valueOf(((Neo4jException) e).code()) : "";
    }

    private static String detail(RuntimeException e) {
        String code = code(e);
        String message = e.getMessage() == null ? "" : e.getMessage().strip();
        if (message.length() > 300) {
            message = message.substring(0, 300) + "...";
        }
        StringBuilder sb = new StringBuilder(" (driver: ").append(e.getClass().getSimpleName());
        if (!code.isEmpty() && !"null".equals(code)) {
            sb.append(' ').append(code);
        }
        if (!message.isEmpty()) {
            sb.append(": ").append(message);
        }
        return sb.append(')').toString();
    }
}
