package dev.aurasdk.neo4j;

import org.immutables.value.Value;

/** One line of an {@link ImportVerification}: a node label or a relationship type, expected versus found. */
@Value.Immutable
abstract class AbstractCountCheck {
    /** Node label or relationship type. @return the kind */
    public abstract CountKind kind();

    /** The label or type, unquoted. @return the name */
    public abstract String name();

    /** The count the import reported. @return the expected count */
    public abstract long expected();

    /** The count in the database. @return the found count */
    public abstract long found();

    /** OK when equal, else MISMATCH. @return the status */
    @Value.Derived
    public CheckStatus status() {
        return expected() == found() ? CheckStatus.OK : CheckStatus.MISMATCH;
    }
}
