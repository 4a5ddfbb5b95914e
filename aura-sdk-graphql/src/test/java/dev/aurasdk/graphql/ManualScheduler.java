package dev.aurasdk.graphql;

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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A scheduler for async-wait tests: tasks are queued, and {@link #runUntilIdle()} runs them on the test
 * thread in due order, moving a virtual clock to each task's due time. Nothing sleeps, nothing races.
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final Clock clock;
    private final Consumer<Duration> advance;
    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
    private final List<Duration> delays = new ArrayList<>();
    private long sequence;
    private boolean shutdown;

    /**
     * @param clock the virtual clock the client reads
     * @param advance moves that clock forward
     */
    ManualScheduler(Clock clock, Consumer<Duration> advance) {
        this.clock = clock;
        this.advance = advance;
    }

    ManualScheduler(dev.aurasdk.core.testing.ManualClock clock) {
        this(clock, clock::advance);
    }

    /** Runs queued tasks (and those they schedule) until none is left; returns how many ran. */
    int runUntilIdle() {
        int ran = 0;
        while (true) {
            Task<?> task;
            synchronized (this) {
                task = queue.poll();
            }
            if (task == null) {
                return ran;
            }
            if (task.isCancelled()) {
                continue;
            }
            if (task.due.isAfter(clock.instant())) {
                advance.accept(Duration.between(clock.instant(), task.due));
            }
            task.run();
            ran++;
        }
    }

    /**
     * Runs queued tasks until {@code future} is done. Polls are real exchanges: between them the queue
     * may be empty while a response is on its way back from the HTTP client, so this waits (really, at
     * most 10 s in all) for it to be handed back.
     *
     * @return how many tasks ran
     */
    int runUntilDone(java.util.concurrent.Future<?> future) {
        int ran = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            ran += runUntilIdle();
            if (future.isDone()) {
                return ran;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the async wait did not finish within 10 s (" + ran + " tasks ran)");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    /** Every delay a task was scheduled with, in order. */
    synchronized List<Duration> delays() {
        return List.copyOf(delays);
    }

    synchronized int pending() {
        return queue.size();
    }

    @Override
    public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return enqueue(Executors.callable(command), delay, unit);
    }

    @Override
    public synchronized <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return enqueue(callable, delay, unit);
    }

    private <V> ScheduledFuture<V> enqueue(Callable<V> callable, long delay, TimeUnit unit) {
        if (shutdown) {
            throw new java.util.concurrent.RejectedExecutionException("shut down");
        }
        Duration d = Duration.ofNanos(unit.toNanos(delay));
        delays.add(d);
        Task<V> task = new Task<>(callable, clock.instant().plus(d), sequence++);
        queue.add(task);
        return task;
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
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
        List<Runnable> left = new ArrayList<>(queue);
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
            return unit.convert(Duration.between(clock.instant(), due).toNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            Task<?> o = (Task<?>) other;
            int c = due.compareTo(o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
