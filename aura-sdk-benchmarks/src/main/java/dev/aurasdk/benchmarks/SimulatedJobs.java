package dev.aurasdk.benchmarks;

import dev.aurasdk.testkit.FakeImportModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The import jobs of {@link WaitBudgetBench}, drawn from a seed: durations log-normal (median 10 min,
 * σ = 1, clipped to 1–120 min); progress that moves with a rate varying minute by minute (uniform
 * 0.6–1.4 × the mean) and, for 15 % of the jobs, one stall of 1–10 min (at most half the job) starting
 * between 20 % and 90 % of the work. Each job reports through the fake's
 * {@link FakeImportModel#progressCurve progress curve} and completes exactly {@code seconds} after it
 * was created (one-second ticks).
 */
final class SimulatedJobs {
    private SimulatedJobs() {}

    /** One job: its length and its progress curve. */
    static final class Job {
        final int index;
        final int seconds;
        final int stallStart; // active seconds of work done before the stall, or -1
        final int stallLength;
        private final double[] blockWeights; // one per minute of active work
        private final double[] prefix; // work done at the start of each block

        Job(int index, int seconds, int stallStart, int stallLength, double[] weights) {
            this.index = index;
            this.seconds = seconds;
            this.stallStart = stallStart;
            this.stallLength = stallLength;
            this.blockWeights = weights;
            this.prefix = new double[weights.length + 1];
            for (int b = 0; b < weights.length; b++) {
                prefix[b + 1] = prefix[b] + weights[b] * 60;
            }
        }

        int activeSeconds() {
            return seconds - 1 - Math.max(0, stallLength);
        }

        /** Work (weighted seconds) done after {@code active} seconds of activity. */
        private double work(double active) {
            int block = (int) Math.min(blockWeights.length - 1, Math.floor(active / 60));
            return prefix[block] + (active - block * 60.0) * blockWeights[block];
        }

        /** The fraction done at {@code tick} (1 = first running tick; running lasts {@code seconds - 1} ticks). */
        double fraction(long tick) {
            double elapsed = tick - 1; // running since tick 1
            double active = elapsed;
            if (stallStart >= 0 && elapsed > stallStart) {
                active = elapsed <= stallStart + stallLength ? stallStart : elapsed - stallLength;
            }
            return work(Math.min(active, activeSeconds())) / work(activeSeconds());
        }

        FakeImportModel model(String id) {
            return FakeImportModel.of(id)
                    .node("Row", 1_000_000)
                    .durationTicks(seconds - 1)
                    .progressCurve((tick, total) -> fraction(tick));
        }
    }

    /**
     * Draws {@code n} jobs.
     *
     * @param n how many
     * @param seed the seed
     * @return the jobs, index 0 to n-1
     */
    static List<Job> draw(int n, long seed) {
        Random random = new Random(seed);
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double minutes = Math.exp(Math.log(10) + random.nextGaussian());
            int seconds = (int) Math.round(Math.max(60, Math.min(7200, minutes * 60)));
            int stallStart = -1;
            int stallLength = 0;
            if (random.nextDouble() < 0.15) {
                stallLength = Math.min(60 + random.nextInt(541), seconds / 2);
                int active = seconds - 1 - stallLength;
                stallStart = (int) (active * (0.2 + 0.7 * random.nextDouble()));
            }
            int active = seconds - 1 - stallLength;
            double[] weights = new double[active / 60 + 1];
            for (int b = 0; b < weights.length; b++) {
                weights[b] = 0.6 + 0.8 * random.nextDouble();
            }
            jobs.add(new Job(i, seconds, stallStart, stallLength, weights));
        }
        return jobs;
    }
}
