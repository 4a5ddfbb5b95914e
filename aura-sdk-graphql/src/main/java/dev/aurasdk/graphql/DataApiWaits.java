package dev.aurasdk.graphql;

import dev.aurasdk.core.spi.Ids;
import dev.aurasdk.core.wait.Poll;
import dev.aurasdk.core.wait.Wait;
import dev.aurasdk.core.wait.WaitRules;
import dev.aurasdk.core.wait.Waiter;
import dev.aurasdk.graphql.internal.MutationTracker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The waits of {@link GraphQLDataApis}, each described once as a core {@link Wait}: the poll (one GET
 * of the API), the rules for the target status (or deletion), and the status-lag guard: within the
 * settle time of a change made through this client, a settled status counts only once a transitional
 * one was seen.
 */
final class DataApiWaits {
    private final DataApiCalls calls;
    private final Waiter waiter;
    private final Clock clock;
    private final Duration settleTime;
    private final MutationTracker mutations;

    DataApiWaits(DataApiCalls calls, Waiter waiter, Clock clock, Duration settleTime, MutationTracker mutations) {
        this.calls = calls;
        this.waiter = waiter;
        this.clock = clock;
        this.settleTime = settleTime;
        this.mutations = mutations;
    }

    /**
     * The wait for a status, or for deletion.
     *
     * @param instanceId the instance id
     * @param apiId the Data API id
     * @param target the status awaited, or null to await deletion (404)
     * @return the wait, not started
     */
    Wait<GraphQLDataApi> waitFor(String instanceId, String apiId, GraphQLDataApiStatus target) {
        Ids.require("instanceId", instanceId);
        Ids.require("dataApiId", apiId);
        Instant now = clock.instant();
        Instant change = mutations
                .lastChange(instanceId, apiId)
                .filter(t -> t.plus(settleTime).isAfter(now))
                .orElse(null);
        AtomicBoolean sawTransition = new AtomicBoolean(change == null);
        BooleanSupplier lagging = () -> !sawTransition.get() && clock.instant().isBefore(change.plus(settleTime));
        Poll<GraphQLDataApi> poll = Poll.of(() -> calls.get(instanceId, apiId), () -> calls.getAsync(instanceId, apiId))
                .peek(api -> {
                    if (api.status().isTransitional()) {
                        sawTransition.set(true);
                    }
                });
        WaitRules.Builder<GraphQLDataApi> rules =
                WaitRules.<GraphQLDataApi>builder().describedBy(DataApiWaits::describe);
        String operation;
        if (target == null) {
            operation = "GraphQL Data API " + apiId + " deletion";
            rules.notFoundMeansDone();
        } else {
            operation = "GraphQL Data API " + apiId + " " + target;
            rules.failWhen(
                    api -> !lagging.getAsBoolean() && GraphQLDataApiStatus.ERROR.equals(api.status()),
                    api -> new GraphQLDataApiFailedException(instanceId, api));
            rules.failWhen(
                    api -> !lagging.getAsBoolean() && dead(api.status(), target),
                    api -> new GraphQLDataApiStateException(instanceId, apiId, api.status(), target));
            rules.successWhen(api -> {
                boolean reached = !lagging.getAsBoolean() && target.equals(api.status());
                if (reached && change != null) {
                    mutations.settled(instanceId, apiId, change); // the change took effect
                }
                return reached;
            });
        }
        return waiter.newWait(operation, poll, rules.build());
    }

    /** States from which the target cannot be reached without another call. */
    private static boolean dead(GraphQLDataApiStatus status, GraphQLDataApiStatus target) {
        if (GraphQLDataApiStatus.DELETING.equals(status)) {
            return true;
        }
        return GraphQLDataApiStatus.READY.equals(target)
                && (GraphQLDataApiStatus.PAUSED.equals(status) || GraphQLDataApiStatus.PAUSING.equals(status));
    }

    private static String describe(GraphQLDataApi api) {
        if (api.errors().isEmpty()) {
            return api.status().value();
        }
        return api.status().value() + " ("
                + api.errors().stream()
                        .map(e -> e.reason().orElse("error"))
                        .distinct()
                        .collect(Collectors.joining(", "))
                + ")";
    }
}
