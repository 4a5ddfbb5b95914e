package dev.aurasdk.core.internal.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import dev.aurasdk.core.auth.TokenProvider;
import dev.aurasdk.core.http.ApiRequest;
import dev.aurasdk.core.http.ApiResponse;
import dev.aurasdk.core.http.AuraHttp;
import dev.aurasdk.core.http.RequestBudget;
import dev.aurasdk.core.http.RequestListener;
import dev.aurasdk.core.spi.Futures;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The SDK's HTTP engine on the JDK {@link HttpClient}, as a facade over its parts: the
 * {@link RequestFactory} describes and builds requests, {@link CallAttempts} runs the attempts of a
 * call under the {@link AttemptPolicy}, the {@link SyncCallRunner} and {@link AsyncCallRunner} drive
 * them (the latter through the {@link InFlightGate}), the {@link ErrorMapper} and
 * {@link ResponseDecoder} turn answers into exceptions and values, and {@link TransportEvents} tells
 * listeners and logs. Not API: use {@link AuraHttp}.
 */
public final class Transport implements AuraHttp {
    private final TransportConfig config;
    private final RequestFactory requests;
    private final ResponseDecoder decoder;
    private final TransportEvents events;
    private final SyncCallRunner sync;
    private final AsyncCallRunner async;
    private final Set<CompletableFuture<?>> pendingAsync = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Creates a transport.
     *
     * @param config the settings
     * @param tokens token source for authenticated calls (null: calls are sent without token)
     */
    public Transport(TransportConfig config, TokenProvider tokens) {
        this.config = Objects.requireNonNull(config, "config");
        RequestBudget budget = config.requestBudget() != null
                ? config.requestBudget()
                : new SlidingWindowRateLimiter(config.rateLimit(), config.clock());
        this.events = new TransportEvents(config.listeners());
        this.requests = new RequestFactory(config.baseUrl(), config.userAgent(), config.mapper());
        this.decoder = new ResponseDecoder(config.mapper());
        ErrorMapper errors = new ErrorMapper(config.mapper(), config.callTimeout());
        AttemptPolicy policy = new AttemptPolicy(
                config.retryPolicy(), config.jitter(), config.clock(), tokens, budget, errors, events);
        CallAttempts.Factory attempts =
                new CallAttempts.Factory(config, tokens, budget, requests, policy, errors, events, () -> closed);
        this.sync = new SyncCallRunner(attempts, config.httpClient(), config.sleeper());
        InFlightGate gate = new InFlightGate(config.maxConcurrentAsyncRequests(), config.scheduler(), () -> closed);
        this.async = new AsyncCallRunner(attempts, config.httpClient(), config.scheduler(), gate, () -> closed);
    }

    /**
     * Refuses further calls (the owning client was closed) and ends every asynchronous call in flight
     * with an {@link IllegalStateException}: their next step could not be scheduled any more.
     */
    public void close() {
        refuseNewCalls();
        for (CompletableFuture<?> pending : List.copyOf(pendingAsync)) {
            pending.completeExceptionally(
                    new IllegalStateException("the AuraClient was closed before the call completed"));
        }
    }

    /**
     * Refuses new calls and new attempts (retries, queued calls), without ending the calls in flight:
     * the first step of closing, so that nothing more is sent while the owner ends its waits.
     */
    public void refuseNewCalls() {
        closed = true;
    }

    static IllegalStateException closedFailure(Call call) {
        return new IllegalStateException("the AuraClient is closed: " + call + " not sent");
    }

    /** The settings. @return the configuration */
    public TransportConfig config() {
        return config;
    }

    @Override
    public <T> ApiResponse<T> send(ApiRequest request, Class<T> type) {
        return send(request, config.mapper().getTypeFactory().constructType(type));
    }

    @Override
    public <T> ApiResponse<T> send(ApiRequest request, TypeReference<T> type) {
        return send(request, config.mapper().getTypeFactory().constructType(type));
    }

    @Override
    public <T> CompletableFuture<ApiResponse<T>> sendAsync(ApiRequest request, Class<T> type) {
        return sendAsync(request, config.mapper().getTypeFactory().constructType(type));
    }

    @Override
    public <T> CompletableFuture<ApiResponse<T>> sendAsync(ApiRequest request, TypeReference<T> type) {
        return sendAsync(request, config.mapper().getTypeFactory().constructType(type));
    }

    private <T> ApiResponse<T> send(ApiRequest request, JavaType type) {
        Call call = requests.callFor(request);
        HttpResponse<byte[]> response = execute(call);
        return decoder.decode(call, response, type);
    }

    private <T> CompletableFuture<ApiResponse<T>> sendAsync(ApiRequest request, JavaType type) {
        Call call = requests.callFor(request); // a body that cannot be written is the caller's mistake: thrown at once
        // cancelling the result (or completing it early, as orTimeout does) abandons the call
        return Futures.mapAbandoning(executeAsync(call), response -> decoder.decode(call, response, type));
    }

    /**
     * Runs one logical call on the calling thread: attempts, retries, token replay, until a 2xx or a
     * typed exception.
     *
     * @param call the call
     * @return the successful response
     */
    public HttpResponse<byte[]> execute(Call call) {
        return sync.execute(call);
    }

    /**
     * Runs one logical call without blocking on the network: the exchanges use
     * {@link HttpClient#sendAsync}, waits (rate limit, retry backoff) are scheduled on the client's
     * scheduler, and every step after a response (error mapping, listeners, retries, completing the
     * future) runs on that scheduler, never on the HTTP client's threads. The calling thread prepares
     * the first attempt, so it waits only when it must request a token itself (none valid is cached and
     * nobody else is refreshing one); a refresh made by another thread or process is awaited without
     * blocking any thread, the call looking again from the scheduler.
     * Cancelling the returned future abandons the exchange and any scheduled retry.
     *
     * @param call the call
     * @return completes with the successful response, or exceptionally as {@link #execute} throws
     */
    public CompletableFuture<HttpResponse<byte[]>> executeAsync(Call call) {
        AsyncCallRunner.AsyncCall running = async.prepare(call);
        CompletableFuture<HttpResponse<byte[]>> result = running.result();
        pendingAsync.add(result);
        result.whenComplete((response, failure) -> pendingAsync.remove(result));
        if (closed) { // close() may have swept the pending set before this call was added to it
            result.completeExceptionally(closedFailure(call));
        }
        running.start();
        return result;
    }

    /**
     * Calls every listener, logging and ignoring their failures.
     *
     * @param action what to call
     */
    public void notifyListeners(Consumer<RequestListener> action) {
        events.notifyListeners(action);
    }
}
