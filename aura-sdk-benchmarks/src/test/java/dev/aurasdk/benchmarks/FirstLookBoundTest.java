package dev.aurasdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The first-look bound of measure 10 on hand-made job lists (completions and looks in ms). */
class FirstLookBoundTest {

    @Test
    void firstLooksComeInBurstsOfPPerMinuteOrOnAnEvenGrid() {
        assertThat(FirstLookBound.firstLooks(5, 2, false)).containsExactly(0, 0, 60_000, 60_000, 120_000);
        assertThat(FirstLookBound.firstLooks(4, 125, true)).containsExactly(0, 480, 960, 1_440);
        assertThat(FirstLookBound.firstLooks(3, 100, true)).containsExactly(0, 600, 1_200);
    }

    @Test
    void aGivenOrderGivesEachJobItsLookMinusItsCompletionAtLeastZero() {
        long[] c = {30_000, 40_000, 50_000, 170_000};
        long[] f = FirstLookBound.firstLooks(4, 1, false); // 0, 60, 120, 180 s

        // lags 0, 20, 70, 10 s: nearest rank 2 of 4 for p50, 4 of 4 for p95
        assertThat(FirstLookBound.forOrder(c, f, new int[] {0, 1, 2, 3}, 50)).isEqualTo(10_000);
        assertThat(FirstLookBound.forOrder(c, f, new int[] {0, 1, 2, 3}, 95)).isEqualTo(70_000);
        // the last-ending job first: lags 0, 30, 80, 130 s
        assertThat(FirstLookBound.forOrder(c, f, new int[] {3, 0, 1, 2}, 50)).isEqualTo(30_000);
        assertThat(FirstLookBound.forOrder(c, f, new int[] {3, 0, 1, 2}, 95)).isEqualTo(130_000);
    }

    @Test
    void theBestOrderIsShortestFirstForTheMaxButSkipsALateJobForTheMedian() {
        long[] c = {50_000, 170_000, 30_000, 40_000};
        long[] f = FirstLookBound.firstLooks(4, 1, false); // 0, 60, 120, 180 s

        // max: shortest first (30@0, 40@60, 50@120, 170@180) is optimal, 70 s
        assertThat(FirstLookBound.bestOrder(c, f, 95)).isEqualTo(70_000);
        assertThat(FirstLookBound.bestOrder(c, f, 100)).isEqualTo(70_000);
        // median: shortest first gives 10 s, but 30@0 and 170@60 are both in time (the 40 and 50 s jobs are late
        // whatever their looks), so the second smallest lag can be 0
        assertThat(FirstLookBound.bestOrder(c, f, 50)).isEqualTo(0);
        // two jobs that end after 1 s and one look per minute: one of them waits 59 s
        assertThat(FirstLookBound.bestOrder(new long[] {1_000, 1_000}, new long[] {0, 60_000}, 100))
                .isEqualTo(59_000);
    }

    @Test
    void theOrderBlindMeanIsTheAverageOverAllOrders() {
        long[] c = {30_000, 90_000, 100_000};
        long[] f = FirstLookBound.firstLooks(3, 1, false); // 0, 60, 120 s
        // the 6 orders' max lags: 20, 30, 30, 90, 30, 90 s (mean 48.33 s); second smallest: 0, 0, 20, 0, 30, 0 s

        assertThat(FirstLookBound.randomOrder(c, f, 100, 6_000, 1)).isCloseTo(290_000 / 6.0, within(1_500.0));
        assertThat(FirstLookBound.randomOrder(c, f, 50, 6_000, 1)).isCloseTo(50_000 / 6.0, within(1_000.0));
        assertThat(FirstLookBound.bestOrder(c, f, 100)).isEqualTo(20_000);
    }

    @Test
    void completionsAreTheSimulatedJobsLengths() {
        List<SimulatedJobs.Job> jobs = SimulatedJobs.draw(3, 17);

        assertThat(FirstLookBound.completions(jobs))
                .containsExactly(jobs.stream().mapToLong(j -> j.seconds * 1000L).toArray());
    }
}
