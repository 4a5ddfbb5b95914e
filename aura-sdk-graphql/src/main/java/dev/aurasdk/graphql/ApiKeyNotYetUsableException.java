package dev.aurasdk.graphql;

import dev.aurasdk.core.AuraException;
import java.util.Optional;

/**
 * An API-key provider was created but waiting for the Data API to become {@code ready} failed. The
 * provider and its key (shown by Aura only once) are kept in {@link #createdProvider()} so they are not
 * lost; the cause says why the wait failed. The key never appears in the message.
 */
public class ApiKeyNotYetUsableException extends AuraException {
    private static final long serialVersionUID = 1L;

    private final transient CreatedAuthProvider created;

    /**
     * Creates the exception.
     *
     * @param apiId the Data API
     * @param created the created provider, with its key
     * @param cause why the wait failed
     */
    public ApiKeyNotYetUsableException(String apiId, CreatedAuthProvider created, Throwable cause) {
        super(
                "api-key provider " + created.id() + " ('" + created.name() + "') was created on GraphQL Data API "
                        + apiId + " but the API did not become ready: " + cause.getMessage()
                        + " (the key is available from createdProvider())",
                cause);
        this.created = created;
    }

    /**
     * The created provider with its key (absent only after Java deserialisation).
     *
     * @return the provider
     */
    public Optional<CreatedAuthProvider> createdProvider() {
        return Optional.ofNullable(created);
    }
}
