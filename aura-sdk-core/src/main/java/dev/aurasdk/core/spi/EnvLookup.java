package dev.aurasdk.core.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/** Settings read from an environment variable, else a system property. SPI: for SDK modules, not for applications (see the package). */
public final class EnvLookup {
    private EnvLookup() {}

    /**
     * The variable's value, else the property's; blank values count as missing.
     *
     * @param env environment variables
     * @param properties system properties
     * @param variable the environment variable
     * @param property the system property
     * @return the value, if set
     */
    public static Optional<String> find(
            Map<String, String> env, Properties properties, String variable, String property) {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(properties, "properties");
        String v = env.get(variable);
        if (v == null || v.isBlank()) {
            v = properties.getProperty(property);
        }
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    /**
     * As {@link #find}, failing with a message that names both places to set it.
     *
     * @param env environment variables
     * @param properties system properties
     * @param variable the environment variable
     * @param property the system property
     * @param what what is missing, for the message (such as {@code "Aura credentials"})
     * @param hint appended to the message (may be empty)
     * @return the value
     * @throws IllegalStateException naming the variable and the property
     */
    public static String require(
            Map<String, String> env,
            Properties properties,
            String variable,
            String property,
            String what,
            String hint) {
        return find(env, properties, variable, property)
                .orElseThrow(() -> new IllegalStateException(what
                        + " missing: set the environment variable " + variable + " (or the system property " + property
                        + ")" + hint));
    }
}
