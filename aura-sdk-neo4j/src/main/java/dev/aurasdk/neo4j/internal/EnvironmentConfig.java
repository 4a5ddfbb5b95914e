package dev.aurasdk.neo4j.internal;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.spi.EnvLookup;
import dev.aurasdk.neo4j.Neo4jDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code NEO4J_*} variables and {@code neo4j.*} properties (see {@link Neo4jDatabases}). Not API. */
public final class EnvironmentConfig {
    private static final String DEFAULT_NAME = Neo4jDatabases.DEFAULT_NAME;
    private static final Pattern ENV_NAMED = Pattern.compile("NEO4J_([A-Z0-9][A-Z0-9_]*?)_(URI|INSTANCE_ID)");
    private static final Pattern PROP_NAMED = Pattern.compile("neo4j\\.([A-Za-z0-9][A-Za-z0-9_-]*)\\.(uri|instanceId)");

    private EnvironmentConfig() {}

    /**
     * A builder holding every database configured in the maps.
     *
     * @param env environment variables
     * @param properties system properties
     * @param client the Aura client, or null for Bolt URIs only
     * @return the builder, ready to build
     */
    public static Neo4jDatabases.Builder builder(Map<String, String> env, Properties properties, AuraClient client) {
        List<String> names = names(env, properties);
        if (names.isEmpty()) {
            throw new IllegalStateException("no Neo4j database configured: set NEO4J_URI (or NEO4J_INSTANCE_ID), "
                    + "NEO4J_USERNAME and NEO4J_PASSWORD, or NEO4J_<NAME>_URI, NEO4J_<NAME>_USERNAME and "
                    + "NEO4J_<NAME>_PASSWORD for each named database");
        }
        Neo4jDatabases.Builder b = Neo4jDatabases.builder();
        if (client != null) {
            b.client(client);
        }
        for (String name : names) {
            String envPrefix = name.equals(DEFAULT_NAME) ? "NEO4J_" : "NEO4J_" + name.toUpperCase(Locale.ROOT) + "_";
            String propPrefix = name.equals(DEFAULT_NAME) ? "neo4j." : "neo4j." + name + ".";
            String uri = EnvLookup.find(env, properties, envPrefix + "URI", propPrefix + "uri")
                    .orElse(null);
            String instance = EnvLookup.find(env, properties, envPrefix + "INSTANCE_ID", propPrefix + "instanceId")
                    .orElse(null);
            if (uri != null && instance != null) {
                throw new IllegalStateException("database '" + name + "': set either " + envPrefix + "URI or "
                        + envPrefix + "INSTANCE_ID, not both");
            }
            String user = EnvLookup.find(env, properties, envPrefix + "USERNAME", propPrefix + "username")
                    .orElse("neo4j")
                    .strip();
            String password = EnvLookup.require(
                    env,
                    properties,
                    envPrefix + "PASSWORD",
                    propPrefix + "password",
                    "Neo4j password of database '" + name + "'",
                    "");
            String database = EnvLookup.find(env, properties, envPrefix + "DATABASE", propPrefix + "database")
                    .map(String::strip)
                    .orElse(null);
            if (instance != null) {
                if (client == null) {
                    throw new IllegalStateException("database '" + name + "': " + envPrefix + "INSTANCE_ID needs an "
                            + "AuraClient to read the instance's connection_url: use fromEnvironment(aura)");
                }
                b.instance(name, instance.strip(), user, password, database);
            } else {
                b.uri(name, uri, user, password, database);
            }
        }
        return b;
    }

    /**
     * The database names configured in the maps, the default name first.
     *
     * @param env environment variables
     * @param properties system properties
     * @return the names, empty when none is configured
     */
    public static List<String> names(Map<String, String> env, Properties properties) {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(properties, "properties");
        List<String> names = new ArrayList<>();
        if (EnvLookup.find(env, properties, "NEO4J_URI", "neo4j.uri").isPresent()
                || EnvLookup.find(env, properties, "NEO4J_INSTANCE_ID", "neo4j.instanceId")
                        .isPresent()) {
            names.add(DEFAULT_NAME);
        }
        TreeSet<String> named = new TreeSet<>();
        env.forEach((k, v) -> {
            Matcher m = ENV_NAMED.matcher(k);
            if (m.matches() && v != null && !v.isBlank()) {
                named.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        });
        for (String k : properties.stringPropertyNames()) {
            Matcher m = PROP_NAMED.matcher(k);
            if (m.matches() && !properties.getProperty(k).isBlank()) {
                named.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        if (named.contains(DEFAULT_NAME)) {
            throw new IllegalStateException("NEO4J_DEFAULT_* is reserved: the default database is configured by "
                    + "NEO4J_URI / NEO4J_INSTANCE_ID");
        }
        names.addAll(named);
        return names;
    }
}
