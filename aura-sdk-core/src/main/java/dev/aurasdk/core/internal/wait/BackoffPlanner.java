package dev.aurasdk.core.internal.wait;

import dev.aurasdk.core.wait.WaitOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Each wait on its own exponential backoff, as the SDK has always polled: first poll after
 * {@link WaitOptions#initialDelay()}, then intervals growing by {@link WaitOptions#multiplier()} up to
 * {@link WaitOptions#maxInterval()}, each with ±{@link WaitOptions#jitter()}. The interval grows from
 * the initial delay, or from 100 ms when that is zero. Progress is ignored; waits do not share
 * anything, so closing a slot only ends it. A poll that would fall past the wait's deadline is made
 * at the deadline. Not API.
 */
public final class BackoffPlanner implements PollPlanner {
    /** The interval a wait with a zero initial delay grows from. */
    static final Duration ZERO_INITIAL_BASE = Duration.ofMillis(100);

    private final DoubleSupplier random;

    /** A planner with thread-local random jitter. */
    public BackoffPlanner() {
        this(() -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * A planner with the given source of jitter.
     *
     * @param random values in [0, 1)
     */
    public BackoffPlanner(DoubleSupplier random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public Slot open(String operation, WaitOptions options, Instant start) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(start, "start");
        return new BackoffSlot(options, start.plus(options.timeout()));
    }

    private final class BackoffSlot implements Slot {
        private final WaitOptions options;
        private final Instant deadline;
        private Duration interval;

        BackoffSlot(WaitOptions options, Instant deadline) {
            this.options = options;
            this.deadline = deadline;
            this.interval = options.initialDelay().isZero() ? ZERO_INITIAL_BASE : options.initialDelay();
        }

        @Override
        public Duration firstDelay(Instant now) {
            return capped(now, options.initialDelay());
        }

        @Override
        public synchronized Duration nextDelay(Instant now, OptionalDouble progressPercent) {
            interval = options.next(interval);
            return capped(now, jittered(interval));
        }

        /** No budget to keep: a poll that would fall past the deadline is made at the deadline. */
        private Duration capped(Instant now, Duration d) {
            Duration left = Duration.between(now, deadline);
            return d.compareTo(left) > 0 ? (left.isNegative() ? Duration.ZERO : left) : d;
        }

        private Duration jittered(Duration d) {
            double j = options.jitter();
            if (j == 0) {
                return d;
            }
            double factor = 1 + (random.getAsDouble() * 2 - 1) * j;
            return Duration.ofMillis(Math.max(1, (long) (d.toMillis() * factor)));
        }

        @Override
        public void close() {}
    }

    @Override
    public String toString() {
        return "BackoffPlanner";
    }
}
