package dev.aurasdk.graphql;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Data API that Aura has started to create (status {@code creating}), with its authentication
 * providers. API keys appear here once and never again: store them now. {@code toString()} prints them
 * as {@code ****}.
 */
@Value.Immutable
@JsonDeserialize(as = CreatedGraphQLDataApi.class)
abstract class AbstractCreatedGraphQLDataApi {
    /** Data API id. */
    public abstract String id();

    /** Data API name. */
    public abstract String name();

    /** Status, normally {@code creating}. */
    public abstract GraphQLDataApiStatus status();

    /** The URL clients POST GraphQL requests to. */
    public abstract Optional<String> url();

    /** The providers created with the API; API-key providers carry their key. */
    public abstract List<CreatedAuthProvider> authenticationProviders();

    /**
     * The key of the first API-key provider: shown once by Aura.
     *
     * @return the key, empty when no API-key provider was created
     */
    public Optional<String> apiKey() {
        return authenticationProviders().stream()
                .filter(p -> AuthProviderType.API_KEY.equals(p.type()))
                .map(CreatedAuthProvider::key)
                .flatMap(Optional::stream)
                .findFirst();
    }

    /**
     * The key of the API-key provider with this name.
     *
     * @param providerName the provider name
     * @return the key, when that provider exists and has one
     */
    public Optional<String> apiKey(String providerName) {
        return authenticationProviders().stream()
                .filter(p -> p.name().equals(providerName))
                .map(CreatedAuthProvider::key)
                .flatMap(Optional::stream)
                .findFirst();
    }

    /**
     * The API without its providers.
     *
     * @return the summary
     */
    public GraphQLDataApiSummary summary() {
        return GraphQLDataApiSummary.builder()
                .id(id())
                .name(name())
                .status(status())
                .url(url())
                .build();
    }
}
