package dev.aurasdk.core.internal.wait;

import dev.aurasdk.core.wait.WaitOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * Decides when each running wait of one client polls next. The waiter opens a {@link Slot} per
 * wait, asks it for the delay before every poll, and closes it when the wait ends (success,
 * failure, timeout or cancellation), which frees that wait's share of the poll budget.
 *
 * <p>A wait's deadline is its start plus {@link WaitOptions#timeout()}. A delay that reaches past it
 * means that no poll fits before the deadline within the budget: the wait then times out at its
 * deadline without polling again. A planner that keeps a budget never returns a delay it did not plan
 * (no poll is sent off its plan, even at the deadline).
 *
 * <p>Implementations are thread-safe: many waits, sync and async, ask at the same time.
 */
public interface PollPlanner {

    /**
     * Registers a wait that starts now.
     *
     * @param operation what is awaited, for logs (such as {@code import job 87d4 completion})
     * @param options the wait's options (initial delay, intervals, timeout)
     * @param start when the wait started
     * @return the wait's slot
     */
    Slot open(String operation, WaitOptions options, Instant start);

    /** One wait's place in the plan. */
    interface Slot extends AutoCloseable {

        /**
         * The delay before the first poll.
         *
         * @param now the current instant
         * @return the delay, never negative
         */
        Duration firstDelay(Instant now);

        /**
         * The delay before the next poll, after a poll that did not end the wait.
         *
         * @param now when the last poll's answer arrived
         * @param progressPercent the resource's reported progress in [0, 100], or empty when it
         *     reports none (Data APIs, instances) or the poll failed
         * @return the delay, never negative
         */
        Duration nextDelay(Instant now, OptionalDouble progressPercent);

        /** Ends this wait's place in the plan; idempotent. */
        @Override
        void close();
    }
}
