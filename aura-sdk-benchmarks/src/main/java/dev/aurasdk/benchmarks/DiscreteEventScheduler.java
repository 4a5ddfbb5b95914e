package dev.aurasdk.benchmarks;

import dev.aurasdk.core.http.RequestEvent;
import dev.aurasdk.core.http.RequestListener;
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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scheduler in virtual time that owns no thread: scheduled tasks wait in a queue ordered by due
 * time, and {@link #runUntil(Instant)} runs them on the caller's thread, moving the fake's clock to
 * each task's due time first. Unlike the testkit's {@code VirtualTimeScheduler} (which runs every task
 * at once), many waits interleave here as they would in real time, and the caller can stop between
 * two instants to look at the heap. Exchanges are real: with {@link #exchangeCounter()} on the client,
 * {@code runUntil} waits for the answers in flight before it lets virtual time pass. Only one-shot
 * scheduling is supported.
 */
public final class DiscreteEventScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final FakeClock clock;
    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
    private final ExchangeCounter exchanges = new ExchangeCounter();
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
            Task<?> next = nextDue(until);
            if (next == null) {
                break;
            }
            moveClockTo(next.due);
            next.run();
            ran++;
        }
        moveClockTo(until);
        return ran;
    }

    /**
     * The next task due by {@code until}. Virtual time only passes (to a later task's due time) when no
     * exchange is in flight: meanwhile this waits, in real time, for the answers the SDK hands back as
     * tasks. Null when nothing more is due by {@code until}.
     */
    private synchronized Task<?> nextDue(Instant until) {
        long idleSince = System.nanoTime();
        while (true) {
            Task<?> next = queue.peek();
            boolean inFlight = exchanges.inFlight.get() > 0;
            if (next != null && !next.due.isAfter(clock.instant())) {
                return queue.poll(); // due now
            }
            if (!inFlight) { // nothing can come back earlier: virtual time may pass
                return next != null && !next.due.isAfter(until) ? queue.poll() : null;
            }
            if (System.nanoTime() - idleSince > TimeUnit.SECONDS.toNanos(60)) {
                throw new IllegalStateException(exchanges.inFlight.get() + " exchange(s) unanswered for 60 s");
            }
            try {
                wait(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /**
     * Counts the client's requests in flight, so that {@link #runUntil} waits for their answers: add it
     * to the client with {@code AuraClient.Builder.addRequestListener}.
     *
     * @return the listener
     */
    public RequestListener exchangeCounter() {
        return exchanges;
    }

    /** Requests started so far by the client this scheduler counts for. @return the count */
    public int exchangesStarted() {
        return exchanges.started.get();
    }

    /** Tells the scheduler of each attempt's start and end. */
    private static final class ExchangeCounter implements RequestListener {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger started = new AtomicInteger();

        @Override
        public void onAttemptStart(RequestEvent event) {
            started.incrementAndGet();
            inFlight.incrementAndGet();
        }

        @Override
        public void onAttemptEnd(RequestEvent event) {
            inFlight.decrementAndGet();
        }
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
        notifyAll(); // runUntil may be waiting for an answer handed back from the HTTP client's thread
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
