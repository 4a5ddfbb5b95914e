package dev.aurasdk.graphql;

import dev.aurasdk.core.AuraError;
import dev.aurasdk.core.AuraException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A Data API ended in status {@code error} while the SDK waited for it, typically because Aura could
 * not load its type definitions. Carries Aura's errors, such as
 * {@code invalid-type-defs: Unknown type "Strig". Did you mean "String"?}.
 */
public class GraphQLDataApiFailedException extends AuraException {
    private static final long serialVersionUID = 1L;

    private final String instanceId;
    private final String apiId;
    private final transient List<AuraError> errors;
    private final transient GraphQLDataApi api;

    /**
     * Creates the exception.
     *
     * @param instanceId the instance
     * @param api the Data API as last read
     */
    public GraphQLDataApiFailedException(String instanceId, GraphQLDataApi api) {
        super(message(instanceId, api));
        this.instanceId = instanceId;
        this.apiId = api.id();
        this.errors = api.errors();
        this.api = api;
    }

    private static String message(String instanceId, GraphQLDataApi api) {
        StringBuilder sb = new StringBuilder("GraphQL Data API ")
                .append(api.id())
                .append(" (instance ")
                .append(instanceId)
                .append(") failed: status ")
                .append(api.status());
        if (api.errors().isEmpty()) {
            sb.append(", Aura gave no reason");
        } else {
            sb.append(": ")
                    .append(api.errors().stream()
                            .map(e -> e.reason().map(r -> r + ": ").orElse("") + e.message())
                            .collect(Collectors.joining("; ")));
        }
        return sb.toString();
    }

    /** The instance id. @return the instance id */
    public String instanceId() {
        return instanceId;
    }

    /** The Data API id. @return the Data API id */
    public String apiId() {
        return apiId;
    }

    /** Aura's errors (reason and message). @return the errors, possibly empty */
    public List<AuraError> errors() {
        return errors == null ? List.of() : errors;
    }

    /** The first error's reason, such as {@code invalid-type-defs}. @return the reason, when given */
    public Optional<String> reason() {
        return errors().stream()
                .map(AuraError::reason)
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** The Data API as last read (absent after deserialisation). @return the API */
    public Optional<GraphQLDataApi> api() {
        return Optional.ofNullable(api);
    }
}
