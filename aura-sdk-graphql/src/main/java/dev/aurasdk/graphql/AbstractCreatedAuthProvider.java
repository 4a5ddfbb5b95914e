package dev.aurasdk.graphql;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A newly created authentication provider. For an {@code api-key} provider it carries the key, which
 * Aura shows this one time only: store it now (a secret manager, not a log). {@code toString()} prints
 * the key as {@code ****}; this type is deliberately not serialisable to JSON.
 */
@Value.Immutable
@JsonDeserialize(as = CreatedAuthProvider.class)
abstract class AbstractCreatedAuthProvider {
    /** Provider id (a UUID). */
    public abstract String id();

    /** Provider name. */
    public abstract String name();

    /** {@code api-key} or {@code jwks}. */
    public abstract AuthProviderType type();

    /** Whether the provider is enabled (true when Aura omits it, its default). */
    @Value.Default
    public boolean enabled() {
        return true;
    }

    /** JWKS URL of a {@code jwks} provider. */
    public abstract Optional<String> url();

    /** The API key of an {@code api-key} provider: shown once, never retrievable again. */
    @Value.Redacted
    public abstract Optional<String> key();

    /**
     * The provider without its key.
     *
     * @return the provider
     */
    public AuthProvider withoutKey() {
        return AuthProvider.builder()
                .id(id())
                .name(name())
                .type(type())
                .enabled(enabled())
                .url(url())
                .build();
    }
}
