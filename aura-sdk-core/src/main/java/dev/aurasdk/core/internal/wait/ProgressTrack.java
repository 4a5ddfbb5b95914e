package dev.aurasdk.core.internal.wait;

/**
 * What one wait has learnt of its resource's progress: the last instant it was seen at 0 % (the
 * anchor: work had not started), the highest percentage seen and when it was first reached. The rate
 * is that percentage over the time since the anchor, so noise in between does not matter and a stall
 * (no new high) does not lower it: while stalled, the job is expected to need the same remaining time
 * from whenever it resumes, with an uncertainty that grows with the stall. Not thread-safe. Not API.
 */
final class ProgressTrack {
    /** Smallest rise that counts as progress (Aura rounds to hundredths of a percent). */
    private static final double EPSILON = 1e-6;

    private long anchorMillis;
    private double highPercent;
    private long highMillis = -1;
    private int rises;

    ProgressTrack(long startMillis) {
        this.anchorMillis = startMillis;
    }

    /**
     * Adds a sample; ignores NaN and infinities, clamps the rest into [0, 100].
     *
     * @return whether the sample was usable
     */
    boolean add(long atMillis, double percent) {
        if (Double.isNaN(percent) || Double.isInfinite(percent)) {
            return false;
        }
        double p = Math.max(0, Math.min(100, percent));
        if (highMillis < 0 && p <= EPSILON) {
            anchorMillis = Math.max(anchorMillis, atMillis); // not started yet: work begins after this
        } else if (p > highPercent + EPSILON) {
            highPercent = p;
            highMillis = Math.max(atMillis, anchorMillis + 1);
            rises++;
        }
        return true;
    }

    /** Whether some progress above 0 % was seen, so a rate is known. */
    boolean hasRate() {
        return highMillis >= 0;
    }

    double highPercent() {
        return highPercent;
    }

    int rises() {
        return rises;
    }

    /** Milliseconds over which the rate was measured. */
    long observedMillis() {
        return highMillis - anchorMillis;
    }

    /** Expected milliseconds of work left at the measured rate (0 at 100 %). */
    double remainingMillis() {
        return (100 - highPercent) * observedMillis() / highPercent;
    }

    /** How long since the last rise: a job that advances at every poll has 0 here. */
    long stalledMillis(long nowMillis) {
        return Math.max(0, nowMillis - highMillis);
    }
}
