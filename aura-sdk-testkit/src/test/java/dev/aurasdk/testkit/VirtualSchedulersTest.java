package dev.aurasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aurasdk.core.http.RequestEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** {@link StepScheduler} and {@link VirtualTimeScheduler}: due order, virtual clock, cancellation. */
class VirtualSchedulersTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final FakeClock clock = new FakeClock(false, T0);
    private final List<String> log = new CopyOnWriteArrayList<>();

    private Runnable note(String name) {
        return () -> log.add(name + "@" + Duration.between(T0, clock.instant()).toSeconds());
    }

    @Test
    void aManualSchedulerRunsTasksInDueOrderMovingTheClock() {
        StepScheduler scheduler = StepScheduler.manual(clock);
        scheduler.schedule(note("late"), 5, TimeUnit.SECONDS);
        scheduler.schedule(note("early"), 2, TimeUnit.SECONDS);
        Future<?> cancelled = scheduler.schedule(note("never"), 3, TimeUnit.SECONDS);

        cancelled.cancel(false);
        assertThat(scheduler.pending()).isEqualTo(2);
        assertThat(log).as("nothing runs before the test asks").isEmpty();
        scheduler.runNext();
        scheduler.runUntilIdle();

        assertThat(log).containsExactly("early@2", "late@5");
        assertThat(scheduler.delays())
                .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(3));
        assertThatThrownBy(scheduler::runNext).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anImmediateSchedulerRunsATaskAtOnceAndTrampolinesTheOnesItSchedules() {
        StepScheduler scheduler = StepScheduler.immediate(clock);
        scheduler.schedule(
                () -> {
                    scheduler.schedule(note("inner"), 1, TimeUnit.SECONDS);
                    log.add("outer done"); // the inner task waits for the outer one: no recursion
                },
                1,
                TimeUnit.SECONDS);

        assertThat(log).containsExactly("outer done", "inner@2");
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void theVirtualTimeSchedulerHoldsTheClockWhileARequestIsInFlight() throws Exception {
        VirtualTimeScheduler scheduler = new VirtualTimeScheduler(clock, Duration.ofHours(1)); // no grace expiry
        try {
            RequestEvent request = RequestEvent.builder()
                    .method("GET")
                    .path("/v1/tenants")
                    .pathTemplate("/v1/tenants")
                    .attempt(1)
                    .build();
            scheduler.requestTracker().onAttemptStart(request);
            scheduler.schedule(note("later"), 30, TimeUnit.SECONDS);
            Thread worker = scheduler
                    .schedule(Thread::currentThread, 0, TimeUnit.SECONDS)
                    .get(10, TimeUnit.SECONDS);

            awaitState(worker, Thread.State.TIMED_WAITING); // it saw the later task and waits for the answer
            assertThat(log).isEmpty();
            assertThat(clock.instant()).isEqualTo(T0);

            scheduler.requestTracker().onAttemptEnd(request.withStatusCode(200));
            awaitLog(1);
            assertThat(log).containsExactly("later@30");
        } finally {
            scheduler.shutdownNow();
        }
    }

    private void awaitLog(int size) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (log.size() < size) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + log + " within 10 s");
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    /**
     * Waits (really, at most 10 s) until the scheduler's thread waits in its loop: {@code WAITING} once it
     * has nothing it may do now (queue empty), {@code TIMED_WAITING} while the clock is held (it looks
     * again every few ms, for a task made due by {@code FakeClock.advance}) or it waits for answers in flight. Once seen, the thread had every chance to run and move the clock.
     */
    private static void awaitState(Thread worker, Thread.State state) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(worker.getState() == state && inTake(worker.getStackTrace()))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(worker.getName() + " is " + worker.getState() + ", not " + state);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    private static boolean inTake(StackTraceElement[] stack) { // parked in take() (JDK 21+ adds a frame: wait0)
        return Arrays.stream(stack)
                        .anyMatch(f -> f.getClassName().equals(Object.class.getName())
                                && f.getMethodName().startsWith("wait"))
                && Arrays.stream(stack)
                        .anyMatch(f -> f.getClassName().equals(VirtualTimeScheduler.class.getName())
                                && f.getMethodName().equals("take"));
    }

    @Test
    void tasksDueAtTheSameTimeRunInTheOrderTheyWereScheduled() {
        StepScheduler scheduler = StepScheduler.manual(clock);
        for (String name : List.of("a", "b", "c")) {
            scheduler.schedule(note(name), 1, TimeUnit.SECONDS);
        }
        scheduler.runUntilIdle();
        assertThat(log).containsExactly("a@1", "b@1", "c@1");
    }

    @Test
    void aTaskScheduledFromAnotherThreadWhileOneDrainsRunsOnTheDrainingThread() throws Exception {
        StepScheduler scheduler = StepScheduler.immediate(clock);
        List<String> threads = new CopyOnWriteArrayList<>();
        String testThread = Thread.currentThread().getName();
        scheduler.schedule(
                () -> {
                    Thread other = new Thread(
                            () -> scheduler.schedule(
                                    () -> threads.add(Thread.currentThread().getName()), 0, TimeUnit.SECONDS),
                            "other");
                    other.start();
                    try {
                        other.join(); // the other thread only queues: this thread is draining
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                0,
                TimeUnit.SECONDS);

        assertThat(threads).containsExactly(testThread);
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void aCancelledTaskNeitherRunsNorMovesTheVirtualClock() throws Exception {
        VirtualTimeScheduler scheduler = new VirtualTimeScheduler(clock);
        try {
            Thread worker;
            try (VirtualTimeScheduler.ClockHold hold = scheduler.holdClock()) { // both delays count from T0
                Future<?> cancelled = scheduler.schedule(note("never"), 30, TimeUnit.SECONDS);
                assertThat(cancelled.cancel(false)).isTrue();
                scheduler.schedule(note("soon"), 5, TimeUnit.SECONDS);
                worker = scheduler
                        .schedule(Thread::currentThread, 0, TimeUnit.SECONDS)
                        .get(10, TimeUnit.SECONDS);
            }
            awaitLog(1);
            awaitState(worker, Thread.State.WAITING); // idle: a cancelled task left queued would have run by now

            assertThat(log).containsExactly("soon@5");
            assertThat(clock.instant()).isEqualTo(T0.plusSeconds(5));
            assertThat(scheduler.pending()).isZero();
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void aStrayInterruptDoesNotStopTheScheduler() throws Exception {
        VirtualTimeScheduler scheduler = new VirtualTimeScheduler(clock);
        try {
            try (VirtualTimeScheduler.ClockHold hold = scheduler.holdClock()) {
                scheduler.schedule(() -> Thread.currentThread().interrupt(), 1, TimeUnit.SECONDS);
                scheduler.schedule(note("after"), 2, TimeUnit.SECONDS);
            }
            awaitLog(1);

            assertThat(log).containsExactly("after@2");
            assertThat(scheduler.isShutdown()).isFalse();
        } finally {
            scheduler.shutdownNow();
        }
        assertThat(scheduler.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> scheduler.schedule(note("late"), 0, TimeUnit.SECONDS))
                .isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
    }

    @Test
    void whileTheClockIsHeldEveryDelayCountsFromTheSameInstant() throws Exception {
        VirtualTimeScheduler scheduler = new VirtualTimeScheduler(clock);
        try {
            try (VirtualTimeScheduler.ClockHold hold = scheduler.holdClock()) {
                scheduler.schedule(note("first"), 1, TimeUnit.SECONDS);
                Thread worker = scheduler
                        .schedule(Thread::currentThread, 0, TimeUnit.SECONDS) // due: runs
                        .get(10, TimeUnit.SECONDS);
                awaitState(worker, Thread.State.TIMED_WAITING); // it has seen "first" and could have jumped

                assertThat(log).as("the clock did not move to the first task").isEmpty();
                assertThat(clock.instant()).isEqualTo(T0);
                scheduler.schedule(note("second"), 2, TimeUnit.SECONDS);
            }
            awaitLog(2);

            assertThat(log).containsExactly("first@1", "second@2");
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void aTaskMadeDueByAdvancingTheClockRunsWhileTheClockIsHeld() throws Exception {
        VirtualTimeScheduler scheduler = new VirtualTimeScheduler(clock);
        try (VirtualTimeScheduler.ClockHold hold = scheduler.holdClock()) {
            java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
            scheduler.schedule(ran::countDown, 3, TimeUnit.SECONDS);
            Thread worker = scheduler
                    .schedule(Thread::currentThread, 0, TimeUnit.SECONDS)
                    .get(10, TimeUnit.SECONDS);
            awaitState(worker, Thread.State.TIMED_WAITING); // held, waiting: the task is not due yet
            assertThat(ran.getCount()).isEqualTo(1);

            clock.advance(Duration.ofSeconds(3)); // the test moves the clock itself: the task is due now

            assertThat(ran.await(10, TimeUnit.SECONDS))
                    .as("the due task ran before the hold closed")
                    .isTrue();
            assertThat(clock.instant()).isEqualTo(T0.plusSeconds(3));
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void theClockMovesAgainOnlyOnceEveryHoldIsClosed() throws Exception {
        VirtualTimeScheduler scheduler = new VirtualTimeScheduler(clock);
        try {
            VirtualTimeScheduler.ClockHold outer = scheduler.holdClock();
            VirtualTimeScheduler.ClockHold inner = scheduler.holdClock();
            scheduler.schedule(note("task"), 1, TimeUnit.SECONDS);
            Thread worker = scheduler
                    .schedule(Thread::currentThread, 0, TimeUnit.SECONDS)
                    .get(10, TimeUnit.SECONDS);
            inner.close();
            inner.close(); // twice: harmless, the outer hold still counts
            awaitState(worker, Thread.State.TIMED_WAITING);
            assertThat(log).isEmpty();
            assertThat(clock.instant()).isEqualTo(T0);

            outer.close();
            awaitLog(1);
            assertThat(log).containsExactly("task@1");
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void aRequestWhoseEndNeverComesHoldsTheClockOnlyForTheGracePeriod() throws Exception {
        assertThat(new VirtualTimeScheduler(clock).answerGrace())
                .as("the documented grace")
                .isEqualTo(Duration.ofSeconds(10));
        VirtualTimeScheduler scheduler = new VirtualTimeScheduler(clock, Duration.ofMillis(500));
        try {
            long start = System.nanoTime(); // before the request starts: the grace counts from its start
            scheduler
                    .requestTracker()
                    .onAttemptStart(RequestEvent.builder()
                            .method("GET")
                            .path("/v1/tenants")
                            .pathTemplate("/v1/tenants")
                            .attempt(1)
                            .build());
            scheduler.schedule(note("later"), 10, TimeUnit.SECONDS);
            awaitLog(1);

            assertThat(log).containsExactly("later@10");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        } finally {
            scheduler.shutdownNow();
        }
    }
}
