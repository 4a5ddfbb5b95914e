package dev.aurasdk.core;

import dev.aurasdk.core.spi.EnvLookup;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Aura API client credentials (client id and secret, created in the Aura console under
 * Account settings, API keys). {@link #toString()} never shows the secret.
 */
public final class AuraCredentials {
    /** Environment variable holding the client id. */
    public static final String ENV_CLIENT_ID = "AURA_API_CLIENT_ID";
    /** Environment variable holding the client secret. */
    public static final String ENV_CLIENT_SECRET = "AURA_API_CLIENT_SECRET";
    /** System property holding the client id (used when the environment variable is absent). */
    public static final String PROP_CLIENT_ID = "aura.clientId";
    /** System property holding the client secret (used when the environment variable is absent). */
    public static final String PROP_CLIENT_SECRET = "aura.clientSecret";

    private final String clientId;
    private final String clientSecret;

    private AuraCredentials(String clientId, String clientSecret) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /**
     * Credentials from values.
     *
     * @param clientId the client id
     * @param clientSecret the client secret
     * @return the credentials
     * @throws IllegalArgumentException when either is blank
     */
    public static AuraCredentials of(String clientId, String clientSecret) {
        Objects.requireNonNull(clientId, "clientId must not be null");
        Objects.requireNonNull(clientSecret, "clientSecret must not be null");
        if (clientId.isBlank()) {
            throw new IllegalArgumentException("clientId must not be blank");
        }
        if (clientSecret.isBlank()) {
            throw new IllegalArgumentException("clientSecret must not be blank");
        }
        if (clientId.indexOf(':') >= 0) {
            throw new IllegalArgumentException("clientId must not contain ':' (it is sent with HTTP Basic auth)");
        }
        return new AuraCredentials(clientId.strip(), clientSecret.strip());
    }

    /**
     * Credentials from {@code AURA_API_CLIENT_ID} / {@code AURA_API_CLIENT_SECRET}, falling back to the
     * system properties {@code aura.clientId} / {@code aura.clientSecret}.
     *
     * @return the credentials
     * @throws IllegalStateException naming the missing variable
     */
    public static AuraCredentials fromEnvironment() {
        return fromEnvironment(System.getenv(), System.getProperties());
    }

    /**
     * As {@link #fromEnvironment()}, from the given maps (for tests and custom sources).
     *
     * @param env environment variables
     * @param properties system properties
     * @return the credentials
     * @throws IllegalStateException naming the missing variable
     */
    public static AuraCredentials fromEnvironment(Map<String, String> env, Properties properties) {
        String id = lookup(env, properties, ENV_CLIENT_ID, PROP_CLIENT_ID);
        String secret = lookup(env, properties, ENV_CLIENT_SECRET, PROP_CLIENT_SECRET);
        return of(id, secret);
    }

    /**
     * Whether credentials are available from the environment or system properties.
     *
     * @return true when both the id and the secret are set
     */
    public static boolean isConfiguredInEnvironment() {
        return present(System.getenv(), System.getProperties(), ENV_CLIENT_ID, PROP_CLIENT_ID)
                && present(System.getenv(), System.getProperties(), ENV_CLIENT_SECRET, PROP_CLIENT_SECRET);
    }

    private static boolean present(Map<String, String> env, Properties props, String var, String prop) {
        return EnvLookup.find(env, props, var, prop).isPresent();
    }

    private static String lookup(Map<String, String> env, Properties props, String var, String prop) {
        return EnvLookup.require(env, props, var, prop, "Aura credentials", "");
    }

    /** The client id (not a secret; appears in logs and cache keys). */
    public String clientId() {
        return clientId;
    }

    /** The client secret. Treat as a secret. */
    public String clientSecret() {
        return clientSecret;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuraCredentials
                && ((AuraCredentials) o).clientId.equals(clientId)
                && ((AuraCredentials) o).clientSecret.equals(clientSecret);
    }

    @Override
    public int hashCode() {
        return clientId.hashCode();
    }

    @Override
    public String toString() {
        return "AuraCredentials{clientId=" + clientId + ", clientSecret=****}";
    }
}
