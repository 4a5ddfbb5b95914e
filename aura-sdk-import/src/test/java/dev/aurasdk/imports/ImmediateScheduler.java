package dev.aurasdk.imports;

import dev.aurasdk.core.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
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
 * A single-threaded scheduler for async tests: a scheduled task runs on the scheduling thread once
 * earlier tasks are done, after the manual clock is advanced by its delay, so async waits complete
 * without sleeping or racing. In stepping mode tasks wait in a queue until {@link #runNext()}.
 */
final class ImmediateScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final Consumer<Duration> advance;
    private final boolean stepping;
    private final Deque<Entry> queue = new ArrayDeque<>();
    private final List<Duration> delays = new ArrayList<>();
    private boolean draining;
    private boolean shutdown;

    private record Entry(Task<?> task, Duration delay) {}

    private ImmediateScheduler(Consumer<Duration> advance, boolean stepping) {
        this.advance = advance;
        this.stepping = stepping;
    }

    /** Runs every task as soon as it is scheduled (trampolined). */
    static ImmediateScheduler immediate(ManualClock clock) {
        return new ImmediateScheduler(clock::advance, false);
    }

    /** Runs every task as soon as it is scheduled, moving virtual time with {@code advance}. */
    static ImmediateScheduler immediate(Consumer<Duration> advance) {
        return new ImmediateScheduler(advance, false);
    }

    /** Queues tasks until the test calls {@link #runNext()}. */
    static ImmediateScheduler stepping(ManualClock clock) {
        return new ImmediateScheduler(clock::advance, true);
    }

    /** The delay of every task scheduled so far. */
    synchronized List<Duration> delays() {
        return List.copyOf(delays);
    }

    /** Tasks waiting to run. */
    synchronized int pending() {
        return queue.size();
    }

    /** Runs the oldest waiting task (stepping mode). */
    void runNext() {
        Entry e;
        synchronized (this) {
            e = queue.poll();
        }
        if (e == null) {
            throw new IllegalStateException("no task is scheduled");
        }
        advance.accept(e.delay());
        e.task().run();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return enqueue(new Task<>(Executors.callable(command, null)), Duration.ofNanos(unit.toNanos(delay)));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return enqueue(new Task<>(callable), Duration.ofNanos(unit.toNanos(delay)));
    }

    private <V> ScheduledFuture<V> enqueue(Task<V> task, Duration delay) {
        synchronized (this) {
            if (shutdown) {
                throw new java.util.concurrent.RejectedExecutionException("shut down");
            }
            delays.add(delay);
            queue.add(new Entry(task, delay));
            if (stepping || draining) {
                return task;
            }
            draining = true;
        }
        try {
            while (true) {
                Entry e;
                synchronized (this) {
                    e = queue.poll();
                    if (e == null) {
                        return task;
                    }
                }
                advance.accept(e.delay());
                e.task().run();
            }
        } finally {
            synchronized (this) {
                draining = false;
            }
        }
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
        List<Runnable> left = new ArrayList<>();
        queue.forEach(e -> left.add(e.task()));
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

    private static final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
        Task(Callable<V> callable) {
            super(callable);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
