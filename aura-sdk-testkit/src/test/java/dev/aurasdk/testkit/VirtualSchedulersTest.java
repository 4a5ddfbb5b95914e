package dev.aurasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aurasdk.core.http.RequestEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
        assertThat(scheduler.delays()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(2),
                Duration.ofSeconds(3));
        assertThatThrownBy(scheduler::runNext).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anImmediateSchedulerRunsATaskAtOnceAndTrampolinesTheOnesItSchedules() {
        StepScheduler scheduler = StepScheduler.immediate(clock);
        scheduler.schedule(() -> {
            scheduler.schedule(note("inner"), 1, TimeUnit.SECONDS);
            log.add("outer done"); // the inner task waits for the outer one: no recursion
        }, 1, TimeUnit.SECONDS);

        assertThat(log).containsExactly("outer done", "inner@2");
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void theVirtualTimeSchedulerHoldsTheClockWhileARequestIsInFlight() throws Exception {
        VirtualTimeScheduler scheduler = new VirtualTimeScheduler(clock);
        try {
            RequestEvent request = RequestEvent.builder().method("GET").path("/v1/tenants")
                    .pathTemplate("/v1/tenants").attempt(1).build();
            scheduler.requestTracker().onAttemptStart(request);
            scheduler.schedule(note("later"), 30, TimeUnit.SECONDS);

            Thread.sleep(300); // real time: the scheduler's thread must not jump the clock meanwhile
            assertThat(log).isEmpty();
            assertThat(clock.instant()).isEqualTo(T0);

            scheduler.requestTracker().onAttemptEnd(request.withStatusCode(200));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (log.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(log).containsExactly("later@30");
        } finally {
            scheduler.shutdownNow();
        }
    }

    private void awaitLog(int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (log.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
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
        scheduler.schedule(() -> {
            Thread other = new Thread(() -> scheduler.schedule(
                    () -> threads.add(Thread.currentThread().getName()), 0, TimeUnit.SECONDS), "other");
            other.start();
            try {
                other.join(); // the other thread only queues: this thread is draining
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, 0, TimeUnit.SECONDS);

        assertThat(threads).containsExactly(testThread);
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void aCancelledTaskNeitherRunsNorMovesTheVirtualClock() throws Exception {
        VirtualTimeScheduler scheduler = new VirtualTimeScheduler(clock);
        try {
            Future<?> cancelled = scheduler.schedule(note("never"), 30, TimeUnit.SECONDS);
            assertThat(cancelled.cancel(false)).isTrue();
            scheduler.schedule(note("soon"), 5, TimeUnit.SECONDS);
            awaitLog(1);
            Thread.sleep(100);

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
            scheduler.schedule(() -> Thread.currentThread().interrupt(), 1, TimeUnit.SECONDS);
            scheduler.schedule(note("after"), 2, TimeUnit.SECONDS);
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
    void aRequestWhoseEndNeverComesHoldsTheClockOnlyForTheGracePeriod() throws Exception {
        VirtualTimeScheduler scheduler = new VirtualTimeScheduler(clock);
        try {
            scheduler.requestTracker().onAttemptStart(RequestEvent.builder().method("GET").path("/v1/tenants")
                    .pathTemplate("/v1/tenants").attempt(1).build());
            long start = System.nanoTime();
            scheduler.schedule(note("later"), 10, TimeUnit.SECONDS);
            awaitLog(1);

            assertThat(log).containsExactly("later@10");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        } finally {
            scheduler.shutdownNow();
        }
    }
}
