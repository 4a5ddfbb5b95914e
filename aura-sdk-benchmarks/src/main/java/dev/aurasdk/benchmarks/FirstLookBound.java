package dev.aurasdk.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order-blind first-look bound of measure 10, computed exactly on a job list (no simulation): N jobs
 * start together at 0, job j completes at {@code c[j]}, and a poller sends at most P polls in any trailing
 * minute. Its first looks at the N jobs then come no earlier than {@code f[k] = floor(k / P) × 60 s} (k = 0 …
 * N−1; the k-th and (k+P)-th look cannot share a window), or {@code k × 60 s / P} for a poller that paces its
 * polls on a grid (as {@code BudgetPollPlanner} does). A job is seen ended at a poll at or after its
 * completion, so a job whose first look is at {@code f} has lag ≥ {@code max(0, f − c)}, whatever the poller
 * does later. Percentiles are nearest-rank (as {@link WaitBudgetBench#percentile}), all in milliseconds.
 *
 * <ul>
 *   <li>{@link #forOrder}: the bound's percentile when the looks go to the jobs in a given order;
 *   <li>{@link #randomOrder}: its mean over seeded uniform shuffles — what a poller that knows nothing of a
 *       job before looking at it (its order cannot depend on the durations) gets on average;
 *   <li>{@link #bestOrder}: its minimum over all N! orders (an oracle order) — a lower bound for every poller
 *       within P a minute, order-blind or not.
 * </ul>
 */
final class FirstLookBound {
    private FirstLookBound() {}

    /**
     * The earliest instants of the first looks at {@code n} jobs.
     *
     * @param n jobs
     * @param perMinute P, polls a minute
     * @param paced true: one look per {@code 60 s / P}; false: any P looks in a trailing minute (bursts allowed)
     * @return {@code f[0..n-1]} in ms, non-decreasing
     */
    static long[] firstLooks(int n, int perMinute, boolean paced) {
        long[] f = new long[n];
        for (int k = 0; k < n; k++) {
            f[k] = paced ? k * 60_000L / perMinute : (k / perMinute) * 60_000L;
        }
        return f;
    }

    /** Completion instants in ms of the jobs, in list order. */
    static long[] completions(List<SimulatedJobs.Job> jobs) {
        return jobs.stream().mapToLong(j -> j.seconds * 1000L).toArray();
    }

    /**
     * The bound's percentile when job {@code order[k]} gets the k-th first look.
     *
     * @param c completions in ms
     * @param f first looks in ms
     * @param order a permutation of the job indices
     * @param p percentile (100: max)
     * @return ms
     */
    static long forOrder(long[] c, long[] f, int[] order, double p) {
        long[] lags = new long[c.length];
        for (int k = 0; k < order.length; k++) {
            lags[k] = Math.max(0, f[k] - c[order[k]]);
        }
        Arrays.sort(lags);
        return lags[rank(c.length, p) - 1];
    }

    /**
     * The mean of {@link #forOrder} over seeded uniform shuffles.
     *
     * @param c completions in ms
     * @param f first looks in ms
     * @param p percentile
     * @param shuffles how many orders
     * @param seed the shuffles' seed
     * @return ms
     */
    static double randomOrder(long[] c, long[] f, double p, int shuffles, long seed) {
        Random random = new Random(seed);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < c.length; i++) {
            order.add(i);
        }
        double sum = 0;
        for (int s = 0; s < shuffles; s++) {
            Collections.shuffle(order, random);
            sum += forOrder(c, f, order.stream().mapToInt(Integer::intValue).toArray(), p);
        }
        return sum / shuffles;
    }

    /**
     * The least percentile over every order: the least T for which {@code rank(p)} jobs can all get a first
     * look at or before {@code c + T}. For a given T the most such jobs is found greedily (jobs by completion,
     * each taking the next free look if that is in time, otherwise skipped to a late look at the end: all
     * looks are alike, so skipping the current job costs no more than skipping an earlier one), and T is
     * searched by bisection over whole milliseconds.
     *
     * @param c completions in ms
     * @param f first looks in ms
     * @param p percentile
     * @return ms
     */
    static long bestOrder(long[] c, long[] f, double p) {
        long[] sorted = c.clone();
        Arrays.sort(sorted);
        int need = rank(c.length, p);
        long lo = 0;
        long hi = Math.max(0, f[f.length - 1]);
        while (lo < hi) {
            long t = (lo + hi) >>> 1;
            if (inTime(sorted, f, t) >= need) {
                hi = t;
            } else {
                lo = t + 1;
            }
        }
        return lo;
    }

    private static int inTime(long[] sortedCompletions, long[] f, long t) {
        int used = 0;
        for (long c : sortedCompletions) {
            if (f[used] <= c + t) {
                used++;
            }
        }
        return used;
    }

    private static int rank(int n, double p) {
        return Math.max(1, Math.min(n, (int) Math.ceil(p / 100 * n)));
    }
}
