package dev.aurasdk.core.internal.wait;

import dev.aurasdk.core.AuraException;
import dev.aurasdk.core.AuraNotFoundException;
import dev.aurasdk.core.AuraRateLimitedException;
import dev.aurasdk.core.AuraServerException;
import dev.aurasdk.core.AuraTimeoutException;
import dev.aurasdk.core.AuraTransportException;
import dev.aurasdk.core.http.RequestListener;
import dev.aurasdk.core.wait.PollEvent;
import dev.aurasdk.core.wait.Wait;
import dev.aurasdk.core.wait.WaitOptions;
import dev.aurasdk.core.wait.WaitOutcome;
import dev.aurasdk.core.wait.WaitRules;
import dev.aurasdk.core.wait.WaitTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one running wait, shared by the sync and async drivers of {@link ClientWaiter}: judges
 * each poll's answer against the rules, and takes every delay from the wait's {@link PollPlanner.Slot}.
 * When the planned poll lies past the deadline (no poll fits before it within the budget), the wait
 * sleeps until the deadline and times out there without polling again. Not API.
 *
 * @param <T> the polled resource
 */
final class WaitRun<T> {
    private static final Logger LOG = LoggerFactory.getLogger("dev.aurasdk.wait");
    private static final int MAX_CONSECUTIVE_POLL_FAILURES = 3;

    final Wait<T> wait;
    final String operation;
    private final WaitRules<T> rules;
    private final WaitOptions options;
    private final Clock clock;
    private final List<RequestListener> listeners;
    private final PollPlanner.Slot slot;
    private final Instant start;
    private final Instant deadline;
    private int polls;
    private int consecutiveFailures;
    private T last;
    private T lastSeen;
    private String lastState = "not read yet";
    private RuntimeException lastError;
    private boolean noPollBeforeDeadline;
    volatile Future<?> scheduled;
    volatile CompletableFuture<?> inFlight;

    WaitRun(Wait<T> wait, Clock clock, PollPlanner planner, List<RequestListener> listeners) {
        this.wait = Objects.requireNonNull(wait, "wait");
        this.operation = wait.operation();
        this.rules = wait.rules();
        this.options = wait.options();
        this.clock = clock;
        this.listeners = listeners;
        this.start = clock.instant();
        this.deadline = start.plus(options.timeout());
        this.slot = Objects.requireNonNull(planner.open(operation, options, start), "planner returned no slot");
    }

    /** The delay before the first poll, never past the wait's deadline. */
    synchronized Duration firstDelay() {
        Instant now = clock.instant();
        return withinDeadline(now, slot.firstDelay(now));
    }

    /**
     * Asked when a delay has passed, right before polling.
     *
     * @return zero to poll now, else how much longer to wait (the deadline, when no poll fits before it)
     * @throws RuntimeException the wait's timeout, when the deadline came and no poll fits before it
     */
    synchronized Duration beforePoll() {
        if (!noPollBeforeDeadline) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        if (!now.isBefore(deadline)) {
            throw timedOut(lastError);
        }
        return Duration.between(now, deadline);
    }

    /**
     * A planned delay, or the time left when it reaches past the deadline: no poll fits before the
     * deadline, so the wait times out at it without polling again.
     */
    private Duration withinDeadline(Instant now, Duration planned) {
        Duration next = nonNegative(planned);
        Duration remaining = nonNegative(Duration.between(now, deadline));
        // in whole milliseconds, as planners count: a poll planned at the deadline's millisecond fits
        if (next.toMillis() > deadline.toEpochMilli() - now.toEpochMilli()) {
            noPollBeforeDeadline = true;
            return remaining;
        }
        return next.compareTo(remaining) > 0 ? remaining : next;
    }

    /** The wait ended in any way: its place in the plan is freed. */
    void close() {
        try {
            slot.close();
        } catch (RuntimeException e) {
            LOG.warn(
                    "{}: closing the poll plan slot failed: {}",
                    operation,
                    e.getClass().getName());
        }
    }

    /**
     * A poll failed: a 404 may be awaited or within its grace, and transient failures are tolerated up
     * to three in a row; anything else ends the wait.
     */
    synchronized Step<T> pollFailed(Throwable failure) {
        polls++;
        if (failure instanceof AuraNotFoundException) {
            AuraNotFoundException e = (AuraNotFoundException) failure;
            Duration elapsed = Duration.between(start, clock.instant());
            if (rules.notFoundMeansDone()) {
                report("gone (404)");
                return Step.done(WaitOutcome.of(last, true, polls, elapsed));
            }
            if (elapsed.compareTo(options.notFoundGrace()) >= 0) {
                throw e;
            }
            report("not found yet (404)");
            wait.listener().onPoll(new PollEvent<>(polls, elapsed, null, last != null));
            last = null;
            return continueOrTimeout(e, OptionalDouble.empty());
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
            return continueOrTimeout(e, OptionalDouble.empty());
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
        if (value != null) {
            lastSeen = value;
        }
        lastState = rules.describe(value);
        report(lastState);
        wait.listener().onPoll(new PollEvent<>(polls, elapsed, value, changed));
        Optional<RuntimeException> failure = rules.failureFor(value);
        if (failure.isPresent()) {
            throw failure.get();
        }
        if (rules.isSuccess(value)) {
            LOG.debug("{}: done after {} poll(s), {} ms ({})", operation, polls, elapsed.toMillis(), lastState);
            return Step.done(WaitOutcome.of(value, false, polls, elapsed));
        }
        return continueOrTimeout(null, rules.progress(value));
    }

    private Step<T> continueOrTimeout(RuntimeException error, OptionalDouble progress) {
        Instant now = clock.instant();
        lastError = error;
        if (!now.isBefore(deadline)) {
            throw timedOut(error);
        }
        return Step.next(withinDeadline(now, slot.nextDelay(now, progress)));
    }

    private RuntimeException timedOut(RuntimeException error) {
        String msg = operation + " did not finish within " + human(options.timeout()) + " (last state: " + lastState
                + "); the operation goes on in Aura, waiting stopped";
        return rules.timeout(new WaitTimeoutException(msg, error, options.timeout()), Optional.ofNullable(lastSeen));
    }

    private static Duration nonNegative(Duration d) {
        return d == null || d.isNegative() ? Duration.ZERO : d;
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

    static String human(Duration d) {
        long s = d.getSeconds();
        if (s % 3600 == 0 && s >= 3600) {
            return s / 3600 + " h";
        }
        if (s % 60 == 0 && s >= 60) {
            return s / 60 + " min";
        }
        return d.toMillis() % 1000 == 0 ? s + " s" : d.toMillis() + " ms";
    }

    /** What a judged poll leads to: an outcome, or the delay before the next poll. */
    static final class Step<T> {
        final WaitOutcome<T> outcome;
        final Duration nextDelay;

        private Step(WaitOutcome<T> outcome, Duration nextDelay) {
            this.outcome = outcome;
            this.nextDelay = nextDelay;
        }

        static <T> Step<T> done(WaitOutcome<T> outcome) {
            return new Step<>(outcome, null);
        }

        static <T> Step<T> next(Duration delay) {
            return new Step<>(null, delay);
        }
    }
}
