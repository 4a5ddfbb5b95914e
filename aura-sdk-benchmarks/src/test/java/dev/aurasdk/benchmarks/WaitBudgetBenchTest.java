package dev.aurasdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
    void jobsArrivingOverTimeEndAtTheirCreationPlusTheirDurationAndTheOracleSeesEachThen() throws Exception {
        List<SimulatedJobs.Job> jobs = SimulatedJobs.draw(6, 17);

        WaitBudgetSimulation.Result r =
                WaitBudgetSimulation.run(jobs, WaitBudgetBench.pollers(17).get("oracle"), 100, Duration.ofMinutes(5));

        // the oracle polls once at creation + duration: a job whose curve started anywhere else would be
        // polled too early (lag 1 s after a second poll) or late
        assertThat(r.lagSeconds).containsExactly(0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        assertThat(r.pollsSent).isEqualTo(6); // the creations are not counted as the measured client's
        assertThat(r.tooManyRequests).isZero();
        // first looks counted from each job's own creation (job i created at i × 50 s)
        for (int i = 0; i < jobs.size(); i++) {
            assertThat(r.firstLookSeconds.get(i)).isEqualTo((double) jobs.get(i).seconds);
        }
    }

    @Test
    void creationsSpreadEvenlyAndTheBusiestMinuteIsCounted() {
        long[] offsets = WaitBudgetSimulation.creationOffsets(4, Duration.ofMinutes(2));

        assertThat(offsets).containsExactly(0, 30_000, 60_000, 90_000);
        assertThat(WaitBudgetSimulation.mostPerWindow(offsets)).isEqualTo(2); // (t - 60 s, t]
        assertThat(WaitBudgetSimulation.creationOffsets(3, Duration.ZERO)).containsExactly(0, 0, 0);
        assertThat(WaitBudgetSimulation.mostPerWindow(new long[] {0, 0, 0})).isEqualTo(3);
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
