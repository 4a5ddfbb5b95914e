package dev.aurasdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A small run of measure 10: the planner stays within its share of the budget and sees every job end. */
class WaitBudgetBenchTest {

    @Test
    void thePlannerSendsNo429AndStaysWithinItsShareOfTheBudget() throws Exception {
        List<SimulatedJobs.Job> jobs = SimulatedJobs.draw(8, 17);

        WaitBudgetSimulation.Result r =
                WaitBudgetSimulation.run(jobs, WaitBudgetBench.pollers(17).get("planner"), 100);

        assertThat(r.lagSeconds).hasSize(8).allSatisfy(lag -> assertThat(lag).isBetween(0.0, 5.0));
        assertThat(r.tooManyRequests).isZero();
        assertThat(r.overBudgetWindows).isZero();
        assertThat(r.overPollAllowanceWindows).isZero();
        assertThat(r.pollsSent).isGreaterThan(8);
        assertThat(r.userDelaySeconds)
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d).isZero());
    }

    @Test
    void windowsOverCountsRequestsEndingAFullMinute() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        // three requests within one minute, then one exactly a minute after the first (the window is (t - 60 s, t])
        List<Instant> times = List.of(t, t.plusSeconds(10), t.plusSeconds(59), t.plusSeconds(60));

        assertThat(WaitBudgetSimulation.windowsOver(times, 2)).isEqualTo(2);
        assertThat(WaitBudgetSimulation.windowsOver(times, 3)).isZero();
    }

    @Test
    void jobsReportProgressThatEndsJustBeforeCompletionAndStallsFlat() {
        List<SimulatedJobs.Job> jobs = SimulatedJobs.draw(200, 17);
        SimulatedJobs.Job stalled =
                jobs.stream().filter(j -> j.stallStart >= 0).findFirst().orElseThrow();

        assertThat(jobs).allSatisfy(j -> {
            assertThat(j.seconds).isBetween(60, 7200);
            assertThat(j.fraction(1)).isZero();
            assertThat(j.fraction(j.seconds - 1)).isBetween(0.95, 1.0);
        });
        long at = stalled.stallStart + 2; // tick t has t - 1 running seconds
        assertThat(stalled.fraction(at + stalled.stallLength - 1)).isEqualTo(stalled.fraction(at));
        assertThat(stalled.fraction(at + stalled.stallLength + 5)).isGreaterThan(stalled.fraction(at));
    }
}
