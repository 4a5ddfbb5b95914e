package dev.aurasdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One request being handled. */
final class FakeCall {
    final String method;
    final String path;
    final List<String> segments;
    final Map<String, List<String>> query;
    final Map<String, List<String>> headers;
    final String body;
    final Instant now;
    String clientId;
    /** The named path parameters of the route that matched (set by {@link Router}). */
    private Map<String, String> params = Map.of();

    FakeCall(
            String method,
            String path,
            Map<String, List<String>> query,
            Map<String, List<String>> headers,
            String body,
            Instant now) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.path = path;
        this.query = query;
        this.headers = headers;
        this.body = body == null ? "" : body;
        this.now = now;
        List<String> parts = new ArrayList<>();
        for (String raw : path.split("/")) {
            if (!raw.isEmpty()) {
                parts.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        this.segments = List.copyOf(parts);
    }

    String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    Optional<JsonNode> json() {
        return FakeJson.parse(body);
    }

    int size() {
        return segments.size();
    }

    String seg(int i) {
        return segments.get(i);
    }

    void params(Map<String, String> values) {
        this.params = values;
    }

    /** A named path parameter of the matched route, such as {@code instanceId}. */
    String param(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalStateException("No path parameter " + name + " on " + path);
        }
        return value;
    }

    boolean is(String m) {
        return method.equals(m);
    }
}
