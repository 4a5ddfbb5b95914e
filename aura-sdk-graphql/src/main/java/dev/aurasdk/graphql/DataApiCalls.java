package dev.aurasdk.graphql;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aurasdk.core.AuraBadRequestException;
import dev.aurasdk.core.AuraError;
import dev.aurasdk.core.ErrorDetails;
import dev.aurasdk.core.http.ApiRequest;
import dev.aurasdk.core.http.ApiResponse;
import dev.aurasdk.core.http.ApiVersion;
import dev.aurasdk.core.http.AuraHttp;
import dev.aurasdk.core.spi.Futures;
import dev.aurasdk.graphql.internal.MutationTracker;
import dev.aurasdk.graphql.internal.SecurityWarnings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The requests of the Data API endpoints, shared by {@link GraphQLDataApis}, {@link AuthProviders},
 * {@link CorsOrigins} and the waits: paths, sending (a 400 for an AuraDB Free instance becomes
 * {@link GraphQLDataApiNotSupportedException}), reads, and the record of changes for the status-lag
 * guard.
 */
final class DataApiCalls {
    private static final Pattern UNSUPPORTED_REASON =
            Pattern.compile(".*(free|not-supported|unsupported|not-available).*", Pattern.CASE_INSENSITIVE);
    private static final Pattern FREE_MESSAGE = Pattern.compile("(?i).*\\bfree\\b.*", Pattern.DOTALL);

    private final AuraHttp http;
    private final Clock clock;
    private final Duration settleTime;
    private final MutationTracker mutations;
    private final int corsUpdateAttempts;
    private final SecurityWarnings warnings = new SecurityWarnings();

    DataApiCalls(AuraHttp http, Clock clock, Duration settleTime, MutationTracker mutations, int corsUpdateAttempts) {
        this.http = http;
        this.clock = clock;
        this.settleTime = settleTime;
        this.mutations = mutations;
        this.corsUpdateAttempts = corsUpdateAttempts;
    }

    /** Reads a Data API with its type definitions and the errors Aura reports beside it. */
    GraphQLDataApi get(String instanceId, String apiId) {
        ApiRequest request = api("GET", instanceId, apiId).build();
        ApiResponse<JsonNode> response = send(instanceId, request, JsonNode.class);
        return DataApiJson.toDataApi(response.data(), response.errors(), request.path());
    }

    /** {@link #get} without blocking on the network: the polls of async waits. */
    CompletableFuture<GraphQLDataApi> getAsync(String instanceId, String apiId) {
        ApiRequest request = api("GET", instanceId, apiId).build();
        // cancelling the poll (the wait was cancelled) abandons the request and its retries
        return Futures.mapAbandoning(
                http.sendAsync(request, JsonNode.class),
                response -> DataApiJson.toDataApi(response.data(), response.errors(), request.path()));
    }

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
        ErrorDetails details = e.details() // as Aura sent it (retryAfter included); rebuilt only if deserialised
                .orElseGet(() -> ErrorDetails.builder()
                        .method(e.method())
                        .path(e.path())
                        .statusCode(e.statusCode())
                        .errors(e.errors())
                        .requestId(e.requestId())
                        .attempts(e.attempts())
                        .build());
        GraphQLDataApiNotSupportedException mapped = new GraphQLDataApiNotSupportedException(instanceId, details);
        mapped.initCause(e);
        return mapped;
    }
}
