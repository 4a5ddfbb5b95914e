package dev.aurasdk.testkit;

import java.util.List;
import java.util.Objects;

/**
 * The verdict of the real Neo4j GraphQL Library on type definitions (see {@link SchemaValidator}): valid or not,
 * with the library's own error and warning messages, and the versions that gave it. Immutable.
 */
public final class SchemaValidation {
    private final boolean valid;
    private final List<String> errors;
    private final List<String> warnings;
    private final String libraryVersion;
    private final String nodeVersion;

    SchemaValidation(
            boolean valid, List<String> errors, List<String> warnings, String libraryVersion, String nodeVersion) {
        this.valid = valid;
        this.errors = List.copyOf(errors);
        this.warnings = List.copyOf(warnings);
        this.libraryVersion = Objects.requireNonNull(libraryVersion, "libraryVersion");
        this.nodeVersion = Objects.requireNonNull(nodeVersion, "nodeVersion");
    }

    /**
     * Whether the library built a schema from the type definitions.
     *
     * @return true when valid
     */
    public boolean isValid() {
        return valid;
    }

    /**
     * The library's error messages, as Aura shows them for a Data API in {@code error}; empty when valid.
     *
     * @return the messages
     */
    public List<String> errors() {
        return errors;
    }

    /**
     * The library's warnings while building the schema (it builds anyway).
     *
     * @return the warnings
     */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The errors joined with {@code "; "}: the reason text of the fake's {@code invalid-type-defs} error.
     *
     * @return the message, empty when valid
     */
    public String message() {
        return String.join("; ", errors);
    }

    /**
     * The {@code @neo4j/graphql} version that validated.
     *
     * @return such as {@code 7.6.3}
     */
    public String libraryVersion() {
        return libraryVersion;
    }

    /**
     * The Node.js version that ran the library.
     *
     * @return such as {@code v20.20.2}
     */
    public String nodeVersion() {
        return nodeVersion;
    }

    @Override
    public String toString() {
        return "SchemaValidation{" + (valid ? "valid" : "invalid: " + message()) + ", " + warnings.size()
                + " warning(s), @neo4j/graphql " + libraryVersion + ", node " + nodeVersion + "}";
    }
}
