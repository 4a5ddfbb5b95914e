package dev.aurasdk.testkit;

import dev.aurasdk.core.http.RequestEvent;
import dev.aurasdk.core.http.RequestListener;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler for tests in virtual time: tasks run in due-time order on one daemon thread, and when
 * the next task is due later than the {@link FakeClock}'s time the clock jumps to it instead of the
 * thread sleeping. Requests in flight hold virtual time still: with {@link #requestTracker()} among the
 * client's listeners the clock only jumps once their answers are back. If no request starts or ends for
 * 10 s of real time while some are counted in flight, they are forgotten (counted, not by identity: a
 * later end may be taken for a forgotten one), so a lost answer costs a test seconds, not a stall.
 * Thousands of concurrent asynchronous waits thus interleave as they would in real time, without
 * sleeping. {@link FakeAuraServer#clientBuilder()} wires both. {@code shutdown()} and
 * {@code shutdownNow()} both stop it at once: queued tasks do not run.
 *
 * <p><b>Scheduling several tasks from a test thread.</b> Each {@code schedule} call measures its delay from
 * the clock as it reads at that call. Between two calls, this scheduler's thread may run the first task
 * and move the clock to it, so the second delay then counts from a later instant (scheduling 1 s then
 * 2 s may run them at 1 s and 3 s). To measure several delays from one instant, schedule them while the
 * clock is held:
 * <pre>{@code
 * try (VirtualTimeScheduler.ClockHold hold = scheduler.holdClock()) {
 *     scheduler.schedule(first, 1, TimeUnit.SECONDS);
 *     scheduler.schedule(second, 2, TimeUnit.SECONDS); // due 2 s after the same instant
 * }
 * }</pre>
 */
public final class VirtualTimeScheduler extends QueuedScheduler {
    /** Long enough for an answer slowed by a loaded machine; only an answer that never comes costs it. */
    private static final Duration ANSWER_GRACE = Duration.ofSeconds(10);

    private final FakeClock clock;
    private final long answerGraceNanos;
    private final Tracker tracker = new Tracker();
    private Thread thread; // guarded by this
    private int holds; // guarded by this: open clock holds

    /**
     * Creates a scheduler; its thread starts with the first task.
     *
     * @param clock the clock to advance
     */
    public VirtualTimeScheduler(FakeClock clock) {
        this(clock, ANSWER_GRACE);
    }

    /** For tests: how long requests in flight may hold the clock without any news of them. */
    VirtualTimeScheduler(FakeClock clock, Duration answerGrace) {
        super(clock);
        this.clock = clock;
        this.answerGraceNanos = answerGrace.toNanos();
    }

    /** For tests. @return how long requests in flight may hold the clock without any news of them */
    Duration answerGrace() {
        return Duration.ofNanos(answerGraceNanos);
    }

    /**
     * A listener that tells this scheduler which requests are in flight; add it to every client that uses
     * the scheduler ({@code AuraClient.Builder.addRequestListener}).
     *
     * @return the listener
     */
    public RequestListener requestTracker() {
        return tracker;
    }

    /**
     * Holds the virtual clock until the returned hold is closed: meanwhile this scheduler's thread still
     * runs tasks already due, and those made due by {@link FakeClock#advance} during the hold (within a few
     * milliseconds), but does not move the clock to a later task, so every delay scheduled
     * during the hold counts from the same instant. Holds may overlap; the clock moves again once all
     * are closed. The clock's own {@link FakeClock#advance} (the test's, or the fake server's) is not
     * affected.
     *
     * @return the hold; close it (for instance with try-with-resources) to let the clock move again
     */
    public synchronized ClockHold holdClock() {
        holds++;
        return new ClockHold();
    }

    private synchronized void release() {
        holds--;
        notifyAll();
    }

    /** A hold on this scheduler's virtual clock ({@link #holdClock()}); closing it twice is harmless. */
    public final class ClockHold implements AutoCloseable {
        private boolean closed; // guarded by the scheduler

        private ClockHold() {}

        /** Lets the clock move again, unless another hold is still open. */
        @Override
        public void close() {
            synchronized (VirtualTimeScheduler.this) {
                if (!closed) {
                    closed = true;
                    release();
                }
            }
        }
    }

    @Override
    protected boolean enqueued(QueuedTask<?> task, Duration delay) {
        if (thread == null) {
            thread = new Thread(this::loop, "aura-testkit-virtual-time");
            thread.setDaemon(true);
            thread.start();
        }
        notifyAll();
        return false;
    }

    @Override
    protected void advance(Duration amount) {
        clock.advance(amount);
    }

    private void loop() {
        while (true) {
            QueuedTask<?> next = take();
            if (next == null) {
                return;
            }
            runTask(next); // a task's own failure is kept in its future, as in any executor
            Thread.interrupted(); // a task cancelled with interruption must not stop the scheduler
        }
    }

    /** The next task, once it is due; moves the clock when nothing else can happen first. */
    private synchronized QueuedTask<?> take() {
        while (true) {
            if (isShutdown()) {
                return null;
            }
            QueuedTask<?> next = peekTask();
            if (next == null) {
                waitQuietly(0);
                continue;
            }
            Instant now = clock.instant();
            if (!next.due().isAfter(now)) {
                return pollTask();
            }
            if (holds > 0) {
                // the clock is held: a release, a new task or a shutdown wakes it; looks again every 5 ms
                // because FakeClock.advance (the test's own) may make a task due without waking it
                waitQuietly(5);
                continue;
            }
            if (tracker.inFlight > 0) {
                // an answer on its way back may schedule something due earlier: let it arrive first
                if (System.nanoTime() - tracker.lastActivityNanos < answerGraceNanos) {
                    waitQuietly(5);
                    continue;
                }
                // nothing moved for the grace period: forget requests whose end was never heard
                // (late ends are absorbed)
                tracker.forgotten += tracker.inFlight;
                tracker.inFlight = 0;
            }
            moveClockTo(next.due());
        }
    }

    private void waitQuietly(long millis) {
        try {
            wait(millis);
        } catch (InterruptedException e) {
            // only shutdown stops this thread (take() checks it); a stray interrupt is not a request to stop
        }
    }

    @Override
    public boolean isTerminated() {
        Thread t;
        synchronized (this) {
            if (!isShutdown()) {
                return false;
            }
            t = thread;
        }
        return t == null || !t.isAlive();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.join(Math.max(1, unit.toMillis(timeout)));
        }
        return isTerminated();
    }

    /** Counts requests between their start and end, for the clock to wait on. */
    private final class Tracker implements RequestListener {
        int inFlight; // guarded by the scheduler
        int forgotten; // guarded by the scheduler: requests given up on whose end may still come
        long lastActivityNanos; // guarded by the scheduler

        @Override
        public void onAttemptStart(RequestEvent event) {
            synchronized (VirtualTimeScheduler.this) {
                inFlight++;
                lastActivityNanos = System.nanoTime();
            }
        }

        @Override
        public void onAttemptEnd(RequestEvent event) {
            synchronized (VirtualTimeScheduler.this) {
                if (forgotten > 0) {
                    forgotten--; // the end of a request given up on, not of one in flight now
                } else {
                    inFlight = Math.max(0, inFlight - 1);
                }
                lastActivityNanos = System.nanoTime();
                VirtualTimeScheduler.this.notifyAll();
            }
        }
    }
}
