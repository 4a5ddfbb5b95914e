package dev.aurasdk.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The base of the testkit's virtual-time schedulers ({@link VirtualTimeScheduler}, {@link StepScheduler}), public
 * so that a test suite can write its own (the benchmarks' discrete-event scheduler extends it): one-shot tasks wait
 * in a queue ordered by due time (then by the order they were scheduled), computed from a virtual {@link Clock};
 * a subclass decides when they run ({@link #enqueued}, {@link #drain}, {@link #pollTask}) and how the clock moves
 * ({@link #advance}). Cancelling a task removes it from the queue, atomically with
 * respect to the queue's readers. Periodic scheduling is not supported. Monitor: the scheduler itself
 * ({@code synchronized} subclass methods share it).
 */
public abstract class QueuedScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final Clock clock;
    private final PriorityQueue<QueuedTask<?>> queue = new PriorityQueue<>();
    private long sequence;
    private boolean shutdown;
    private boolean draining;

    /**
     * A scheduler reading due times from {@code clock}.
     *
     * @param clock the virtual clock
     */
    protected QueuedScheduler(Clock clock) {
        this.clock = clock;
    }

    /** The virtual clock. @return the clock */
    protected final Clock clock() {
        return clock;
    }

    /**
     * Called, with this scheduler's monitor held, after a task was queued: start a thread, wake a waiter,
     * record the delay.
     *
     * @param task the task
     * @param delay the delay it was scheduled with
     * @return whether the scheduling thread should then run the queue itself ({@link #drain})
     */
    protected abstract boolean enqueued(QueuedTask<?> task, Duration delay);

    /**
     * Runs queued tasks on the calling thread, in due order, until none is left: trampolined, since a
     * task that schedules another only queues it. Called, outside the monitor, when {@link #enqueued}
     * asked for it; only one thread drains at a time.
     */
    protected final void drain() {
        while (true) {
            QueuedTask<?> next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    draining = false; // in the same lock as the empty check: no task is stranded
                    return;
                }
            }
            try {
                runTask(next);
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    draining = false;
                }
                throw e;
            }
        }
    }

    /**
     * Asks to drain on the scheduling thread unless a thread already does.
     *
     * @return whether the caller must drain ({@link #enqueued} returns it)
     */
    protected final boolean startDraining() {
        if (draining) {
            return false;
        }
        draining = true;
        return true;
    }

    /**
     * Runs a task taken from the queue: moves the clock to its due time, unless it was cancelled meanwhile.
     *
     * @param task the task
     */
    protected final void runTask(QueuedTask<?> task) {
        if (task.isDone()) {
            return; // cancelled after it left the queue: it neither runs nor moves the clock
        }
        moveClockTo(task.due());
        task.run();
    }

    /** Tasks waiting to run. @return the count */
    public final synchronized int pending() {
        return queue.size();
    }

    /** The next task without removing it. @return the task, or null when none is queued */
    protected final synchronized QueuedTask<?> peekTask() {
        return queue.peek();
    }

    /** Removes the next task. @return the task, or null when none is queued */
    protected final synchronized QueuedTask<?> pollTask() {
        return queue.poll();
    }

    /**
     * Moves the virtual clock forward to {@code target}, if it is later, through {@link #advance(Duration)}.
     *
     * @param target the instant to reach
     */
    protected final void moveClockTo(Instant target) {
        Duration ahead = Duration.between(clock.instant(), target);
        if (!ahead.isNegative() && !ahead.isZero()) {
            advance(ahead);
        }
    }

    /**
     * Moves the virtual clock forward.
     *
     * @param amount a positive duration
     */
    protected abstract void advance(Duration amount);

    @Override
    public final ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return enqueue(Executors.callable(command, null), delay, unit);
    }

    @Override
    public final <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return enqueue(callable, delay, unit);
    }

    private <V> ScheduledFuture<V> enqueue(Callable<V> callable, long delay, TimeUnit unit) {
        QueuedTask<V> task;
        boolean drainHere;
        synchronized (this) {
            if (shutdown) {
                throw new RejectedExecutionException("the virtual-time scheduler is shut down");
            }
            Duration d = Duration.ofNanos(unit.toNanos(Math.max(0, delay)));
            task = new QueuedTask<>(callable, clock.instant().plus(d), sequence++);
            queue.add(task);
            drainHere = enqueued(task, d);
        }
        if (drainHere) {
            drain();
        }
        return task;
    }

    @Override
    public final ScheduledFuture<?> scheduleAtFixedRate(
            Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("only one-shot tasks");
    }

    @Override
    public final ScheduledFuture<?> scheduleWithFixedDelay(
            Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("only one-shot tasks");
    }

    @Override
    public final void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
        notifyAll();
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> left = new ArrayList<>(queue);
        queue.clear();
        notifyAll();
        return left;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        synchronized (this) {
            return shutdown && queue.isEmpty();
        }
    }

    /** Without a thread of its own, a shut-down scheduler has terminated at once. */
    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return isTerminated();
    }

    /**
     * A queued task: its due time, then the order it was scheduled in.
     *
     * @param <V> its result
     */
    protected final class QueuedTask<V> extends FutureTask<V> implements ScheduledFuture<V> {
        private final Instant due;
        private final long seq;

        QueuedTask(Callable<V> callable, Instant due, long seq) {
            super(callable);
            this.due = due;
            this.seq = seq;
        }

        /** When it is due. @return the virtual instant */
        public Instant due() {
            return due;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            synchronized (QueuedScheduler.this) { // no reader sees it cancelled but still queued
                boolean cancelled = super.cancel(mayInterruptIfRunning);
                if (cancelled) {
                    queue.remove(this);
                }
                return cancelled;
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), due));
        }

        @Override
        public int compareTo(Delayed other) {
            QueuedTask<?> o = (QueuedTask<?>) other;
            int byDue = due.compareTo(o.due);
            return byDue != 0 ? byDue : Long.compare(seq, o.seq);
        }
    }
}
