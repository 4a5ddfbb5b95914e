package dev.aurasdk.core.internal.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aurasdk.core.AuraServerException;
import dev.aurasdk.core.ErrorDetails;
import dev.aurasdk.core.testing.ManualClock;
import dev.aurasdk.core.testing.ManualTimeScheduler;
import dev.aurasdk.core.testing.RecordingSleeper;
import dev.aurasdk.core.wait.DelayScheduler;
import dev.aurasdk.core.wait.Poll;
import dev.aurasdk.core.wait.Wait;
import dev.aurasdk.core.wait.WaitOptions;
import dev.aurasdk.core.wait.WaitOutcome;
import dev.aurasdk.core.wait.WaitRules;
import dev.aurasdk.core.wait.WaitTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The waiter takes every delay from its planner's slot: open at the start, first delay before the first
 * poll, next delay (with the resource's progress) after each poll that did not end the wait, close
 * however the wait ends; it caps a delay to the time left itself; and each form of a wait uses only its
 * own form of the poll.
 */
class PlannerSeamTest {
    private final ManualClock clock = new ManualClock();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final ManualTimeScheduler scheduler = new ManualTimeScheduler(clock);
    private final RecordingPlanner planner = new RecordingPlanner();
    private final ClientWaiter waiter =
            new ClientWaiter(clock, sleeper, DelayScheduler.of(scheduler), List.of(), planner, WaitOptions.defaults());

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /** States are "NN%" (running with progress), "running" (no progress) or "done". */
    private static final WaitRules<String> RULES = WaitRules.<String>builder()
            .successWhen("done"::equals)
            .failWhen("broken"::equals, s -> new IllegalStateException("it broke"))
            .progressFrom(s -> s.endsWith("%")
                    ? OptionalDouble.of(Double.parseDouble(s.substring(0, s.length() - 1)))
                    : OptionalDouble.empty())
            .build();

    private static Supplier<String> sequence(Object... states) {
        Iterator<Object> it = List.of(states).iterator();
        return () -> {
            Object next = it.next();
            if (next instanceof RuntimeException) {
                throw (RuntimeException) next;
            }
            return (String) next;
        };
    }

    private Wait<String> syncWait(Supplier<String> poll) {
        return waiter.newWait(
                "op",
                Poll.of(poll, () -> {
                    throw new AssertionError("a sync wait used the non-blocking poll");
                }),
                RULES);
    }

    @Test
    void everyDelayComesFromTheSlotWithTheReportedProgress() {
        WaitOutcome<String> outcome =
                syncWait(sequence("10%", "running", server(), "60%", "done")).await();

        assertThat(outcome.polls()).isEqualTo(5);
        assertThat(planner.calls)
                .containsExactly("open op", "first", "next 10.0", "next none", "next none", "next 60.0", "close");
        assertThat(sleeper.sleeps())
                .as("the planner's delays, slept on the caller's thread")
                .containsExactly(
                        Duration.ofMillis(7),
                        Duration.ofMillis(11),
                        Duration.ofMillis(11),
                        Duration.ofMillis(11),
                        Duration.ofMillis(11));
    }

    @Test
    void theSlotIsClosedWhenTheWaitFailsOrTimesOut() {
        assertThatThrownBy(() -> syncWait(sequence("running", "broken")).await())
                .isInstanceOf(IllegalStateException.class);
        assertThat(planner.calls).endsWith("close");

        planner.calls.clear();
        planner.next = Duration.ofHours(1);
        Wait<String> wait = syncWait(() -> "running")
                .withOptions(
                        WaitOptions.builder().timeout(Duration.ofSeconds(30)).build());

        assertThatThrownBy(wait::await).isInstanceOf(WaitTimeoutException.class);
        assertThat(planner.calls).containsExactly("open op", "first", "next none", "close");
        assertThat(sleeper.sleeps())
                .as("the waiter caps the planner's hour to the time left before the deadline")
                .endsWith(Duration.ofMillis(30_000 - 7));
    }

    @Test
    void aFirstPollPlannedPastTheDeadlineIsNotSentTheWaitTimesOutAtItsDeadline() {
        // a planner that finds no free instant before the deadline says so with a delay past it: no poll
        // is sent off the plan (it would break the budget), the wait sleeps to its deadline and times out
        planner.first = Duration.ofHours(1);
        AtomicInteger polls = new AtomicInteger();
        Wait<String> wait = syncWait(() -> {
                    polls.incrementAndGet();
                    return "done";
                })
                .withOptions(
                        WaitOptions.builder().timeout(Duration.ofSeconds(30)).build());

        assertThatThrownBy(wait::await)
                .isInstanceOf(WaitTimeoutException.class)
                .satisfies(e ->
                        assertThat(((WaitTimeoutException) e).waitTimeout()).contains(Duration.ofSeconds(30)));
        assertThat(polls).hasValue(0);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(30));
        assertThat(planner.calls).containsExactly("open op", "first", "close");
    }

    @Test
    void anAsyncWaitPollsOnlyThroughItsNonBlockingPollInItsScheduledTasks() throws Exception {
        List<Runnable> tasks = new CopyOnWriteArrayList<>();
        List<Duration> delays = new CopyOnWriteArrayList<>();
        DelayScheduler manual = (task, delay) -> { // the test runs each scheduled poll on its own thread
            tasks.add(task);
            delays.add(delay);
            return new CompletableFuture<Void>();
        };
        ClientWaiter stepped = new ClientWaiter(clock, sleeper, manual, List.of(), planner, WaitOptions.defaults());
        Supplier<String> states = sequence("20%", "done");
        List<String> polls = new CopyOnWriteArrayList<>();
        CompletableFuture<WaitOutcome<String>> future = stepped.newWait(
                        "op",
                        Poll.of(
                                () -> {
                                    throw new AssertionError("an async wait used the blocking poll");
                                },
                                () -> {
                                    polls.add("poll " + tasks.size());
                                    return CompletableFuture.completedFuture(states.get());
                                }),
                        RULES)
                .awaitAsync();
        assertThat(polls).as("no poll before its scheduled task runs").isEmpty();

        tasks.get(0).run();
        tasks.get(1).run();

        assertThat(future.get(30, TimeUnit.SECONDS).polls()).isEqualTo(2);
        assertThat(polls).containsExactly("poll 1", "poll 2");
        assertThat(delays).containsExactly(Duration.ofMillis(7), Duration.ofMillis(11));
        assertThat(sleeper.sleeps()).as("an async wait never sleeps").isEmpty();
        assertThat(planner.calls).containsExactly("open op", "first", "next 20.0", "close");
    }

    @Test
    void cancellingAnAsyncWaitFreesItsSlot() {
        List<Runnable> tasks = new CopyOnWriteArrayList<>();
        DelayScheduler manual = (task, delay) -> { // the test runs each scheduled poll on its own thread
            tasks.add(task);
            return new CompletableFuture<Void>();
        };
        ClientWaiter stepped = new ClientWaiter(clock, sleeper, manual, List.of(), planner, WaitOptions.defaults());
        CompletableFuture<String> inFlight = new CompletableFuture<>();
        CompletableFuture<WaitOutcome<String>> future = stepped.newWait(
                        "op",
                        Poll.of(
                                () -> {
                                    throw new AssertionError("blocking poll");
                                },
                                () -> inFlight),
                        RULES)
                .awaitAsync();
        tasks.get(0).run(); // the first poll starts and stays in flight
        assertThat(planner.calls).containsExactly("open op", "first");

        future.cancel(false);

        assertThat(planner.calls).containsExactly("open op", "first", "close");
        assertThat(inFlight).as("the poll in flight is abandoned").isCancelled();
        assertThat(tasks).as("no further poll was scheduled").hasSize(1);
    }

    @Test
    void closingTheWaiterEndsPendingWaitsAndFreesTheirSlots() {
        DelayScheduler never = (task, delay) -> new CompletableFuture<Void>(); // the first poll never comes
        ClientWaiter closable = new ClientWaiter(clock, sleeper, never, List.of(), planner, WaitOptions.defaults());
        CompletableFuture<WaitOutcome<String>> future = closable.newWait(
                        "op", Poll.of(() -> "running", () -> CompletableFuture.completedFuture("running")), RULES)
                .awaitAsync();
        assertThat(planner.calls).containsExactly("open op", "first");

        closable.close();

        assertThatThrownBy(() -> future.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("closed");
        assertThat(planner.calls).containsExactly("open op", "first", "close");
    }

    private static AuraServerException server() {
        return new AuraServerException(
                ErrorDetails.builder().method("GET").path("/x").statusCode(503).build());
    }

    /** Records what the waiter asks; answers 7 ms first and 11 ms after each poll unless told otherwise. */
    static final class RecordingPlanner implements PollPlanner {
        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile Duration first = Duration.ofMillis(7);
        volatile Duration next = Duration.ofMillis(11);

        @Override
        public Slot open(String operation, WaitOptions options, Instant start) {
            calls.add("open " + operation);
            return new Slot() {
                @Override
                public Duration firstDelay(Instant now) {
                    calls.add("first");
                    return first;
                }

                @Override
                public Duration nextDelay(Instant now, OptionalDouble progressPercent) {
                    calls.add("next "
                            + (progressPercent.isPresent() ? String.valueOf(progressPercent.getAsDouble()) : "none"));
                    return next;
                }

                @Override
                public void close() {
                    calls.add("close");
                }
            };
        }
    }
}
