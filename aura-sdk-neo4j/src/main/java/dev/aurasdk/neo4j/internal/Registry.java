package dev.aurasdk.neo4j.internal;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.neo4j.Neo4jDatabaseException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.Config;

/** The named entries of a {@code Neo4jDatabases}: look-up, open/closed state, closing. Not API. */
public final class Registry {
    private final Map<String, Entry> entries;
    private volatile boolean closed;

    /**
     * Creates the entries (no connection yet).
     *
     * @param specs the databases, checked by {@link #add} and {@link #requireBuildable}
     * @param client the Aura client, or null
     * @param config the driver configuration, or null for the default (10 s connection timeout)
     */
    public Registry(List<DatabaseSpec> specs, AuraClient client, Config config) {
        Config c = config != null
                ? config
                : Config.builder().withConnectionTimeout(10, TimeUnit.SECONDS).build();
        Map<String, Entry> map = new LinkedHashMap<>();
        for (DatabaseSpec s : specs) {
            map.put(s.name(), s.toEntry(client, c));
        }
        this.entries = Collections.unmodifiableMap(map);
    }

    /**
     * Adds a spec, refusing a name already taken.
     *
     * @param specs the specs so far
     * @param spec the new one
     */
    public static void add(List<DatabaseSpec> specs, DatabaseSpec spec) {
        for (DatabaseSpec s : specs) {
            if (s.name().equals(spec.name())) {
                throw new IllegalArgumentException("a database named '" + spec.name() + "' is already registered");
            }
        }
        specs.add(spec);
    }

    /**
     * Checks that a registry can be built: at least one database, and a client when an instance is named.
     *
     * @param specs the specs
     * @param hasClient whether a client is set
     */
    public static void requireBuildable(List<DatabaseSpec> specs, boolean hasClient) {
        if (specs.isEmpty()) {
            throw new IllegalStateException("add at least one database: instance(...) or uri(...)");
        }
        if (!hasClient) {
            for (DatabaseSpec s : specs) {
                if (s.isInstance()) {
                    throw new IllegalStateException("database '" + s.name() + "' is an Aura instance: set client(...)"
                            + " so that its connection_url can be read");
                }
            }
        }
    }

    /** The names, in registration order. @return the names */
    public List<String> names() {
        return List.copyOf(entries.keySet());
    }

    /** Every entry, in registration order, once checked open. @return the entries */
    public Collection<Entry> all() {
        ensureOpen();
        return entries.values();
    }

    /**
     * The entry of a name.
     *
     * @param name a registered name
     * @return the entry
     * @throws Neo4jDatabaseException when the name is unknown
     * @throws IllegalStateException when closed
     */
    public Entry get(String name) {
        ensureOpen();
        Objects.requireNonNull(name, "name");
        Entry e = entries.get(name);
        if (e == null) {
            throw new Neo4jDatabaseException(
                    name,
                    Neo4jDatabaseException.Reason.UNKNOWN_NAME,
                    "no Neo4j database named '" + name + "' is registered (known: "
                            + String.join(", ", entries.keySet()) + ")",
                    null);
        }
        return e;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this Neo4jDatabases registry is closed");
        }
    }

    /** Closes every driver created (all are tried; the first failure is thrown). Idempotent. */
    public void close() {
        closed = true;
        RuntimeException first = null;
        for (Entry e : entries.values()) {
            try {
                e.close();
            } catch (RuntimeException ex) {
                if (first == null) {
                    first = ex;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Names and targets, never credentials. @return such as {@code Neo4jDatabases[a=bolt://h:7687]} */
    public String describe() {
        StringBuilder sb = new StringBuilder("Neo4jDatabases[");
        boolean firstEntry = true;
        for (Entry e : entries.values()) {
            sb.append(firstEntry ? "" : ", ").append(e.name()).append('=').append(e.where() == null ? "?" : e.where());
            firstEntry = false;
        }
        return sb.append(']').toString();
    }
}
