package dev.aurasdk.neo4j.internal;

/** Quoting of names that cannot be query parameters (labels and types read from the count store). Not API. */
public final class Cypher {
    private Cypher() {}

    /**
     * A label, relationship type or property key as a backtick-quoted Cypher name: backticks are doubled, so a
     * name can hold any character (space, quote, backtick) and never ends the quoting.
     *
     * @param name the name, not empty
     * @return the quoted name
     * @throws IllegalArgumentException when empty, or when it holds a NUL character or a backslash-u escape,
     *     which Cypher would decode inside the quotes
     */
    public static String quote(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a label or type must not be empty");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a label or type must not contain a NUL character");
        }
        return "`" + name.replace("`", "``") + "`";
    }
}
