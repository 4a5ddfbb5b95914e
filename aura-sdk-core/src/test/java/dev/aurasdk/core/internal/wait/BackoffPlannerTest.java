package dev.aurasdk.core.internal.wait;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.core.wait.WaitOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The backoff planner reproduces the SDK's poll delays exactly. */
class BackoffPlannerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static List<Duration> delays(PollPlanner planner, WaitOptions options, int polls) {
        List<Duration> delays = new ArrayList<>();
        try (PollPlanner.Slot slot = planner.open("op", options, T0)) {
            delays.add(slot.firstDelay(T0));
            for (int i = 1; i < polls; i++) {
                delays.add(slot.nextDelay(T0, OptionalDouble.of(50)));
            }
        }
        return delays;
    }

    private static List<Duration> millis(long... ms) {
        List<Duration> list = new ArrayList<>();
        for (long m : ms) {
            list.add(Duration.ofMillis(m));
        }
        return list;
    }

    @Test
    void firstPollAfterTheInitialDelayThenTimesOneAndAHalfUpToTheCap() {
        WaitOptions options = WaitOptions.builder()
                .jitter(0)
                .maxInterval(Duration.ofSeconds(5))
                .build();

        assertThat(delays(new BackoffPlanner(), options, 7))
                .isEqualTo(millis(1000, 1500, 2250, 3375, 5000, 5000, 5000));
    }

    @Test
    void aZeroInitialDelayPollsAtOnceThenGrowsFromOneHundredMilliseconds() {
        WaitOptions options =
                WaitOptions.builder().jitter(0).initialDelay(Duration.ZERO).build();

        assertThat(delays(new BackoffPlanner(), options, 4)).isEqualTo(millis(0, 150, 225, 337));
    }

    @Test
    void jitterSpreadsEachIntervalByAtMostItsFraction() {
        WaitOptions options = WaitOptions.builder().jitter(0.1).build();

        assertThat(delays(new BackoffPlanner(() -> 0.0), options, 3))
                .as("lowest draw: -10 %; the first delay is never jittered")
                .isEqualTo(millis(1000, 1350, 2025));
        assertThat(delays(new BackoffPlanner(() -> 0.999_999), options, 3))
                .as("highest draw: just under +10 %")
                .isEqualTo(millis(1000, 1649, 2474));
    }

    @Test
    void eachWaitHasItsOwnBackoff() {
        BackoffPlanner planner = new BackoffPlanner();
        WaitOptions options = WaitOptions.builder().jitter(0).build();
        PollPlanner.Slot first = planner.open("first", options, T0);
        first.nextDelay(T0, OptionalDouble.empty());
        first.nextDelay(T0, OptionalDouble.empty());

        PollPlanner.Slot second = planner.open("second", options, T0);

        assertThat(second.nextDelay(T0, OptionalDouble.empty())).isEqualTo(Duration.ofMillis(1500));
        assertThat(first.nextDelay(T0, OptionalDouble.empty())).isEqualTo(Duration.ofMillis(3375));
    }
}
