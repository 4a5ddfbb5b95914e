package dev.aurasdk.testkit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A scheduler for step-by-step async tests in virtual time, without a thread of its own. Tasks run in
 * due order; before a task runs the clock is moved to its due time, so nothing sleeps. Two modes:
 * <ul>
 *   <li>{@link #manual}: tasks wait until the test runs them ({@link #runNext()}, {@link #runUntilIdle()},
 *       {@link #runUntilDone(Future)}), on the test's thread;</li>
 *   <li>{@link #immediate}: a scheduled task runs at once on the scheduling thread, after the tasks
 *       already queued (trampolined: a task that schedules another does not recurse).</li>
 * </ul>
 * Exchanges stay real: an asynchronous call's answer comes back on the HTTP client's thread and is
 * handed to the scheduler as a zero-delay task ({@link #awaitTask()} waits for it).
 */
public final class StepScheduler extends QueuedScheduler {
    private final Consumer<Duration> advance;
    private final boolean immediate;
    private final List<Duration> delays = new ArrayList<>(); // guarded by this

    private StepScheduler(Clock clock, Consumer<Duration> advance, boolean immediate) {
        super(clock);
        this.advance = advance;
        this.immediate = immediate;
    }

    /** Tasks wait for the test to run them. @param clock the fake's clock @return the scheduler */
    public static StepScheduler manual(FakeClock clock) {
        return new StepScheduler(clock, clock::advance, false);
    }

    /**
     * Tasks wait for the test to run them.
     *
     * @param clock the clock the client reads
     * @param advance moves that clock forward
     * @return the scheduler
     */
    public static StepScheduler manual(Clock clock, Consumer<Duration> advance) {
        return new StepScheduler(clock, advance, false);
    }

    /** Tasks run as soon as they are scheduled. @param clock the fake's clock @return the scheduler */
    public static StepScheduler immediate(FakeClock clock) {
        return new StepScheduler(clock, clock::advance, true);
    }

    /**
     * Tasks run as soon as they are scheduled.
     *
     * @param clock the clock the client reads
     * @param advance moves that clock forward
     * @return the scheduler
     */
    public static StepScheduler immediate(Clock clock, Consumer<Duration> advance) {
        return new StepScheduler(clock, advance, true);
    }

    /** Runs the next task (manual mode). @throws IllegalStateException when none is queued */
    public void runNext() {
        QueuedTask<?> task = pollTask();
        if (task == null) {
            throw new IllegalStateException("no task is scheduled");
        }
        runTask(task);
    }

    /** Runs queued tasks, and those they schedule, until none is left. @return how many ran */
    public int runUntilIdle() {
        int ran = 0;
        for (QueuedTask<?> task = pollTask(); task != null; task = pollTask()) {
            runTask(task);
            ran++;
        }
        return ran;
    }

    /**
     * Runs queued tasks until {@code future} is done. While an exchange is in flight the queue may be
     * empty until its answer is handed back, so this waits for it (really, at most 60 s in all: a generous bound for a loaded machine).
     *
     * @param future what to wait for
     * @return how many tasks ran
     */
    public int runUntilDone(Future<?> future) {
        int ran = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            ran += runUntilIdle();
            if (future.isDone()) {
                return ran;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not done within 60 s (" + ran + " tasks ran)");
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** Waits (really, at most 60 s) until a task is queued, such as an answer handed back. */
    public void awaitTask() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (pending() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no task was scheduled within 60 s");
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** Every delay a task was scheduled with, in order (the SDK's zero-delay hand-backs included). @return the delays */
    public synchronized List<Duration> delays() {
        return List.copyOf(delays);
    }

    @Override
    protected boolean enqueued(QueuedTask<?> task, Duration delay) {
        delays.add(delay);
        return immediate && startDraining();
    }

    @Override
    protected void advance(Duration amount) {
        advance.accept(amount);
    }
}
