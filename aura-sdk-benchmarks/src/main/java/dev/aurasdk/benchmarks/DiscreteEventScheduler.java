package dev.aurasdk.benchmarks;

import dev.aurasdk.core.http.RequestEvent;
import dev.aurasdk.core.http.RequestListener;
import dev.aurasdk.testkit.FakeClock;
import dev.aurasdk.testkit.QueuedScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scheduler in virtual time that owns no thread: scheduled tasks wait in a queue ordered by due
 * time, and {@link #runUntil(Instant)} runs them on the caller's thread, moving the fake's clock to
 * each task's due time first. Unlike the testkit's {@code VirtualTimeScheduler} (which runs on its own
 * thread), the caller can stop between two instants to look at the heap. Exchanges are real: with
 * {@link #exchangeCounter()} on the client, {@code runUntil} waits for the answers in flight before it
 * lets virtual time pass.
 */
public final class DiscreteEventScheduler extends QueuedScheduler {
    private final FakeClock clock;
    private final ExchangeCounter exchanges = new ExchangeCounter();

    /**
     * A scheduler moving the given clock.
     *
     * @param clock the fake's clock
     */
    public DiscreteEventScheduler(FakeClock clock) {
        super(clock);
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
            QueuedTask<?> next = nextDue(until);
            if (next == null) {
                break;
            }
            runTask(next);
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
    private synchronized QueuedTask<?> nextDue(Instant until) {
        long idleSince = System.nanoTime();
        while (true) {
            QueuedTask<?> next = peekTask();
            boolean inFlight = exchanges.inFlight.get() > 0;
            if (next != null && !next.due().isAfter(clock.instant())) {
                return pollTask(); // due now
            }
            if (!inFlight) { // nothing can come back earlier: virtual time may pass
                return next != null && !next.due().isAfter(until) ? pollTask() : null;
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

    @Override
    protected boolean enqueued(QueuedTask<?> task, Duration delay) {
        notifyAll(); // runUntil may be waiting for an answer handed back from the HTTP client's thread
        return false;
    }

    @Override
    protected void advance(Duration amount) {
        clock.advance(amount);
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
}
