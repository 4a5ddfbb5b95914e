package dev.aurasdk.graphql;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** An authentication provider of a Data API, as Aura shows it (an API key is never shown again). */
@Value.Immutable
@JsonSerialize(as = AuthProvider.class)
@JsonDeserialize(as = AuthProvider.class)
abstract class AbstractAuthProvider {
    /** Provider id (a UUID). */
    public abstract String id();

    /** Provider name. */
    public abstract String name();

    /** {@code api-key} or {@code jwks} (open: an unknown type is kept). */
    public abstract AuthProviderType type();

    /** Whether the provider is enabled (true when Aura omits it, its default). */
    @Value.Default
    public boolean enabled() {
        return true;
    }

    /** JWKS URL of a {@code jwks} provider. */
    public abstract Optional<String> url();

    /** Whether this is a JWKS provider. @return true for {@code jwks} */
    public boolean isJwks() {
        return AuthProviderType.JWKS.equals(type());
    }

    /** Whether this is an API-key provider. @return true for {@code api-key} */
    public boolean isApiKey() {
        return AuthProviderType.API_KEY.equals(type());
    }
}
