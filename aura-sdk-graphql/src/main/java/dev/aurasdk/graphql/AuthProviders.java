package dev.aurasdk.graphql;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.aurasdk.core.AuraException;
import dev.aurasdk.core.http.ApiRequest;
import dev.aurasdk.core.spi.Ids;
import dev.aurasdk.core.wait.WaitOptions;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The authentication providers of one Data API
 * ({@code …/data-apis/graphql/{dataApiId}/auth-providers}): list, read, create (JWKS or API key),
 * enable, disable, rename, change a JWKS URL, delete, and rotate an API key. Obtain from
 * {@link GraphQLDataApis#authProviders(String, String)}; immutable and thread-safe.
 *
 * <p>Each change moves the API to {@code updating} for a while. By default the methods return as soon
 * as Aura accepts the change; {@link #awaitingReady()} gives a variant that waits for {@code ready}
 * after each change ({@link CorsOrigins} offers the same two variants, waiting by default).
 *
 * <pre>{@code
 * AuthProviders providers = apis.authProviders(instanceId, apiId).awaitingReady();
 * providers.createJwks("auth0", "https://example.eu.auth0.com/.well-known/jwks.json");
 * ApiKeyRotation rotation = providers.rotateApiKey(oldId, "ci-2026-06", ApiKeyRotation.Mode.DELETE_OLD_ON_CONFIRM);
 * deploy(rotation.newKey());
 * rotation.confirm();                               // deletes the old provider
 * }</pre>
 */
public final class AuthProviders {
    private static final TypeReference<List<AuthProvider>> LIST = new TypeReference<>() {};

    private final GraphQLDataApis apis;
    private final String instanceId;
    private final String apiId;
    private final boolean awaitReady;
    private final WaitOptions waitOptions;

    AuthProviders(GraphQLDataApis apis, String instanceId, String apiId, boolean awaitReady, WaitOptions waitOptions) {
        this.apis = apis;
        this.instanceId = instanceId;
        this.apiId = apiId;
        this.awaitReady = awaitReady;
        this.waitOptions = waitOptions;
    }

    /**
     * A variant whose changes wait until the API is {@code ready} again (with this object's wait
     * options: the client's unless set with {@link #awaitingReady(WaitOptions)}). The same choice as
     * {@link CorsOrigins#awaitingReady()}.
     *
     * @return the waiting variant
     */
    public AuthProviders awaitingReady() {
        return new AuthProviders(apis, instanceId, apiId, true, waitOptions);
    }

    /**
     * A variant whose changes return as soon as Aura accepts them (the default of
     * {@link GraphQLDataApis#authProviders(String, String)}). The same choice as
     * {@link CorsOrigins#notAwaitingReady()}.
     *
     * @return the non-waiting variant
     */
    public AuthProviders notAwaitingReady() {
        return new AuthProviders(apis, instanceId, apiId, false, waitOptions);
    }

    /**
     * A variant whose changes wait until the API is {@code ready} again, with these options.
     *
     * @param options intervals and timeout of each wait
     * @return the waiting variant
     */
    public AuthProviders awaitingReady(WaitOptions options) {
        return new AuthProviders(apis, instanceId, apiId, true, Objects.requireNonNull(options, "options"));
    }

    /**
     * Lists the providers. Logs a WARN (once per API) when none is a JWKS provider.
     *
     * @return the providers (keys are never shown again)
     */
    public List<AuthProvider> list() {
        List<AuthProvider> providers =
                apis.calls().send(instanceId, base("GET").build(), LIST).data();
        if (providers.stream().noneMatch(AuthProvider::isJwks)) {
            apis.calls().warnings().noJwksProvider(instanceId, apiId);
        }
        return providers;
    }

    /**
     * Reads one provider.
     *
     * @param providerId the provider id
     * @return the provider
     * @throws dev.aurasdk.core.AuraNotFoundException when it does not exist
     */
    public AuthProvider get(String providerId) {
        return apis.calls()
                .send(instanceId, one("GET", providerId).build(), AuthProvider.class)
                .data();
    }

    /**
     * Creates a provider. For an API-key provider the result carries the key, shown this once. When
     * waiting and the wait fails, the exception is an {@link ApiKeyNotYetUsableException} that still
     * holds the created provider, so the key is never lost.
     *
     * @param spec the provider (checked when built: jwks needs an https url, api-key has none)
     * @return the created provider
     */
    public CreatedAuthProvider create(AuthProviderSpec spec) {
        Objects.requireNonNull(spec, "spec");
        Instant sentAt = apis.calls().clock().instant();
        ApiRequest request = base("POST").body(DataApiJson.providerBody(spec)).build();
        CreatedAuthProvider created = apis.calls()
                .send(instanceId, request, CreatedAuthProvider.class)
                .data();
        apis.calls().recordChange(instanceId, apiId, sentAt);
        if (awaitReady) {
            try {
                awaitApiReady();
            } catch (RuntimeException e) {
                if (created.key().isPresent()) {
                    throw new ApiKeyNotYetUsableException(apiId, created, e);
                }
                throw e;
            }
        }
        return created;
    }

    /**
     * Creates a JWKS provider: bearer JWTs are validated against the keys at {@code url}.
     *
     * @param name the provider name
     * @param url the https JWKS URL (no credentials)
     * @return the created provider
     */
    public AuthProvider createJwks(String name, String url) {
        return create(AuthProviderSpec.jwks(name, url)).withoutKey();
    }

    /**
     * Creates an API-key provider; the result carries the key, shown this once.
     *
     * @param name the provider name
     * @return the created provider with its key
     */
    public CreatedAuthProvider createApiKey(String name) {
        return create(AuthProviderSpec.apiKey(name));
    }

    /**
     * Changes a provider: only the fields set are sent, as top-level fields.
     *
     * @param providerId the provider id
     * @param change what to change
     * @return the provider as Aura answered
     */
    public AuthProvider update(String providerId, UpdateAuthProvider change) {
        Objects.requireNonNull(change, "change");
        Instant sentAt = apis.calls().clock().instant();
        ApiRequest request = one("PATCH", providerId)
                .body(DataApiJson.providerUpdateBody(change))
                .build();
        AuthProvider provider =
                apis.calls().send(instanceId, request, AuthProvider.class).data();
        apis.calls().recordChange(instanceId, apiId, sentAt);
        if (awaitReady) {
            awaitApiReady();
        }
        return provider;
    }

    /**
     * Enables a provider.
     *
     * @param providerId the provider id
     * @return the provider
     */
    public AuthProvider enable(String providerId) {
        return update(providerId, UpdateAuthProvider.builder().enabled(true).build());
    }

    /**
     * Disables a provider: its key or tokens stop working, the provider stays.
     *
     * @param providerId the provider id
     * @return the provider
     */
    public AuthProvider disable(String providerId) {
        return update(providerId, UpdateAuthProvider.builder().enabled(false).build());
    }

    /**
     * Renames a provider.
     *
     * @param providerId the provider id
     * @param name the new name
     * @return the provider
     */
    public AuthProvider rename(String providerId, String name) {
        return update(providerId, UpdateAuthProvider.builder().name(name).build());
    }

    /**
     * Points a JWKS provider at another URL.
     *
     * @param providerId the provider id
     * @param url the https JWKS URL (no credentials)
     * @return the provider
     */
    public AuthProvider changeUrl(String providerId, String url) {
        return update(providerId, UpdateAuthProvider.builder().url(url).build());
    }

    /**
     * Deletes a provider.
     *
     * @param providerId the provider id
     * @return the deleted provider as Aura answered
     */
    public AuthProvider delete(String providerId) {
        Instant sentAt = apis.calls().clock().instant();
        AuthProvider provider = apis.calls()
                .send(instanceId, one("DELETE", providerId).build(), AuthProvider.class)
                .data();
        apis.calls().recordChange(instanceId, apiId, sentAt);
        if (awaitReady) {
            awaitApiReady();
        }
        return provider;
    }

    /**
     * Rotates an API key: creates a new API-key provider (its key is returned once, in the result),
     * then deletes the old provider either at once or when the caller confirms, after deploying the
     * new key. Aura cannot rotate a key in place.
     *
     * @param oldProviderId the API-key provider to replace
     * @param newName the new provider's name (must differ from the old one's)
     * @param mode when to delete the old provider
     * @return the rotation, holding the new key
     * @throws IllegalArgumentException when the old provider is not an API-key provider
     */
    public ApiKeyRotation rotateApiKey(String oldProviderId, String newName, ApiKeyRotation.Mode mode) {
        Objects.requireNonNull(mode, "mode");
        Ids.requireText("newName", newName);
        AuthProvider old = get(oldProviderId);
        if (!old.isApiKey()) {
            throw new IllegalArgumentException("auth provider " + old.id() + " ('" + old.name() + "') is a "
                    + old.type() + " provider; only api-key providers can be rotated");
        }
        if (old.name().equals(newName)) {
            throw new IllegalArgumentException("the new provider needs a name other than '" + newName + "'");
        }
        CreatedAuthProvider created = create(AuthProviderSpec.apiKey(newName));
        if (created.key().isEmpty()) {
            throw new AuraException("Aura created api-key provider " + created.id() + " without returning its key; "
                    + "the old provider " + old.id() + " was kept. Delete the new provider and retry.");
        }
        ApiKeyRotation rotation = new ApiKeyRotation(this, old, created);
        if (mode == ApiKeyRotation.Mode.DELETE_OLD_IMMEDIATELY) {
            rotation.confirm();
        }
        return rotation;
    }

    /** The instance id. @return the instance id */
    public String instanceId() {
        return instanceId;
    }

    /** The Data API id. @return the Data API id */
    public String apiId() {
        return apiId;
    }

    private void awaitApiReady() {
        apis.waitForReady(instanceId, apiId).withOptions(waitOptions).await();
    }

    private ApiRequest.Builder base(String method) {
        return DataApiCalls.api(method, instanceId, apiId).path("auth-providers");
    }

    private ApiRequest.Builder one(String method, String providerId) {
        return base(method).id("authProviderId", providerId);
    }

    @Override
    public String toString() {
        return "AuthProviders{instanceId=" + instanceId + ", apiId=" + apiId + ", awaitReady=" + awaitReady + "}";
    }
}
