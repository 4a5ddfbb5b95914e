package dev.aurasdk.graphql;

import dev.aurasdk.core.AuraBadRequestException;
import dev.aurasdk.core.ErrorDetails;

/**
 * Aura refused a Data API operation because the instance cannot host GraphQL Data APIs: AuraDB Free
 * instances are not supported. A {@link AuraBadRequestException}, so existing handlers still catch it.
 */
public class GraphQLDataApiNotSupportedException extends AuraBadRequestException {
    private static final long serialVersionUID = 1L;

    private final String instanceId;

    /**
     * Creates the exception.
     *
     * @param instanceId the instance
     * @param details what Aura's 400 response carried
     */
    public GraphQLDataApiNotSupportedException(String instanceId, ErrorDetails details) {
        super(details);
        this.instanceId = instanceId;
    }

    /** The instance id. @return the id */
    public String instanceId() {
        return instanceId;
    }

    @Override
    public String getMessage() {
        return "GraphQL Data APIs are not available on instance " + instanceId
                + " (AuraDB Free instances cannot host them; use a Professional or higher instance). "
                + super.getMessage();
    }
}
