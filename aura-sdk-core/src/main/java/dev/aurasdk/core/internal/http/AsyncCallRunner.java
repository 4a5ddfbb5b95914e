package dev.aurasdk.core.internal.http;

import dev.aurasdk.core.AuraException;
import dev.aurasdk.core.AuraTransportException;
import dev.aurasdk.core.internal.auth.CachingTokenProvider;
import dev.aurasdk.core.spi.Futures;
import dev.aurasdk.core.wait.DelayScheduler;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Runs a call without blocking on the network, as one composition of futures: take a permit of the
 * {@link InFlightGate}, take the token and rate-limit slot, wait for the slot on the scheduler, send
 * with {@link HttpClient#sendAsync}, hand the answer back to the scheduler, decide; then succeed, fail,
 * or go round again (after the retry's delay). The permit of an attempt is released in one place, when
 * that attempt's future completes, whatever the outcome; the caller's future is completed in one place,
 * when the composition completes. Every step after a response (decision, listeners, completing the
 * future) runs on the scheduler, never on the HTTP client's threads. Not API.
 */
final class AsyncCallRunner {
    private final CallAttempts.Factory attempts;
    private final HttpClient httpClient;
    private final DelayScheduler scheduler;
    private final InFlightGate gate;
    private final BooleanSupplier closed;

    AsyncCallRunner(
            CallAttempts.Factory attempts,
            HttpClient httpClient,
            DelayScheduler scheduler,
            InFlightGate gate,
            BooleanSupplier closed) {
        this.attempts = attempts;
        this.httpClient = httpClient;
        this.scheduler = scheduler;
        this.gate = gate;
        this.closed = closed;
    }

    /**
     * Prepares a call; {@link AsyncCall#start()} runs it.
     *
     * @param call the call
     * @return the call, with its result not yet started
     */
    AsyncCall prepare(Call call) {
        return new AsyncCall(attempts.start(call, true));
    }

    /**
     * One call: its result, and the step it waits on (a permit, a token refresh, a delay, an exchange),
     * which abandoning the call (cancelling or completing its result) cancels.
     */
    final class AsyncCall {
        private final CallAttempts attempts;
        private final Call call;
        private final CompletableFuture<HttpResponse<byte[]>> result = new CompletableFuture<>();
        private volatile CompletableFuture<?> waitingOn;

        private AsyncCall(CallAttempts attempts) {
            this.attempts = attempts;
            this.call = attempts.call();
            result.whenComplete((response, failure) -> abandon());
        }

        /** @return the caller's future */
        CompletableFuture<HttpResponse<byte[]>> result() {
            return result;
        }

        /** Runs the call; the calling thread prepares the first attempt when a permit is free. */
        void start() {
            run().whenComplete((response, failure) -> { // the one place the result is completed
                if (failure == null) {
                    result.complete(response);
                } else {
                    result.completeExceptionally(Futures.unwrap(failure));
                }
            });
        }

        /** Attempts until a decision ends the call. */
        private CompletableFuture<HttpResponse<byte[]>> run() {
            if (result.isDone()) {
                return abandoned();
            }
            return track(gate.acquire(call))
                    .thenCompose(permit -> {
                        CompletableFuture<Decision> attempt = attemptHoldingPermit();
                        // the one place the permit is released: this attempt ended, whatever the outcome; the
                        // next attempt (replay, retry) takes a permit again, behind the calls already waiting
                        return attempt.whenComplete((decision, failure) -> permit.release());
                    })
                    .thenCompose(this::next);
        }

        private CompletableFuture<HttpResponse<byte[]>> next(Decision decision) {
            switch (decision.kind()) {
                case SUCCESS:
                    return CompletableFuture.completedFuture(decision.response());
                case FAIL:
                    return CompletableFuture.failedFuture(decision.failure());
                case REPLAY:
                    return run();
                default:
                    return after(decision.delay()).thenCompose(ignored -> run());
            }
        }

        /**
         * One attempt, holding a permit from before its token and slot are taken (so that a 429's pause
         * and the client's limit apply to calls queued at the gate too) until its answer is decided.
         */
        private CompletableFuture<Decision> attemptHoldingPermit() {
            return tokenAndSlot(attempts::prepare).thenCompose(this::after).thenCompose(ignored -> send());
        }

        /** Takes the token and slot; a token refreshed elsewhere is awaited without a thread. */
        private CompletableFuture<Duration> tokenAndSlot(Supplier<Duration> step) {
            if (result.isDone()) {
                return abandoned();
            }
            try {
                return CompletableFuture.completedFuture(step.get());
            } catch (CachingTokenProvider.Pending pending) {
                return whenTokenMayBeReady(pending).thenCompose(ignored -> tokenAndSlot(attempts::tokenAndSlot));
            } catch (RuntimeException | Error e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        private CompletableFuture<Decision> send() {
            if (result.isDone()) {
                return abandoned();
            }
            HttpRequest request;
            try {
                request = attempts.startAttempt();
            } catch (CachingTokenProvider.Pending pending) {
                return whenTokenMayBeReady(pending).thenCompose(ignored -> send());
            } catch (RuntimeException | Error e) {
                return CompletableFuture.failedFuture(e);
            }
            CompletableFuture<HttpResponse<byte[]>> exchange;
            try {
                exchange = httpClient.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (RuntimeException | Error e) {
                attempts.endAttempt(e);
                return CompletableFuture.failedFuture(
                        e instanceof AuraException
                                ? e
                                : new AuraTransportException(
                                        call + " could not be sent: "
                                                + e.getClass().getSimpleName(),
                                        e));
            }
            CompletableFuture<Decision> decided = new CompletableFuture<>();
            exchange.whenComplete((response, failure) -> {
                attempts.answeredAt(System.nanoTime()); // elapsed excludes the wait for the scheduler
                handBack(decided, response, failure);
            });
            track(exchange); // abandoning cancels the exchange; its hand-back still ends the attempt
            return decided;
        }

        /** Decides on the scheduler; if the scheduler refuses, here (nothing blocking). */
        private void handBack(CompletableFuture<Decision> decided, HttpResponse<byte[]> response, Throwable failure) {
            try {
                scheduler.schedule(() -> decide(decided, response, failure, null), Duration.ZERO);
            } catch (RuntimeException refused) {
                decide(decided, response, failure, refused);
            }
        }

        private void decide(
                CompletableFuture<Decision> decided,
                HttpResponse<byte[]> response,
                Throwable failure,
                RuntimeException handBackRefused) {
            try {
                decided.complete(decision(response, failure, handBackRefused));
            } catch (RuntimeException | Error e) {
                decided.completeExceptionally(e);
            }
        }

        private Decision decision(HttpResponse<byte[]> response, Throwable failure, RuntimeException handBackRefused) {
            if (result.isDone()) { // abandoned: the answer is dropped, the attempt ends for the listeners
                CancellationException abandoned = new CancellationException();
                attempts.endAttempt(abandoned);
                throw abandoned;
            }
            Decision decision;
            if (failure == null) {
                decision = attempts.answered(response);
            } else {
                Throwable cause = Futures.unwrap(failure);
                if (!(cause instanceof IOException)) {
                    attempts.endAttempt(cause);
                    throw new AuraTransportException(
                            call + " failed: " + cause.getClass().getSimpleName(), cause);
                }
                decision = attempts.failed((IOException) cause);
            }
            if (handBackRefused != null
                    && decision.continues()
                    && decision.delay().isZero()
                    && !closed.getAsBoolean()) {
                // the next attempt would start off the scheduler: the call ends instead
                return Decision.fail(new AuraException(
                        call + ": the scheduler refused the response ("
                                + handBackRefused.getClass().getSimpleName()
                                + ")",
                        handBackRefused));
            }
            return decision;
        }

        /**
         * Completes on the scheduler when the refresh in progress in this process ends, or after the
         * provider's retry interval (at most until the call's deadline), whichever comes first: nothing
         * blocks meanwhile, and a refresh that never ends cannot keep the call past its deadline.
         */
        private CompletableFuture<Void> whenTokenMayBeReady(CachingTokenProvider.Pending pending) {
            Duration remaining = attempts.remaining();
            if (remaining.isNegative() || remaining.isZero()) {
                return CompletableFuture.failedFuture(attempts.deadlineExceeded());
            }
            Duration retry = pending.retryAfter();
            CompletableFuture<Void> timer = schedule(retry.compareTo(remaining) < 0 ? retry : remaining);
            if (pending.refreshing() == null) {
                return timer;
            }
            CompletableFuture<Void> ready = new CompletableFuture<>();
            timer.whenComplete((ignored, failure) -> settle(ready, failure));
            pending.refreshing().whenComplete((token, failure) -> {
                if (!ready.isDone()) {
                    // not tracked: by the time the refresh ends, the call may wait on a later step
                    scheduled(Duration.ZERO).whenComplete((ignored, refused) -> settle(ready, refused));
                }
            });
            ready.whenComplete((ignored, failure) -> timer.cancel(false));
            return track(ready);
        }

        private CompletableFuture<Void> after(Duration delay) {
            return delay.isZero() ? CompletableFuture.completedFuture(null) : schedule(delay);
        }

        /** The step of waiting {@code delay} on the scheduler: {@link #scheduled}, tracked. */
        private CompletableFuture<Void> schedule(Duration delay) {
            if (result.isDone()) {
                return abandoned();
            }
            return track(scheduled(delay));
        }

        /** Completes on the scheduler after {@code delay}; cancelling it cancels the scheduled task. */
        private CompletableFuture<Void> scheduled(Duration delay) {
            CompletableFuture<Void> due = new CompletableFuture<>();
            Future<?> task;
            try {
                task = scheduler.schedule(() -> due.complete(null), delay);
            } catch (RuntimeException refused) {
                return CompletableFuture.failedFuture(new AuraException(
                        call + ": could not schedule the next step ("
                                + refused.getClass().getSimpleName()
                                + (closed.getAsBoolean() ? "; the client is closed)" : ")"),
                        refused));
            }
            due.whenComplete((ignored, failure) -> {
                if (due.isCancelled()) {
                    task.cancel(false);
                }
            });
            return due;
        }

        /** Records the step the call now waits on; the call abandoned meanwhile cancels it at once. */
        private <T> CompletableFuture<T> track(CompletableFuture<T> step) {
            waitingOn = step;
            if (result.isDone()) {
                step.cancel(true);
            }
            return step;
        }

        /** The caller gave up or the call ended: no scheduled step, no exchange, no permit left behind. */
        private void abandon() {
            CompletableFuture<?> step = waitingOn;
            if (step != null && !step.isDone()) {
                step.cancel(true); // an exchange's hand-back then ends the attempt and releases the permit
            }
        }

        private <T> CompletableFuture<T> abandoned() {
            return CompletableFuture.failedFuture(new CancellationException("the call was abandoned"));
        }
    }

    private static void settle(CompletableFuture<Void> future, Throwable failure) {
        if (failure == null) {
            future.complete(null);
        } else {
            future.completeExceptionally(failure);
        }
    }
}
