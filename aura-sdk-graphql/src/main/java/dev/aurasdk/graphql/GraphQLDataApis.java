package dev.aurasdk.graphql;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.aurasdk.core.AuraBadRequestException;
import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.http.ApiRequest;
import dev.aurasdk.core.spi.Durations;
import dev.aurasdk.core.spi.Ids;
import dev.aurasdk.core.wait.Wait;
import dev.aurasdk.core.wait.WaitOptions;
import dev.aurasdk.core.wait.WaitOutcome;
import dev.aurasdk.graphql.internal.MutationTracker;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * GraphQL Data APIs of Aura instances ({@code /v1beta5/instances/{instanceId}/data-apis/graphql}):
 * create, read, update (including a new schema), pause, resume, delete, and wait for each change to
 * take effect; plus {@link #authProviders(String, String) auth providers} and
 * {@link #cors(String, String) CORS origins}. Thread-safe; build one per {@link AuraClient}.
 *
 * <pre>{@code
 * GraphQLDataApis apis = GraphQLDataApis.create(aura);
 * CreatedGraphQLDataApi api = apis.create(instanceId, CreateGraphQLDataApi.builder()
 *         .name("restaurants")
 *         .typeDefinitions(TypeDefinitions.fromClasspath("/schema.graphql"))
 *         .instanceCredentials(InstanceCredentials.of("neo4j", password))
 *         .addAuthProviders(AuthProviderSpec.apiKey("default"))
 *         .build());
 * String key = api.apiKey().orElseThrow();          // shown once by Aura; never logged by the SDK
 * apis.awaitReady(instanceId, api.id());            // GraphQLDataApiFailedException for a bad schema
 * apis.cors(instanceId, api.id()).allow("https://app.example.com");
 * }</pre>
 *
 * <p><b>Status lag.</b> Right after a change (update, pause, resume, CORS or provider change) Aura may
 * still report the previous status for a moment. A wait that starts within
 * {@link Builder#statusSettleTime(Duration) the settle time} (5 s by default) of a change made through
 * this object therefore accepts {@code ready}, {@code paused} or {@code error} only once it has seen a
 * transitional status ({@code updating}, {@code resuming}, …) or the settle time has passed.
 */
public final class GraphQLDataApis {
    /** Default settle time after a change, see {@link Builder#statusSettleTime(Duration)}. */
    public static final Duration DEFAULT_STATUS_SETTLE_TIME = Duration.ofSeconds(5);
    /** Default number of CORS PATCHes before a lost update is reported. */
    public static final int DEFAULT_CORS_UPDATE_ATTEMPTS = 3;

    private static final TypeReference<List<GraphQLDataApiSummary>> SUMMARIES = new TypeReference<>() {};
    private final DataApiCalls calls;
    private final DataApiWaits waits;
    private final WaitOptions waitOptions;
    private final Duration settleTime;
    private final int corsUpdateAttempts;

    private GraphQLDataApis(Builder b) {
        this.waitOptions = b.aura.waitOptions();
        this.settleTime = b.settleTime;
        this.corsUpdateAttempts = b.corsUpdateAttempts;
        MutationTracker mutations = new MutationTracker(settleTime);
        this.calls = new DataApiCalls(b.aura.http(), b.aura.clock(), settleTime, mutations, corsUpdateAttempts);
        this.waits = new DataApiWaits(calls, b.aura.waiter(), b.aura.clock(), settleTime, mutations);
    }

    /**
     * A client with default settings.
     *
     * @param aura the client owning transport, token cache, rate limit and scheduler
     * @return the Data API client
     */
    public static GraphQLDataApis create(AuraClient aura) {
        return builder(aura).build();
    }

    /**
     * A builder, to change the settle time or the CORS retry budget.
     *
     * @param aura the client owning transport, token cache, rate limit and scheduler
     * @return the builder
     */
    public static Builder builder(AuraClient aura) {
        return new Builder(Objects.requireNonNull(aura, "aura"));
    }

    // ------------------------------------------------------------------ Data APIs

    /**
     * Lists the Data APIs of an instance.
     *
     * @param instanceId the instance id
     * @return the APIs (summary fields only)
     */
    public List<GraphQLDataApiSummary> list(String instanceId) {
        return calls.send(instanceId, DataApiCalls.apis("GET", instanceId).build(), SUMMARIES)
                .data();
    }

    /**
     * Reads a Data API with its type definitions (decoded) and the errors Aura reports beside it.
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @return the Data API
     * @throws dev.aurasdk.core.AuraNotFoundException when it does not exist
     */
    public GraphQLDataApi get(String instanceId, String apiId) {
        return calls.get(instanceId, apiId);
    }

    /**
     * Starts creating a Data API (Aura answers {@code creating}; wait with {@link #awaitReady}). The
     * returned object holds the API keys of API-key providers: Aura shows them this once.
     *
     * @param instanceId the instance id (not an AuraDB Free instance)
     * @param request what to create
     * @return the new API with its providers and keys
     * @throws GraphQLDataApiNotSupportedException when the instance cannot host Data APIs (AuraDB Free)
     * @throws AuraBadRequestException when Aura refuses the request
     */
    public CreatedGraphQLDataApi create(String instanceId, CreateGraphQLDataApi request) {
        Objects.requireNonNull(request, "request");
        ApiRequest req = DataApiCalls.apis("POST", instanceId)
                .body(DataApiJson.createBody(request))
                .build();
        CreatedGraphQLDataApi created =
                calls.send(instanceId, req, CreatedGraphQLDataApi.class).data();
        calls.warnings().plainHttpOrigins(instanceId, created.id(), request.corsOrigins());
        if (request.authProviders().stream().noneMatch(p -> AuthProviderType.JWKS.equals(p.type()))) {
            calls.warnings().noJwksProvider(instanceId, created.id());
        }
        return created;
    }

    /**
     * Changes a Data API: only the fields set in {@code change} are sent. Wait with {@link #awaitReady}.
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @param change what to change
     * @return the API as Aura answered (normally {@code updating})
     */
    public GraphQLDataApiSummary update(String instanceId, String apiId, UpdateGraphQLDataApi change) {
        Objects.requireNonNull(change, "change");
        return calls.change(
                instanceId,
                apiId,
                DataApiCalls.api("PATCH", instanceId, apiId)
                        .body(DataApiJson.updateBody(change))
                        .build());
    }

    /**
     * Deploys new type definitions ("hot reload"); same as {@link #update} with only the type definitions.
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @param typeDefinitions the new type definitions
     * @return the API as Aura answered (normally {@code updating})
     */
    public GraphQLDataApiSummary updateTypeDefinitions(
            String instanceId, String apiId, TypeDefinitions typeDefinitions) {
        return update(instanceId, apiId, UpdateGraphQLDataApi.ofTypeDefinitions(typeDefinitions));
    }

    /**
     * Starts deleting a Data API; wait with {@link #awaitDeleted}.
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @return the API as Aura answered (normally {@code deleting})
     */
    public GraphQLDataApiSummary delete(String instanceId, String apiId) {
        return calls.change(
                instanceId, apiId, DataApiCalls.api("DELETE", instanceId, apiId).build());
    }

    /**
     * Starts pausing a Data API; wait with {@link #awaitPaused}.
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @return the API as Aura answered (normally {@code pausing})
     */
    public GraphQLDataApiSummary pause(String instanceId, String apiId) {
        return calls.change(
                instanceId,
                apiId,
                DataApiCalls.api("POST", instanceId, apiId).path("pause").build());
    }

    /**
     * Starts resuming a paused Data API; wait with {@link #awaitReady}.
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @return the API as Aura answered (normally {@code resuming})
     */
    public GraphQLDataApiSummary resume(String instanceId, String apiId) {
        return calls.change(
                instanceId,
                apiId,
                DataApiCalls.api("POST", instanceId, apiId).path("resume").build());
    }

    /**
     * The auth providers of a Data API. Changes made through the returned object do not wait; use
     * {@link AuthProviders#awaitingReady()} to wait for {@code ready} after each (as {@link #cors} does by
     * default).
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @return the providers helper
     */
    public AuthProviders authProviders(String instanceId, String apiId) {
        return new AuthProviders(
                this, Ids.require("instanceId", instanceId), Ids.require("dataApiId", apiId), false, waitOptions);
    }

    /**
     * The CORS origins of a Data API: read, allow, disallow or replace, each change awaited to
     * {@code ready}, re-read and retried when a concurrent update lost it (or not awaited, with
     * {@link CorsOrigins#notAwaitingReady()}).
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @return the CORS helper
     */
    public CorsOrigins cors(String instanceId, String apiId) {
        return new CorsOrigins(
                this, Ids.require("instanceId", instanceId), Ids.require("dataApiId", apiId), true, waitOptions);
    }

    // ------------------------------------------------------------------ waits

    /**
     * Waits until the API is {@code ready} (after create, update, resume or any change), with the
     * client's wait options. For other options, a listener or the outcome, use {@link #waitForReady}.
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @return the ready API
     * @throws GraphQLDataApiFailedException when it ends in {@code error}, with Aura's reason
     * @throws GraphQLDataApiStateException when it is paused or deleted instead
     * @throws dev.aurasdk.core.wait.WaitTimeoutException when the wait times out (the operation goes on)
     */
    public GraphQLDataApi awaitReady(String instanceId, String apiId) {
        return waitForReady(instanceId, apiId).await(GraphQLDataApis::api);
    }

    /**
     * As {@link #awaitReady(String, String)}, without parking a thread; cancelling the future stops polling.
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @return completes with the ready API, or exceptionally as {@link #awaitReady(String, String)} throws
     */
    public CompletableFuture<GraphQLDataApi> awaitReadyAsync(String instanceId, String apiId) {
        return waitForReady(instanceId, apiId).awaitAsync(GraphQLDataApis::api);
    }

    /**
     * Waits until the API is {@code paused}, with the client's wait options.
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @return the paused API
     * @throws GraphQLDataApiFailedException when it ends in {@code error}
     * @throws GraphQLDataApiStateException when it is being deleted instead
     */
    public GraphQLDataApi awaitPaused(String instanceId, String apiId) {
        return waitForPaused(instanceId, apiId).await(GraphQLDataApis::api);
    }

    /**
     * As {@link #awaitPaused(String, String)}, without parking a thread.
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @return completes with the paused API
     */
    public CompletableFuture<GraphQLDataApi> awaitPausedAsync(String instanceId, String apiId) {
        return waitForPaused(instanceId, apiId).awaitAsync(GraphQLDataApis::api);
    }

    /**
     * Waits until the API is gone (its GET answers 404), with the client's wait options.
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     */
    public void awaitDeleted(String instanceId, String apiId) {
        waitForDeletion(instanceId, apiId).await();
    }

    /**
     * As {@link #awaitDeleted(String, String)}, without parking a thread.
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @return completes when the API answers 404
     */
    public CompletableFuture<Void> awaitDeletedAsync(String instanceId, String apiId) {
        return waitForDeletion(instanceId, apiId).awaitAsync(outcome -> null);
    }

    /**
     * The wait for {@code ready}, to tune and run: {@code waitForReady(i, a).withOptions(o).withListener(l)}
     * then {@code .await()} or {@code .awaitAsync()}; the outcome's value is the ready API. Fails as
     * {@link #awaitReady(String, String)} does.
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @return the wait, not started
     */
    public Wait<GraphQLDataApi> waitForReady(String instanceId, String apiId) {
        return waits.waitFor(instanceId, apiId, GraphQLDataApiStatus.READY);
    }

    /**
     * The wait for {@code paused}, as {@link #waitForReady(String, String)}.
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @return the wait, not started
     */
    public Wait<GraphQLDataApi> waitForPaused(String instanceId, String apiId) {
        return waits.waitFor(instanceId, apiId, GraphQLDataApiStatus.PAUSED);
    }

    /**
     * The wait for deletion (a 404), as {@link #waitForReady(String, String)}; its outcome is
     * {@link dev.aurasdk.core.wait.WaitOutcome#gone() gone}.
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @return the wait, not started
     */
    public Wait<GraphQLDataApi> waitForDeletion(String instanceId, String apiId) {
        return waits.waitFor(instanceId, apiId, null);
    }

    private static GraphQLDataApi api(WaitOutcome<GraphQLDataApi> outcome) {
        return outcome.value().orElse(null);
    }

    /** The calls shared with {@link AuthProviders}, {@link CorsOrigins} and the waits. */
    DataApiCalls calls() {
        return calls;
    }

    @Override
    public String toString() {
        return "GraphQLDataApis{settleTime=" + settleTime + ", corsUpdateAttempts=" + corsUpdateAttempts + "}";
    }

    /** Builds a {@link GraphQLDataApis}. */
    public static final class Builder {
        private final AuraClient aura;
        private Duration settleTime = DEFAULT_STATUS_SETTLE_TIME;
        private int corsUpdateAttempts = DEFAULT_CORS_UPDATE_ATTEMPTS;

        private Builder(AuraClient aura) {
            this.aura = aura;
        }

        /**
         * How long after a change a wait distrusts a settled status ({@code ready}, {@code paused},
         * {@code error}) until it has seen a transitional one (default 5 s). Zero turns the guard off.
         *
         * @param settleTime the settle time
         * @return this builder
         */
        public Builder statusSettleTime(Duration settleTime) {
            Objects.requireNonNull(settleTime, "settleTime");
            if (settleTime.isNegative()) {
                throw new IllegalArgumentException("statusSettleTime must not be negative, got " + settleTime);
            }
            Durations.requireAtMost("statusSettleTime", settleTime);
            this.settleTime = settleTime;
            return this;
        }

        /**
         * How many CORS PATCHes to send when re-reading shows the change was lost to a concurrent
         * update, before failing with {@link CorsUpdateConflictException} (default 3).
         *
         * @param attempts at least 1
         * @return this builder
         */
        public Builder corsUpdateAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("corsUpdateAttempts must be at least 1, got " + attempts);
            }
            this.corsUpdateAttempts = attempts;
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         */
        public GraphQLDataApis build() {
            return new GraphQLDataApis(this);
        }
    }
}
