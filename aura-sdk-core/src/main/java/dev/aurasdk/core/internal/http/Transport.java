package dev.aurasdk.core.internal.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aurasdk.core.AuraApiException;
import dev.aurasdk.core.AuraAuthenticationException;
import dev.aurasdk.core.AuraBadRequestException;
import dev.aurasdk.core.AuraConflictException;
import dev.aurasdk.core.AuraDecodingException;
import dev.aurasdk.core.AuraError;
import dev.aurasdk.core.AuraException;
import dev.aurasdk.core.AuraNotFoundException;
import dev.aurasdk.core.AuraPermissionDeniedException;
import dev.aurasdk.core.AuraRateLimitedException;
import dev.aurasdk.core.AuraServerException;
import dev.aurasdk.core.AuraTimeoutException;
import dev.aurasdk.core.AuraTransportException;
import dev.aurasdk.core.ErrorDetails;
import dev.aurasdk.core.auth.AccessToken;
import dev.aurasdk.core.auth.TokenProvider;
import dev.aurasdk.core.http.ApiRequest;
import dev.aurasdk.core.http.ApiResponse;
import dev.aurasdk.core.http.AuraHttp;
import dev.aurasdk.core.http.RequestEvent;
import dev.aurasdk.core.http.RequestListener;
import dev.aurasdk.core.http.RetryPolicy;
import dev.aurasdk.core.http.Sleeper;
import dev.aurasdk.core.internal.auth.CachingTokenProvider;
import dev.aurasdk.core.spi.Futures;
import dev.aurasdk.core.wait.DelayScheduler;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's HTTP engine: authentication, rate limit, retries, deadline, error mapping, decoding and
 * logging, on the JDK {@link HttpClient}. Not API: use {@link AuraHttp}.
 */
public final class Transport implements AuraHttp {
    private static final Logger LOG = LoggerFactory.getLogger("dev.aurasdk.http");
    private static final Set<String> LOGGED_HEADERS =
            Set.of("content-type", "x-request-id", "retry-after", "x-tyk-api-expires", "location");

    private final TransportConfig config;
    private final TokenProvider tokens;
    private final dev.aurasdk.core.http.RequestBudget limiter;
    private final Set<String> deprecationWarned = ConcurrentHashMap.newKeySet();
    private final Set<CompletableFuture<?>> pendingAsync = ConcurrentHashMap.newKeySet();
    private final ExchangeGate gate;
    private volatile boolean closed;

    /**
     * Creates a transport.
     *
     * @param config the settings
     * @param tokens token source for authenticated calls (null: calls are sent without token)
     */
    public Transport(TransportConfig config, TokenProvider tokens) {
        this.config = Objects.requireNonNull(config, "config");
        this.tokens = tokens;
        this.limiter = config.requestBudget() != null
                ? config.requestBudget()
                : new SlidingWindowRateLimiter(config.rateLimit(), config.clock());
        this.gate = new ExchangeGate(config.maxConcurrentAsyncRequests());
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

    private void ensureOpen(Call call) {
        if (closed) {
            throw closedFailure(call);
        }
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
        Call call = callFor(request);
        HttpResponse<byte[]> response = execute(call);
        return decode(call, response, type);
    }

    private <T> CompletableFuture<ApiResponse<T>> sendAsync(ApiRequest request, JavaType type) {
        Call call = callFor(request); // a body that cannot be written is the caller's mistake: thrown at once
        // cancelling the result (or completing it early, as orTimeout does) abandons the call
        return Futures.mapAbandoning(executeAsync(call), response -> decode(call, response, type));
    }

    private Call callFor(ApiRequest request) {
        Objects.requireNonNull(request, "request");
        byte[] body = request.body().map(this::encode).orElse(null);
        String query = request.encodedQuery();
        URI uri = URI.create(config.baseUrl() + request.path() + (query.isEmpty() ? "" : "?" + query));
        return new Call(
                request.method(),
                request.path(),
                request.pathTemplate(),
                uri,
                body,
                body == null ? null : "application/json",
                request.isIdempotent(),
                true,
                null,
                false);
    }

    private byte[] encode(Object body) {
        try {
            return config.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body cannot be written as JSON: "
                    + body.getClass().getName() + " (" + e.getOriginalMessage() + ")");
        }
    }

    /**
     * Runs one logical call on the calling thread: attempts, retries, token replay, until a 2xx or a
     * typed exception.
     *
     * @param call the call
     * @return the successful response
     */
    public HttpResponse<byte[]> execute(Call call) {
        Attempts a = new Attempts(call, false);
        while (true) {
            pause(a.beforeAttempt(), call, "rate limit");
            HttpRequest request = a.startAttempt();
            Duration retryIn;
            try {
                HttpResponse<byte[]> response =
                        config.httpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
                retryIn = a.answered(response);
                if (retryIn == null) {
                    return response;
                }
            } catch (IOException e) {
                retryIn = a.failed(e);
            } catch (InterruptedException e) {
                a.endAttempt(e);
                Thread.currentThread().interrupt();
                throw new AuraException(call.method + " " + call.path + " interrupted", e);
            } catch (RuntimeException | Error e) {
                a.endAttempt(e); // listeners hear of every attempt's end (a mapping failure was told already)
                throw e;
            }
            pause(retryIn, call, "retry");
        }
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
        AsyncCall async = new AsyncCall(new Attempts(call, true));
        pendingAsync.add(async.result);
        async.result.whenComplete((response, failure) -> {
            pendingAsync.remove(async.result);
            async.abandon();
        });
        if (closed) { // close() may have swept the pending set before this call was added to it
            async.result.completeExceptionally(closedFailure(call));
        }
        async.attempt();
        return async.result;
    }

    private IllegalStateException closedFailure(Call call) {
        return new IllegalStateException("the AuraClient is closed: " + call.method + " " + call.path + " not sent");
    }

    private void pause(Duration delay, Call call, String why) {
        if (delay.isZero()) {
            return;
        }
        try {
            config.sleeper().sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuraException(call.method + " " + call.path + " interrupted while waiting (" + why + ")", e);
        }
    }

    /**
     * The state of one logical call across its attempts, and every decision about it: token, rate-limit
     * slot, deadline, retry or replay, error mapping. Shared by {@link #execute} (which sleeps between
     * attempts) and {@link #executeAsync} (which schedules), so both behave alike. Used by one thread at a
     * time.
     */
    private final class Attempts {
        final Call call;
        final Instant deadline;
        int attempt; // counts against the retry budget; the replay with a fresh token does not
        int sent; // requests sent for this call, the replay included: what events and exceptions report
        boolean replayedWithFreshToken;
        AuraException lastFailure;
        AccessToken token;
        Duration attemptTimeout;
        RequestEvent started;
        long startNanos;
        volatile long answeredAtNanos; // when the exchange ended (async: before the hand-back), 0 until then
        boolean attemptOpen; // started and not yet ended: listeners hear of every end exactly once
        boolean waitedForBudget; // the attempt waits for a rate-limit slot after taking its token

        final boolean async; // never waits for a token refreshed elsewhere: told to look again instead

        Attempts(Call call, boolean async) {
            this.call = call;
            this.async = async;
            this.deadline = config.clock().instant().plus(config.callTimeout());
        }

        /**
         * Prepares the next attempt: refuses when closed, takes a token and a rate-limit slot.
         *
         * @return how long to wait before {@link #startAttempt()} (zero: at once)
         * @throws CachingTokenProvider.Pending (async only) the token is being refreshed elsewhere: call
         *     {@link #tokenAndSlot()} again when it may be ready
         */
        Duration beforeAttempt() {
            attempt++;
            return tokenAndSlot();
        }

        /** The token and rate-limit slot of the attempt counted by {@link #beforeAttempt()}. */
        Duration tokenAndSlot() {
            ensureOpen(call);
            token = call.authenticated && tokens != null ? takeToken() : null;
            if (!call.rateLimited) {
                return Duration.ZERO;
            }
            Optional<Duration> wait = limiter.reserve(deadline);
            if (wait.isEmpty()) {
                throw deadlineExceeded(call, sent, lastFailure);
            }
            Duration delay = withinDeadline(wait.get());
            waitedForBudget = !delay.isZero();
            if (waitedForBudget) {
                LOG.trace("{} {} waits {} ms for the client rate limit", call.method, call.path, delay.toMillis());
            }
            return delay;
        }

        /**
         * The token: a wait for another thread's or process's refresh is bounded by the call's deadline,
         * and an asynchronous call does not wait at all (the scheduler's thread runs every async call).
         */
        private AccessToken takeToken() {
            if (tokens instanceof CachingTokenProvider) {
                return ((CachingTokenProvider) tokens).token(deadline, !async);
            }
            return tokens.token();
        }

        /**
         * Builds the request of this attempt and tells the listeners.
         *
         * @return the request to send now
         * @throws CachingTokenProvider.Pending (async only) the token is being refreshed elsewhere: call again
         *     when it may be ready
         */
        HttpRequest startAttempt() {
            Duration remaining = Duration.between(config.clock().instant(), deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                throw deadlineExceeded(call, sent, lastFailure);
            }
            if (waitedForBudget && token != null) {
                // the token was taken before the rate-limit wait (a shared budget's queue can be long): a
                // refresh may have replaced it meanwhile, or it may have expired
                token = takeToken();
                waitedForBudget = false;
            }
            sent++;
            attemptTimeout = min(config.attemptTimeout(), remaining);
            HttpRequest httpRequest = buildRequest(call, token, attemptTimeout);
            RequestEvent event = RequestEvent.builder()
                    .method(call.method)
                    .path(call.path)
                    .pathTemplate(call.template)
                    .attempt(sent)
                    .build();
            started = event;
            attemptOpen = true;
            notifyListeners(l -> l.onAttemptStart(event));
            answeredAtNanos = 0;
            startNanos = System.nanoTime();
            return httpRequest;
        }

        /**
         * The attempt failed on the network.
         *
         * @param e the failure
         * @return the delay before the next attempt
         * @throws AuraException when the call must not or cannot be retried
         */
        Duration failed(IOException e) {
            Duration elapsed = elapsed();
            RequestEvent failed = endAttempt(e);
            boolean notSent = neverReachedServer(e);
            LOG.debug(
                    "{} {} -> {} after {} ms (attempt {}{})",
                    call.method,
                    call.path,
                    e.getClass().getSimpleName(),
                    elapsed.toMillis(),
                    sent,
                    notSent ? ", not sent" : "");
            lastFailure = transportFailure(call, e, sent, notSent, attemptTimeout);
            if (attempt < config.retryPolicy().maxAttempts() && (notSent || call.idempotent)) {
                Duration delay = backoff(attempt);
                notifyRetry(failed, delay, e.getClass().getSimpleName());
                return withinDeadline(delay);
            }
            throw lastFailure;
        }

        /**
         * The server answered.
         *
         * @param response the response
         * @return null when it is the call's result (2xx), else the delay before the next attempt
         * @throws AuraApiException when the answer is final
         */
        Duration answered(HttpResponse<byte[]> response) {
            Duration elapsed = elapsed();
            int status = response.statusCode();
            Optional<String> requestId = response.headers().firstValue("X-Request-Id");
            RequestEvent ended =
                    started.withElapsed(elapsed).withStatusCode(status).withRequestId(requestId);
            attemptOpen = false;
            notifyListeners(l -> l.onAttemptEnd(ended));
            logAttempt(call, response, elapsed, sent, requestId);
            warnIfDeprecated(call, response);
            if (status >= 200 && status < 300) {
                return null;
            }
            Optional<Duration> retryAfter = RetryAfter.parse(
                    response.headers().firstValue("Retry-After").orElse(null),
                    config.clock().instant());
            if ((status == 401 || status == 403)
                    && token != null
                    && !replayedWithFreshToken
                    && tokens.invalidate(token)) {
                replayedWithFreshToken = true;
                attempt--;
                LOG.debug(
                        "{} {} -> {}: token refused, replaying once with a fresh token",
                        call.method,
                        call.path,
                        status);
                return Duration.ZERO;
            }
            AuraApiException failure = toException(call, response, sent, retryAfter);
            if (status == 429 && call.rateLimited) { // the token endpoint's 429 does not pause the API budget
                retryAfter.ifPresent(d -> limiter.pause(clampRetryAfter(d)));
            }
            boolean retryable =
                    config.retryPolicy().retryableStatuses().contains(status) && (status == 429 || call.idempotent);
            if (retryable && attempt < config.retryPolicy().maxAttempts()) {
                Duration delay = retryAfter
                        .filter(d -> !d.isZero() && !d.isNegative())
                        .map(Transport.this::clampRetryAfter)
                        .orElseGet(() -> backoff(attempt));
                notifyRetry(ended, delay, "HTTP " + status);
                lastFailure = failure;
                return withinDeadline(delay);
            }
            if (!call.idempotent
                    && status != 429
                    && config.retryPolicy().retryableStatuses().contains(status)) {
                LOG.debug(
                        "{} {} -> {}: not resent, a {} may have reached the server",
                        call.method,
                        call.path,
                        status,
                        call.method);
            }
            throw failure;
        }

        /**
         * Ends the open attempt, if any, for the listeners, as failed by {@code cause} (a network error,
         * or the caller abandoning the call).
         *
         * @return the event told
         */
        RequestEvent endAttempt(Throwable cause) {
            if (started == null) {
                return null; // nothing was sent
            }
            RequestEvent failed =
                    started.withElapsed(elapsed()).withFailure(cause.getClass().getSimpleName());
            if (attemptOpen) {
                attemptOpen = false;
                notifyListeners(l -> l.onAttemptEnd(failed));
            }
            return failed;
        }

        /** Time from sending the attempt to its end (not counting the wait for the scheduler). */
        private Duration elapsed() {
            long end = answeredAtNanos;
            return Duration.ofNanos((end != 0 ? end : System.nanoTime()) - startNanos);
        }

        /** A wait that ends after the call's deadline fails the call now instead. */
        private Duration withinDeadline(Duration delay) {
            if (delay.isZero() || delay.isNegative()) {
                return Duration.ZERO;
            }
            if (config.clock().instant().plus(delay).isAfter(deadline)) {
                throw deadlineExceeded(call, sent, lastFailure);
            }
            return delay;
        }
    }

    /**
     * One call of {@link #executeAsync}: its future, its scheduled step, its exchange in flight and its
     * permit of the {@link ExchangeGate}. An attempt holds a permit from before its token and rate-limit
     * slot are taken (so a 429 pause and the client's limit apply to calls queued at the gate too) until
     * its answer is handed back to the scheduler.
     */
    private final class AsyncCall {
        final Attempts attempts;
        final CompletableFuture<HttpResponse<byte[]>> result = new CompletableFuture<>();
        private Future<?> scheduledStep; // guarded by this
        private CompletableFuture<HttpResponse<byte[]>> exchange; // guarded by this
        private boolean holdsPermit; // guarded by this

        AsyncCall(Attempts attempts) {
            this.attempts = attempts;
        }

        /** Starts the next attempt once a permit is free. */
        void attempt() {
            if (!result.isDone()) {
                gate.enter(this);
            }
        }

        /** Called by the gate with a permit this call now owns. */
        void attemptWithPermit() {
            synchronized (this) {
                holdsPermit = true;
            }
            if (result.isDone()) {
                releasePermit();
                return;
            }
            try {
                afterTokenAndSlot(attempts.beforeAttempt());
            } catch (CachingTokenProvider.Pending pending) {
                whenTokenMayBeReady(pending, this::takeTokenAndSlot);
            } catch (RuntimeException | Error e) {
                releasePermit();
                result.completeExceptionally(e);
            }
        }

        /** Takes the token and slot again, after the token was being refreshed elsewhere. */
        private void takeTokenAndSlot() {
            if (result.isDone()) {
                releasePermit();
                return;
            }
            try {
                afterTokenAndSlot(attempts.tokenAndSlot());
            } catch (CachingTokenProvider.Pending pending) {
                whenTokenMayBeReady(pending, this::takeTokenAndSlot);
            } catch (RuntimeException | Error e) {
                releasePermit();
                result.completeExceptionally(e);
            }
        }

        private void afterTokenAndSlot(Duration wait) {
            if (wait.isZero()) {
                send();
            } else {
                later(wait, this::send);
            }
        }

        /**
         * Runs {@code step} on the scheduler once the refresh in progress in this process ends, or after the
         * retry interval (at most until the call's deadline) whichever comes first: nothing blocks meanwhile,
         * and a refresh that never ends cannot keep the call past its deadline, where it fails as usual.
         */
        private void whenTokenMayBeReady(CachingTokenProvider.Pending pending, Runnable step) {
            Duration remaining = Duration.between(config.clock().instant(), attempts.deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                releasePermit();
                result.completeExceptionally(deadlineExceeded(attempts.call, attempts.sent, attempts.lastFailure));
                return;
            }
            AtomicBoolean resumed = new AtomicBoolean();
            Runnable once = () -> {
                if (resumed.compareAndSet(false, true)) {
                    step.run();
                }
            };
            Duration retry = pending.retryAfter();
            later(retry.compareTo(remaining) < 0 ? retry : remaining, once);
            if (pending.refreshing() != null) {
                pending.refreshing().whenComplete((token, failure) -> {
                    if (!resumed.get()) {
                        later(Duration.ZERO, once);
                    }
                });
            }
        }

        private void send() {
            if (result.isDone()) {
                releasePermit();
                return;
            }
            CompletableFuture<HttpResponse<byte[]>> inFlight;
            HttpRequest request;
            try {
                request = attempts.startAttempt();
            } catch (CachingTokenProvider.Pending pending) {
                whenTokenMayBeReady(pending, this::send);
                return;
            } catch (RuntimeException | Error e) {
                releasePermit();
                result.completeExceptionally(e);
                return;
            }
            try {
                inFlight = config.httpClient().sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (RuntimeException | Error e) {
                attempts.endAttempt(e);
                releasePermit();
                result.completeExceptionally(
                        e instanceof AuraException
                                ? e
                                : new AuraTransportException(
                                        attempts.call.method + " " + attempts.call.path + " could not be sent: "
                                                + e.getClass().getSimpleName(),
                                        e));
                return;
            }
            synchronized (this) {
                exchange = inFlight;
            }
            inFlight.whenComplete((response, failure) -> {
                attempts.answeredAtNanos = System.nanoTime(); // elapsed excludes the wait for the scheduler
                handBack(() -> {
                    // the permit passes on from the scheduler, before this answer is handled: the next send
                    // is queued behind it, so listeners hear this attempt end before the next one starts
                    releasePermit();
                    handle(response, failure);
                });
            });
            if (result.isDone()) { // abandoned while it was being sent: abandon() may have missed it
                inFlight.cancel(true);
            }
        }

        private void handle(HttpResponse<byte[]> response, Throwable failure) {
            if (result.isDone()) { // abandoned: the answer is dropped, the attempt ends for the listeners
                attempts.endAttempt(new java.util.concurrent.CancellationException());
                return;
            }
            try {
                Duration retryIn;
                if (failure == null) {
                    retryIn = attempts.answered(response);
                    if (retryIn == null) {
                        result.complete(response);
                        return;
                    }
                } else {
                    Throwable cause = unwrapCompletion(failure);
                    if (!(cause instanceof IOException)) {
                        attempts.endAttempt(cause);
                        throw new AuraTransportException(
                                attempts.call.method + " " + attempts.call.path + " failed: "
                                        + cause.getClass().getSimpleName(),
                                cause);
                    }
                    retryIn = attempts.failed((IOException) cause);
                }
                if (retryIn.isZero()) {
                    attempt();
                } else {
                    later(retryIn, this::attempt);
                }
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }

        /**
         * Runs a step on the scheduler even when the call was abandoned (it releases the permit and ends
         * the attempt for the listeners); if the scheduler refuses it, runs it here.
         */
        private void handBack(Runnable step) {
            try {
                config.scheduler().schedule(step, Duration.ZERO);
            } catch (RuntimeException rejected) {
                step.run(); // releases the permit and handles the answer here (nothing blocking)
                if (!closed) {
                    result.completeExceptionally(new AuraException(
                            attempts.call.method + " " + attempts.call.path
                                    + ": the scheduler refused the response ("
                                    + rejected.getClass().getSimpleName()
                                    + ")",
                            rejected));
                }
            }
        }

        /**
         * Schedules the next step. Synchronized with {@link #abandon()}, and so that a step scheduled from
         * another thread cannot overwrite the record of a later step its own run scheduled.
         */
        private void later(Duration delay, Runnable step) {
            RuntimeException refused = null;
            synchronized (this) {
                if (!result.isDone()) {
                    try {
                        scheduledStep = config.scheduler()
                                .schedule(
                                        () -> {
                                            try {
                                                step.run();
                                            } catch (RuntimeException | Error e) {
                                                releasePermit();
                                                result.completeExceptionally(e);
                                            }
                                        },
                                        delay);
                        return;
                    } catch (RuntimeException rejected) {
                        refused = rejected;
                    }
                }
            }
            releasePermit();
            if (refused != null) {
                result.completeExceptionally(new AuraException(
                        attempts.call.method + " " + attempts.call.path
                                + ": could not schedule the next step ("
                                + refused.getClass().getSimpleName()
                                + (closed ? "; the client is closed)" : ")"),
                        refused));
            }
        }

        /** Gives the permit back, once: the exchange ended, or the attempt was abandoned before it was sent. */
        private void releasePermit() {
            synchronized (this) {
                if (!holdsPermit) {
                    return;
                }
                holdsPermit = false;
            }
            gate.release();
        }

        /** The caller gave up or the call ended: no scheduled step, no exchange, no permit left behind. */
        void abandon() {
            CompletableFuture<HttpResponse<byte[]>> inFlight;
            synchronized (this) {
                if (scheduledStep != null) {
                    scheduledStep.cancel(false);
                }
                inFlight = exchange;
            }
            if (inFlight != null && !inFlight.isDone()) {
                inFlight.cancel(true); // its hand-back releases the permit and ends the attempt
            } else {
                releasePermit(); // waiting for a rate-limit slot, or between attempts
            }
        }
    }

    /**
     * Bounds the asynchronous exchanges in flight (a burst of async calls or waits would otherwise open
     * a connection each); the attempts beyond the bound wait their turn, in order, and start from the
     * scheduler when a permit is released. Never starts an attempt on the releasing thread.
     */
    private final class ExchangeGate {
        private final int limit;
        private final java.util.ArrayDeque<AsyncCall> waiting = new java.util.ArrayDeque<>();
        private int inFlight;

        ExchangeGate(int limit) {
            this.limit = limit;
        }

        /** Starts {@code call}'s attempt now if a permit is free, else when one is; the call owns the permit. */
        void enter(AsyncCall call) {
            synchronized (this) {
                if (inFlight >= limit) {
                    waiting.add(call);
                    return;
                }
                inFlight++;
            }
            call.attemptWithPermit();
        }

        /**
         * Gives a permit back: it passes to the oldest waiting call, started on the scheduler. When the
         * scheduler refuses (the client is closing), the waiting calls fail one by one, none is sent.
         */
        void release() {
            while (true) {
                AsyncCall next;
                synchronized (this) {
                    next = waiting.poll();
                    if (next == null) {
                        inFlight--;
                        return;
                    }
                }
                try {
                    config.scheduler().schedule(next::attemptWithPermit, Duration.ZERO);
                    return;
                } catch (RuntimeException rejected) {
                    next.result.completeExceptionally(new AuraException(
                            next.attempts.call.method + " "
                                    + next.attempts.call.path + ": not sent, the scheduler refused it ("
                                    + rejected.getClass().getSimpleName() + (closed ? "; the client is closed)" : ")"),
                            rejected));
                    // the permit passes on to the following call
                }
            }
        }
    }

    private static Throwable unwrapCompletion(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    private HttpRequest buildRequest(Call call, AccessToken token, Duration timeout) {
        try {
            return newRequest(call, token, timeout);
        } catch (IllegalArgumentException e) {
            // the JDK quotes the offending header value, which may be a token: never pass its message on
            throw new AuraException(call.method + " " + call.path
                    + ": the request cannot be built (a header value, such as the access token, is invalid)");
        }
    }

    private HttpRequest newRequest(Call call, AccessToken token, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(call.uri)
                .timeout(timeout)
                .header("User-Agent", config.userAgent())
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token.value());
        } else if (call.authorization != null) {
            b.header("Authorization", call.authorization);
        }
        if (call.body != null) {
            b.header("Content-Type", call.contentType);
            b.method(call.method, HttpRequest.BodyPublishers.ofByteArray(call.body));
        } else if (!"GET".equals(call.method) && !"DELETE".equals(call.method)) {
            // Aura answers 415 to a POST/PATCH without Content-Type, even when it has no body (cancel, pause)
            b.header("Content-Type", "application/json");
            b.method(call.method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.method(call.method, HttpRequest.BodyPublishers.noBody());
        }
        return b.build();
    }

    private AuraTimeoutException deadlineExceeded(Call call, int attempts, AuraException last) {
        String msg = call.method + " " + call.path + ": call deadline of "
                + config.callTimeout().toSeconds()
                + " s exceeded after " + attempts + " attempt(s)"
                + (last != null ? "; last failure: " + last.getMessage() : "");
        return last != null ? new AuraTimeoutException(msg, last) : new AuraTimeoutException(msg);
    }

    private Duration backoff(int attempt) {
        Duration base = config.retryPolicy().backoffFor(attempt);
        if (!config.retryPolicy().jitter()) {
            return base;
        }
        return Duration.ofMillis((long) (config.jitter().getAsDouble() * base.toMillis()));
    }

    private Duration clampRetryAfter(Duration d) {
        Duration max = config.retryPolicy().maxRetryAfter();
        return d.isNegative() ? Duration.ZERO : d.compareTo(max) > 0 ? max : d;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static boolean neverReachedServer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException
                    || t instanceof ConnectException
                    || t instanceof UnresolvedAddressException
                    || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    private AuraException transportFailure(
            Call call, IOException e, int attempt, boolean notSent, Duration attemptTimeout) {
        String what = call.method + " " + call.path;
        String suffix = " (attempt " + attempt + ")"
                + (!notSent && !call.idempotent
                        ? "; not resent: the " + call.method + " may have reached the server, check before retrying"
                        : "");
        if (e instanceof HttpTimeoutException && !(e instanceof HttpConnectTimeoutException)) {
            return new AuraTimeoutException(
                    what + ": no response within " + attemptTimeout.toMillis() + " ms" + suffix, e);
        }
        String detail = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new AuraTransportException(what + " failed on the network: " + detail + suffix, e);
    }

    private AuraApiException toException(
            Call call, HttpResponse<byte[]> response, int attempt, Optional<Duration> retryAfter) {
        byte[] body = response.body();
        List<AuraError> errors = ErrorBodies.parse(config.mapper(), body);
        int status = response.statusCode();
        ErrorDetails details = ErrorDetails.builder()
                .method(call.method)
                .path(call.path)
                .statusCode(status)
                .errors(errors)
                .requestId(response.headers().firstValue("X-Request-Id"))
                .retryAfter(retryAfter)
                .fallbackDescription(
                        errors.isEmpty()
                                ? Optional.of(ErrorBodies.describeUnstructured(
                                        config.mapper(),
                                        status,
                                        response.headers()
                                                .firstValue("Content-Type")
                                                .orElse(null),
                                        body))
                                : Optional.empty())
                .attempts(attempt)
                .build();
        if (call.tokenEndpoint && (status == 400 || status == 401 || status == 403)) {
            return new AuraAuthenticationException(details);
        }
        switch (status) {
            case 400:
            case 405:
            case 415:
            case 422:
                return new AuraBadRequestException(details);
            case 401:
                return new AuraAuthenticationException(details);
            case 403:
                return new AuraPermissionDeniedException(details);
            case 404:
                return new AuraNotFoundException(details);
            case 409:
                return new AuraConflictException(details);
            case 429:
                return new AuraRateLimitedException(details);
            default:
                return status >= 500 ? new AuraServerException(details) : new AuraApiException(details);
        }
    }

    private <T> ApiResponse<T> decode(Call call, HttpResponse<byte[]> response, JavaType type) {
        byte[] body = response.body();
        String requestId = response.headers().firstValue("X-Request-Id").orElse(null);
        Map<String, List<String>> headers = response.headers().map();
        if (type.getRawClass() == Void.class) {
            return new ApiResponse<>(response.statusCode(), null, List.of(), requestId, headers);
        }
        if (body == null || body.length == 0) {
            throw decodingFailure(call, response, "empty body where JSON was expected");
        }
        try {
            Envelope<T> envelope = readEnvelope(body, type);
            if (envelope == null) {
                throw decodingFailure(call, response, "empty body where JSON was expected");
            }
            if (envelope.dataIsNull) {
                throw decodingFailure(call, response, "'data' is null");
            }
            if (envelope.value == null) {
                throw decodingFailure(
                        call, response, "no value for " + type.getRawClass().getSimpleName());
            }
            return new ApiResponse<>(response.statusCode(), envelope.value, envelope.errors, requestId, headers);
        } catch (IOException | RuntimeException e) {
            if (e instanceof AuraDecodingException) {
                throw (AuraDecodingException) e;
            }
            throw decodingFailure(call, response, describe(e, type));
        }
    }

    /** The {@code data} of a body, bound, and the errors beside it. */
    private static final class Envelope<T> {
        final T value;
        final boolean dataIsNull;
        final List<AuraError> errors;

        Envelope(T value, boolean dataIsNull, List<AuraError> errors) {
            this.value = value;
            this.dataIsNull = dataIsNull;
            this.errors = errors;
        }
    }

    /**
     * Binds {@code data} straight from the parser, in one pass (no intermediate tree); the other
     * top-level fields (usually none, or {@code errors}) are kept as a small tree for
     * {@link ErrorBodies#parse(JsonNode)}. A body without {@code data} (bare object, array) is bound
     * whole, as before.
     *
     * @return the envelope, or null for an empty body
     */
    private <T> Envelope<T> readEnvelope(byte[] body, JavaType type) throws IOException {
        ObjectMapper mapper = config.mapper();
        ObjectReader reader = mapper.readerFor(type);
        try (JsonParser p = mapper.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            if (first == JsonToken.START_OBJECT) {
                ObjectNode rest = null;
                T value = null;
                boolean hasData = false;
                boolean dataIsNull = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken token = p.nextToken();
                    if (field.equals("data") && !hasData) {
                        hasData = true;
                        dataIsNull = token == JsonToken.VALUE_NULL;
                        value = dataIsNull ? null : reader.readValue(p);
                    } else {
                        if (rest == null) {
                            rest = mapper.createObjectNode();
                        }
                        rest.set(field, mapper.readTree(p));
                    }
                }
                if (hasData) {
                    return new Envelope<>(value, dataIsNull, rest == null ? List.of() : ErrorBodies.parse(rest));
                }
            }
        }
        // no 'data': the whole body is the value (bare objects and arrays)
        JsonNode root = mapper.readTree(body);
        if (root == null || root.isMissingNode()) {
            return null;
        }
        return new Envelope<>(root.isNull() ? null : reader.readValue(root), root.isNull(), ErrorBodies.parse(root));
    }

    /**
     * Describes a decoding failure without quoting the body (it may carry secrets).
     *
     * @param e the failure
     * @param type the target type
     * @return a description naming the JSON path
     */
    static String describe(Exception e, JavaType type) {
        String target = type.getRawClass().getSimpleName();
        JsonParseException malformed = malformed(e);
        if (malformed != null) {
            com.fasterxml.jackson.core.JsonLocation at = malformed.getLocation();
            return "malformed JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr());
        }
        if (e instanceof JsonMappingException) {
            JsonMappingException jm = (JsonMappingException) e;
            String path = "$" + pathOf(jm);
            Throwable cause = jm.getCause();
            // Immutables reports missing attributes by name only; other messages may quote values
            String why = cause instanceof IllegalStateException
                            && String.valueOf(cause.getMessage()).startsWith("Cannot build")
                    ? firstLine(cause.getMessage())
                    : "value of the wrong type or shape";
            return "cannot read " + target + " at " + path + ": " + why;
        }
        if (e instanceof IOException) {
            return "unreadable body (" + e.getClass().getSimpleName() + ")";
        }
        return "cannot read " + target + " (" + e.getClass().getSimpleName() + ")";
    }

    /** The syntax error behind a failure: bound in one pass, a model may wrap the parser's error. */
    private static JsonParseException malformed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException) {
                return (JsonParseException) t;
            }
        }
        return null;
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl >= 0 ? s.substring(0, nl) : s;
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private AuraDecodingException decodingFailure(Call call, HttpResponse<byte[]> response, String why) {
        return new AuraDecodingException("could not read the response of " + call.method + " " + call.path
                + " (HTTP " + response.statusCode()
                + response.headers()
                        .firstValue("X-Request-Id")
                        .map(id -> ", request id " + id)
                        .orElse("")
                + "): " + why);
    }

    private void logAttempt(
            Call call, HttpResponse<byte[]> response, Duration elapsed, int attempt, Optional<String> requestId) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "{} {} -> {} in {} ms (attempt {}, request id {})",
                    call.method,
                    call.path,
                    response.statusCode(),
                    elapsed.toMillis(),
                    attempt,
                    requestId.orElse("-"));
        }
        if (LOG.isTraceEnabled()) {
            StringBuilder sb = new StringBuilder();
            response.headers().map().forEach((k, v) -> {
                if (LOGGED_HEADERS.contains(k.toLowerCase(java.util.Locale.ROOT))) {
                    sb.append(' ').append(k).append('=').append(v);
                }
            });
            LOG.trace("{} {} response headers:{}", call.method, call.path, sb);
        }
    }

    private void warnIfDeprecated(Call call, HttpResponse<byte[]> response) {
        response.headers().firstValue("X-Tyk-Api-Expires").ifPresent(expires -> {
            if (deprecationWarned.add(call.method + " " + call.template)) {
                LOG.warn(
                        "Aura marks {} {} as deprecated: it expires {}. Upgrade the SDK or move to a newer "
                                + "API version.",
                        call.method,
                        call.template,
                        expires);
            }
        });
    }

    private void notifyRetry(RequestEvent event, Duration delay, String reason) {
        LOG.debug("{} {} will be retried in {} ms ({})", event.method(), event.path(), delay.toMillis(), reason);
        notifyListeners(l -> l.onRetry(event, delay, reason));
    }

    /**
     * Calls every listener, logging and ignoring their failures.
     *
     * @param action what to call
     */
    public void notifyListeners(java.util.function.Consumer<RequestListener> action) {
        for (RequestListener l : config.listeners()) {
            try {
                action.accept(l);
            } catch (RuntimeException | LinkageError e) {
                LOG.warn(
                        "RequestListener {} failed: {}",
                        l.getClass().getName(),
                        e.getClass().getName());
            }
        }
    }

    /** One logical call. Not API. */
    public static final class Call {
        final String method;
        final String path;
        final String template;
        final URI uri;
        final byte[] body;
        final String contentType;
        final boolean idempotent;
        final boolean authenticated;
        final String authorization;
        final boolean tokenEndpoint;
        final boolean rateLimited;

        /**
         * Describes a call.
         *
         * @param method HTTP method
         * @param path path for logs and messages
         * @param template path template for metrics
         * @param uri full URI
         * @param body body bytes or null
         * @param contentType body content type or null
         * @param idempotent whether it may be resent after it may have reached the server
         * @param authenticated whether to add the bearer token and apply the rate limit
         * @param authorization a fixed Authorization header (token endpoint), or null
         * @param tokenEndpoint whether 4xx means bad credentials
         */
        public Call(
                String method,
                String path,
                String template,
                URI uri,
                byte[] body,
                String contentType,
                boolean idempotent,
                boolean authenticated,
                String authorization,
                boolean tokenEndpoint) {
            this.method = method;
            this.path = path;
            this.template = template;
            this.uri = uri;
            this.body = body;
            this.contentType = contentType;
            this.idempotent = idempotent;
            this.authenticated = authenticated;
            this.authorization = authorization;
            this.tokenEndpoint = tokenEndpoint;
            this.rateLimited = authenticated;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Settings of a {@link Transport}. Not API. */
    public interface TransportConfig {
        /** @return scheme://host[:port] without trailing slash */
        String baseUrl();

        /** @return the JDK client */
        HttpClient httpClient();

        /** @return the mapper */
        ObjectMapper mapper();

        /** @return retry policy */
        RetryPolicy retryPolicy();

        /** @return client-wide limit */
        dev.aurasdk.core.http.RateLimit rateLimit();

        /** @return a pluggable budget replacing {@link #rateLimit()}, or null for the in-process one */
        default dev.aurasdk.core.http.RequestBudget requestBudget() {
            return null;
        }

        /** @return per-attempt timeout */
        Duration attemptTimeout();

        /** @return overall per-call deadline */
        Duration callTimeout();

        /** @return clock */
        Clock clock();

        /** @return sleeper */
        Sleeper sleeper();

        /** @return where asynchronous calls wait and continue */
        DelayScheduler scheduler();

        /** @return how many asynchronous exchanges may be in flight at once */
        int maxConcurrentAsyncRequests();

        /** @return listeners */
        List<RequestListener> listeners();

        /** @return User-Agent header */
        String userAgent();

        /** @return uniform random in [0,1) for jitter */
        default DoubleSupplier jitter() {
            return () -> ThreadLocalRandom.current().nextDouble();
        }
    }
}
