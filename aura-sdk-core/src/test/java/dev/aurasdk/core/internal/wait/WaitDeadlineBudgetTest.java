package dev.aurasdk.core.internal.wait;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.core.http.RateLimit;
import dev.aurasdk.core.testing.ManualClock;
import dev.aurasdk.core.testing.RecordingSleeper;
import dev.aurasdk.core.wait.DelayScheduler;
import dev.aurasdk.core.wait.Poll;
import dev.aurasdk.core.wait.WaitOptions;
import dev.aurasdk.core.wait.WaitOutcome;
import dev.aurasdk.core.wait.WaitRules;
import dev.aurasdk.core.wait.WaitTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Waits that time out together, through the real waiter and planner in virtual time (one thread, a
 * discrete-event scheduler): their last polls stay within the poll budget instead of all landing on
 * the shared deadline.
 */
class WaitDeadlineBudgetTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final ManualClock clock = new ManualClock(T0);
    private final PriorityQueue<Object[]> due = new PriorityQueue<>((a, b) -> {
        int byTime = Long.compare((long) a[0], (long) b[0]);
        return byTime != 0 ? byTime : Long.compare((long) a[1], (long) b[1]);
    });
    private long sequence;

    /** Queues the task at now + delay; {@link #run()} runs the queue in time order. */
    private final DelayScheduler scheduler = (task, delay) -> {
        due.add(new Object[] {clock.millis() + delay.toMillis(), sequence++, task});
        return new CompletableFuture<Void>();
    };

    private void run() {
        while (!due.isEmpty()) {
            Object[] next = due.poll();
            clock.set(Instant.ofEpochMilli((long) next[0]));
            ((Runnable) next[2]).run();
        }
    }

    @Test
    void twoHundredWaitsTimingOutTogetherKeepTheirPollsWithinTheBudget() {
        BudgetPollPlanner planner = new BudgetPollPlanner(RateLimit.auraDefault(), 0.2, clock); // 100 polls a minute
        ClientWaiter waiter = new ClientWaiter(
                clock, new RecordingSleeper(clock), scheduler, List.of(), planner, WaitOptions.defaults());
        WaitOptions tenMinutes =
                WaitOptions.builder().timeout(Duration.ofMinutes(10)).build();
        WaitRules<String> rules =
                WaitRules.<String>builder().successWhen("done"::equals).build();
        List<Long> polls = new ArrayList<>();
        List<CompletableFuture<WaitOutcome<String>>> waits = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Poll<String> poll = Poll.of(
                    () -> {
                        throw new AssertionError("blocking poll");
                    },
                    () -> {
                        polls.add(clock.millis() - T0.toEpochMilli());
                        return CompletableFuture.completedFuture("running"); // never ends
                    });
            waits.add(waiter.newWait("wait " + i, poll, rules)
                    .withOptions(tenMinutes)
                    .awaitAsync());
        }

        run();

        assertThat(waits)
                .allSatisfy(w -> assertThat(w)
                        .failsWithin(Duration.ZERO)
                        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                        .withCauseInstanceOf(WaitTimeoutException.class));
        assertThat(clock.instant()).isEqualTo(T0.plus(tenMinutes.timeout())); // each timed out at its deadline
        assertThat(polls).allSatisfy(at -> assertThat(at).isLessThanOrEqualTo(600_000L));
        // before, every wait whose next poll fell past the deadline polled at the deadline: 200 at 600 s
        assertThat(busiestMinute(polls)).isLessThanOrEqualTo(100);
        assertThat(polls.stream().filter(at -> at == 600_000L).count()).isLessThanOrEqualTo(1);
        clock.advance(Duration.ofSeconds(1)); // past the cell of a poll made at 600 s
        assertThat(planner.plannedPolls()).isZero(); // every slot was closed, its cell freed
    }

    @Test
    void withoutABudgetTheLastPollIsAtTheDeadlineWhateverTheClocksMicroseconds() {
        // the planner counts whole milliseconds, the clock has microseconds, and real sleeps overrun: the
        // poll the unlimited planner puts at the deadline's millisecond must not be taken for one past it
        ManualClock micros = new ManualClock(T0.plusNanos(200_000));
        List<Instant> polls = new ArrayList<>();
        ClientWaiter waiter = new ClientWaiter(
                micros,
                d -> micros.advance(d.plusNanos(600_000)), // each sleep overruns by 0.6 ms
                scheduler,
                List.of(),
                new BudgetPollPlanner(RateLimit.unlimited(), micros),
                WaitOptions.defaults());
        WaitOptions threeSeconds =
                WaitOptions.builder().timeout(Duration.ofSeconds(3)).jitter(0).build();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> waiter.newWait(
                                "op",
                                Poll.of(
                                        () -> {
                                            polls.add(micros.instant());
                                            return "running";
                                        },
                                        () -> null),
                                WaitRules.<String>builder()
                                        .successWhen("done"::equals)
                                        .build())
                        .withOptions(threeSeconds)
                        .await())
                .isInstanceOf(WaitTimeoutException.class);

        // at 1 s, 2.5 s and the deadline (3 s): the old check skipped the last one
        assertThat(polls).hasSize(3);
        assertThat(polls.get(2)).isAfterOrEqualTo(T0.plusNanos(200_000).plusSeconds(3));
    }

    /** The largest number of polls in any window (t − 60 s, t]. */
    private static int busiestMinute(List<Long> polls) {
        List<Long> sorted = new ArrayList<>(polls);
        sorted.sort(null);
        int max = 0;
        int from = 0;
        for (int i = 0; i < sorted.size(); i++) {
            while (sorted.get(from) <= sorted.get(i) - 60_000) {
                from++;
            }
            max = Math.max(max, i - from + 1);
        }
        return max;
    }
}
