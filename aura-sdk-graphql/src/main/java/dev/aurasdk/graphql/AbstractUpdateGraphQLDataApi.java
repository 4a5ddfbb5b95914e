package dev.aurasdk.graphql;

import dev.aurasdk.core.spi.Ids;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A change to a GraphQL Data API ({@code PATCH}): only the fields set are sent, so nothing else is
 * overwritten. Setting {@link #typeDefinitions()} deploys a new schema ("hot reload"). CORS origins
 * are changed with {@link GraphQLDataApis#cors(String, String)}, auth providers with
 * {@link GraphQLDataApis#authProviders(String, String)}.
 *
 * <pre>{@code
 * UpdateGraphQLDataApi.builder().typeDefinitions(TypeDefinitions.fromPath(schema)).build();
 * }</pre>
 *
 * <p>{@code toString()} never shows the instance password.
 */
@Value.Immutable
abstract class AbstractUpdateGraphQLDataApi {
    /** New name. */
    public abstract Optional<String> name();

    /** New type definitions. */
    public abstract Optional<TypeDefinitions> typeDefinitions();

    /** New database user name. */
    public abstract Optional<String> instanceUsername();

    /** New database password; printed as {@code ****}. */
    @Value.Redacted
    public abstract Optional<String> instancePassword();

    /** Turn federation subgraph support on or off. */
    public abstract Optional<Boolean> subgraph();

    /**
     * A change of type definitions only.
     *
     * @param typeDefinitions the new type definitions
     * @return the change
     */
    public static UpdateGraphQLDataApi ofTypeDefinitions(TypeDefinitions typeDefinitions) {
        return UpdateGraphQLDataApi.builder().typeDefinitions(typeDefinitions).build();
    }

    /** Whether any database credential changes. @return true when username or password is set */
    public boolean changesInstanceCredentials() {
        return instanceUsername().isPresent() || instancePassword().isPresent();
    }

    @Value.Check
    void check() {
        if (name().isEmpty()
                && typeDefinitions().isEmpty()
                && !changesInstanceCredentials()
                && subgraph().isEmpty()) {
            throw new IllegalArgumentException("a Data API update needs at least one field to change");
        }
        name().ifPresent(n -> {
            Ids.requireText("Data API name", n);
            if (!n.equals(n.strip())) {
                throw new IllegalArgumentException("Data API name must not start or end with whitespace");
            }
        });
        instanceUsername().ifPresent(u -> Ids.requireText("instance username", u));
        instancePassword().ifPresent(p -> {
            if (p.isEmpty()) {
                throw new IllegalArgumentException("instance password must not be empty");
            }
        });
    }
}
