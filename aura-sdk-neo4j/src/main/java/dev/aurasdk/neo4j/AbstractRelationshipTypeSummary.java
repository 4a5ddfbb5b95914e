package dev.aurasdk.neo4j;

import dev.aurasdk.core.AuraStyle;
import org.immutables.value.Value;

/** A relationship type in a {@link DatabaseOverview}. */
@Value.Immutable
@AuraStyle
public abstract class AbstractRelationshipTypeSummary {
    /** The type, unquoted. @return the type */
    public abstract String type();

    /** Relationships of the type (from the count store). @return the count */
    public abstract long count();
}
