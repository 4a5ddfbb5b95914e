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
 * The base of the testkit's virtual-time schedulers: one-shot tasks wait in a queue ordered by due time
 * (then by the order they were scheduled), computed from a virtual {@link Clock}; subclasses decide
 * when they run and move the clock. Cancelling a task removes it from the queue. Periodic scheduling is
 * not supported. Monitor: the scheduler itself ({@code synchronized} subclass methods share it).
 */
public abstract class QueuedScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final Clock clock;
    private final PriorityQueue<QueuedTask<?>> queue = new PriorityQueue<>();
    private final List<Duration> delays = new ArrayList<>();
    private long sequence;
    private boolean shutdown;

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
     * Called, with this scheduler's monitor held, after a task was queued: start a thread, wake a waiter.
     *
     * @param task the task
     * @return whether the scheduling thread should then run the queue itself ({@link #drain})
     */
    protected boolean enqueued(QueuedTask<?> task) {
        return false;
    }

    /**
     * Runs queued tasks on the calling thread until none is left, as {@link #enqueued} asked; a subclass
     * calls it outside the monitor.
     */
    protected void drain() {
        throw new UnsupportedOperationException();
    }

    /** Every delay a task was scheduled with, in order (the SDK's zero-delay hand-backs included). @return the delays */
    public final synchronized List<Duration> delays() {
        return List.copyOf(delays);
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
     * Moves the virtual clock forward to {@code target}, if it is later; the default asks the subclass
     * through {@link #advance(Duration)}.
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
            delays.add(d);
            task = new QueuedTask<>(callable, clock.instant().plus(d), sequence++);
            queue.add(task);
            drainHere = enqueued(task);
        }
        if (drainHere) {
            drain();
        }
        return task;
    }

    @Override
    public final ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period,
            TimeUnit unit) {
        throw new UnsupportedOperationException("only one-shot tasks");
    }

    @Override
    public final ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
            TimeUnit unit) {
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
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled) {
                synchronized (QueuedScheduler.this) {
                    queue.remove(this);
                }
            }
            return cancelled;
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
