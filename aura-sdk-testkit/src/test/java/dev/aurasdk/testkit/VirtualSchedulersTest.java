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
}
