package dev.aurasdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;

/** The auth providers of a GraphQL Data API (v1beta5): list, create, get, update, delete. */
final class AuthProviderApi {
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final DataApiStates states;
    private final SecureRandom random;

    AuthProviderApi(DataApiStates states, SecureRandom random) {
        this.states = states;
        this.random = random;
    }

    /** Registers {@code {dataApiId}/auth-providers[/{providerId}]} in the Data API group. */
    void register(Router.Group dataApi) {
        dataApi.get("/{dataApiId}/auth-providers", states.withApi((api, call) -> listProviders(api)))
                .post("/{dataApiId}/auth-providers", states.withApi(this::createProvider))
                .get(
                        "/{dataApiId}/auth-providers/{providerId}",
                        withProvider((api, p, call) -> Reply.data(200, providerJson(p, false))))
                .patch("/{dataApiId}/auth-providers/{providerId}", withProvider(this::updateProvider))
                .delete("/{dataApiId}/auth-providers/{providerId}", withProvider(this::deleteProvider));
    }

    /** A handler of one provider of one Data API. */
    @FunctionalInterface
    private interface ProviderHandler {
        Reply handle(World.DataApi api, World.AuthProvider provider, FakeCall call);
    }

    private Router.Handler withProvider(ProviderHandler handler) {
        return states.withApi((api, call) -> {
            String id = call.param("providerId");
            World.AuthProvider provider = api.providers.get(id);
            if (provider == null) {
                return Reply.error(404, "Authentication provider not found: " + id, "auth-provider-not-found");
            }
            return handler.handle(api, provider, call);
        });
    }

    private Reply listProviders(World.DataApi api) {
        ArrayNode list = FakeJson.array();
        api.providers.values().forEach(p -> list.add(providerJson(p, false)));
        return Reply.data(200, list);
    }

    private Reply createProvider(World.DataApi api, FakeCall call) {
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
        DataApiStates.touch(api, call);
        return Reply.data(202, providerJson(provider, true));
    }

    private Reply updateProvider(World.DataApi api, World.AuthProvider provider, FakeCall call) {
        Optional<JsonNode> parsed = call.json();
        if (parsed.isEmpty() || !parsed.get().isObject()) {
            return Replies.invalid("The request body must be a JSON object", null);
        }
        JsonNode body = parsed.get();
        if (BodyChecks.pruned(body).isEmpty()) {
            return Replies.invalid("The request must contain at least one field to update", null);
        }
        if (body.has("name")
                && (FakeJson.text(body, "name") == null
                        || FakeJson.text(body, "name").isBlank())) {
            return Replies.invalid("name must be a non-empty string", "name");
        }
        if (body.has("enabled") && !body.get("enabled").isBoolean()) {
            return Replies.invalid("enabled must be a boolean", "enabled");
        }
        if (body.hasNonNull("url")) {
            if (provider.type.equals("api-key")) {
                return Replies.invalid("url must not be set for api-key authentication providers", "url");
            }
            if (!BodyChecks.isHttpUrl(FakeJson.text(body, "url"))) {
                return Replies.invalid("url must be an http(s) URL of a JWKS document", "url");
            }
        }
        if (body.has("name")) {
            provider.name = FakeJson.text(body, "name");
        }
        if (body.has("enabled")) {
            provider.enabled = body.get("enabled").asBoolean();
        }
        if (body.hasNonNull("url")) {
            provider.url = FakeJson.text(body, "url");
        }
        DataApiStates.touch(api, call);
        return Reply.data(202, providerJson(provider, false));
    }

    private Reply deleteProvider(World.DataApi api, World.AuthProvider provider, FakeCall call) {
        api.providers.remove(provider.id);
        DataApiStates.touch(api, call);
        return Reply.data(202, providerJson(provider, false));
    }

    static Reply checkNewProvider(JsonNode p, String prefix) {
        if (p == null || !p.isObject()) {
            return Replies.invalid(
                    "An authentication provider must be an object",
                    prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1));
        }
        String name = FakeJson.text(p, "name");
        if (name == null || name.isBlank()) {
            return Replies.invalid("name is required", prefix + "name");
        }
        String type = FakeJson.text(p, "type");
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
        if (type.equals("jwks") && !BodyChecks.isHttpUrl(FakeJson.text(p, "url"))) {
            return Replies.invalid("url must be an http(s) URL of a JWKS document", prefix + "url");
        }
        if (type.equals("api-key") && hasUrl) {
            return Replies.invalid("url must not be set for api-key authentication providers", prefix + "url");
        }
        return null;
    }

    World.AuthProvider newProvider(JsonNode p) {
        String type = FakeJson.text(p, "type");
        boolean enabled = !p.has("enabled") || p.get("enabled").asBoolean();
        return new World.AuthProvider(
                UUID.randomUUID().toString(),
                FakeJson.text(p, "name"),
                type,
                enabled,
                type.equals("jwks") ? FakeJson.text(p, "url") : null,
                type.equals("api-key") ? randomKey(32) : null);
    }

    static ObjectNode providerJson(World.AuthProvider p, boolean withKey) {
        ObjectNode o = FakeJson.object()
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

    private String randomKey(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        Secrets.record(sb.toString());
        return sb.toString();
    }
}
