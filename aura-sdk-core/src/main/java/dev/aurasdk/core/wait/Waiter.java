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
    public <T> WaitOutcome<T> await(String operation, Supplier<T> poll, WaitRules<T> rules, WaitOptions options,
            PollListener<T> listener) {
        Run<T> run = new Run<>(operation, poll, rules, options, listener);
        Duration delay = options.initialDelay();
        while (true) {
            sleep(delay, operation);
            Step<T> step = run.pollOnce();
            if (step.outcome != null) {
                return step.outcome;
            }
            delay = step.nextDelay;
        }
    }

    /**
     * Waits without parking a thread: polls run on the client's scheduler. Cancelling the returned
     * future stops polling (not the operation on Aura).
     *
     * @param operation what is awaited
     * @param poll reads the resource once
     * @param rules when the wait ends
     * @param options intervals and timeout
     * @param listener told about each poll
     * @param <T> the polled resource
     * @return completes with the outcome, or exceptionally as {@link #await} would throw
     */
    public <T> CompletableFuture<WaitOutcome<T>> awaitAsync(String operation, Supplier<T> poll, WaitRules<T> rules,
            WaitOptions options, PollListener<T> listener) {
        CompletableFuture<WaitOutcome<T>> result = new CompletableFuture<>();
        Run<T> run = new Run<>(operation, poll, rules, options, listener);
        if (closed) {
            result.completeExceptionally(closedFailure(operation));
            return result;
        }
        pending.add(result);
        result.whenComplete((outcome, failure) -> {
            pending.remove(result);
            java.util.concurrent.Future<?> next = run.scheduled;
            if (next != null) {
                next.cancel(false); // a cancelled or failed wait leaves no poll behind
            }
        });
        scheduleNext(run, result, options.initialDelay());
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
        return new AuraException("the AuraClient was closed while waiting for " + operation
                + "; the operation goes on in Aura");
    }

    private <T> void scheduleNext(Run<T> run, CompletableFuture<WaitOutcome<T>> result, Duration delay) {
        try {
            run.scheduled = scheduler.schedule(() -> {
                if (result.isDone()) {
                    return;
                }
                try {
                    Step<T> step = run.pollOnce();
                    if (step.outcome != null) {
                        result.complete(step.outcome);
                    } else if (!result.isDone()) {
                        scheduleNext(run, result, step.nextDelay);
                    }
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
            }, delay);
        } catch (RuntimeException rejected) {
            result.completeExceptionally(new AuraException(run.operation + ": could not schedule the next poll ("
                    + rejected.getClass().getSimpleName() + "; is the client closed?)", rejected));
        }
    }

    private void sleep(Duration delay, String operation) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuraException("interrupted while waiting for " + operation
                    + " (the operation continues on Aura)", e);
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
        final Supplier<T> poll;
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

        Run(String operation, Supplier<T> poll, WaitRules<T> rules, WaitOptions options, PollListener<T> listener) {
            this.operation = Objects.requireNonNull(operation, "operation");
            this.poll = Objects.requireNonNull(poll, "poll");
            this.rules = Objects.requireNonNull(rules, "rules");
            this.options = Objects.requireNonNull(options, "options");
            this.listener = Objects.requireNonNull(listener, "listener");
            this.start = clock.instant();
            this.deadline = start.plus(options.timeout());
            this.interval = options.initialDelay().isZero() ? Duration.ofMillis(100) : options.initialDelay();
        }

        synchronized Step<T> pollOnce() {
            polls++;
            T value;
            try {
                value = poll.get();
                consecutiveFailures = 0;
            } catch (AuraNotFoundException e) {
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
            } catch (AuraServerException | AuraTransportException | AuraRateLimitedException
                    | AuraTimeoutException e) {
                consecutiveFailures++;
                if (consecutiveFailures >= MAX_CONSECUTIVE_POLL_FAILURES) {
                    throw e;
                }
                report("poll failed: " + e.getClass().getSimpleName());
                LOG.debug("{}: poll {} failed ({}), will poll again", operation, polls, e.getMessage());
                return continueOrTimeout(e);
            }
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
                    LOG.warn("RequestListener {} failed: {}", l.getClass().getName(), e.getClass().getName());
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
