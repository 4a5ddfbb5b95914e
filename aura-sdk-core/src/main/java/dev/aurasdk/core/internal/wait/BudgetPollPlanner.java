package dev.aurasdk.core.internal.wait;

import dev.aurasdk.core.http.RateLimit;
import dev.aurasdk.core.wait.WaitOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Plans the polls of every wait of one client against the client's rate budget, spending it where
 * completions are about to happen. Not API.
 *
 * <p><b>Budget.</b> Polls may use {@code (1 − reserve)} of the budget ({@code P} polls per window
 * {@code W}); the rest is left to the user's own calls. Time is cut into cells of {@code ⌈W / P⌉} and
 * each cell holds at most one planned poll ({@link PollTimeline}), so no window of length {@code W}
 * ever holds more than {@code P} planned polls, however many waits run. A wait always holds exactly
 * one planned instant (its next poll); closing it frees that cell at once. Nothing is known of a wait
 * before its first poll, so a batch of waits opened together is looked at once each as fast as the
 * allowance permits, except that first polls leave one cell in six free: the follow-up polls of jobs
 * the first looks found about to end take those, instead of waiting behind the whole batch. Another
 * cell in six stays free of follow-ups planned more than 20 s ahead, so that sparse plans made long
 * ahead cannot take every cell a job about to finish will need.
 *
 * <p><b>Estimate.</b> A wait that reports progress ({@link ProgressTrack}) is modelled as ending at
 * {@code now + remaining}, where {@code remaining = (100 − high) × (t_high − anchor) / high}: the
 * highest percentage seen, the time it took since the last 0 % sample (or the start), so noise does
 * not move it and a stall does not lower the rate. The end is taken as normal with a deviation of
 * {@code 2 s + c × remaining + stall}, where {@code c} falls from about 0.4 (rate seen over a second)
 * to about 0.1 (seen over many minutes) and {@code stall} is the time since progress last rose: a
 * stalled job's end moves away and blurs, so it polls ever more sparsely (the interval grows with
 * the square root of the stall) and does not starve others.
 *
 * <p><b>Intervals.</b> The next poll of a progress-reporting wait is placed at the interval
 * {@code d} where {@code d × P(end within d | not ended yet) = price} (the expected detection lag that
 * poll saves equals its price): sparse far from the estimate, dense near it, between 1 s and
 * {@code max(maxInterval, 2 × fair share)}, where the fair share is {@code open waits / polls per
 * second}. Waits without progress (Data APIs,
 * instances, jobs still queued) keep the backoff of their {@link WaitOptions} (initial delay,
 * multiplier, maxInterval), with maxInterval stretched only to the fair share
 * {@code open waits / polls per second} when that is longer. The price starts at 0.25 s (with few
 * waits, polls near an estimate come every second or so) and follows the load: before each decision
 * it is multiplied by {@code (demand / (0.85 × capacity))^0.05}, never below 0.25 s, where demand is
 * the sum over open waits of 1 / their planned interval (first polls, made once, not counted). When
 * there are more waits than the grid can serve at maxInterval (fair share over {@code 2 ×
 * maxInterval}), a poll must also save at least {@code 0.3 × (fair share − 2 × maxInterval)}: with a
 * thousand jobs a job near its end cannot take a cell every second while others wait minutes. The
 * chosen instant is then rounded up to the first free cell (a search over bit sets: 64 cells a step),
 * at most {@link PollTimeline#HORIZON} cells ahead.
 *
 * <p><b>Deadline.</b> A wait knows its deadline (start + timeout). When its next poll would fall past
 * it, the wait takes the last free cell before the deadline for one last look; when there is none (or
 * it had its last look), the slot answers with a delay past the deadline and the waiter times out at
 * the deadline without polling: no poll is ever sent off the grid, so waits that time out together
 * do not burst at their shared deadline.
 *
 * <p>Thread-safe: every decision holds the planner's lock.
 */
public final class BudgetPollPlanner implements PollPlanner {
    /** The share of the budget kept for calls that are not polls. */
    public static final double DEFAULT_RESERVE = 0.1;

    static final double BASE_PRICE_SECONDS = 0.25;
    static final double MIN_INTERVAL_SECONDS = 1.0;
    static final double TARGET_LOAD = 0.85;
    static final long NEAR_MILLIS = 20_000;
    static final double CROWDED_PRICE_SHARE = 0.3;
    static final double LOAD_EXPONENT = 0.05;
    static final double FAR_SHARES = 2;
    private static final double SD_FLOOR_SECONDS = 2.0;
    private static final double MAX_PRICE = 1e7;

    private final Clock clock;
    private final PollTimeline timeline;
    private final double capacityPerSecond;
    private final int allowance;
    private double price = BASE_PRICE_SECONDS;
    private double demandPerSecond;
    private int openSlots;

    /**
     * A planner keeping {@link #DEFAULT_RESERVE} of the budget free.
     *
     * @param limit the client's rate budget (unlimited: polls are never held back)
     * @param clock the client's clock
     */
    public BudgetPollPlanner(RateLimit limit, Clock clock) {
        this(limit, DEFAULT_RESERVE, clock);
    }

    /**
     * A planner.
     *
     * @param limit the client's rate budget (unlimited: polls are never held back)
     * @param reserve the share of the budget polls leave free, in [0, 1)
     * @param clock the client's clock
     */
    public BudgetPollPlanner(RateLimit limit, double reserve, Clock clock) {
        Objects.requireNonNull(limit, "limit");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!(reserve >= 0 && reserve < 1)) {
            throw new IllegalArgumentException("reserve must be in [0, 1), got " + reserve);
        }
        if (limit.isUnlimited()) {
            this.allowance = Integer.MAX_VALUE;
            this.timeline = null;
            this.capacityPerSecond = Double.POSITIVE_INFINITY;
        } else {
            this.allowance = Math.max(1, (int) Math.floor(limit.permits() * (1 - reserve) + 1e-9));
            long period = limit.period().toMillis();
            long cell = Math.max(1, (period + allowance - 1) / allowance);
            this.timeline = new PollTimeline(cell, NEAR_MILLIS);
            this.capacityPerSecond = 1000.0 / cell;
        }
    }

    /** Polls allowed per window of the budget's period ({@code Integer.MAX_VALUE} when unlimited). */
    public int pollAllowance() {
        return allowance;
    }

    @Override
    public Slot open(String operation, WaitOptions options, Instant start) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(start, "start");
        synchronized (this) {
            openSlots++;
        }
        return new BudgetSlot(options, start);
    }

    /** Planned polls from now on (one per open wait at most). */
    synchronized int plannedPolls() {
        return timeline == null ? 0 : timeline.planned(clock.millis());
    }

    private void followLoad() {
        if (timeline == null) {
            return;
        }
        double load = demandPerSecond / (TARGET_LOAD * capacityPerSecond);
        if (load > 0) {
            price = Math.max(BASE_PRICE_SECONDS, Math.min(MAX_PRICE, price * Math.pow(load, LOAD_EXPONENT)));
        }
    }

    /** The fair interval when every open wait polls equally, in seconds. */
    private double fairShareSeconds() {
        return timeline == null ? 0 : openSlots / capacityPerSecond;
    }

    private final class BudgetSlot implements Slot {
        private final WaitOptions options;
        private final ProgressTrack track;
        private final long deadlineMillis;
        private Duration backoff;
        private long cell = -1;
        private boolean noPoll;
        private boolean lastLookPlanned;
        private double rate;
        private boolean closed;

        BudgetSlot(WaitOptions options, Instant start) {
            this.options = options;
            this.track = new ProgressTrack(start.toEpochMilli());
            this.deadlineMillis = start.plus(options.timeout()).toEpochMilli();
            this.backoff = options.initialDelay().isZero() ? Duration.ofMillis(100) : options.initialDelay();
        }

        @Override
        public Duration firstDelay(Instant now) {
            synchronized (BudgetPollPlanner.this) {
                return plan(now, options.initialDelay().toMillis() / 1000.0, true);
            }
        }

        @Override
        public Duration nextDelay(Instant now, OptionalDouble progressPercent) {
            Objects.requireNonNull(now, "now");
            Objects.requireNonNull(progressPercent, "progressPercent");
            synchronized (BudgetPollPlanner.this) {
                long nowMillis = now.toEpochMilli();
                if (progressPercent.isPresent()) {
                    track.add(nowMillis, progressPercent.getAsDouble());
                }
                double seconds;
                if (track.hasRate()) {
                    seconds = modelInterval(nowMillis);
                } else {
                    backoff = options.next(backoff);
                    double cap = Math.max(options.maxInterval().toMillis() / 1000.0, fairShareSeconds());
                    seconds = Math.min(backoff.toMillis() / 1000.0, cap);
                }
                return plan(now, seconds, false);
            }
        }

        private double modelInterval(long nowMillis) {
            double remaining = track.remainingMillis() / 1000.0;
            double observed = track.observedMillis() / 1000.0;
            double relative = 0.08 + 0.3 * Math.sqrt(30 / (observed + 30));
            double sd = SD_FLOOR_SECONDS + relative * remaining + track.stalledMillis(nowMillis) / 1000.0;
            double maxInterval = options.maxInterval().toMillis() / 1000.0;
            double fair = fairShareSeconds();
            double max = Math.max(maxInterval, FAR_SHARES * fair);
            double min = Math.min(MIN_INTERVAL_SECONDS, maxInterval);
            double crowded = CROWDED_PRICE_SHARE * (fair - FAR_SHARES * maxInterval);
            return CompletionOdds.intervalFor(remaining, sd, Math.max(price, crowded), min, max);
        }

        /** Replaces this wait's planned poll by the first usable cell at or after now + seconds. */
        private Duration plan(Instant now, double seconds, boolean first) {
            long nowMillis = now.toEpochMilli();
            forget(nowMillis);
            long at = nowMillis + Math.max(0, Math.round(seconds * 1000));
            if (closed) {
                return Duration.ofMillis(at - nowMillis);
            }
            followLoad();
            if (timeline == null) { // unlimited: no budget to keep, a poll past the deadline is made at it
                return Duration.ofMillis(Math.max(0, Math.min(at, deadlineMillis) - nowMillis));
            }
            long taken = timeline.startOf(timeline.cellAtOrAfter(at)) <= deadlineMillis
                    ? timeline.reserve(at, nowMillis, first)
                    : -1;
            long earliest = nowMillis
                    + (first
                            ? options.initialDelay().toMillis()
                            : Math.min(
                                    Math.round(MIN_INTERVAL_SECONDS * 1000),
                                    options.maxInterval().toMillis()));
            take(taken, nowMillis, earliest);
            if (noPoll) {
                return pastDeadline(nowMillis);
            }
            long delay = timeline.startOf(cell) - nowMillis;
            rate = first ? 0 : 1000.0 / Math.max(delay, 1000); // a first poll is once, not a rate
            demandPerSecond += rate;
            return Duration.ofMillis(delay);
        }

        /**
         * Holds {@code taken} as this wait's next poll when it lies within the deadline; otherwise, once
         * per wait, the last free cell between {@code earliestMillis} (the shortest sensible interval) and
         * the deadline; else none (the wait then times out without polling again).
         */
        private void take(long taken, long nowMillis, long earliestMillis) {
            if (taken >= 0 && timeline.startOf(taken) > deadlineMillis) {
                timeline.release(taken);
                taken = -1;
            }
            if (taken < 0 && !lastLookPlanned) { // one last look, as late as the budget allows
                taken = timeline.reserveLatest(earliestMillis, deadlineMillis, nowMillis);
                lastLookPlanned = true;
            }
            cell = taken;
            noPoll = taken < 0;
        }

        private Duration pastDeadline(long nowMillis) {
            return Duration.ofMillis(Math.max(0, deadlineMillis - nowMillis) + 1);
        }

        /** Takes back this wait's share: its rate, and its cell when still ahead. */
        private void forget(long nowMillis) {
            demandPerSecond = Math.max(0, demandPerSecond - rate);
            rate = 0;
            if (cell >= 0 && timeline.startOf(cell) > nowMillis) {
                timeline.release(cell);
            }
            cell = -1;
            noPoll = false;
        }

        @Override
        public void close() {
            synchronized (BudgetPollPlanner.this) {
                if (closed) {
                    return;
                }
                forget(clock.millis());
                closed = true;
                openSlots--;
            }
        }
    }
}
