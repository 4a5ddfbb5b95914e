package dev.aurasdk.core.internal.wait;

import dev.aurasdk.core.http.RateLimit;
import java.time.Clock;
import java.util.Objects;

/** Where a client gets its one {@link PollPlanner}. Not API. */
public final class PollPlanners {
    private PollPlanners() {}

    /**
     * The planner shared by every wait of one client: a {@link BudgetPollPlanner}, which plans every wait's polls
     * within {@code (1 - reserve)} of the client's rate limit and polls import jobs near their predicted end.
     *
     * @param clock the client's clock
     * @param rateLimit the client's request budget, which polls share with the user's calls
     * @param reserve the share of the budget left to the user's own calls, in [0, 1)
     * @return the planner
     */
    public static PollPlanner forClient(Clock clock, RateLimit rateLimit, double reserve) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(rateLimit, "rateLimit");
        return new BudgetPollPlanner(rateLimit, reserve, clock);
    }
}
