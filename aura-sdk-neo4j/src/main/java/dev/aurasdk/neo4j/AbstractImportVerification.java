package dev.aurasdk.neo4j;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/** The result of {@link Neo4jDatabases#verify}: one check per label and relationship type, and a verdict. */
@Value.Immutable
abstract class AbstractImportVerification {
    /** The registry name of the database checked. @return the name */
    public abstract String databaseName();

    /** The import job verified, when verifying a job. @return the job id */
    public abstract Optional<String> importJobId();

    /** Node labels first, then relationship types, each in the expected counts' order. @return the checks */
    public abstract List<CountCheck> checks();

    /** Queries sent to the database (all in one read transaction). @return the count */
    public abstract int queriesRun();

    /** Wall time of the verification. @return the elapsed time */
    public abstract Duration elapsed();

    /** OK when every check is OK, else MISMATCH. @return the verdict */
    @Value.Derived
    public CheckStatus verdict() {
        return checks().stream().allMatch(c -> c.status() == CheckStatus.OK) ? CheckStatus.OK : CheckStatus.MISMATCH;
    }

    /** The checks that failed. @return the mismatches */
    public List<CountCheck> mismatches() {
        return checks().stream().filter(c -> c.status() == CheckStatus.MISMATCH).collect(Collectors.toList());
    }
}
