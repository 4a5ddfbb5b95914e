package dev.aurasdk.core.wait;

import dev.aurasdk.core.AuraException;
import dev.aurasdk.core.AuraNotFoundException;
import dev.aurasdk.core.AuraRateLimitedException;
import dev.aurasdk.core.AuraServerException;
import dev.aurasdk.core.AuraTimeoutException;
import dev.aurasdk.core.AuraTransportException;
import dev.aurasdk.core.http.RequestListener;
import dev.aurasdk.core.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one poller of the SDK, used by import jobs and Data APIs alike. Polls with growing intervals
 * until the rules say success or failure, or the timeout passes. Stopping a wait (timeout,
 * cancelling the future) never cancels the operation on Aura. Transient poll failures (5xx, 429,
 * network) that outlast the client's retries are tolerated up to three in a row.
 */
public final class Waiter {
    private static final Logger LOG = LoggerFactory.getLogger("dev.aurasdk.wait");
    private static final int MAX_CONSECUTIVE_POLL_FAILURES = 3;

    private final Clock clock;
    private final Sleeper sleeper;
    private final DelayScheduler scheduler;
    private final List<RequestListener> listeners;
    private final java.util.Set<CompletableFuture<?>> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Creates a waiter.
     *
     * @param clock the clock
     * @param sleeper used by synchronous waits
     * @param scheduler used by asynchronous waits
     * @param listeners told about each poll
     */
    public Waiter(Clock clock, Sleeper sleeper, DelayScheduler scheduler, List<RequestListener> listeners) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Waits on the calling thread.
     *
     * @param operation what is awaited, for logs and messages (such as {@code import job 87d4 completion})
     * @param poll reads the resource once (a 404 is an {@link AuraNotFoundException})
     * @param rules when the wait ends
     * @param options intervals and timeout
     * @param listener told about each poll
     * @param <T> the polled resource
     * @return how the wait ended
     * @throws AuraTimeoutException when the timeout passes first
     * @throws RuntimeException the exception a failure rule built
     */
    public <T> WaitOutcome<T> await(
            String operation, Supplier<T> poll, WaitRules<T> rules, WaitOptions options, PollListener<T> listener) {
        Run<T> run = new Run<>(operation, rules, options, listener);
        Objects.requireNonNull(poll, "poll");
        Duration delay = options.initialDelay();
        while (true) {
            sleep(delay, operation);
            T value = null;
            RuntimeException failure = null;
            try {
                value = poll.get();
            } catch (RuntimeException e) {
                failure = e;
            }
            Step<T> step = failure == null ? run.polled(value) : run.pollFailed(failure);
            if (step.outcome != null) {
                return step.outcome;
            }
            delay = step.nextDelay;
        }
    }

    /**
     * Waits without parking a thread: polls run on the client's scheduler. Cancelling the returned
     * future stops polling (not the operation on Aura). {@code poll} blocks the scheduler's thread
     * while it runs; prefer {@link #awaitAsyncPolls}, whose polls do not.
     *
     * @param operation what is awaited
     * @param poll reads the resource once
     * @param rules when the wait ends
     * @param options intervals and timeout
     * @param listener told about each poll
     * @param <T> the polled resource
     * @return completes with the outcome, or exceptionally as {@link #await} would throw
     */
    public <T> CompletableFuture<WaitOutcome<T>> awaitAsync(
            String operation, Supplier<T> poll, WaitRules<T> rules, WaitOptions options, PollListener<T> listener) {
        Objects.requireNonNull(poll, "poll");
        return awaitAsyncPolls(
                operation,
                () -> {
                    try {
                        return CompletableFuture.completedFuture(poll.get());
                    } catch (RuntimeException | Error e) {
                        return CompletableFuture.failedFuture(e);
                    }
                },
                rules,
                options,
                listener);
    }

    /**
     * Waits without parking a thread, with polls that do not block either (such as
     * {@link dev.aurasdk.core.http.AuraHttp#sendAsync}): each poll is started on the client's scheduler
     * and judged when its stage completes, so one scheduler thread serves any number of waits.
     * Cancelling the returned future stops polling and abandons the poll in flight (not the operation
     * on Aura).
     *
     * @param operation what is awaited
     * @param poll starts one read of the resource (a 404 completes it with an {@link AuraNotFoundException})
     * @param rules when the wait ends
     * @param options intervals and timeout
     * @param listener told about each poll
     * @param <T> the polled resource
     * @return completes with the outcome, or exceptionally as {@link #await} would throw
     */
    public <T> CompletableFuture<WaitOutcome<T>> awaitAsyncPolls(
            String operation,
            Supplier<? extends CompletionStage<T>> poll,
            WaitRules<T> rules,
            WaitOptions options,
            PollListener<T> listener) {
        CompletableFuture<WaitOutcome<T>> result = new CompletableFuture<>();
        Run<T> run = new Run<>(operation, rules, options, listener);
        Objects.requireNonNull(poll, "poll");
        if (closed) {
            result.completeExceptionally(closedFailure(operation));
            return result;
        }
        pending.add(result);
        result.whenComplete((outcome, failure) -> {
            pending.remove(result);
            synchronized (run) {
                java.util.concurrent.Future<?> next = run.scheduled;
                if (next != null) {
                    next.cancel(false); // a cancelled or failed wait leaves no poll behind
                }
                CompletableFuture<?> inFlight = run.inFlight;
                if (inFlight != null) {
                    inFlight.cancel(false);
                }
            }
        });
        scheduleNext(run, poll, result, options.initialDelay());
        return result;
    }

    /**
     * Ends every pending asynchronous wait with an {@link AuraException} (the operations go on in Aura)
     * and refuses new ones. Called by the owning client's {@code close()}.
     */
    public void close() {
        closed = true;
        for (CompletableFuture<?> f : List.copyOf(pending)) {
            f.completeExceptionally(closedFailure("a wait"));
        }
    }

    private static AuraException closedFailure(String operation) {
        return new AuraException(
                "the AuraClient was closed while waiting for " + operation + "; the operation goes on in Aura");
    }

    private <T> void scheduleNext(
            Run<T> run,
            Supplier<? extends CompletionStage<T>> poll,
            CompletableFuture<WaitOutcome<T>> result,
            Duration delay) {
        synchronized (run) { // a poll that completes inline must not see its successor overwritten by this task
            scheduleNextLocked(run, poll, result, delay);
        }
    }

    private <T> void scheduleNextLocked(
            Run<T> run,
            Supplier<? extends CompletionStage<T>> poll,
            CompletableFuture<WaitOutcome<T>> result,
            Duration delay) {
        try {
            java.util.concurrent.Future<?> next = scheduler.schedule(
                    () -> {
                        if (result.isDone()) {
                            return;
                        }
                        CompletableFuture<T> polled;
                        try {
                            polled = Objects.requireNonNull(poll.get(), "poll returned null")
                                    .toCompletableFuture();
                        } catch (RuntimeException | Error e) {
                            polled = CompletableFuture.failedFuture(e);
                        }
                        run.inFlight = polled;
                        if (result.isDone()) { // cancelled meanwhile: the cancellation may have missed this poll
                            polled.cancel(false);
                            return;
                        }
                        polled.whenComplete((value, failure) -> {
                            if (result.isDone()) {
                                return;
                            }
                            try {
                                Step<T> step = failure == null ? run.polled(value) : run.pollFailed(unwrap(failure));
                                if (step.outcome != null) {
                                    result.complete(step.outcome);
                                } else if (!result.isDone()) {
                                    scheduleNext(run, poll, result, step.nextDelay);
                                }
                            } catch (RuntimeException | Error e) {
                                result.completeExceptionally(e);
                            }
                        });
                    },
                    delay);
            run.scheduled = next;
            if (result.isDone()) { // cancelled meanwhile: the cancellation may have read the previous poll's task
                next.cancel(false);
            }
        } catch (RuntimeException rejected) {
            result.completeExceptionally(new AuraException(
                    run.operation + ": could not schedule the next poll ("
                            + rejected.getClass().getSimpleName() + "; is the client closed?)",
                    rejected));
        }
    }

    /** The exception behind a failed stage: a poll's own exception, not the stage machinery's wrapper. */
    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof java.util.concurrent.CompletionException
                        || c instanceof java.util.concurrent.ExecutionException)
                && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    private void sleep(Duration delay, String operation) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuraException(
                    "interrupted while waiting for " + operation + " (the operation continues on Aura)", e);
        }
    }

    private static final class Step<T> {
        final WaitOutcome<T> outcome;
        final Duration nextDelay;

        Step(WaitOutcome<T> outcome, Duration nextDelay) {
            this.outcome = outcome;
            this.nextDelay = nextDelay;
        }
    }

    /** The state of one wait; shared by the sync and async forms. */
    private final class Run<T> {
        final String operation;
        final WaitRules<T> rules;
        final WaitOptions options;
        final PollListener<T> listener;
        final Instant start;
        final Instant deadline;
        Duration interval;
        int polls;
        int consecutiveFailures;
        T last;
        String lastState = "not read yet";
        volatile java.util.concurrent.Future<?> scheduled;
        volatile CompletableFuture<?> inFlight;

        Run(String operation, WaitRules<T> rules, WaitOptions options, PollListener<T> listener) {
            this.operation = Objects.requireNonNull(operation, "operation");
            this.rules = Objects.requireNonNull(rules, "rules");
            this.options = Objects.requireNonNull(options, "options");
            this.listener = Objects.requireNonNull(listener, "listener");
            this.start = clock.instant();
            this.deadline = start.plus(options.timeout());
            this.interval = options.initialDelay().isZero() ? Duration.ofMillis(100) : options.initialDelay();
        }

        /**
         * A poll failed: a 404 may be awaited or within its grace, and transient failures are tolerated
         * up to three in a row; anything else ends the wait.
         */
        synchronized Step<T> pollFailed(Throwable failure) {
            polls++;
            if (failure instanceof AuraNotFoundException) {
                AuraNotFoundException e = (AuraNotFoundException) failure;
                Duration elapsed = Duration.between(start, clock.instant());
                if (rules.notFoundMeansDone()) {
                    report("gone (404)");
                    return new Step<>(new WaitOutcome<>(last, true, polls, elapsed), null);
                }
                if (elapsed.compareTo(options.notFoundGrace()) >= 0) {
                    throw e;
                }
                report("not found yet (404)");
                listener.onPoll(new PollEvent<>(polls, elapsed, null, last != null));
                last = null;
                return continueOrTimeout(e);
            }
            if (failure instanceof AuraServerException
                    || failure instanceof AuraTransportException
                    || failure instanceof AuraRateLimitedException
                    || failure instanceof AuraTimeoutException) {
                RuntimeException e = (RuntimeException) failure;
                consecutiveFailures++;
                if (consecutiveFailures >= MAX_CONSECUTIVE_POLL_FAILURES) {
                    throw e;
                }
                report("poll failed: " + e.getClass().getSimpleName());
                LOG.debug("{}: poll {} failed ({}), will poll again", operation, polls, e.getMessage());
                return continueOrTimeout(e);
            }
            if (failure instanceof RuntimeException) {
                throw (RuntimeException) failure;
            }
            if (failure instanceof Error) {
                throw (Error) failure;
            }
            throw new AuraException(
                    operation + ": poll failed (" + failure.getClass().getSimpleName() + ")", failure);
        }

        /** A poll read the resource: report it, then apply the rules. */
        synchronized Step<T> polled(T value) {
            polls++;
            consecutiveFailures = 0;
            Duration elapsed = Duration.between(start, clock.instant());
            boolean changed = polls == 1 || !Objects.equals(value, last);
            last = value;
            lastState = rules.describe(value);
            report(lastState);
            listener.onPoll(new PollEvent<>(polls, elapsed, value, changed));
            RuntimeException failure = rules.failureFor(value);
            if (failure != null) {
                throw failure;
            }
            if (rules.isSuccess(value)) {
                LOG.debug("{}: done after {} poll(s), {} ms ({})", operation, polls, elapsed.toMillis(), lastState);
                return new Step<>(new WaitOutcome<>(value, false, polls, elapsed), null);
            }
            return continueOrTimeout(null);
        }

        private Step<T> continueOrTimeout(RuntimeException lastError) {
            Instant now = clock.instant();
            if (!now.isBefore(deadline)) {
                String msg = operation + " did not finish within " + human(options.timeout()) + " (last state: "
                        + lastState + "); the operation goes on in Aura, waiting stopped";
                throw new WaitTimeoutException(msg, lastError);
            }
            interval = options.next(interval);
            Duration next = jittered(interval);
            Duration remaining = Duration.between(now, deadline);
            return new Step<>(null, next.compareTo(remaining) > 0 ? remaining : next);
        }

        private Duration jittered(Duration d) {
            double j = options.jitter();
            if (j == 0) {
                return d;
            }
            double factor = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * j;
            return Duration.ofMillis(Math.max(1, (long) (d.toMillis() * factor)));
        }

        private void report(String state) {
            LOG.debug("{}: poll {} -> {}", operation, polls, state);
            for (RequestListener l : listeners) {
                try {
                    l.onWaitPoll(operation, polls, state);
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn(
                            "RequestListener {} failed: {}",
                            l.getClass().getName(),
                            e.getClass().getName());
                }
            }
        }
    }

    private static String human(Duration d) {
        long s = d.getSeconds();
        if (s % 3600 == 0 && s >= 3600) {
            return s / 3600 + " h";
        }
        if (s % 60 == 0 && s >= 60) {
            return s / 60 + " min";
        }
        return d.toMillis() % 1000 == 0 ? s + " s" : d.toMillis() + " ms";
    }
}
