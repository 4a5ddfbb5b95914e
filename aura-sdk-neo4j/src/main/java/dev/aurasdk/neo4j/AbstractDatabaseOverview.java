package dev.aurasdk.neo4j;

import java.time.Duration;
import java.util.List;
import org.immutables.value.Value;

/**
 * What a database holds, from {@link Neo4jDatabases#investigate}: totals and per-label and per-type counts
 * from the count store, property keys from a bounded sample per label, indexes and constraints.
 */
@Value.Immutable
abstract class AbstractDatabaseOverview {
    /** The registry name. @return the name */
    public abstract String name();

    /** The database the queries ran on, such as {@code neo4j}. @return the database name */
    public abstract String database();

    /** All nodes. @return the count */
    public abstract long nodeCount();

    /** All relationships. @return the count */
    public abstract long relationshipCount();

    /** Labels, sorted by name. @return the labels */
    public abstract List<LabelSummary> labels();

    /** Relationship types, sorted by name. @return the types */
    public abstract List<RelationshipTypeSummary> relationshipTypes();

    /** Indexes, sorted by name. @return the indexes */
    public abstract List<SchemaItem> indexes();

    /** Constraints, sorted by name. @return the constraints */
    public abstract List<SchemaItem> constraints();

    /** Nodes sampled per label for the property keys. @return the sample size */
    public abstract int sampleSize();

    /** Queries sent (all in one read transaction). @return the count */
    public abstract int queriesRun();

    /** Wall time of the investigation. @return the elapsed time */
    public abstract Duration elapsed();
}
