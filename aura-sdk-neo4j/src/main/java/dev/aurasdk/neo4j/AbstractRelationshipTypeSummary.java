package dev.aurasdk.neo4j;

import org.immutables.value.Value;

/** A relationship type in a {@link DatabaseOverview}. */
@Value.Immutable
abstract class AbstractRelationshipTypeSummary {
    /** The type, unquoted. @return the type */
    public abstract String type();

    /** Relationships of the type (from the count store). @return the count */
    public abstract long count();
}
