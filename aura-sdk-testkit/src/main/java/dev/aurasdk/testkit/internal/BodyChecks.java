package dev.aurasdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks of request bodies shared by the Data API and auth-provider handlers. */
final class BodyChecks {
    private BodyChecks() {}

    static Reply readOrigins(JsonNode cors, List<String> out) {
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
    static ObjectNode pruned(JsonNode node) {
        ObjectNode out = FakeJson.object();
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

    static boolean isHttpUrl(String value) {
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
}
