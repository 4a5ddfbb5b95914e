package dev.aurasdk.neo4j;

import dev.aurasdk.core.HealthReport;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One report for the whole system: the Aura API checks of {@code AuraClient.healthCheck()} (when the registry
 * has a client) and one entry per database.
 */
@Value.Immutable
abstract class AbstractNeo4jHealthReport {
    /** The Aura API checks, when the registry was built with an {@code AuraClient}. @return the API report */
    public abstract Optional<HealthReport> api();

    /** One entry per database, in registration order. @return the database checks */
    public abstract List<DatabaseHealth> databases();

    /** Whether the API checks (if any) passed and every database is reachable. @return true when all is well */
    public boolean ok() {
        return api().map(HealthReport::ok).orElse(true) && databases().stream().allMatch(DatabaseHealth::reachable);
    }
}
