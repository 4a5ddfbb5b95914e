package dev.aurasdk.neo4j;

/** The outcome of one count check, and the verdict of a whole verification. */
public enum CheckStatus {
    /** Expected and found counts are equal (for a verdict: every check is OK). */
    OK,
    /** They differ (for a verdict: at least one check differs). */
    MISMATCH
}
