package dev.aurasdk.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.BiFunction;

/** The state machine of GraphQL Data APIs: lookups settle due transitions; status, transitions, summaries. */
final class DataApiStates {
    private final World world;
    private final Settings settings;
    private final TypeDefinitionCheck typeDefinitions;

    DataApiStates(World world, Settings settings, TypeDefinitionCheck typeDefinitions) {
        this.world = world;
        this.settings = settings;
        this.typeDefinitions = typeDefinitions;
    }

    /** A handler of routes under {@code {dataApiId}}: the Data API of the path's instance, or 404. */
    Router.Handler withApi(BiFunction<World.DataApi, FakeCall, Reply> handler) {
        return call -> {
            String id = call.param("dataApiId");
            World.DataApi api = find(call.param("instanceId"), id, call);
            if (api == null) {
                return Reply.error(404, "Data API not found: " + id, "data-api-not-found");
            }
            return handler.apply(api, call);
        };
    }

    World.DataApi find(String instanceId, String id, FakeCall call) {
        World.DataApi api = world.dataApis.get(id);
        if (api == null || !api.instanceId.equals(instanceId)) {
            return null;
        }
        settle(api, call);
        return api.gone ? null : api;
    }

    void settle(World.DataApi api, FakeCall call) {
        if (api.transition == null
                || api.progress.steps(call.now, settings.tickMillis()) < settings.dataApiTransitionTicks) {
            return;
        }
        switch (api.transition) {
            case "pausing":
                api.settled = "paused";
                break;
            case "deleting":
                api.gone = true;
                world.dataApis.remove(api.id);
                break;
            default:
                api.settled =
                        typeDefinitions.typeDefinitionError(api.typeDefinitions).isPresent() ? "error" : "ready";
                break;
        }
        api.transition = null;
    }

    static String status(World.DataApi api) {
        return api.transition != null ? api.transition : api.settled;
    }

    static void begin(World.DataApi api, String transition, FakeCall call) {
        api.transition = transition;
        api.progress.restart(call.now);
    }

    /** A provider change moves a settled Data API to updating; a running transition is left alone. */
    static void touch(World.DataApi api, FakeCall call) {
        if (api.transition == null && !api.settled.equals("paused")) {
            begin(api, "updating", call);
        }
    }

    ObjectNode summary(World.DataApi api) {
        return FakeJson.object()
                .put("id", api.id)
                .put("name", api.name)
                .put("status", status(api))
                .put("url", settings.baseUrl + "/graphql-endpoints/" + api.id + "/graphql");
    }
}
