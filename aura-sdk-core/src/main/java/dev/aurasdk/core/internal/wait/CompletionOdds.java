package dev.aurasdk.core.internal.wait;

/**
 * The chance that a job whose end is believed normal with mean {@code m} and deviation {@code s},
 * and which had not ended at {@code now}, ends within the next {@code d}; and the interval at which
 * that chance times the interval (the expected detection lag a poll at its end saves, in seconds)
 * reaches a price. All times in seconds relative to now. Not API.
 */
final class CompletionOdds {
    private static final double LOG_HALF = Math.log(0.5);
    private static final double SQRT2 = Math.sqrt(2);

    private CompletionOdds() {}

    /**
     * P(end ≤ d | end > 0) for end ~ N(mean, sd²).
     *
     * @param mean seconds from now to the expected end (may be negative: overdue)
     * @param sd positive deviation in seconds
     * @param d seconds ahead, positive
     */
    static double withinNext(double mean, double sd, double d) {
        double z1 = -mean / sd;
        double z2 = (d - mean) / sd;
        double ratio = Math.exp(logUpperTail(z2) - logUpperTail(z1));
        return Math.max(0, Math.min(1, 1 - ratio));
    }

    /**
     * The interval {@code d} in [{@code min}, {@code max}] with {@code d · withinNext(d) = price}
     * (bisection: the product grows with {@code d}).
     */
    static double intervalFor(double mean, double sd, double price, double min, double max) {
        if (min * withinNext(mean, sd, min) >= price) {
            return min;
        }
        if (max * withinNext(mean, sd, max) <= price) {
            return max;
        }
        double lo = min;
        double hi = max;
        for (int i = 0; i < 40 && hi - lo > 0.01; i++) {
            double mid = (lo + hi) / 2;
            if (mid * withinNext(mean, sd, mid) < price) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** log P(Z > z) for a standard normal Z, accurate far into both tails. */
    static double logUpperTail(double z) {
        return LOG_HALF + logErfc(z / SQRT2);
    }

    /** log erfc(x) (Numerical Recipes' erfcc, relative error below 1.2e-7 everywhere). */
    private static double logErfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double poly = -z * z
                - 1.26551223
                + t
                        * (1.00002368
                                + t
                                        * (0.37409196
                                                + t
                                                        * (0.09678418
                                                                + t
                                                                        * (-0.18628806
                                                                                + t
                                                                                        * (0.27886807
                                                                                                + t
                                                                                                        * (-1.13520398
                                                                                                                + t
                                                                                                                        * (1.48851587
                                                                                                                                + t
                                                                                                                                        * (-0.82215223
                                                                                                                                                + t
                                                                                                                                                        * 0.17087277))))))));
        double logSmall = Math.log(t) + poly; // log erfc(|x|)
        return x >= 0 ? logSmall : Math.log(2 - Math.exp(logSmall));
    }
}
