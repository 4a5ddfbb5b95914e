package dev.aurasdk.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.neo4j.Neo4jDatabaseException.Reason;
import dev.aurasdk.neo4j.internal.Errors;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.SecurityException;

/**
 * Driver failures that the harness cannot produce on demand (a server-side transaction timeout, a permission
 * refusal, an internal error), translated like the real ones the other tests provoke.
 */
class ErrorTranslationTest {
    private static Neo4jDatabaseException translate(RuntimeException e) {
        return Errors.translate("orders", "neo4j+s://abc.databases.neo4j.io (Aura instance abc)", "neo4j", e);
    }

    @Test
    void aTransactionTimeoutBecomesTimeoutNamingTheDatabaseAndKeepingTheCause() {
        ClientException cause = new ClientException(
                "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
                "The transaction has been terminated.");
        Neo4jDatabaseException e = translate(cause);
        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(e)
                .hasMessageStartingWith("Neo4j database 'orders' at neo4j+s://abc.databases.neo4j.io")
                .hasMessageContaining("timed out")
                .hasMessageContaining("TransactionTimedOutClientConfiguration")
                .hasCause(cause);
    }

    @Test
    void permissionAndServerFailuresKeepTheirOwnReasons() {
        assertThat(translate(new SecurityException("Neo.ClientError.Security.Forbidden", "no"))
                        .reason())
                .isEqualTo(Reason.FORBIDDEN);
        assertThat(translate(new ClientException("Neo.ClientError.Security.Forbidden", "no"))
                        .reason())
                .isEqualTo(Reason.FORBIDDEN);
        Neo4jDatabaseException other = translate(new DatabaseException("Neo.DatabaseError.General.UnknownError", "x"));
        assertThat(other.reason()).isEqualTo(Reason.QUERY_FAILED);
        assertThat(other).hasMessageContaining("'orders'").hasMessageContaining("UnknownError");
        Neo4jDatabaseException same = translate(other);
        assertThat(same).isSameAs(other);
    }
}
