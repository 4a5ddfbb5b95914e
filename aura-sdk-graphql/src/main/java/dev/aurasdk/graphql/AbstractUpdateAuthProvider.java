package dev.aurasdk.graphql;

import dev.aurasdk.core.spi.Ids;
import dev.aurasdk.graphql.internal.JwksUrls;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A change to an authentication provider ({@code PATCH}): only the fields set are sent. A {@code url}
 * applies to {@code jwks} providers only and must be https without credentials.
 */
@Value.Immutable
abstract class AbstractUpdateAuthProvider {
    /** New name. */
    public abstract Optional<String> name();

    /** Enable or disable the provider. */
    public abstract Optional<Boolean> enabled();

    /** New JWKS URL (jwks providers only). */
    public abstract Optional<String> url();

    @Value.Check
    AbstractUpdateAuthProvider check() {
        if (name().isEmpty() && enabled().isEmpty() && url().isEmpty()) {
            throw new IllegalArgumentException("an auth provider update needs at least one of name, enabled, url");
        }
        name().ifPresent(n -> Ids.requireText("auth provider name", n));
        if (url().isPresent()) {
            String checked = JwksUrls.check(url().get());
            if (!checked.equals(url().get())) {
                return UpdateAuthProvider.builder().from(this).url(checked).build();
            }
        }
        return this;
    }
}
