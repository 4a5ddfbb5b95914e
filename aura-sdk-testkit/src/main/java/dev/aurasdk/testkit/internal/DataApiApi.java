package dev.aurasdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aurasdk.testkit.FakeInstance;
import dev.aurasdk.testkit.StepMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GraphQL Data APIs and their auth providers (v1beta5), and the fake GraphQL endpoint each Data API's
 * {@code url} points at.
 */
final class DataApiApi {
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern OPERATION =
            Pattern.compile("^\\s*(?:query|mutation|subscription)\\s+([_A-Za-z][_0-9A-Za-z]*)");

    private final World world;
    private final Settings settings;
    private final SecureRandom random;
    /** Verdicts of the real library by type definitions (base64), so that each text is validated once. */
    private final Map<String, Optional<String>> realVerdicts = new ConcurrentHashMap<>();
    /** Start of the error of a Data API whose type definitions the real library could not check. */
    static final String VALIDATION_FAILED =
            "The type definitions could not be validated with the Neo4j GraphQL" + " Library: ";

    DataApiApi(World world, Settings settings, SecureRandom random) {
        this.world = world;
        this.settings = settings;
        this.random = random;
    }

    /** Paths: v1beta5/instances/{i}/data-apis/graphql[/{api}[/pause|/resume|/auth-providers[/{p}]]]. */
    Reply route(Call call) {
        if (call.size() < 5 || !call.seg(4).equals("graphql") || call.size() > 8) {
            return Replies.noRoute(call);
        }
        String instanceId = call.seg(2);
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
        if (call.size() == 5) {
            if (call.is("GET")) {
                return list(instanceId, call);
            }
            return call.is("POST") ? create(instance, call) : Replies.methodNotAllowed(call);
        }
        String action = call.size() >= 7 ? call.seg(6) : null;
        if (action != null && !action.equals("pause") && !action.equals("resume") && !action.equals("auth-providers")) {
            return Replies.noRoute(call);
        }
        if (action != null && !action.equals("auth-providers") && call.size() != 7) {
            return Replies.noRoute(call);
        }
        boolean methodOk;
        if (action == null) {
            methodOk = call.is("GET") || call.is("PATCH") || call.is("DELETE");
        } else if (!action.equals("auth-providers")) {
            methodOk = call.is("POST");
        } else if (call.size() == 7) {
            methodOk = call.is("GET") || call.is("POST");
        } else {
            methodOk = call.is("GET") || call.is("PATCH") || call.is("DELETE");
        }
        if (!methodOk) {
            return Replies.methodNotAllowed(call);
        }
        World.DataApi api = find(instanceId, call.seg(5), call);
        if (api == null) {
            return Reply.error(404, "Data API not found: " + call.seg(5), "data-api-not-found");
        }
        if (action == null) {
            if (call.is("GET")) {
                return get(api, call);
            }
            return call.is("PATCH") ? update(api, call) : delete(api, call);
        }
        if (action.equals("pause")) {
            return pause(api, call);
        }
        if (action.equals("resume")) {
            return resume(api, call);
        }
        if (call.size() == 7) {
            return call.is("GET") ? listProviders(api) : createProvider(api, call);
        }
        World.AuthProvider provider = api.providers.get(call.seg(7));
        if (provider == null) {
            return Reply.error(404, "Authentication provider not found: " + call.seg(7), "auth-provider-not-found");
        }
        if (call.is("GET")) {
            return Reply.data(200, providerJson(provider, false));
        }
        return call.is("PATCH") ? updateProvider(api, provider, call) : deleteProvider(api, provider, call);
    }

    // ---------------------------------------------------------------- state machine

    private World.DataApi find(String instanceId, String id, Call call) {
        World.DataApi api = world.dataApis.get(id);
        if (api == null || !api.instanceId.equals(instanceId)) {
            return null;
        }
        settle(api, call);
        return api.gone ? null : api;
    }

    private void settle(World.DataApi api, Call call) {
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
                api.settled = typeDefinitionError(api.typeDefinitions).isPresent() ? "error" : "ready";
                break;
        }
        api.transition = null;
    }

    private static String status(World.DataApi api) {
        return api.transition != null ? api.transition : api.settled;
    }

    private static void begin(World.DataApi api, String transition, Call call) {
        api.transition = transition;
        api.progress.restart(call.now);
    }

    /** A provider change moves a settled Data API to updating; a running transition is left alone. */
    private static void touch(World.DataApi api, Call call) {
        if (api.transition == null && !api.settled.equals("paused")) {
            begin(api, "updating", call);
        }
    }

    // ---------------------------------------------------------------- Data APIs

    private Reply list(String instanceId, Call call) {
        ArrayNode list = Json.array();
        for (World.DataApi api : new ArrayList<>(world.dataApis.values())) {
            if (api.instanceId.equals(instanceId)) {
                settle(api, call);
                if (!api.gone) {
                    list.add(summary(api));
                }
            }
        }
        return Reply.data(200, list);
    }

    private Reply get(World.DataApi api, Call call) {
        ObjectNode data = summary(api);
        data.put("type_definitions", api.typeDefinitions);
        data.putObject("features").put("subgraph", api.subgraph);
        ArrayNode origins = data.putObject("security").putObject("cors_policy").putArray("allowed_origins");
        api.allowedOrigins.forEach(origins::add);
        ObjectNode root = Json.data(data);
        if (api.transition == null && api.settled.equals("error")) {
            String message = typeDefinitionError(api.typeDefinitions).orElse("Invalid type definitions");
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

    private Reply create(FakeInstance instance, Call call) {
        Optional<JsonNode> parsed = call.json();
        if (parsed.isEmpty() || !parsed.get().isObject()) {
            return Replies.invalid("The request body must be a JSON object", null);
        }
        JsonNode body = parsed.get();
        String name = Json.text(body, "name");
        if (name == null || name.isBlank()) {
            return Replies.invalid("name is required", "name");
        }
        Reply bad = checkTypeDefinitions(body.get("type_definitions"), true);
        if (bad != null) {
            return bad;
        }
        JsonNode aura = body.get("aura_instance");
        String username = Json.text(aura, "username");
        String password = Json.text(aura, "password");
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
            bad = checkNewProvider(p, "security.authentication_providers.");
            if (bad != null) {
                return bad;
            }
        }
        List<String> origins = new ArrayList<>();
        if (security.has("cors_policy")) {
            bad = readOrigins(security.get("cors_policy"), origins);
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
        ObjectNode data = summary(api);
        ArrayNode created = data.putArray("authentication_providers");
        for (JsonNode p : providers) {
            World.AuthProvider provider = newProvider(p);
            api.providers.put(provider.id, provider);
            created.add(providerJson(provider, true));
        }
        typeDefinitionError(api.typeDefinitions); // the real library's verdict, cached by prevalidate (never throws)
        begin(api, "creating", call);
        world.dataApis.put(api.id, api);
        data.put("status", status(api));
        return Reply.data(202, data);
    }

    private Reply update(World.DataApi api, Call call) {
        String current = status(api);
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
        if (pruned(body).isEmpty()) {
            return Replies.invalid("The request must contain at least one field to update", null);
        }
        JsonNode security = body.get("security");
        if (security != null && security.has("authentication_providers")) {
            return Replies.invalid(
                    "Authentication providers cannot be changed here: use the auth-providers" + " endpoints",
                    "security.authentication_providers");
        }
        if (body.has("name")
                && (Json.text(body, "name") == null || Json.text(body, "name").isBlank())) {
            return Replies.invalid("name must be a non-empty string", "name");
        }
        Reply bad = checkTypeDefinitions(body.get("type_definitions"), false);
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
            bad = readOrigins(security.get("cors_policy"), origins);
            if (bad != null) {
                return bad;
            }
        }
        if (body.has("type_definitions")) {
            // the verdict first (cached by prevalidate, outside the world lock; never throws), then the changes
            typeDefinitionError(body.get("type_definitions").asText());
        }
        if (body.has("name")) {
            api.name = Json.text(body, "name");
        }
        if (body.has("type_definitions")) {
            api.typeDefinitions = body.get("type_definitions").asText();
        }
        if (aura != null) {
            if (Json.text(aura, "username") != null) {
                api.username = Json.text(aura, "username");
            }
            if (Json.text(aura, "password") != null) {
                api.password = Json.text(aura, "password");
            }
        }
        if (features != null && features.has("subgraph")) {
            api.subgraph = features.get("subgraph").asBoolean();
        }
        if (origins != null) {
            api.allowedOrigins = origins;
        }
        begin(api, "updating", call);
        return Reply.data(202, summary(api));
    }

    private Reply delete(World.DataApi api, Call call) {
        if (!"deleting".equals(api.transition)) {
            begin(api, "deleting", call);
        }
        return Reply.data(202, summary(api));
    }

    private Reply pause(World.DataApi api, Call call) {
        String current = status(api);
        if (!current.equals("ready") && !current.equals("error")) {
            return Reply.error(
                    400, "The GraphQL Data API " + api.id + " cannot be paused while " + current, "data-api-not-ready");
        }
        begin(api, "pausing", call);
        return Reply.data(202, summary(api));
    }

    private Reply resume(World.DataApi api, Call call) {
        String current = status(api);
        if (!current.equals("paused")) {
            return Reply.error(
                    400,
                    "The GraphQL Data API " + api.id + " cannot be resumed while " + current,
                    "data-api-not-paused");
        }
        begin(api, "resuming", call);
        return Reply.data(202, summary(api));
    }

    private ObjectNode summary(World.DataApi api) {
        return Json.object()
                .put("id", api.id)
                .put("name", api.name)
                .put("status", status(api))
                .put("url", settings.baseUrl + "/graphql-endpoints/" + api.id + "/graphql");
    }

    // ---------------------------------------------------------------- auth providers

    private Reply listProviders(World.DataApi api) {
        ArrayNode list = Json.array();
        api.providers.values().forEach(p -> list.add(providerJson(p, false)));
        return Reply.data(200, list);
    }

    private Reply createProvider(World.DataApi api, Call call) {
        Optional<JsonNode> parsed = call.json();
        if (parsed.isEmpty() || !parsed.get().isObject()) {
            return Replies.invalid("The request body must be a JSON object", null);
        }
        Reply bad = checkNewProvider(parsed.get(), "");
        if (bad != null) {
            return bad;
        }
        World.AuthProvider provider = newProvider(parsed.get());
        api.providers.put(provider.id, provider);
        touch(api, call);
        return Reply.data(202, providerJson(provider, true));
    }

    private Reply updateProvider(World.DataApi api, World.AuthProvider provider, Call call) {
        Optional<JsonNode> parsed = call.json();
        if (parsed.isEmpty() || !parsed.get().isObject()) {
            return Replies.invalid("The request body must be a JSON object", null);
        }
        JsonNode body = parsed.get();
        if (pruned(body).isEmpty()) {
            return Replies.invalid("The request must contain at least one field to update", null);
        }
        if (body.has("name")
                && (Json.text(body, "name") == null || Json.text(body, "name").isBlank())) {
            return Replies.invalid("name must be a non-empty string", "name");
        }
        if (body.has("enabled") && !body.get("enabled").isBoolean()) {
            return Replies.invalid("enabled must be a boolean", "enabled");
        }
        if (body.hasNonNull("url")) {
            if (provider.type.equals("api-key")) {
                return Replies.invalid("url must not be set for api-key authentication providers", "url");
            }
            if (!isHttpUrl(Json.text(body, "url"))) {
                return Replies.invalid("url must be an http(s) URL of a JWKS document", "url");
            }
        }
        if (body.has("name")) {
            provider.name = Json.text(body, "name");
        }
        if (body.has("enabled")) {
            provider.enabled = body.get("enabled").asBoolean();
        }
        if (body.hasNonNull("url")) {
            provider.url = Json.text(body, "url");
        }
        touch(api, call);
        return Reply.data(202, providerJson(provider, false));
    }

    private Reply deleteProvider(World.DataApi api, World.AuthProvider provider, Call call) {
        api.providers.remove(provider.id);
        touch(api, call);
        return Reply.data(202, providerJson(provider, false));
    }

    private static Reply checkNewProvider(JsonNode p, String prefix) {
        if (p == null || !p.isObject()) {
            return Replies.invalid(
                    "An authentication provider must be an object",
                    prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1));
        }
        String name = Json.text(p, "name");
        if (name == null || name.isBlank()) {
            return Replies.invalid("name is required", prefix + "name");
        }
        String type = Json.text(p, "type");
        if (!"api-key".equals(type) && !"jwks".equals(type)) {
            return Replies.invalid("type must be one of api-key, jwks", prefix + "type");
        }
        if (p.has("enabled") && !p.get("enabled").isBoolean()) {
            return Replies.invalid("enabled must be a boolean", prefix + "enabled");
        }
        boolean hasUrl = p.hasNonNull("url");
        if (type.equals("jwks") && !hasUrl) {
            return Replies.invalid("url is required for jwks authentication providers", prefix + "url");
        }
        if (type.equals("jwks") && !isHttpUrl(Json.text(p, "url"))) {
            return Replies.invalid("url must be an http(s) URL of a JWKS document", prefix + "url");
        }
        if (type.equals("api-key") && hasUrl) {
            return Replies.invalid("url must not be set for api-key authentication providers", prefix + "url");
        }
        return null;
    }

    private World.AuthProvider newProvider(JsonNode p) {
        String type = Json.text(p, "type");
        boolean enabled = !p.has("enabled") || p.get("enabled").asBoolean();
        return new World.AuthProvider(
                UUID.randomUUID().toString(),
                Json.text(p, "name"),
                type,
                enabled,
                type.equals("jwks") ? Json.text(p, "url") : null,
                type.equals("api-key") ? randomKey(32) : null);
    }

    private static ObjectNode providerJson(World.AuthProvider p, boolean withKey) {
        ObjectNode o = Json.object()
                .put("id", p.id)
                .put("name", p.name)
                .put("type", p.type)
                .put("enabled", p.enabled);
        if (p.url != null) {
            o.put("url", p.url);
        }
        if (withKey && p.key != null) {
            o.put("key", p.key);
        }
        return o;
    }

    // ---------------------------------------------------------------- validation helpers

    private static Reply checkTypeDefinitions(JsonNode node, boolean required) {
        if (node == null || node.isNull()) {
            return required ? Replies.invalid("type_definitions is required", "type_definitions") : null;
        }
        if (!node.isTextual()) {
            return Replies.invalid("type_definitions must be a base64-encoded string", "type_definitions");
        }
        Optional<String> sdl = decode(node.asText());
        if (sdl.isEmpty()) {
            return Replies.invalid("type_definitions must be base64-encoded", "type_definitions");
        }
        if (sdl.get().isBlank()) {
            return Replies.invalid("type_definitions must not be empty", "type_definitions");
        }
        return null;
    }

    private static Optional<String> decode(String base64) {
        try {
            return Optional.of(new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Runs the real library's check for the type definitions of a create or update request, if any, so that the
     * verdict is cached before the request is handled: the engine calls this outside the world lock (a node run
     * takes about a second), and {@link #typeDefinitionError} under the lock then finds the verdict.
     */
    void prevalidate(Call call) {
        if (settings.typeDefinitionsCheck == null
                || !(call.is("POST") || call.is("PATCH"))
                || call.size() < 5
                || call.size() > 6
                || !call.seg(3).equals("data-apis")
                || !call.seg(4).equals("graphql")) {
            return;
        }
        Optional<JsonNode> body = call.json();
        JsonNode typeDefinitions = body.isPresent() ? body.get().get("type_definitions") : null;
        if (typeDefinitions != null && typeDefinitions.isTextual()) {
            typeDefinitionError(typeDefinitions.asText());
        }
    }

    /**
     * The error Aura would report for these type definitions: the real library's when configured, else built-in.
     * The real library's verdicts are cached by text; when the library could not run (node failed or timed out)
     * the verdict is an error saying so, cached the same way.
     */
    Optional<String> typeDefinitionError(String base64) {
        Function<String, Optional<String>> real = settings.typeDefinitionsCheck;
        if (real == null) {
            return builtInTypeDefinitionError(base64);
        }
        String key = base64 == null ? "" : base64;
        Optional<String> cached = realVerdicts.get(key);
        if (cached != null) {
            return cached;
        }
        Optional<String> sdl = decode(key);
        Optional<String> verdict;
        if (sdl.isEmpty() || sdl.get().isBlank()) {
            verdict = builtInTypeDefinitionError(key);
        } else {
            try {
                verdict = real.apply(sdl.get());
            } catch (RuntimeException e) {
                verdict = Optional.of(VALIDATION_FAILED + e.getMessage());
            }
        }
        Optional<String> raced = realVerdicts.putIfAbsent(key, verdict);
        return raced != null ? raced : verdict;
    }

    /**
     * The fake's deterministic notion of invalid type definitions: the SDL mentions the type {@code Strig}, or its
     * braces do not balance.
     */
    static Optional<String> builtInTypeDefinitionError(String base64) {
        Optional<String> sdl = decode(base64 == null ? "" : base64);
        if (sdl.isEmpty()) {
            return Optional.of("Type definitions are not valid base64");
        }
        if (Pattern.compile("\\bStrig\\b").matcher(sdl.get()).find()) {
            return Optional.of("Unknown type \"Strig\". Did you mean \"String\"?");
        }
        int depth = 0;
        for (char c : sdl.get().toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth < 0) {
                return Optional.of("Syntax Error: Unexpected \"}\".");
            }
        }
        return depth == 0 ? Optional.empty() : Optional.of("Syntax Error: Expected Name, found <EOF>.");
    }

    private static Reply readOrigins(JsonNode cors, List<String> out) {
        JsonNode origins = cors == null ? null : cors.get("allowed_origins");
        if (origins == null || !origins.isArray()) {
            return Replies.invalid(
                    "security.cors_policy.allowed_origins must be a list of origins",
                    "security.cors_policy.allowed_origins");
        }
        for (JsonNode o : origins) {
            if (!o.isTextual() || o.asText().isBlank()) {
                return Replies.invalid(
                        "allowed_origins must contain non-empty strings", "security.cors_policy.allowed_origins");
            }
            out.add(o.asText());
        }
        return null;
    }

    /** The object without nulls, empty arrays and empty objects, recursively. */
    private static ObjectNode pruned(JsonNode node) {
        ObjectNode out = Json.object();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            if (v.isObject()) {
                ObjectNode inner = pruned(v);
                if (!inner.isEmpty()) {
                    out.set(e.getKey(), inner);
                }
            } else if (v.isArray()) {
                if (!v.isEmpty()) {
                    out.set(e.getKey(), v);
                }
            } else if (!v.isNull()) {
                out.set(e.getKey(), v);
            }
        }
        return out;
    }

    private static boolean isHttpUrl(String value) {
        if (value == null) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private String randomHex(int length) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < length) {
            sb.append(Integer.toHexString(random.nextInt(16)));
        }
        String id = sb.toString();
        return world.dataApis.containsKey(id) ? randomHex(length) : id;
    }

    private String randomKey(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        Secrets.record(sb.toString());
        return sb.toString();
    }

    // ---------------------------------------------------------------- the fake GraphQL endpoint

    /**
     * {@code POST /graphql-endpoints/{dataApiId}/graphql}. Accepts an {@code x-api-key} matching an enabled api-key
     * provider of that Data API, or, when it has an enabled jwks provider, {@code Authorization: Bearer <JWT>}.
     * The JWT payload is decoded but its signature is NOT verified (only {@code exp} is checked).
     */
    Reply graphqlEndpoint(Call call) {
        if (call.size() != 3 || !call.seg(2).equals("graphql")) {
            return graphqlError(404, "Not found");
        }
        if (!call.is("POST")) {
            return graphqlError(405, "Use POST");
        }
        World.DataApi api = world.dataApis.get(call.seg(1));
        if (api != null) {
            settle(api, call);
        }
        if (api == null || api.gone) {
            return graphqlError(404, "Not found");
        }
        String status = status(api);
        if (!status.equals("ready") && !status.equals("updating")) {
            return graphqlError(503, "The GraphQL Data API is " + status);
        }
        String method = null;
        JsonNode claims = null;
        String apiKey = call.header("x-api-key");
        if (apiKey != null) {
            for (World.AuthProvider p : api.providers.values()) {
                if (p.enabled && p.type.equals("api-key") && p.key.equals(apiKey)) {
                    method = "api-key";
                }
            }
        } else {
            String auth = call.header("Authorization");
            boolean jwks = api.providers.values().stream().anyMatch(p -> p.enabled && p.type.equals("jwks"));
            if (jwks && auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                claims = jwtClaims(auth.substring(7).trim()).orElse(null);
                if (claims != null) {
                    JsonNode exp = claims.get("exp");
                    if (exp == null || !exp.isNumber() || exp.asLong() > call.now.getEpochSecond()) {
                        method = "jwt";
                    }
                }
            }
        }
        if (method == null) {
            return graphqlError(401, "Unauthenticated");
        }
        Optional<JsonNode> parsed = call.json();
        String query = parsed.map(b -> Json.text(b, "query")).orElse(null);
        if (query == null || query.isBlank()) {
            return graphqlError(400, "Must provide query string.");
        }
        String operation = parsed.map(b -> Json.text(b, "operationName")).orElse(null);
        if (operation == null) {
            Matcher m = OPERATION.matcher(query);
            operation = m.find() ? m.group(1) : null;
        }
        ObjectNode echo = Json.object();
        echo.put("dataApiId", api.id);
        echo.put("authenticatedBy", method);
        echo.put("operationName", operation);
        JsonNode tenant = claims == null ? null : claims.get("tenantId");
        echo.set("tenantId", tenant == null ? echo.nullNode() : tenant);
        ObjectNode data = Json.object();
        data.set("fakeAura", echo);
        return Reply.data(200, data);
    }

    private static Optional<JsonNode> jwtClaims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            return Json.parse(payload).filter(JsonNode::isObject);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Reply graphqlError(int status, String message) {
        ObjectNode root = Json.object();
        root.putArray("errors").addObject().put("message", message);
        return Reply.json(status, root);
    }
}
