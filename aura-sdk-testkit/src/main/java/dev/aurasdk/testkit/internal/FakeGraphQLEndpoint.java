package dev.aurasdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fake GraphQL endpoint each Data API's {@code url} points at: {@code POST /graphql-endpoints/{id}/graphql}. */
final class FakeGraphQLEndpoint {
    private static final Pattern OPERATION =
            Pattern.compile("^\\s*(?:query|mutation|subscription)\\s+([_A-Za-z][_0-9A-Za-z]*)");

    private final World world;
    private final DataApiStates states;
    private final Router router =
            new Router(call -> graphqlError(404, "Not found"), call -> graphqlError(405, "Use POST"));

    FakeGraphQLEndpoint(World world, DataApiStates states) {
        this.world = world;
        this.states = states;
        router.post("/graphql-endpoints/{dataApiId}/graphql", this::graphqlEndpoint);
    }

    /** Answers a request under {@code /graphql-endpoints/}. */
    Reply handle(FakeCall call) {
        return router.dispatch(call);
    }

    /**
     * {@code POST /graphql-endpoints/{dataApiId}/graphql}. Accepts an {@code x-api-key} matching an enabled api-key
     * provider of that Data API, or, when it has an enabled jwks provider, {@code Authorization: Bearer <JWT>}.
     * The JWT payload is decoded but its signature is NOT verified (only {@code exp} is checked).
     */
    private Reply graphqlEndpoint(FakeCall call) {
        World.DataApi api = world.dataApis.get(call.param("dataApiId"));
        if (api != null) {
            states.settle(api, call);
        }
        if (api == null || api.gone) {
            return graphqlError(404, "Not found");
        }
        String status = DataApiStates.status(api);
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
        String query = parsed.map(b -> FakeJson.text(b, "query")).orElse(null);
        if (query == null || query.isBlank()) {
            return graphqlError(400, "Must provide query string.");
        }
        String operation = parsed.map(b -> FakeJson.text(b, "operationName")).orElse(null);
        if (operation == null) {
            Matcher m = OPERATION.matcher(query);
            operation = m.find() ? m.group(1) : null;
        }
        ObjectNode echo = FakeJson.object();
        echo.put("dataApiId", api.id);
        echo.put("authenticatedBy", method);
        echo.put("operationName", operation);
        JsonNode tenant = claims == null ? null : claims.get("tenantId");
        echo.set("tenantId", tenant == null ? echo.nullNode() : tenant);
        ObjectNode data = FakeJson.object();
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
            return FakeJson.parse(payload).filter(JsonNode::isObject);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Reply graphqlError(int status, String message) {
        ObjectNode root = FakeJson.object();
        root.putArray("errors").addObject().put("message", message);
        return Reply.json(status, root);
    }
}
