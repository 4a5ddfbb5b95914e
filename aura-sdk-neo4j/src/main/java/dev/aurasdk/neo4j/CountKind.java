package dev.aurasdk.neo4j;

/** What a {@link CountCheck} counts. */
public enum CountKind {
    /** Nodes with a label. */
    NODE_LABEL,
    /** Relationships of a type. */
    RELATIONSHIP_TYPE
}
