package dev.aurasdk.graphql;

import dev.aurasdk.core.spi.Ids;
import dev.aurasdk.graphql.internal.JwksUrls;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An authentication provider to create, alone or with a new Data API. Aura's rules are checked when it
 * is built, so a bad spec never reaches a request: a {@code jwks} provider needs an https {@code url}
 * without credentials; an {@code api-key} provider must not have one.
 *
 * <pre>{@code
 * AuthProviderSpec.apiKey("default");
 * AuthProviderSpec.jwks("auth0", "https://example.eu.auth0.com/.well-known/jwks.json");
 * }</pre>
 */
@Value.Immutable
abstract class AbstractAuthProviderSpec {
    /** Provider name, unique within the Data API. */
    public abstract String name();

    /** {@code api-key} or {@code jwks}. */
    public abstract AuthProviderType type();

    /** Whether callers may use the provider right away (default true). */
    @Value.Default
    public boolean enabled() {
        return true;
    }

    /** JWKS URL: required for {@code jwks}, absent for {@code api-key}. */
    public abstract Optional<String> url();

    /**
     * An API-key provider; Aura returns its key once, in the create response.
     *
     * @param name the provider name
     * @return the spec
     */
    public static AuthProviderSpec apiKey(String name) {
        return AuthProviderSpec.builder()
                .name(name)
                .type(AuthProviderType.API_KEY)
                .build();
    }

    /**
     * A JWKS provider: bearer JWTs are validated against the keys published at {@code url}.
     *
     * @param name the provider name
     * @param url the https JWKS URL
     * @return the spec
     */
    public static AuthProviderSpec jwks(String name, String url) {
        return AuthProviderSpec.builder()
                .name(name)
                .type(AuthProviderType.JWKS)
                .url(url)
                .build();
    }

    @Value.Check
    AbstractAuthProviderSpec check() {
        Ids.requireText("auth provider name", name());
        if (AuthProviderType.JWKS.equals(type())) {
            if (url().isEmpty()) {
                throw new IllegalArgumentException(
                        "a jwks auth provider needs a url (the JWKS endpoint), provider '" + name() + "'");
            }
            String checked = JwksUrls.check(url().get());
            if (!checked.equals(url().get())) {
                return AuthProviderSpec.builder().from(this).url(checked).build();
            }
        } else if (AuthProviderType.API_KEY.equals(type())) {
            if (url().isPresent()) {
                throw new IllegalArgumentException(
                        "an api-key auth provider must not have a url, provider '" + name() + "'");
            }
        } else {
            throw new IllegalArgumentException(
                    "unsupported auth provider type '" + type() + "': Aura accepts api-key and jwks");
        }
        return this;
    }
}
