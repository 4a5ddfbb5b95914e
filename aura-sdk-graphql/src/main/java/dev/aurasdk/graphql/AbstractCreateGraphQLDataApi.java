package dev.aurasdk.graphql;

import dev.aurasdk.core.spi.Ids;
import dev.aurasdk.graphql.internal.Origins;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A request to create a GraphQL Data API. Checked when built: name, type definitions (non-empty, at
 * most 1 MiB), instance credentials, auth providers with unique names, CORS origins normalised to
 * {@code scheme://host[:port]} without duplicates.
 *
 * <pre>{@code
 * CreateGraphQLDataApi.builder()
 *     .name("restaurants")
 *     .typeDefinitions(TypeDefinitions.fromClasspath("/schema.graphql"))
 *     .instanceCredentials(InstanceCredentials.of("neo4j", password))
 *     .addAuthProviders(AuthProviderSpec.apiKey("default"))
 *     .addCorsOrigins("https://app.example.com")
 *     .build();
 * }</pre>
 *
 * <p>{@code toString()} never shows the instance password.
 */
@Value.Immutable
abstract class AbstractCreateGraphQLDataApi {
    /** Data API name. */
    public abstract String name();

    /** The Neo4j GraphQL Library v7 type definitions (sent base64-encoded). */
    public abstract TypeDefinitions typeDefinitions();

    /** The database user the API connects as. */
    public abstract InstanceCredentials instanceCredentials();

    /** Authentication providers to create with the API (API keys are returned once). */
    public abstract List<AuthProviderSpec> authProviders();

    /** Browser origins allowed by the CORS policy, normalised; sent only when not empty. */
    public abstract List<String> corsOrigins();

    /** Whether the API acts as a federation subgraph; sent only when set. */
    public abstract Optional<Boolean> subgraph();

    @Value.Check
    AbstractCreateGraphQLDataApi check() {
        Ids.requireText("Data API name", name());
        if (!name().equals(name().strip())) {
            throw new IllegalArgumentException("Data API name must not start or end with whitespace");
        }
        Set<String> names = new HashSet<>();
        for (AuthProviderSpec p : authProviders()) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException(
                        "auth provider names must be unique, '" + p.name() + "' appears twice");
            }
        }
        List<String> normalized = Origins.normalizeAll(corsOrigins());
        if (!normalized.equals(corsOrigins())) {
            return CreateGraphQLDataApi.builder()
                    .from(this)
                    .corsOrigins(normalized)
                    .build();
        }
        return this;
    }
}
