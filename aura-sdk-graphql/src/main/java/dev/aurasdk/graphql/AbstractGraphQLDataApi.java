package dev.aurasdk.graphql;

import dev.aurasdk.core.AuraError;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A GraphQL Data API with its details ({@code GET …/data-apis/graphql/{dataApiId}}): type definitions
 * (decoded from base64), features, CORS origins, and the {@link #errors()} Aura sends beside the data,
 * such as {@code invalid-type-defs} when the schema cannot be loaded.
 */
@Value.Immutable
abstract class AbstractGraphQLDataApi {
    /** Data API id. */
    public abstract String id();

    /** Data API name. */
    public abstract String name();

    /** Current status (open: unknown statuses are kept). */
    public abstract GraphQLDataApiStatus status();

    /** The URL clients POST GraphQL requests to. */
    public abstract Optional<String> url();

    /** The deployed type definitions, decoded (absent when Aura did not send them). */
    public abstract Optional<TypeDefinitions> typeDefinitions();

    /** Whether the API acts as a federation subgraph ({@code features.subgraph}). */
    public abstract Optional<Boolean> subgraph();

    /** CORS origins allowed to call the API from a browser, exactly as Aura stores them. */
    public abstract List<String> allowedOrigins();

    /** Id of the Aura instance behind the API, when Aura sends it. */
    public abstract Optional<String> auraInstanceId();

    /**
     * Errors Aura reported beside the data (reason and message), such as
     * {@code invalid-type-defs: Unknown type "Strig"}. Empty when all is well.
     */
    public abstract List<AuraError> errors();

    /** Whether the status is {@code ready}. @return true when ready */
    public boolean isReady() {
        return GraphQLDataApiStatus.READY.equals(status());
    }

    /** Whether Aura reported errors beside the data. @return true when {@link #errors()} is not empty */
    public boolean hasErrors() {
        return !errors().isEmpty();
    }

    /**
     * The API's summary fields.
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
