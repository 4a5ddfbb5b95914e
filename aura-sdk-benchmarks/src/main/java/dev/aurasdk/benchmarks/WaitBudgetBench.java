package dev.aurasdk.benchmarks;

import dev.aurasdk.core.http.RateLimit;
import dev.aurasdk.core.internal.wait.BackoffPlanner;
import dev.aurasdk.core.internal.wait.BudgetPollPlanner;
import dev.aurasdk.core.internal.wait.PollPlanner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Measure 10, many waits on one budget: N import jobs created together (or arriving over time) on the
 * {@link dev.aurasdk.testkit.FakeAuraServer} (virtual time, its 125-per-minute limit on), awaited by one
 * client (125 per minute) with each poller in turn; see {@link WaitBudgetSimulation} and {@link
 * SimulatedJobs}. Reports per N and poller the detection lag (wait completed − completion in the fake)
 * p50 / p95 / max, requests, 429s, windows over the budget, and the p95 delay of a user call made every
 * 10 s.
 *
 * <p>After each table, rows "bound …" give the {@link FirstLookBound} of the same jobs (lag columns only);
 * it assumes every job starts at 0, so with arrivals the rows are left out (a line says so).
 *
 * <p>Options: {@code n=10,100,1000 seed=17 pollers=planner,planner-r20,backoff,fixed30,fixed20,oracle}
 * (also {@code planner-r0}: no reserve; {@code pollers=none}: the bounds only, no simulation); {@code
 * arrivals=M} (minutes, default 0: every job created at one instant before the run) creates job i
 * (creation order) at {@code i × M min / N} after the start and starts its wait then, durations and
 * progress counted from each job's creation; {@code debug=1} adds, per poller, the completions, mean lag
 * and polls per 10 min and the 12 largest lags with their jobs.
 */
public final class WaitBudgetBench {
    private WaitBudgetBench() {}

    /** The pollers by name, in report order. */
    static Map<String, Function<WaitBudgetSimulation.Context, PollPlanner>> pollers(long seed) {
        Map<String, Function<WaitBudgetSimulation.Context, PollPlanner>> m = new LinkedHashMap<>();
        m.put("planner", c -> null); // the client's own waiter and planner, as users get them
        m.put( // the same planner keeping 20 % for the user's calls, the example
                "planner-r20",
                c -> new BudgetPollPlanner(
                        RateLimit.of(WaitBudgetSimulation.PERMITS, WaitBudgetSimulation.WINDOW), 0.2, c.fake.clock()));
        m.put( // the same planner without the user's reserve: the baselines' budget (not in the default run)
                "planner-r0",
                c -> new BudgetPollPlanner(
                        RateLimit.of(WaitBudgetSimulation.PERMITS, WaitBudgetSimulation.WINDOW), 0.0, c.fake.clock()));
        m.put("backoff", c -> new BackoffPlanner(new Random(seed)::nextDouble)); // the SDK's backoff, seeded
        m.put("fixed30", c -> BenchPollers.fixed(Duration.ofSeconds(30)));
        m.put("fixed20", c -> BenchPollers.fixed(Duration.ofSeconds(20)));
        m.put("oracle", c -> BenchPollers.oracle(c.completions));
        return m;
    }

    /**
     * Runs every N with every poller and prints one table per N.
     *
     * @param args options, see the class comment
     * @throws Exception when the fake fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> opts = BenchSupport.options(args);
        long seed = Long.parseLong(opts.getOrDefault("seed", "17"));
        List<Integer> sizes = new ArrayList<>();
        for (String s : opts.getOrDefault("n", "10,100,1000").split(",")) {
            sizes.add(Integer.parseInt(s.trim()));
        }
        double arrivalMinutes = Double.parseDouble(opts.getOrDefault("arrivals", "0"));
        if (!(arrivalMinutes >= 0) || Double.isInfinite(arrivalMinutes)) {
            throw new IllegalArgumentException("arrivals must be a number of minutes, 0 or more: " + arrivalMinutes);
        }
        Duration arrivals = Duration.ofMillis(Math.round(arrivalMinutes * 60_000));
        List<String> names = new ArrayList<>();
        for (String s : opts.getOrDefault("pollers", "planner,planner-r20,backoff,fixed30,fixed20,oracle")
                .split(",")) {
            if (!s.isBlank() && !s.trim().equals("none")) {
                names.add(s);
            }
        }
        int allowance = new BudgetPollPlanner(
                        RateLimit.of(WaitBudgetSimulation.PERMITS, WaitBudgetSimulation.WINDOW),
                        java.time.Clock.systemUTC())
                .pollAllowance();
        System.out.println("# Many waits, one budget (seed " + seed + "); " + BenchSupport.machine());
        for (int n : sizes) {
            List<SimulatedJobs.Job> jobs = SimulatedJobs.draw(n, seed);
            long stalls = jobs.stream().filter(j -> j.stallStart >= 0).count();
            System.out.printf(
                    Locale.ROOT,
                    "%n## N = %,d (job length median %.1f min, max %.1f min, %d with a stall%s)%n%n",
                    n,
                    median(jobs),
                    jobs.stream().mapToInt(j -> j.seconds).max().orElse(0) / 60.0,
                    stalls,
                    arrivals.isZero()
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    "; arriving over %s min, one every %.1f s, each awaited from its creation",
                                    minutes(arrivalMinutes),
                                    arrivals.toMillis() / 1000.0 / n));
            System.out.println("| poller | lag p50 | lag p95 | lag max | polls | requests | 429s | windows > 125 "
                    + "| windows > " + allowance + " polls | user call p95 | virtual time | wall |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
            Map<String, WaitBudgetSimulation.Result> results = new LinkedHashMap<>();
            for (String name : names) {
                Function<WaitBudgetSimulation.Context, PollPlanner> poller =
                        pollers(seed).get(name.trim());
                if (poller == null) {
                    throw new IllegalArgumentException("unknown poller " + name);
                }
                WaitBudgetSimulation.Result r = WaitBudgetSimulation.run(jobs, poller, allowance, arrivals);
                results.put(name.trim(), r);
                if (opts.containsKey("debug")) {
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        order.add(i);
                    }
                    order.sort((a, b) -> Double.compare(r.lagSeconds.get(b), r.lagSeconds.get(a)));
                    int[] byTen = new int[13];
                    double[] lagByTen = new double[13];
                    int[] doneByTen = new int[13];
                    for (int i = 0; i < n; i++) {
                        int b = Math.min(12, jobs.get(i).seconds / 600);
                        doneByTen[b]++;
                        lagByTen[b] += r.lagSeconds.get(i);
                    }
                    for (int b = 0; b < 13; b++) {
                        System.out.printf(
                                Locale.ROOT,
                                "  [%d-%d min) completions %d, mean lag %.0f s, polls %d%n",
                                b * 10,
                                b * 10 + 10,
                                doneByTen[b],
                                doneByTen[b] == 0 ? 0 : lagByTen[b] / doneByTen[b],
                                r.pollsByTenMinutes[b]);
                    }
                    int tail = Math.max(1, n / 20);
                    long unseen = order.subList(0, tail).stream()
                            .filter(i -> r.firstLookSeconds.get(i) >= jobs.get(i).seconds)
                            .count();
                    double lastFirstLook = r.firstLookSeconds.stream()
                            .mapToDouble(Double::doubleValue)
                            .max()
                            .orElse(0);
                    System.out.printf(
                            Locale.ROOT,
                            "  of the %d largest lags, %d ended before their first look; last first look at %.0f s%n",
                            tail,
                            unseen,
                            lastFirstLook);
                    for (int i : order.subList(0, Math.min(12, n))) {
                        SimulatedJobs.Job j = jobs.get(i);
                        System.out.printf(
                                Locale.ROOT,
                                "  lag %.1f s: job %d, first look %.0f s, %d s, stall %d s at %d%n",
                                r.lagSeconds.get(i),
                                i,
                                r.firstLookSeconds.get(i),
                                j.seconds,
                                j.stallLength,
                                j.stallStart);
                    }
                }
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %.1f s | %.1f s | %.1f s | %,d | %,d | %d | %d | %d | %.1f s | %d min | %.0f s |%n",
                        name.trim(),
                        percentile(r.lagSeconds, 50),
                        percentile(r.lagSeconds, 95),
                        percentile(r.lagSeconds, 100),
                        r.pollsSent,
                        r.requestsSent,
                        r.tooManyRequests,
                        r.overBudgetWindows,
                        r.overPollAllowanceWindows,
                        percentile(r.userDelaySeconds, 95),
                        r.virtualSeconds / 60,
                        r.wallSeconds);
            }
            if (arrivals.isZero()) {
                printBounds(jobs, allowance, seed);
            } else {
                System.out.printf(
                        Locale.ROOT,
                        "%n(no first-look bound rows: the bound assumes every job starts at 0, these arrive over %s min)%n",
                        minutes(arrivalMinutes));
            }
            if (results.containsKey("planner") && results.containsKey("fixed20")) {
                System.out.printf(
                        Locale.ROOT,
                        "%nplanner p95 lag / fixed-20 s p95 lag = %.2f%n",
                        percentile(results.get("planner").lagSeconds, 95)
                                / percentile(results.get("fixed20").lagSeconds, 95));
            }
        }
    }

    /** Shuffles averaged for the order-blind bound. */
    static final int SHUFFLES = 200;

    /**
     * Prints the {@link FirstLookBound} of the jobs as extra rows (lag columns only) for the planner's
     * allowance and the full budget: any poller within the budget (bursts allowed) with its looks in a random
     * order, in creation order and in the best order; then the random order for a poller on an even grid.
     */
    private static void printBounds(List<SimulatedJobs.Job> jobs, int allowance, long seed) {
        long[] c = FirstLookBound.completions(jobs);
        for (boolean paced : new boolean[] {false, true}) {
            for (int perMinute : new int[] {allowance, WaitBudgetSimulation.PERMITS}) {
                long[] f = FirstLookBound.firstLooks(jobs.size(), perMinute, paced);
                String what = "bound " + perMinute + "/min" + (paced ? " paced" : "");
                int[] listed = java.util.stream.IntStream.range(0, jobs.size()).toArray();
                double[] p = {50, 95, 100};
                String[] cells = new String[3];
                for (int i = 0; i < 3; i++) {
                    cells[i] = String.format(
                            Locale.ROOT, "%.1f s", FirstLookBound.randomOrder(c, f, p[i], SHUFFLES, seed) / 1000);
                }
                row(what + ", order-blind (mean of " + SHUFFLES + " shuffles)", cells);
                if (paced) {
                    continue; // the grid variant: the order-blind mean only
                }
                for (int i = 0; i < 3; i++) {
                    cells[i] =
                            String.format(Locale.ROOT, "%.1f s", FirstLookBound.forOrder(c, f, listed, p[i]) / 1000.0);
                }
                row(what + ", order-blind (creation order)", cells);
                for (int i = 0; i < 3; i++) {
                    cells[i] = String.format(Locale.ROOT, "%.1f s", FirstLookBound.bestOrder(c, f, p[i]) / 1000.0);
                }
                row(what + ", best order", cells);
            }
        }
    }

    /** Minutes as typed: 60, 7.5. */
    private static String minutes(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static void row(String what, String[] lags) {
        System.out.println("| " + what + " | " + String.join(" | ", lags) + " | – | – | – | – | – | – | – | – |");
    }

    private static double median(List<SimulatedJobs.Job> jobs) {
        List<Double> minutes = new ArrayList<>();
        jobs.forEach(j -> minutes.add(j.seconds / 60.0));
        return percentile(minutes, 50);
    }

    /** Nearest-rank percentile (100: the maximum); 0 for no values. */
    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
