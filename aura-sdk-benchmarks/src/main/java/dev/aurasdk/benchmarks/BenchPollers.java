package dev.aurasdk.benchmarks;

import dev.aurasdk.core.internal.wait.PollPlanner;
import dev.aurasdk.core.wait.WaitOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;

/** The baseline pollers of {@link WaitBudgetBench}, as {@link PollPlanner}s so one poll loop runs them all. */
final class BenchPollers {
    private BenchPollers() {}

    /**
     * Polls every {@code every}, the first time {@code every} after the start.
     *
     * @param every the interval
     * @return the poller
     */
    static PollPlanner fixed(Duration every) {
        return (operation, options, start) -> new PollPlanner.Slot() {
            @Override
            public Duration firstDelay(Instant now) {
                return every;
            }

            @Override
            public Duration nextDelay(Instant now, OptionalDouble progressPercent) {
                return every;
            }

            @Override
            public void close() {}
        };
    }

    /**
     * Knows each job's completion and polls once then (again a second later should it be early).
     *
     * @param completions completion instant by operation name
     * @return the poller
     */
    static PollPlanner oracle(Map<String, Instant> completions) {
        return (operation, options, start) -> new PollPlanner.Slot() {
            @Override
            public Duration firstDelay(Instant now) {
                Duration d = Duration.between(now, completions.get(operation));
                return d.isNegative() ? Duration.ZERO : d;
            }

            @Override
            public Duration nextDelay(Instant now, OptionalDouble progressPercent) {
                return Duration.ofSeconds(1);
            }

            @Override
            public void close() {}
        };
    }

    /** Options the pollers read (the Waiter's defaults; the bench's own loop has no timeout). */
    static WaitOptions options() {
        return WaitOptions.builder().timeout(Duration.ofHours(6)).build();
    }
}
