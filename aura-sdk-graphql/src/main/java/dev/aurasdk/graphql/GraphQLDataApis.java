package dev.aurasdk.graphql;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aurasdk.core.AuraBadRequestException;
import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraError;
import dev.aurasdk.core.ErrorDetails;
import dev.aurasdk.core.http.ApiRequest;
import dev.aurasdk.core.http.ApiResponse;
import dev.aurasdk.core.http.ApiVersion;
import dev.aurasdk.core.http.AuraHttp;
import dev.aurasdk.core.spi.Durations;
import dev.aurasdk.core.spi.Futures;
import dev.aurasdk.core.spi.Ids;
import dev.aurasdk.core.wait.PollListener;
import dev.aurasdk.core.wait.WaitOptions;
import dev.aurasdk.core.wait.WaitOutcome;
import dev.aurasdk.core.wait.WaitRules;
import dev.aurasdk.core.wait.Waiter;
import dev.aurasdk.graphql.internal.MutationTracker;
import dev.aurasdk.graphql.internal.SecurityWarnings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
    private static final Pattern UNSUPPORTED_REASON =
            Pattern.compile(".*(free|not-supported|unsupported|not-available).*", Pattern.CASE_INSENSITIVE);
    private static final Pattern FREE_MESSAGE = Pattern.compile("(?i).*\\bfree\\b.*", Pattern.DOTALL);

    private final AuraHttp http;
    private final Waiter waiter;
    private final Clock clock;
    private final WaitOptions waitOptions;
    private final Duration settleTime;
    private final int corsUpdateAttempts;
    private final MutationTracker mutations;
    private final SecurityWarnings warnings = new SecurityWarnings();

    private GraphQLDataApis(Builder b) {
        this.http = b.aura.http();
        this.waiter = b.aura.waiter();
        this.clock = b.aura.clock();
        this.waitOptions = b.aura.waitOptions();
        this.settleTime = b.settleTime;
        this.corsUpdateAttempts = b.corsUpdateAttempts;
        this.mutations = new MutationTracker(settleTime);
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
        return send(instanceId, apis("GET", instanceId).build(), SUMMARIES).data();
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
        ApiRequest request = api("GET", instanceId, apiId).build();
        ApiResponse<JsonNode> response = send(instanceId, request, JsonNode.class);
        return DataApiJson.toDataApi(response.data(), response.errors(), request.path());
    }

    /** {@link #get} without blocking on the network: the polls of async waits. */
    private CompletableFuture<GraphQLDataApi> getAsync(String instanceId, String apiId) {
        ApiRequest request = api("GET", instanceId, apiId).build();
        // cancelling the poll (the wait was cancelled) abandons the request and its retries
        return Futures.mapAbandoning(
                http.sendAsync(request, JsonNode.class),
                response -> DataApiJson.toDataApi(response.data(), response.errors(), request.path()));
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
        ApiRequest req =
                apis("POST", instanceId).body(DataApiJson.createBody(request)).build();
        CreatedGraphQLDataApi created =
                send(instanceId, req, CreatedGraphQLDataApi.class).data();
        warnings.plainHttpOrigins(instanceId, created.id(), request.corsOrigins());
        if (request.authProviders().stream().noneMatch(p -> AuthProviderType.JWKS.equals(p.type()))) {
            warnings.noJwksProvider(instanceId, created.id());
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
        return change(
                instanceId,
                apiId,
                api("PATCH", instanceId, apiId)
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
        return change(instanceId, apiId, api("DELETE", instanceId, apiId).build());
    }

    /**
     * Starts pausing a Data API; wait with {@link #awaitPaused}.
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @return the API as Aura answered (normally {@code pausing})
     */
    public GraphQLDataApiSummary pause(String instanceId, String apiId) {
        return change(
                instanceId, apiId, api("POST", instanceId, apiId).path("pause").build());
    }

    /**
     * Starts resuming a paused Data API; wait with {@link #awaitReady}.
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @return the API as Aura answered (normally {@code resuming})
     */
    public GraphQLDataApiSummary resume(String instanceId, String apiId) {
        return change(
                instanceId, apiId, api("POST", instanceId, apiId).path("resume").build());
    }

    /**
     * The auth providers of a Data API. Changes made through the returned object do not wait; use
     * {@link AuthProviders#awaitingReady()} to wait for {@code ready} after each.
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
     * {@code ready}, re-read and retried when a concurrent update lost it.
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @return the CORS helper
     */
    public CorsOrigins cors(String instanceId, String apiId) {
        return new CorsOrigins(
                this, Ids.require("instanceId", instanceId), Ids.require("dataApiId", apiId), waitOptions);
    }

    // ------------------------------------------------------------------ waits

    /**
     * Waits until the API is {@code ready} (after create, update, resume or any change), with the
     * client's default wait options.
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @return the ready API
     * @throws GraphQLDataApiFailedException when it ends in {@code error}, with Aura's reason
     * @throws GraphQLDataApiStateException when it is paused or deleted instead
     * @throws dev.aurasdk.core.AuraTimeoutException when the wait times out (the operation goes on)
     */
    public GraphQLDataApi awaitReady(String instanceId, String apiId) {
        return awaitReady(instanceId, apiId, waitOptions, PollListener.none());
    }

    /**
     * Waits until the API is {@code ready}.
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @param options intervals and timeout
     * @param listener told about each poll
     * @return the ready API
     * @throws GraphQLDataApiFailedException when it ends in {@code error}, with Aura's reason
     * @throws GraphQLDataApiStateException when it is paused or deleted instead
     */
    public GraphQLDataApi awaitReady(
            String instanceId, String apiId, WaitOptions options, PollListener<GraphQLDataApi> listener) {
        return awaitSync(plan(instanceId, apiId, GraphQLDataApiStatus.READY), options, listener);
    }

    /**
     * Waits asynchronously until the API is {@code ready}; polls run on the client's scheduler.
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @return completes with the ready API, or exceptionally as {@link #awaitReady(String, String)} throws
     */
    public CompletableFuture<GraphQLDataApi> awaitReadyAsync(String instanceId, String apiId) {
        return awaitReadyAsync(instanceId, apiId, waitOptions, PollListener.none());
    }

    /**
     * Waits asynchronously until the API is {@code ready}.
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @param options intervals and timeout
     * @param listener told about each poll
     * @return completes with the ready API, or exceptionally as {@link #awaitReady(String, String)} throws
     */
    public CompletableFuture<GraphQLDataApi> awaitReadyAsync(
            String instanceId, String apiId, WaitOptions options, PollListener<GraphQLDataApi> listener) {
        return awaitAsync(plan(instanceId, apiId, GraphQLDataApiStatus.READY), options, listener);
    }

    /**
     * Waits until the API is {@code paused}.
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @return the paused API
     * @throws GraphQLDataApiFailedException when it ends in {@code error}
     * @throws GraphQLDataApiStateException when it is being deleted instead
     */
    public GraphQLDataApi awaitPaused(String instanceId, String apiId) {
        return awaitPaused(instanceId, apiId, waitOptions, PollListener.none());
    }

    /**
     * Waits until the API is {@code paused}.
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @param options intervals and timeout
     * @param listener told about each poll
     * @return the paused API
     */
    public GraphQLDataApi awaitPaused(
            String instanceId, String apiId, WaitOptions options, PollListener<GraphQLDataApi> listener) {
        return awaitSync(plan(instanceId, apiId, GraphQLDataApiStatus.PAUSED), options, listener);
    }

    /**
     * Waits asynchronously until the API is {@code paused}.
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @return completes with the paused API
     */
    public CompletableFuture<GraphQLDataApi> awaitPausedAsync(String instanceId, String apiId) {
        return awaitPausedAsync(instanceId, apiId, waitOptions, PollListener.none());
    }

    /**
     * Waits asynchronously until the API is {@code paused}.
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @param options intervals and timeout
     * @param listener told about each poll
     * @return completes with the paused API
     */
    public CompletableFuture<GraphQLDataApi> awaitPausedAsync(
            String instanceId, String apiId, WaitOptions options, PollListener<GraphQLDataApi> listener) {
        return awaitAsync(plan(instanceId, apiId, GraphQLDataApiStatus.PAUSED), options, listener);
    }

    /**
     * Waits until the API is gone (its GET answers 404).
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     */
    public void awaitDeleted(String instanceId, String apiId) {
        awaitDeleted(instanceId, apiId, waitOptions, PollListener.none());
    }

    /**
     * Waits until the API is gone (its GET answers 404).
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @param options intervals and timeout
     * @param listener told about each poll
     */
    public void awaitDeleted(
            String instanceId, String apiId, WaitOptions options, PollListener<GraphQLDataApi> listener) {
        awaitSync(plan(instanceId, apiId, null), options, listener);
    }

    /**
     * Waits asynchronously until the API is gone.
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @return completes when the API answers 404
     */
    public CompletableFuture<Void> awaitDeletedAsync(String instanceId, String apiId) {
        return awaitDeletedAsync(instanceId, apiId, waitOptions, PollListener.none());
    }

    /**
     * Waits asynchronously until the API is gone.
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @param options intervals and timeout
     * @param listener told about each poll
     * @return completes when the API answers 404
     */
    public CompletableFuture<Void> awaitDeletedAsync(
            String instanceId, String apiId, WaitOptions options, PollListener<GraphQLDataApi> listener) {
        return Futures.mapAbandoning(awaitAsync(plan(instanceId, apiId, null), options, listener), v -> null);
    }

    // ------------------------------------------------------------------ shared with the helpers

    /** Sends a change of an API, recording it for the status-lag guard. */
    GraphQLDataApiSummary change(String instanceId, String apiId, ApiRequest request) {
        Instant sentAt = clock.instant();
        GraphQLDataApiSummary summary =
                send(instanceId, request, GraphQLDataApiSummary.class).data();
        recordChange(instanceId, apiId, sentAt);
        return summary;
    }

    void recordChange(String instanceId, String apiId, Instant sentAt) {
        if (!settleTime.isZero()) {
            mutations.record(instanceId, apiId, sentAt);
        }
    }

    Clock clock() {
        return clock;
    }

    SecurityWarnings warnings() {
        return warnings;
    }

    int corsUpdateAttempts() {
        return corsUpdateAttempts;
    }

    static ApiRequest.Builder apis(String method, String instanceId) {
        return ApiRequest.builder(method, ApiVersion.V1BETA5)
                .path("instances")
                .id("instanceId", instanceId)
                .path("data-apis", "graphql");
    }

    static ApiRequest.Builder api(String method, String instanceId, String apiId) {
        return apis(method, instanceId).id("dataApiId", apiId);
    }

    <T> ApiResponse<T> send(String instanceId, ApiRequest request, Class<T> type) {
        try {
            return http.send(request, type);
        } catch (AuraBadRequestException e) {
            throw mapUnsupported(instanceId, e);
        }
    }

    <T> ApiResponse<T> send(String instanceId, ApiRequest request, TypeReference<T> type) {
        try {
            return http.send(request, type);
        } catch (AuraBadRequestException e) {
            throw mapUnsupported(instanceId, e);
        }
    }

    /** A 400 saying the instance cannot host Data APIs (AuraDB Free) becomes a dedicated exception. */
    private static AuraBadRequestException mapUnsupported(String instanceId, AuraBadRequestException e) {
        if (e instanceof GraphQLDataApiNotSupportedException || e.statusCode() != 400) {
            return e;
        }
        boolean unsupported = false;
        for (AuraError error : e.errors()) {
            if (error.reason().map(r -> UNSUPPORTED_REASON.matcher(r).matches()).orElse(false)
                    || FREE_MESSAGE.matcher(error.message()).matches()) {
                unsupported = true;
            }
        }
        if (!unsupported) {
            return e;
        }
        ErrorDetails details = ErrorDetails.builder()
                .method(e.method())
                .path(e.path())
                .statusCode(e.statusCode())
                .errors(e.errors())
                .requestId(e.requestId())
                .attempts(e.attempts())
                .build();
        GraphQLDataApiNotSupportedException mapped = new GraphQLDataApiNotSupportedException(instanceId, details);
        mapped.initCause(e);
        return mapped;
    }

    // ------------------------------------------------------------------ waiting

    /** One prepared wait: what to poll, when to stop, and the change it covers. */
    private final class Plan {
        final String instanceId;
        final String apiId;
        final String operation;
        final Supplier<GraphQLDataApi> poll;
        final Supplier<CompletableFuture<GraphQLDataApi>> pollAsync;
        final WaitRules<GraphQLDataApi> rules;
        final Instant change;

        Plan(
                String instanceId,
                String apiId,
                String operation,
                Supplier<GraphQLDataApi> poll,
                Supplier<CompletableFuture<GraphQLDataApi>> pollAsync,
                WaitRules<GraphQLDataApi> rules,
                Instant change) {
            this.instanceId = instanceId;
            this.apiId = apiId;
            this.operation = operation;
            this.poll = poll;
            this.pollAsync = pollAsync;
            this.rules = rules;
            this.change = change;
        }

        void done() {
            if (change != null) {
                mutations.settled(instanceId, apiId, change);
            }
        }
    }

    /** target null: wait for deletion (404). */
    private Plan plan(String instanceId, String apiId, GraphQLDataApiStatus target) {
        Ids.require("instanceId", instanceId);
        Ids.require("dataApiId", apiId);
        Instant now = clock.instant();
        Instant change = mutations
                .lastChange(instanceId, apiId)
                .filter(t -> t.plus(settleTime).isAfter(now))
                .orElse(null);
        AtomicBoolean sawTransition = new AtomicBoolean(change == null);
        BooleanSupplier lagging = () -> !sawTransition.get() && clock.instant().isBefore(change.plus(settleTime));
        UnaryOperator<GraphQLDataApi> seen = api -> {
            if (api.status().isTransitional()) {
                sawTransition.set(true);
            }
            return api;
        };
        Supplier<GraphQLDataApi> poll = () -> seen.apply(get(instanceId, apiId));
        Supplier<CompletableFuture<GraphQLDataApi>> pollAsync =
                () -> Futures.mapAbandoning(getAsync(instanceId, apiId), seen);
        WaitRules.Builder<GraphQLDataApi> rules =
                WaitRules.<GraphQLDataApi>builder().describedBy(GraphQLDataApis::describe);
        String operation;
        if (target == null) {
            operation = "GraphQL Data API " + apiId + " deletion";
            rules.notFoundMeansDone();
        } else {
            operation = "GraphQL Data API " + apiId + " " + target;
            rules.failWhen(
                    api -> !lagging.getAsBoolean() && GraphQLDataApiStatus.ERROR.equals(api.status()),
                    api -> new GraphQLDataApiFailedException(instanceId, api));
            rules.failWhen(
                    api -> !lagging.getAsBoolean() && dead(api.status(), target),
                    api -> new GraphQLDataApiStateException(instanceId, apiId, api.status(), target));
            rules.successWhen(api -> !lagging.getAsBoolean() && target.equals(api.status()));
        }
        return new Plan(instanceId, apiId, operation, poll, pollAsync, rules.build(), change);
    }

    /** States from which the target cannot be reached without another call. */
    private static boolean dead(GraphQLDataApiStatus status, GraphQLDataApiStatus target) {
        if (GraphQLDataApiStatus.DELETING.equals(status)) {
            return true;
        }
        return GraphQLDataApiStatus.READY.equals(target)
                && (GraphQLDataApiStatus.PAUSED.equals(status) || GraphQLDataApiStatus.PAUSING.equals(status));
    }

    private GraphQLDataApi awaitSync(Plan plan, WaitOptions options, PollListener<GraphQLDataApi> listener) {
        WaitOutcome<GraphQLDataApi> outcome = waiter.await(
                plan.operation,
                plan.poll,
                plan.rules,
                Objects.requireNonNull(options, "options"),
                Objects.requireNonNull(listener, "listener"));
        plan.done();
        return outcome.value().orElse(null);
    }

    private CompletableFuture<GraphQLDataApi> awaitAsync(
            Plan plan, WaitOptions options, PollListener<GraphQLDataApi> listener) {
        // cancelling the returned future (or orTimeout) stops the wait and its poll in flight
        return Futures.mapAbandoning(
                waiter.awaitAsyncPolls(
                        plan.operation,
                        plan.pollAsync,
                        plan.rules,
                        Objects.requireNonNull(options, "options"),
                        Objects.requireNonNull(listener, "listener")),
                outcome -> {
                    plan.done();
                    return outcome.value().orElse(null);
                });
    }

    private static String describe(GraphQLDataApi api) {
        if (api.errors().isEmpty()) {
            return api.status().value();
        }
        return api.status().value() + " ("
                + api.errors().stream()
                        .map(e -> e.reason().orElse("error"))
                        .distinct()
                        .collect(Collectors.joining(", "))
                + ")";
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
