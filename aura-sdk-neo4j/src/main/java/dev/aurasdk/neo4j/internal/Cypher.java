package dev.aurasdk.neo4j.internal;

/** Quoting of names that cannot be query parameters (labels and types read from the count store). Not API. */
public final class Cypher {
    private Cypher() {}

    /**
     * A label, relationship type or property key as a backtick-quoted Cypher name that can hold any character
     * and never ends the quoting: backticks are doubled, and each backslash is written as the Cypher escape of a
     * backslash (backslash, "u005C"), because Cypher decodes backslash-u escapes inside backticks (so the escape
     * of a backtick, "u0060", would otherwise end the quoting).
     *
     * @param name the name, not empty
     * @return the quoted name
     * @throws IllegalArgumentException when empty or holding a NUL character
     */
    public static String quote(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a label or type must not be empty");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a label or type must not contain a NUL character");
        }
        return "`" + name.replace("\\", "\\u005C").replace("`", "``") + "`";
    }
}
