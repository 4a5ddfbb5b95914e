package dev.aurasdk.graphql;

import dev.aurasdk.core.spi.Ids;
import org.immutables.value.Value;

/**
 * The database user a Data API connects to its Aura instance with. The password is write-only: it is
 * sent to Aura and never shown by {@code toString()}.
 */
@Value.Immutable
abstract class AbstractInstanceCredentials {
    /** Database user name, such as {@code neo4j}. */
    public abstract String username();

    /** Database password; printed as {@code ****}. */
    @Value.Redacted
    public abstract String password();

    /**
     * Credentials from values.
     *
     * @param username the database user
     * @param password the database password
     * @return the credentials
     */
    public static InstanceCredentials of(String username, String password) {
        return InstanceCredentials.builder()
                .username(username)
                .password(password)
                .build();
    }

    @Value.Check
    void check() {
        Ids.requireText("instance username", username());
        if (password().isEmpty()) {
            throw new IllegalArgumentException("instance password must not be empty");
        }
    }
}
