package dev.aurasdk.benchmarks;

import dev.aurasdk.testkit.FakeClock;
import java.time.Duration;
import java.time.Instant;
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
 * A scheduler in virtual time that owns no thread: scheduled tasks wait in a queue ordered by due
 * time, and {@link #runUntil(Instant)} runs them on the caller's thread, moving the fake's clock to
 * each task's due time first. Unlike the testkit's {@code VirtualTimeScheduler} (which runs every task
 * at once), many waits interleave here as they would in real time, and the caller can stop between
 * two instants to look at the heap. Only one-shot scheduling is supported.
 */
public final class DiscreteEventScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final FakeClock clock;
    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
    private long sequence;
    private boolean shutdown;

    /**
     * A scheduler moving the given clock.
     *
     * @param clock the fake's clock
     */
    public DiscreteEventScheduler(FakeClock clock) {
        this.clock = clock;
    }

    /**
     * Runs, in due-time order, every task due at or before {@code until}, including tasks those tasks
     * schedule; then moves the clock to {@code until} if it is still earlier.
     *
     * @param until the virtual instant to reach
     * @return how many tasks ran
     */
    public int runUntil(Instant until) {
        int ran = 0;
        while (true) {
            Task<?> next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due.isAfter(until)) {
                    break;
                }
                queue.poll();
            }
            moveClockTo(next.due);
            next.run();
            ran++;
        }
        moveClockTo(until);
        return ran;
    }

    /** Tasks waiting to run. @return the count */
    public synchronized int pending() {
        return queue.size();
    }

    private void moveClockTo(Instant target) {
        Duration ahead = Duration.between(clock.instant(), target);
        if (!ahead.isNegative() && !ahead.isZero()) {
            clock.advance(ahead);
        }
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return enqueue(Executors.callable(command), delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return enqueue(callable, delay, unit);
    }

    private synchronized <V> ScheduledFuture<V> enqueue(Callable<V> callable, long delay, TimeUnit unit) {
        if (shutdown) {
            throw new RejectedExecutionException("shut down");
        }
        Task<V> task = new Task<>(callable, clock.instant().plusNanos(unit.toNanos(Math.max(0, delay))), sequence++);
        queue.add(task);
        return task;
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("only one-shot tasks");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("only one-shot tasks");
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> left = List.copyOf(queue);
        queue.clear();
        return left;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown && queue.isEmpty();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    /** A queued task: due time, then submission order. */
    private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
        final Instant due;
        final long seq;

        Task(Callable<V> callable, Instant due, long seq) {
            super(callable);
            this.due = due;
            this.seq = seq;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), due));
        }

        @Override
        public int compareTo(Delayed other) {
            Task<?> o = (Task<?>) other;
            int byDue = due.compareTo(o.due);
            return byDue != 0 ? byDue : Long.compare(seq, o.seq);
        }
    }
}
