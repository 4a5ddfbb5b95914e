package dev.aurasdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aurasdk.testkit.FakeInstance;
import dev.aurasdk.testkit.StepMode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GraphQL Data APIs (v1beta5): list, create, get, update, delete, pause, resume; their auth providers are in
 * {@link AuthProviderApi}, their states in {@link DataApiStates}.
 */
final class DataApiApi {
    private final World world;
    private final Settings settings;
    private final SecureRandom random;
    private final DataApiStates states;
    private final TypeDefinitionCheck typeDefinitions;
    private final AuthProviderApi authProviders;

    DataApiApi(
            World world,
            Settings settings,
            SecureRandom random,
            DataApiStates states,
            TypeDefinitionCheck typeDefinitions) {
        this.world = world;
        this.settings = settings;
        this.random = random;
        this.states = states;
        this.typeDefinitions = typeDefinitions;
        this.authProviders = new AuthProviderApi(states, random);
    }

    /** Registers {@code /v1beta5/instances/{instanceId}/data-apis/graphql[/{dataApiId}[/...]]}. */
    void register(Router router) {
        Router.Group group = router.group("/v1beta5/instances/{instanceId}/data-apis/graphql", this::instanceAccepts)
                .get("", this::list)
                .post("", this::create)
                .get("/{dataApiId}", states.withApi(this::get))
                .patch("/{dataApiId}", states.withApi(this::update))
                .delete("/{dataApiId}", states.withApi(this::delete))
                .post("/{dataApiId}/pause", states.withApi(this::pause))
                .post("/{dataApiId}/resume", states.withApi(this::resume));
        authProviders.register(group);
        // Aura checks the instance before it finds that the rest of the path is unknown
        group.any("/{dataApiId}/{unknown}", Replies::noRoute).any("/{dataApiId}/{unknown}/{more}", Replies::noRoute);
    }

    /** The instance must exist and not be AuraDB Free, whatever the method. */
    private Reply instanceAccepts(FakeCall call) {
        String instanceId = call.param("instanceId");
        FakeInstance instance = world.instances.get(instanceId);
        if (instance == null) {
            return Replies.instanceNotFound(instanceId);
        }
        if ("free-db".equals(instance.type())) {
            return Reply.error(
                    400,
                    "GraphQL Data APIs are not available for AuraDB Free instances: instance " + instanceId
                            + " is free-db",
                    "instance-type-not-supported");
        }
        return null;
    }

    private Reply list(FakeCall call) {
        String instanceId = call.param("instanceId");
        ArrayNode list = FakeJson.array();
        for (World.DataApi api : new ArrayList<>(world.dataApis.values())) {
            if (api.instanceId.equals(instanceId)) {
                states.settle(api, call);
                if (!api.gone) {
                    list.add(states.summary(api));
                }
            }
        }
        return Reply.data(200, list);
    }

    private Reply get(World.DataApi api, FakeCall call) {
        ObjectNode data = states.summary(api);
        data.put("type_definitions", api.typeDefinitions);
        data.putObject("features").put("subgraph", api.subgraph);
        ArrayNode origins = data.putObject("security").putObject("cors_policy").putArray("allowed_origins");
        api.allowedOrigins.forEach(origins::add);
        ObjectNode root = FakeJson.data(data);
        if (api.transition == null && api.settled.equals("error")) {
            String message =
                    typeDefinitions.typeDefinitionError(api.typeDefinitions).orElse("Invalid type definitions");
            root.putArray("errors")
                    .addObject()
                    .put("reason", "invalid-type-defs")
                    .put("message", message);
        }
        if (settings.stepMode == StepMode.AUTO && api.transition != null) {
            api.progress.bonusSteps++;
        }
        return Reply.json(200, root);
    }

    private Reply create(FakeCall call) {
        FakeInstance instance = world.instances.get(call.param("instanceId"));
        Optional<JsonNode> parsed = call.json();
        if (parsed.isEmpty() || !parsed.get().isObject()) {
            return Replies.invalid("The request body must be a JSON object", null);
        }
        JsonNode body = parsed.get();
        String name = FakeJson.text(body, "name");
        if (name == null || name.isBlank()) {
            return Replies.invalid("name is required", "name");
        }
        Reply bad = TypeDefinitionCheck.checkTypeDefinitions(body.get("type_definitions"), true);
        if (bad != null) {
            return bad;
        }
        JsonNode aura = body.get("aura_instance");
        String username = FakeJson.text(aura, "username");
        String password = FakeJson.text(aura, "password");
        if (username == null || username.isBlank()) {
            return Replies.invalid("aura_instance.username is required", "aura_instance.username");
        }
        if (password == null || password.isBlank()) {
            return Replies.invalid("aura_instance.password is required", "aura_instance.password");
        }
        JsonNode security = body.get("security");
        if (security == null || !security.isObject()) {
            return Replies.invalid("security is required", "security");
        }
        JsonNode providers = security.get("authentication_providers");
        if (providers == null || !providers.isArray()) {
            return Replies.invalid(
                    "security.authentication_providers is required", "security.authentication_providers");
        }
        for (JsonNode p : providers) {
            bad = AuthProviderApi.checkNewProvider(p, "security.authentication_providers.");
            if (bad != null) {
                return bad;
            }
        }
        List<String> origins = new ArrayList<>();
        if (security.has("cors_policy")) {
            bad = BodyChecks.readOrigins(security.get("cors_policy"), origins);
            if (bad != null) {
                return bad;
            }
        }
        JsonNode features = body.get("features");
        if (features != null
                && features.has("subgraph")
                && !features.get("subgraph").isBoolean()) {
            return Replies.invalid("features.subgraph must be a boolean", "features.subgraph");
        }
        if (!"running".equals(instance.status())) {
            return Reply.error(
                    400,
                    "Instance " + instance.id() + " is " + instance.status()
                            + "; a GraphQL Data API needs a running instance",
                    "instance-not-running");
        }

        World.DataApi api = new World.DataApi(randomHex(8), instance.id(), call.now);
        api.name = name;
        api.typeDefinitions = body.get("type_definitions").asText();
        api.username = username;
        api.password = password;
        api.subgraph = features != null && features.path("subgraph").asBoolean(false);
        api.allowedOrigins = origins;
        ObjectNode data = states.summary(api);
        ArrayNode created = data.putArray("authentication_providers");
        for (JsonNode p : providers) {
            World.AuthProvider provider = authProviders.newProvider(p);
            api.providers.put(provider.id, provider);
            created.add(AuthProviderApi.providerJson(provider, true));
        }
        typeDefinitions.typeDefinitionError(
                api.typeDefinitions); // the real library's verdict, cached by prevalidate (never throws)
        DataApiStates.begin(api, "creating", call);
        world.dataApis.put(api.id, api);
        data.put("status", DataApiStates.status(api));
        return Reply.data(202, data);
    }

    private Reply update(World.DataApi api, FakeCall call) {
        String current = DataApiStates.status(api);
        if (!current.equals("ready")
                && !current.equals("error")
                && !current.equals("updating")
                && !current.equals("creating")) {
            return Reply.error(
                    400,
                    "The GraphQL Data API " + api.id + " cannot be updated while " + current,
                    "data-api-not-ready");
        }
        Optional<JsonNode> parsed = call.json();
        if (parsed.isEmpty() || !parsed.get().isObject()) {
            return Replies.invalid("The request body must be a JSON object", null);
        }
        JsonNode body = parsed.get();
        // Aura drops empty lists and objects before deciding whether anything is left to update, so a body
        // whose only content is {"security":{"cors_policy":{"allowed_origins":[]}}} is refused (README §5).
        if (BodyChecks.pruned(body).isEmpty()) {
            return Replies.invalid("The request must contain at least one field to update", null);
        }
        JsonNode security = body.get("security");
        if (security != null && security.has("authentication_providers")) {
            return Replies.invalid(
                    "Authentication providers cannot be changed here: use the auth-providers" + " endpoints",
                    "security.authentication_providers");
        }
        if (body.has("name")
                && (FakeJson.text(body, "name") == null
                        || FakeJson.text(body, "name").isBlank())) {
            return Replies.invalid("name must be a non-empty string", "name");
        }
        Reply bad = TypeDefinitionCheck.checkTypeDefinitions(body.get("type_definitions"), false);
        if (bad != null) {
            return bad;
        }
        JsonNode aura = body.get("aura_instance");
        if (aura != null && !aura.isObject()) {
            return Replies.invalid("aura_instance must be an object", "aura_instance");
        }
        JsonNode features = body.get("features");
        if (features != null
                && features.has("subgraph")
                && !features.get("subgraph").isBoolean()) {
            return Replies.invalid("features.subgraph must be a boolean", "features.subgraph");
        }
        List<String> origins = null;
        if (security != null && security.has("cors_policy")) {
            origins = new ArrayList<>();
            bad = BodyChecks.readOrigins(security.get("cors_policy"), origins);
            if (bad != null) {
                return bad;
            }
        }
        if (body.has("type_definitions")) {
            // the verdict first (cached by prevalidate, outside the world lock; never throws), then the changes
            typeDefinitions.typeDefinitionError(body.get("type_definitions").asText());
        }
        if (body.has("name")) {
            api.name = FakeJson.text(body, "name");
        }
        if (body.has("type_definitions")) {
            api.typeDefinitions = body.get("type_definitions").asText();
        }
        if (aura != null) {
            if (FakeJson.text(aura, "username") != null) {
                api.username = FakeJson.text(aura, "username");
            }
            if (FakeJson.text(aura, "password") != null) {
                api.password = FakeJson.text(aura, "password");
            }
        }
        if (features != null && features.has("subgraph")) {
            api.subgraph = features.get("subgraph").asBoolean();
        }
        if (origins != null) {
            api.allowedOrigins = origins;
        }
        DataApiStates.begin(api, "updating", call);
        return Reply.data(202, states.summary(api));
    }

    private Reply delete(World.DataApi api, FakeCall call) {
        if (!"deleting".equals(api.transition)) {
            DataApiStates.begin(api, "deleting", call);
        }
        return Reply.data(202, states.summary(api));
    }

    private Reply pause(World.DataApi api, FakeCall call) {
        String current = DataApiStates.status(api);
        if (!current.equals("ready") && !current.equals("error")) {
            return Reply.error(
                    400, "The GraphQL Data API " + api.id + " cannot be paused while " + current, "data-api-not-ready");
        }
        DataApiStates.begin(api, "pausing", call);
        return Reply.data(202, states.summary(api));
    }

    private Reply resume(World.DataApi api, FakeCall call) {
        String current = DataApiStates.status(api);
        if (!current.equals("paused")) {
            return Reply.error(
                    400,
                    "The GraphQL Data API " + api.id + " cannot be resumed while " + current,
                    "data-api-not-paused");
        }
        DataApiStates.begin(api, "resuming", call);
        return Reply.data(202, states.summary(api));
    }

    private String randomHex(int length) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < length) {
            sb.append(Integer.toHexString(random.nextInt(16)));
        }
        String id = sb.toString();
        return world.dataApis.containsKey(id) ? randomHex(length) : id;
    }
}
