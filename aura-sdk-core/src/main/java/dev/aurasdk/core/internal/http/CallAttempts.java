package dev.aurasdk.core.internal.http;

import dev.aurasdk.core.AuraException;
import dev.aurasdk.core.AuraTimeoutException;
import dev.aurasdk.core.auth.AccessToken;
import dev.aurasdk.core.auth.TokenProvider;
import dev.aurasdk.core.http.RequestBudget;
import dev.aurasdk.core.http.RequestEvent;
import dev.aurasdk.core.internal.auth.CachingTokenProvider;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One logical call across its attempts: its deadline, token and rate-limit slot, the request of each
 * attempt, the listeners' events of each attempt, and the {@link AttemptPolicy}'s decision after it,
 * checked against the deadline. Shared by the {@link SyncCallRunner} (which sleeps between attempts)
 * and the {@link AsyncCallRunner} (which schedules), so both behave alike. Used by one thread at a
 * time. Not API.
 */
final class CallAttempts {
    /** What every call shares: the transport's collaborators. */
    static final class Factory {
        final TransportConfig config;
        final TokenProvider tokens;
        final RequestBudget budget;
        final RequestFactory requests;
        final AttemptPolicy policy;
        final ErrorMapper errors;
        final TransportEvents events;
        final BooleanSupplier closed;

        Factory(
                TransportConfig config,
                TokenProvider tokens,
                RequestBudget budget,
                RequestFactory requests,
                AttemptPolicy policy,
                ErrorMapper errors,
                TransportEvents events,
                BooleanSupplier closed) {
            this.config = config;
            this.tokens = tokens;
            this.budget = budget;
            this.requests = requests;
            this.policy = policy;
            this.errors = errors;
            this.events = events;
            this.closed = closed;
        }

        /**
         * Starts a call: its deadline runs from now.
         *
         * @param call the call
         * @param async true when no thread may wait for a token refreshed elsewhere
         * @return the call's attempts
         */
        CallAttempts start(Call call, boolean async) {
            return new CallAttempts(this, call, async);
        }
    }

    private final Factory f;
    private final Call call;
    private final Instant deadline;
    private final boolean async; // never waits for a token refreshed elsewhere: told to look again instead
    private int attempt; // counts against the retry budget; the replay with a fresh token does not
    private int sent; // requests sent for this call, the replay included: what events and exceptions report
    private boolean replayedWithFreshToken;
    private boolean replayNext; // the next attempt is the replay: it keeps the attempt's number
    private AuraException lastFailure;
    private AccessToken token;
    private Duration attemptTimeout;
    private RequestEvent started;
    private long startNanos;
    private volatile long answeredAtNanos; // when the exchange ended (async: before the hand-back), 0 until then
    private boolean attemptOpen; // started and not yet ended: listeners hear of every end exactly once
    private boolean waitedForBudget; // the attempt waits for a rate-limit slot after taking its token

    private CallAttempts(Factory f, Call call, boolean async) {
        this.f = f;
        this.call = call;
        this.async = async;
        this.deadline = f.config.clock().instant().plus(f.config.callTimeout());
    }

    Call call() {
        return call;
    }

    /**
     * Prepares the next attempt (counted, unless it is the replay with a fresh token): refuses when
     * closed, takes a token and a rate-limit slot.
     *
     * @return how long to wait before {@link #startAttempt()} (zero: at once)
     * @throws CachingTokenProvider.Pending (async only) the token is being refreshed elsewhere: call
     *     {@link #tokenAndSlot()} again when it may be ready
     */
    Duration prepare() {
        if (replayNext) {
            replayNext = false;
        } else {
            attempt++;
        }
        return tokenAndSlot();
    }

    /** The token and rate-limit slot of the attempt counted by {@link #prepare()}. */
    Duration tokenAndSlot() {
        if (f.closed.getAsBoolean()) {
            throw Transport.closedFailure(call);
        }
        token = call.authenticated() && f.tokens != null ? takeToken() : null;
        if (!call.rateLimited()) {
            return Duration.ZERO;
        }
        Optional<Duration> wait = f.budget.reserve(deadline);
        if (wait.isEmpty()) {
            throw deadlineExceeded();
        }
        Duration delay = wait.get();
        if (!delay.isZero() && !delay.isNegative() && afterDeadline(delay)) {
            throw deadlineExceeded();
        }
        waitedForBudget = !delay.isZero() && !delay.isNegative();
        if (waitedForBudget) {
            f.events.waitsForBudget(call, delay);
            return delay;
        }
        return Duration.ZERO;
    }

    /**
     * The token: a wait for another thread's or process's refresh is bounded by the call's deadline,
     * and an asynchronous call does not wait at all (the scheduler's thread runs every async call).
     */
    private AccessToken takeToken() {
        if (f.tokens instanceof CachingTokenProvider) {
            return ((CachingTokenProvider) f.tokens).token(deadline, !async);
        }
        return f.tokens.token();
    }

    /**
     * Builds the request of this attempt and tells the listeners.
     *
     * @return the request to send now
     * @throws CachingTokenProvider.Pending (async only) the token is being refreshed elsewhere: call again
     *     when it may be ready
     */
    HttpRequest startAttempt() {
        Duration remaining = remaining();
        if (remaining.isNegative() || remaining.isZero()) {
            throw deadlineExceeded();
        }
        if (waitedForBudget && token != null) {
            // the token was taken before the rate-limit wait (a shared budget's queue can be long): a
            // refresh may have replaced it meanwhile, or it may have expired
            token = takeToken();
            waitedForBudget = false;
        }
        sent++;
        Duration max = f.config.attemptTimeout();
        attemptTimeout = max.compareTo(remaining) <= 0 ? max : remaining;
        HttpRequest httpRequest = f.requests.build(call, token, attemptTimeout);
        RequestEvent event = RequestEvent.builder()
                .method(call.method())
                .path(call.path())
                .pathTemplate(call.template())
                .attempt(sent)
                .build();
        started = event;
        attemptOpen = true;
        f.events.attemptStarted(event);
        answeredAtNanos = 0;
        startNanos = System.nanoTime();
        return httpRequest;
    }

    /** Marks when the exchange ended (before an async answer waits for the scheduler). */
    void answeredAt(long nanos) {
        answeredAtNanos = nanos;
    }

    /**
     * The server answered: the attempt ends for the listeners and the log, the policy decides.
     *
     * @param response the response
     * @return the decision; a retry's delay fits the deadline (else the decision is to fail)
     */
    Decision answered(HttpResponse<byte[]> response) {
        Duration elapsed = elapsed();
        Optional<String> requestId = response.headers().firstValue("X-Request-Id");
        RequestEvent ended = started.withElapsed(elapsed)
                .withStatusCode(response.statusCode())
                .withRequestId(requestId);
        attemptOpen = false;
        f.events.attemptEnded(ended);
        f.events.answered(call, response, elapsed, sent, requestId);
        return settle(f.policy.onAnswer(call, thisAttempt(), response), ended);
    }

    /**
     * The attempt failed on the network: it ends for the listeners and the log, the policy decides.
     *
     * @param e the failure
     * @return the decision (retry or fail); a retry's delay fits the deadline
     */
    Decision failed(IOException e) {
        Duration elapsed = elapsed();
        RequestEvent failed = endAttempt(e);
        f.events.networkFailure(call, e, elapsed, sent, ErrorMapper.neverReachedServer(e));
        return settle(f.policy.onNetworkFailure(call, thisAttempt(), e, attemptTimeout), failed);
    }

    private AttemptPolicy.Attempt thisAttempt() {
        return new AttemptPolicy.Attempt(attempt, sent, token, !replayedWithFreshToken);
    }

    /** Records the decision: a replay marks the next attempt; a retry is told, and must fit the deadline. */
    private Decision settle(Decision decision, RequestEvent event) {
        switch (decision.kind()) {
            case REPLAY:
                replayedWithFreshToken = true;
                replayNext = true;
                return decision;
            case RETRY:
                f.events.retry(event, decision.delay(), decision.reason());
                lastFailure = decision.failure();
                if (decision.delay().isZero()) {
                    return decision;
                }
                return afterDeadline(decision.delay()) ? Decision.fail(deadlineExceeded()) : decision;
            default:
                return decision;
        }
    }

    /**
     * Ends the open attempt, if any, for the listeners, as failed by {@code cause} (a network error,
     * or the caller abandoning the call).
     *
     * @return the event told, or null when nothing was sent
     */
    RequestEvent endAttempt(Throwable cause) {
        if (started == null) {
            return null; // nothing was sent
        }
        RequestEvent failed =
                started.withElapsed(elapsed()).withFailure(cause.getClass().getSimpleName());
        if (attemptOpen) {
            attemptOpen = false;
            f.events.attemptEnded(failed);
        }
        return failed;
    }

    /** @return the time left before the call's deadline (zero or negative: passed) */
    Duration remaining() {
        return Duration.between(f.config.clock().instant(), deadline);
    }

    /** @return the failure of a call whose deadline passed, caused by its last failure */
    AuraTimeoutException deadlineExceeded() {
        return f.errors.deadlineExceeded(call, sent, lastFailure);
    }

    /** Time from sending the attempt to its end (not counting the wait for the scheduler). */
    private Duration elapsed() {
        long end = answeredAtNanos;
        return Duration.ofNanos((end != 0 ? end : System.nanoTime()) - startNanos);
    }

    /** A wait that would end after the call's deadline. */
    private boolean afterDeadline(Duration delay) {
        return f.config.clock().instant().plus(delay).isAfter(deadline);
    }
}
