package dev.aurasdk.core.internal.wait;

import dev.aurasdk.core.http.RateLimit;
import java.time.Clock;
import java.util.Objects;

/** Where a client gets its one {@link PollPlanner}. Not API. */
public final class PollPlanners {
    private PollPlanners() {}

    /**
     * The planner shared by every wait of one client: each wait on its own backoff for now (the
     * budget-aware planner of issue 17 plugs in here).
     *
     * @param clock the client's clock
     * @param rateLimit the client's request budget, which polls share with the user's calls
     * @return the planner
     */
    public static PollPlanner forClient(Clock clock, RateLimit rateLimit) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(rateLimit, "rateLimit");
        return new BackoffPlanner();
    }
}
