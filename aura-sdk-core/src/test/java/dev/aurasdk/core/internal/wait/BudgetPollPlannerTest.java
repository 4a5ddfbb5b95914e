package dev.aurasdk.core.internal.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.aurasdk.core.http.RateLimit;
import dev.aurasdk.core.testing.ManualClock;
import dev.aurasdk.core.wait.WaitOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.PriorityQueue;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** The planner's rules, in virtual time: a manual clock, no threads, no sleeps. */
class BudgetPollPlannerTest {
    /** A multiple of every cell used here, so cells start on round instants. */
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    // pinned from a run of the planner as tuned (see the class comment of BudgetPollPlanner)
    private static final double DETECTION_LAG_600 = 0.6; // one 600 ms cell
    private static final long EARLY_600 = 10; // every 30 s (maxInterval, on a cell) while the end is far
    private static final long LATE_600 = 7; // 571.2, 586.8, 593.4, 596.4, 598.2, 599.4, 600.6
    private static final int POLLS_600 = 26;
    private static final double STALL_LAST_GAP_MIN = 22; // 22.5 s at 1,200 s, from 7.5 s when the stall began
    private static final long STALL_LATE_POLLS_MAX = 32; // in the second 10 min: 3.2 of the 8 polls a minute

    /** The default options, with a timeout no simulation here reaches. */
    private static final WaitOptions DEFAULTS =
            WaitOptions.builder().timeout(Duration.ofHours(12)).build();

    private final ManualClock clock = new ManualClock(T0);

    /** Aura's 125 a minute with a reserve of 0.2: the numbers pinned here were tuned on it. */
    private BudgetPollPlanner auraDefault() {
        return new BudgetPollPlanner(RateLimit.auraDefault(), 0.2, clock);
    }

    /** A job for the simulation: its progress (percent) at a second since T0, and when it completes. */
    private static final class Job {
        final DoubleUnaryOperator percentAt;
        final double endSecond;
        final boolean reportsProgress;
        final List<Double> polls = new ArrayList<>();
        PollPlanner.Slot slot;
        double detectedSecond = Double.NaN;

        Job(double endSecond, boolean reportsProgress, DoubleUnaryOperator percentAt) {
            this.endSecond = endSecond;
            this.reportsProgress = reportsProgress;
            this.percentAt = percentAt;
        }

        static Job linear(double endSecond) {
            return new Job(endSecond, true, s -> 100 * s / endSecond);
        }

        static Job withoutProgress(double endSecond) {
            return new Job(endSecond, false, s -> Double.NaN);
        }

        double lag() {
            return detectedSecond - endSecond;
        }
    }

    /** Runs the jobs' poll loops in virtual time, closing a job's slot when a poll sees it done. */
    private void simulate(PollPlanner planner, List<Job> jobs, double untilSecond) {
        PriorityQueue<long[]> events = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        for (int i = 0; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            job.slot = planner.open("job " + i, DEFAULTS, T0);
            events.add(new long[] {millis(job.slot.firstDelay(T0)), i});
        }
        while (!events.isEmpty()) {
            long[] e = events.poll();
            double second = e[0] / 1000.0;
            if (second > untilSecond) {
                break;
            }
            Instant now = T0.plusMillis(e[0]);
            clock.set(now);
            Job job = jobs.get((int) e[1]);
            job.polls.add(second);
            if (second >= job.endSecond) {
                job.detectedSecond = second;
                job.slot.close();
                continue;
            }
            OptionalDouble progress = job.reportsProgress
                    ? OptionalDouble.of(job.percentAt.applyAsDouble(second))
                    : OptionalDouble.empty();
            events.add(new long[] {e[0] + millis(job.slot.nextDelay(now, progress)), e[1]});
        }
    }

    private static long millis(Duration d) {
        assertThat(d.isNegative()).isFalse();
        return d.toMillis();
    }

    /** The largest number of polls in any window (t − 60 s, t]. */
    private static int busiestMinute(List<Job> jobs) {
        List<Double> all = new ArrayList<>();
        jobs.forEach(j -> all.addAll(j.polls));
        all.sort(null);
        int max = 0;
        int from = 0;
        for (int i = 0; i < all.size(); i++) {
            while (Math.round(all.get(from) * 1000) <= Math.round(all.get(i) * 1000) - 60_000) {
                from++;
            }
            max = Math.max(max, i - from + 1);
        }
        return max;
    }

    @Test
    void pollsGetEightyPercentOfTheBudgetOnAGridOfCells() {
        BudgetPollPlanner planner = auraDefault();

        assertThat(planner.pollAllowance()).isEqualTo(100); // 80 % of 125
        assertThat(new BudgetPollPlanner(RateLimit.auraDefault(), clock).pollAllowance())
                .as("the default reserve, 0.1")
                .isEqualTo(112);
        // initial delay 1 s, rounded up to the next 600 ms cell (60 s / 100)
        assertThat(planner.open("a", DEFAULTS, T0).firstDelay(T0)).isEqualTo(Duration.ofMillis(1200));
        assertThat(new BudgetPollPlanner(RateLimit.of(10, Duration.ofMinutes(1)), 0.5, clock).pollAllowance())
                .isEqualTo(5);
    }

    @Test
    void aThousandWaitsNeverPlanMoreThanTheAllowanceInAnyMinute() {
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            double end = 60 + (i * 7919) % 3600; // 1 to 61 minutes, spread
            jobs.add(i % 5 == 0 ? Job.withoutProgress(end) : Job.linear(end));
        }

        simulate(auraDefault(), jobs, 6 * 3600);

        assertThat(jobs).allSatisfy(j -> assertThat(j.detectedSecond).isNotNaN());
        assertThat(busiestMinute(jobs)).isEqualTo(100); // the budget is used in full, never more
        int polls = jobs.stream().mapToInt(j -> j.polls.size()).sum();
        assertThat(polls).isGreaterThan(2000);
    }

    @Test
    void aLargerReserveLeavesMoreOfTheBudgetFree() {
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            jobs.add(Job.linear(120 + (i * 131) % 1200));
        }

        simulate(new BudgetPollPlanner(RateLimit.auraDefault(), 0.5, clock), jobs, 3 * 3600);

        assertThat(jobs).allSatisfy(j -> assertThat(j.detectedSecond).isNotNaN());
        assertThat(busiestMinute(jobs)).isEqualTo(62); // 50 % of 125, rounded down
    }

    @Test
    void linearProgressPutsThePollsNearThePredictedEnd() {
        Job job = Job.linear(600);

        simulate(auraDefault(), List.of(job), 3600);

        assertThat(job.lag()).isCloseTo(DETECTION_LAG_600, within(1e-9));
        long early = job.polls.stream().filter(s -> s < 300).count();
        long late = job.polls.stream().filter(s -> s >= 570).count();
        assertThat(early).isEqualTo(EARLY_600);
        assertThat(late).isEqualTo(LATE_600);
        assertThat(job.polls).hasSize(POLLS_600);
    }

    @Test
    void aStalledJobPollsEverMoreSparselyAndDoesNotStarveTheOthers() {
        // a small budget (8 polls a minute): a job stalled at 95 % must not take it from a job about to end
        BudgetPollPlanner planner = new BudgetPollPlanner(RateLimit.of(10, Duration.ofMinutes(1)), 0.2, clock);
        Job stalled = new Job(1e9, true, s -> Math.min(95, s));
        Job running = Job.linear(600);
        Job alone = Job.linear(600);

        simulate(planner, List.of(stalled, running), 1200);
        simulate(new BudgetPollPlanner(RateLimit.of(10, Duration.ofMinutes(1)), 0.2, clock), List.of(alone), 1200);

        assertThat(running.lag()).isLessThanOrEqualTo(alone.lag() + 7.5); // at most one cell (60 s / 8) later
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < stalled.polls.size(); i++) {
            gaps.add(stalled.polls.get(i) - stalled.polls.get(i - 1));
        }
        // after the stall starts (95 s) the gaps grow (with the square root of the stall's length)
        assertThat(gaps.subList(3, 8)).allSatisfy(g -> assertThat(g).isLessThanOrEqualTo(15.0));
        assertThat(gaps.get(gaps.size() - 1)).isGreaterThan(STALL_LAST_GAP_MIN);
        assertThat(stalled.polls.stream().filter(s -> s > 600).count()).isLessThanOrEqualTo(STALL_LATE_POLLS_MAX);
    }

    @Test
    void aClosedWaitFreesItsCellAtOnce() {
        // 5 polls a minute, no reserve: one cell every 12 s
        BudgetPollPlanner planner = new BudgetPollPlanner(RateLimit.of(5, Duration.ofMinutes(1)), 0, clock);
        PollPlanner.Slot a = planner.open("a", DEFAULTS, T0);
        PollPlanner.Slot b = planner.open("b", DEFAULTS, T0);

        assertThat(a.firstDelay(T0)).isEqualTo(Duration.ofSeconds(12));
        assertThat(b.firstDelay(T0)).isEqualTo(Duration.ofSeconds(24));
        assertThat(planner.plannedPolls()).isEqualTo(2);

        a.close();
        a.close(); // idempotent
        assertThat(planner.plannedPolls()).isEqualTo(1);
        PollPlanner.Slot c = planner.open("c", DEFAULTS, T0);
        assertThat(c.firstDelay(T0)).isEqualTo(Duration.ofSeconds(12)); // a's cell, not the next free one (36 s)
    }

    @Test
    void waitsWithoutProgressKeepTheBackoffOfTheirOptions() {
        WaitOptions options = WaitOptions.builder()
                .initialDelay(Duration.ofSeconds(2))
                .multiplier(2)
                .maxInterval(Duration.ofSeconds(20))
                .build();
        PollPlanner.Slot slot = auraDefault().open("data api", options, T0);
        List<Long> delays = new ArrayList<>();
        Instant now = T0;
        Duration d = slot.firstDelay(now);
        for (int i = 0; i < 7; i++) {
            delays.add(d.toMillis());
            now = now.plus(d);
            clock.set(now);
            d = slot.nextDelay(now, OptionalDouble.empty());
        }

        // 2, 4, 8, 16, 20, 20, 20 s, each rounded up to a 600 ms cell (more than 20 s ahead, one cell in six
        // stays free for later plans; the cells at 20.4 s were not among those)
        assertThat(delays).containsExactly(2400L, 4200L, 8400L, 16200L, 20400L, 20400L, 20400L);
    }

    @Test
    void withFewWaitsProgressLessPollsNeverWaitLongerThanMaxInterval() {
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            jobs.add(Job.withoutProgress(1800 + 60 * i));
        }

        simulate(auraDefault(), jobs, 7200);

        for (Job j : jobs) {
            for (int i = 1; i < j.polls.size(); i++) {
                assertThat(Math.round(1000 * (j.polls.get(i) - j.polls.get(i - 1))))
                        .isLessThanOrEqualTo(30_600);
            }
            assertThat(Math.round(1000 * j.lag())).isLessThanOrEqualTo(30_600);
        }
    }

    @Test
    void withFewWaitsEachJobIsSeenWithinTwoSecondsOfItsEnd() {
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            jobs.add(Job.linear(120 + 337 * i));
        }

        simulate(auraDefault(), jobs, 7200);

        assertThat(jobs).allSatisfy(j -> assertThat(j.lag()).isBetween(0.0, 2.0));
    }

    @Test
    void badProgressValuesAreClampedOrIgnored() {
        PollPlanner.Slot slot = auraDefault().open("job", DEFAULTS, T0);
        Instant now = T0.plusSeconds(10);
        clock.set(now);

        // NaN and infinities carry no information: the backoff goes on (1.5 s, 2.25 s; rounded up to cells)
        assertThat(slot.nextDelay(now, OptionalDouble.of(Double.NaN))).isEqualTo(Duration.ofMillis(2000));
        assertThat(slot.nextDelay(now, OptionalDouble.of(Double.POSITIVE_INFINITY)))
                .isEqualTo(Duration.ofMillis(2600));
        // negative counts as 0 %: not started yet, still the backoff (3.375 s)
        assertThat(slot.nextDelay(now, OptionalDouble.of(-5))).isEqualTo(Duration.ofMillis(3800));
        // above 100 counts as 100 %: as good as done, the next poll comes at the minimum interval (1 s)
        assertThat(slot.nextDelay(now, OptionalDouble.of(150))).isEqualTo(Duration.ofMillis(1400));
    }

    @Test
    void badArgumentsAreRefusedAtOnce() {
        assertThatThrownBy(() -> new BudgetPollPlanner(RateLimit.auraDefault(), 1.0, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reserve");
        assertThatThrownBy(() -> new BudgetPollPlanner(RateLimit.auraDefault(), Double.NaN, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BudgetPollPlanner(null, clock)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> auraDefault().open("x", null, T0)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void anUnlimitedBudgetPlansExactlyTheWantedInstants() {
        PollPlanner.Slot slot = new BudgetPollPlanner(RateLimit.unlimited(), clock).open("x", DEFAULTS, T0);

        assertThat(slot.firstDelay(T0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(slot.nextDelay(T0.plusSeconds(1), OptionalDouble.empty())).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void waitsTimingOutTogetherNeverPollOffThePlanAtTheirDeadline() {
        // 200 jobs that never end, all with a 10 min timeout: each wait's last poll must still be a planned
        // one (the last free cell before the deadline, or none), not an extra poll at the shared deadline
        BudgetPollPlanner planner = auraDefault();
        WaitOptions tenMinutes =
                WaitOptions.builder().timeout(Duration.ofMinutes(10)).build();
        Instant deadline = T0.plus(tenMinutes.timeout());
        List<Job> jobs = new ArrayList<>();
        PriorityQueue<long[]> events = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        int noPollFits = 0;
        for (int i = 0; i < 200; i++) {
            Job job = Job.linear(86_400); // 1 % every 864 s: a far estimate, sparse polls
            job.slot = planner.open("job " + i, tenMinutes, T0);
            jobs.add(job);
            events.add(new long[] {millis(job.slot.firstDelay(T0)), i});
        }
        while (!events.isEmpty()) {
            long[] e = events.poll();
            Instant now = T0.plusMillis(e[0]);
            clock.set(now);
            Job job = jobs.get((int) e[1]);
            job.polls.add(e[0] / 1000.0);
            Duration next = job.slot.nextDelay(now, OptionalDouble.of(job.percentAt.applyAsDouble(e[0] / 1000.0)));
            if (now.plus(next).isAfter(deadline)) {
                noPollFits++; // the waiter then times out at the deadline without polling
                job.slot.close();
            } else {
                events.add(new long[] {e[0] + millis(next), e[1]});
            }
        }

        assertThat(busiestMinute(jobs)).isLessThanOrEqualTo(100);
        assertThat(jobs)
                .allSatisfy(
                        j -> assertThat(j.polls).allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(600.0)));
        assertThat(noPollFits).isEqualTo(200);
        // pinned from a run: three polls each, the last look of every wait within the final minute's allowance
        assertThat(jobs.stream().mapToInt(j -> j.polls.size()).sum()).isEqualTo(600);
        assertThat(jobs.stream().flatMap(j -> j.polls.stream()).filter(p -> p > 540))
                .hasSize(100);
    }

    @Test
    void aFirstPollThatCannotBePlannedBeforeTheDeadlineIsNotPlannedAtAll() {
        // a 1-permit-a-minute budget: the first wait takes the only cell of the minute, the second (timeout 30 s)
        // finds no free cell before its deadline and is told so with a delay past it
        BudgetPollPlanner planner = new BudgetPollPlanner(RateLimit.of(1, Duration.ofMinutes(1)), 0.0, clock);
        WaitOptions halfMinute = WaitOptions.builder()
                .initialDelay(Duration.ZERO)
                .timeout(Duration.ofSeconds(30))
                .build();

        assertThat(planner.open("a", halfMinute, T0).firstDelay(T0)).isEqualTo(Duration.ZERO);
        assertThat(planner.open("b", halfMinute, T0).firstDelay(T0)).isGreaterThan(Duration.ofSeconds(30));
    }

    @Test
    void aMaxIntervalUnderOneSecondBoundsProgressPollsToo() {
        WaitOptions fast = WaitOptions.builder()
                .initialDelay(Duration.ofMillis(50))
                .maxInterval(Duration.ofMillis(200))
                .build();
        PollPlanner.Slot slot = new BudgetPollPlanner(RateLimit.unlimited(), clock).open("job", fast, T0);

        Instant now = T0.plusSeconds(10);
        // 50 % after 10 s: 10 s to go, yet never more than maxInterval apart (the old 1 s floor ignored it)
        assertThat(slot.nextDelay(now, OptionalDouble.of(50))).isEqualTo(Duration.ofMillis(200));
        // 99.9 % : the end is due, polls come at the interval floor, which is maxInterval here
        assertThat(slot.nextDelay(now.plusMillis(9990), OptionalDouble.of(99.9)))
                .isLessThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aClockSteppingBackMovesThePlanBackWithIt() {
        BudgetPollPlanner planner = auraDefault();
        assertThat(planner.open("a", DEFAULTS, T0).firstDelay(T0)).isEqualTo(Duration.ofMillis(1200));

        Instant earlier = T0.minus(Duration.ofHours(1)); // an NTP step back, a VM resumed
        clock.set(earlier);
        WaitOptions halfMinute =
                WaitOptions.builder().timeout(Duration.ofSeconds(30)).build();
        PollPlanner.Slot b = planner.open("b", halfMinute, earlier);

        // planned as usual from the new present (it threw before; clamped to the old plan it would have found no
        // cell within its 30 s and timed out without polling)
        assertThat(b.firstDelay(earlier)).isEqualTo(Duration.ofMillis(1200)); // 1 s, rounded up to a cell
        assertThat(b.nextDelay(earlier.plusMillis(1200), OptionalDouble.empty()))
                .isEqualTo(Duration.ofMillis(1800)); // 1.5 s, rounded up to a cell
        assertThat(planner.plannedPolls())
                .as("a's poll, b's current one and b's next")
                .isEqualTo(3);
    }

    @Test
    void aLastLookIsNotSpentRightAfterTheLastPoll() {
        // 120 a minute, reserve 0: a cell every 500 ms. Wait W (timeout 5 s) polls at 0.5 s; every cell from
        // 1.5 s to 5 s is planned for other waits, only the one at 1.0 s is free. W's next poll (10 s later)
        // falls past its deadline: a last look at 1.0 s, 0.5 s after its poll, would tell nothing, so none
        BudgetPollPlanner planner = new BudgetPollPlanner(RateLimit.of(120, Duration.ofMinutes(1)), 0.0, clock);
        PollPlanner.Slot w = planner.open(
                "w",
                WaitOptions.builder()
                        .initialDelay(Duration.ZERO)
                        .multiplier(100)
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                T0);
        assertThat(w.firstDelay(T0)).isEqualTo(Duration.ofMillis(500)); // the cell at 0 s is kept from first polls
        for (long at = 1500; at <= 5000; at += 500) {
            Duration every = Duration.ofMillis(at);
            WaitOptions fixed = WaitOptions.builder()
                    .initialDelay(every)
                    .maxInterval(every)
                    .multiplier(1)
                    .build();
            assertThat(planner.open("filler", fixed, T0).nextDelay(T0, OptionalDouble.empty()))
                    .isEqualTo(every);
        }

        Instant polled = T0.plusMillis(500);
        clock.set(polled);
        assertThat(w.nextDelay(polled, OptionalDouble.empty()))
                .as("past the deadline: no poll")
                .isGreaterThan(Duration.ofMillis(4500));
    }
}
