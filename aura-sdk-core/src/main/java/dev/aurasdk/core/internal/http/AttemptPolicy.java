package dev.aurasdk.core.internal.http;

import dev.aurasdk.core.AuraApiException;
import dev.aurasdk.core.AuraException;
import dev.aurasdk.core.auth.AccessToken;
import dev.aurasdk.core.auth.TokenProvider;
import dev.aurasdk.core.http.RequestBudget;
import dev.aurasdk.core.http.RetryPolicy;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The rules that decide what follows an attempt, in one place:
 *
 * <ul>
 *   <li>a 2xx is the call's result;
 *   <li>a 401 or 403 to a request with a bearer token: the token is invalidated and, if the provider
 *       agrees, the attempt is replayed once at once with a fresh token (not counted as a retry);
 *   <li>a 429 to a rate-limited call pauses the client's request budget for its {@code Retry-After};
 *   <li>a status of the {@link RetryPolicy#retryableStatuses()} is retried while attempts remain, a 429
 *       always, the others only for idempotent calls (a POST or PATCH may have changed something);
 *       after the positive {@code Retry-After} (at most {@link RetryPolicy#maxRetryAfter()}) or else
 *       the policy's backoff, jittered when the policy says so;
 *   <li>a network failure is retried while attempts remain when the call is idempotent or the request
 *       never reached the server (connect failures, unknown host);
 *   <li>everything else fails with the {@link ErrorMapper}'s typed exception.
 * </ul>
 *
 * Whether a retry still fits the call's deadline is checked by {@link CallAttempts}. Thread-safe. Not API.
 */
final class AttemptPolicy {
    private final RetryPolicy retryPolicy;
    private final DoubleSupplier jitter;
    private final Clock clock;
    private final TokenProvider tokens;
    private final RequestBudget budget;
    private final ErrorMapper errors;
    private final TransportEvents events;

    AttemptPolicy(
            RetryPolicy retryPolicy,
            DoubleSupplier jitter,
            Clock clock,
            TokenProvider tokens,
            RequestBudget budget,
            ErrorMapper errors,
            TransportEvents events) {
        this.retryPolicy = retryPolicy;
        this.jitter = jitter;
        this.clock = clock;
        this.tokens = tokens;
        this.budget = budget;
        this.errors = errors;
        this.events = events;
    }

    /** What the policy needs to know of the attempt that just ended. Immutable. */
    static final class Attempt {
        final int number;
        final int sent;
        final AccessToken token;
        final boolean mayReplay;

        /**
         * @param number the attempt's number against the retry budget (a replay keeps its number)
         * @param sent requests sent for the call, replays included
         * @param token the bearer token it carried, or null
         * @param mayReplay whether the call was not yet replayed with a fresh token
         */
        Attempt(int number, int sent, AccessToken token, boolean mayReplay) {
            this.number = number;
            this.sent = sent;
            this.token = token;
            this.mayReplay = mayReplay;
        }
    }

    /**
     * Decides after an answer. May invalidate the attempt's token or pause the request budget.
     *
     * @param call the call
     * @param attempt the attempt
     * @param response the answer
     * @return success, replay, retry (delay not yet checked against the deadline) or fail
     */
    Decision onAnswer(Call call, Attempt attempt, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return Decision.success(response);
        }
        Optional<Duration> retryAfter =
                RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock.instant());
        if ((status == 401 || status == 403)
                && attempt.token != null
                && attempt.mayReplay
                && tokens.invalidate(attempt.token)) {
            events.replayingWithFreshToken(call, status);
            return Decision.replayWithFreshToken();
        }
        AuraApiException failure = errors.toException(call, response, attempt.sent, retryAfter);
        if (status == 429 && call.rateLimited()) { // the token endpoint's 429 does not pause the API budget
            retryAfter.ifPresent(d -> budget.pause(clampRetryAfter(d)));
        }
        boolean retryableStatus = retryPolicy.retryableStatuses().contains(status);
        if (retryableStatus && (status == 429 || call.idempotent()) && attempt.number < retryPolicy.maxAttempts()) {
            Duration delay = retryAfter
                    .filter(d -> !d.isZero() && !d.isNegative())
                    .map(this::clampRetryAfter)
                    .orElseGet(() -> backoff(attempt.number));
            return Decision.retry(delay, "HTTP " + status, failure);
        }
        if (retryableStatus && !call.idempotent() && status != 429) {
            events.notResent(call, status);
        }
        return Decision.fail(failure);
    }

    /**
     * Decides after a network failure.
     *
     * @param call the call
     * @param attempt the attempt
     * @param e the failure
     * @param attemptTimeout the attempt's timeout, for the message
     * @return retry (delay not yet checked against the deadline) or fail
     */
    Decision onNetworkFailure(Call call, Attempt attempt, IOException e, Duration attemptTimeout) {
        boolean notSent = ErrorMapper.neverReachedServer(e);
        AuraException failure = errors.transportFailure(call, e, attempt.sent, notSent, attemptTimeout);
        if (attempt.number < retryPolicy.maxAttempts() && (notSent || call.idempotent())) {
            return Decision.retry(backoff(attempt.number), e.getClass().getSimpleName(), failure);
        }
        return Decision.fail(failure);
    }

    /**
     * The pause after attempt {@code attempt}: the policy's exponential backoff, with full jitter
     * when the policy asks for it.
     */
    Duration backoff(int attempt) {
        Duration base = retryPolicy.backoffFor(attempt);
        if (!retryPolicy.jitter()) {
            return base;
        }
        return Duration.ofMillis((long) (jitter.getAsDouble() * base.toMillis()));
    }

    private Duration clampRetryAfter(Duration d) {
        Duration max = retryPolicy.maxRetryAfter();
        return d.isNegative() ? Duration.ZERO : d.compareTo(max) > 0 ? max : d;
    }
}
