package dev.aurasdk.core.internal.wait;

import dev.aurasdk.core.AuraException;
import dev.aurasdk.core.http.RequestListener;
import dev.aurasdk.core.http.Sleeper;
import dev.aurasdk.core.spi.Futures;
import dev.aurasdk.core.wait.DelayScheduler;
import dev.aurasdk.core.wait.Wait;
import dev.aurasdk.core.wait.WaitOptions;
import dev.aurasdk.core.wait.WaitOutcome;
import dev.aurasdk.core.wait.Waiter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;

/**
 * The {@link Waiter} of one client. Sync waits sleep on the caller's thread (through the client's
 * {@link Sleeper}); async waits start each poll on the client's scheduler and judge it when its stage
 * completes, so no thread is parked. Every delay comes from the client's {@link PollPlanner}: a slot
 * is opened when a wait starts and closed when it ends in any way; a wait whose next poll does not fit
 * before its deadline times out at the deadline without polling. {@link #close()} (called by the
 * client's close) ends pending waits, sync and async. Not API.
 */
public final class ClientWaiter implements Waiter {
    private final Clock clock;
    private final Sleeper sleeper;
    private final DelayScheduler scheduler;
    private final List<RequestListener> listeners;
    private final PollPlanner planner;
    private final WaitOptions defaults;
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private final Set<BlockedThread> blockedThreads = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Creates a waiter.
     *
     * @param clock the clock
     * @param sleeper used by synchronous waits
     * @param scheduler used by asynchronous waits
     * @param listeners told about each poll
     * @param planner decides every poll's delay
     * @param defaults the options of waits that set none
     */
    public ClientWaiter(
            Clock clock,
            Sleeper sleeper,
            DelayScheduler scheduler,
            List<RequestListener> listeners,
            PollPlanner planner,
            WaitOptions defaults) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.listeners = List.copyOf(listeners);
        this.planner = Objects.requireNonNull(planner, "planner");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
    }

    @Override
    public WaitOptions defaultOptions() {
        return defaults;
    }

    @Override
    public <T> WaitOutcome<T> await(Wait<T> wait) {
        WaitRun<T> run = new WaitRun<>(wait, clock, planner, listeners);
        BlockedThread blocked = new BlockedThread(Thread.currentThread());
        blockedThreads.add(blocked);
        try {
            Duration delay = run.firstDelay();
            while (true) {
                sleep(delay, run.operation, blocked);
                Duration later = run.beforePoll();
                if (!later.isZero()) {
                    delay = later; // no poll fits before the deadline: wait for it
                    continue;
                }
                T value = null;
                RuntimeException failure = null;
                try {
                    value = wait.poll().get();
                } catch (RuntimeException e) {
                    failure = e;
                }
                WaitRun.Step<T> step = failure == null ? run.polled(value) : run.pollFailed(failure);
                if (step.outcome != null) {
                    return step.outcome;
                }
                delay = step.nextDelay;
            }
        } finally {
            blockedThreads.remove(blocked);
            run.close();
        }
    }

    @Override
    public <T> CompletableFuture<WaitOutcome<T>> awaitAsync(Wait<T> wait) {
        CompletableFuture<WaitOutcome<T>> result = new CompletableFuture<>();
        WaitRun<T> run = new WaitRun<>(wait, clock, planner, listeners);
        if (closed) {
            run.close();
            result.completeExceptionally(closedFailure(run.operation));
            return result;
        }
        pending.add(result);
        result.whenComplete((outcome, failure) -> {
            pending.remove(result);
            synchronized (run) {
                Future<?> next = run.scheduled;
                if (next != null) {
                    next.cancel(false); // a cancelled or failed wait leaves no poll behind
                }
                CompletableFuture<?> inFlight = run.inFlight;
                if (inFlight != null) {
                    inFlight.cancel(false);
                }
            }
            run.close(); // success, failure, timeout, cancellation or client close: the slot is freed
        });
        if (closed) { // close() ran between the first check and pending.add: it may not have seen this wait
            result.completeExceptionally(closedFailure(run.operation));
            return result;
        }
        Duration first;
        try {
            first = run.firstDelay();
        } catch (RuntimeException | Error e) {
            result.completeExceptionally(e); // frees the slot and the pending entry
            return result;
        }
        scheduleNext(run, result, first);
        return result;
    }

    /**
     * Ends every pending wait with an {@link AuraException} (the operations go on in Aura) and refuses
     * new ones: asynchronous waits at once, blocking ones by interrupting their sleep between polls (a
     * poll in flight is left to finish or fail). Called by the owning client's {@code close()}.
     */
    public void close() {
        closed = true;
        for (CompletableFuture<?> f : List.copyOf(pending)) {
            f.completeExceptionally(closedFailure("a wait"));
        }
        for (BlockedThread blocked : List.copyOf(blockedThreads)) {
            synchronized (blocked) {
                if (blocked.sleeping && !blocked.interruptedByClose) {
                    blocked.interruptedByClose = true;
                    blocked.thread.interrupt();
                }
            }
        }
    }

    private static AuraException closedFailure(String operation) {
        return new AuraException(
                "the AuraClient was closed while waiting for " + operation + "; the operation goes on in Aura");
    }

    private <T> void scheduleNext(WaitRun<T> run, CompletableFuture<WaitOutcome<T>> result, Duration delay) {
        synchronized (run) { // a poll that completes inline must not see its successor overwritten by this task
            try {
                Future<?> next = scheduler.schedule(() -> pollOnce(run, result), delay);
                run.scheduled = next;
                if (result.isDone()) { // cancelled meanwhile: the cancellation may have read the previous task
                    next.cancel(false);
                }
            } catch (RuntimeException rejected) {
                result.completeExceptionally(new AuraException(
                        run.operation + ": could not schedule the next poll ("
                                + rejected.getClass().getSimpleName() + "; is the client closed?)",
                        rejected));
            }
        }
    }

    private <T> void pollOnce(WaitRun<T> run, CompletableFuture<WaitOutcome<T>> result) {
        if (result.isDone()) {
            return;
        }
        Duration later;
        try {
            later = run.beforePoll();
        } catch (RuntimeException | Error e) {
            result.completeExceptionally(e); // the deadline came and no poll fitted before it
            return;
        }
        if (!later.isZero()) {
            scheduleNext(run, result, later); // no poll fits before the deadline: wait for it
            return;
        }
        CompletableFuture<T> polled;
        try {
            polled = Objects.requireNonNull(run.wait.poll().getAsync(), "poll returned null")
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
                WaitRun.Step<T> step = failure == null ? run.polled(value) : run.pollFailed(Futures.unwrap(failure));
                if (step.outcome != null) {
                    result.complete(step.outcome);
                } else if (!result.isDone()) {
                    scheduleNext(run, result, step.nextDelay);
                }
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
    }

    /**
     * Sleeps through the client's {@link Sleeper}; {@link #close()} interrupts the sleep (and only the
     * sleep, never a poll in flight), which then ends as closed.
     */
    private void sleep(Duration delay, String operation, BlockedThread blocked) {
        synchronized (blocked) {
            if (closed) {
                throw closedFailure(operation);
            }
            blocked.sleeping = true;
        }
        InterruptedException interrupted = null;
        Throwable thrown = null;
        boolean byClose;
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            interrupted = e;
        } catch (RuntimeException | Error e) {
            thrown = e;
        } finally {
            byClose = stopSleeping(blocked);
        }
        if (byClose) {
            AuraException closed = closedFailure(operation);
            if (thrown != null) {
                closed.addSuppressed(thrown); // a Sleeper that wrapped close()'s interrupt
            }
            throw closed;
        }
        if (thrown instanceof RuntimeException) {
            throw (RuntimeException) thrown;
        }
        if (thrown != null) {
            throw (Error) thrown;
        }
        if (interrupted != null) {
            Thread.currentThread().interrupt();
            throw new AuraException(
                    "interrupted while waiting for " + operation + " (the operation continues on Aura)", interrupted);
        }
        if (closed) { // a Sleeper that does not answer interrupts
            throw closedFailure(operation);
        }
    }

    /**
     * Leaves the sleep; takes back the interrupt {@link #close()} sent, if it sent one (whether the
     * sleep saw it or not).
     *
     * @return whether close() interrupted this sleep
     */
    private static boolean stopSleeping(BlockedThread blocked) {
        synchronized (blocked) {
            blocked.sleeping = false;
            if (blocked.interruptedByClose) {
                Thread.interrupted();
                return true;
            }
            return false;
        }
    }

    /** A thread in a blocking wait; {@link #sleeping} only while in the {@link Sleeper}. */
    private static final class BlockedThread {
        final Thread thread;
        boolean sleeping;
        boolean interruptedByClose;

        BlockedThread(Thread thread) {
            this.thread = thread;
        }
    }

    @Override
    public String toString() {
        return "Waiter{planner=" + planner + ", pending=" + pending.size() + "}";
    }
}
