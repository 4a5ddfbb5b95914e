package dev.aurasdk.testkit;

/** How a {@link FakeAuraServer} decides whether a Data API's type definitions are valid. */
public enum SchemaValidationMode {
    /**
     * The fake's own deterministic check (the default, and the fallback without Node.js): the SDL mentions the type
     * {@code Strig}, or its braces do not balance.
     */
    BUILT_IN,
    /** The real Neo4j GraphQL Library, through a {@link SchemaValidator}, with the library's own messages. */
    NEO4J_GRAPHQL_LIBRARY
}
