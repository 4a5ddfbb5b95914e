package dev.aurasdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks secrets in headers and bodies before they reach the journal. */
public final class Redactor {
    /** The mask. */
    public static final String MASK = "****";

    private static final Set<String> SECRET_FIELDS =
            Set.of("password", "key", "client_secret", "access_token", "secret", "refresh_token");
    private static final Set<String> SCHEME_HEADERS = Set.of("authorization", "proxy-authorization");
    private static final Set<String> SECRET_HEADERS = Set.of("x-api-key", "cookie", "set-cookie");
    private static final Pattern JSON_SECRET = Pattern.compile(
            "(\"(?:password|key|client_secret|access_token|secret|refresh_token)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"?",
            Pattern.CASE_INSENSITIVE);

    private Redactor() {}

    /** Redacts a header map (names kept as received). */
    public static Map<String, List<String>> headers(Map<String, List<String>> raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        raw.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            List<String> redacted = new ArrayList<>();
            for (String value : values) {
                if (SCHEME_HEADERS.contains(lower)) {
                    int space = value.indexOf(' ');
                    redacted.add(space > 0 ? value.substring(0, space) + " " + MASK : MASK);
                } else if (SECRET_HEADERS.contains(lower)) {
                    redacted.add(MASK);
                } else {
                    redacted.add(value);
                }
            }
            out.put(name, List.copyOf(redacted));
        });
        return out;
    }

    /** Redacts a body: JSON fields, form fields, or JSON-looking text that does not parse. */
    public static String body(String body) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        Optional<JsonNode> json = FakeJson.parse(body);
        if (json.isPresent() && json.get().isContainerNode()) {
            JsonNode copy = json.get().deepCopy();
            mask(copy);
            return FakeJson.write(copy);
        }
        String trimmed = body.trim();
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[") && trimmed.contains("=")) {
            return form(body);
        }
        Matcher m = JSON_SECRET.matcher(body);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "\"" + MASK + "\""));
    }

    /** The values of secret fields in a body: JSON fields anywhere in the document, or form fields. */
    static List<String> secretValues(String body) {
        List<String> out = new ArrayList<>();
        if (body == null || body.isEmpty()) {
            return out;
        }
        Optional<JsonNode> json = FakeJson.parse(body);
        if (json.isPresent()) {
            collect(json.get(), out);
            return out;
        }
        for (String pair : body.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq > 0 && SECRET_FIELDS.contains(pair.substring(0, eq).toLowerCase(Locale.ROOT))) {
                try {
                    out.add(java.net.URLDecoder.decode(
                            pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
                } catch (IllegalArgumentException malformed) {
                    out.add(pair.substring(eq + 1));
                }
            }
        }
        return out;
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node instanceof ObjectNode) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (SECRET_FIELDS.contains(e.getKey().toLowerCase(Locale.ROOT))
                        && e.getValue().isTextual()) {
                    out.add(e.getValue().textValue());
                } else {
                    collect(e.getValue(), out);
                }
            }
        } else if (node instanceof ArrayNode) {
            node.forEach(n -> collect(n, out));
        }
    }

    private static String form(String body) {
        StringBuilder out = new StringBuilder();
        for (String pair : body.split("&", -1)) {
            if (out.length() > 0) {
                out.append('&');
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (eq >= 0 && SECRET_FIELDS.contains(name.toLowerCase(Locale.ROOT))) {
                out.append(name).append('=').append(MASK);
            } else {
                out.append(pair);
            }
        }
        return out.toString();
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode) {
            ObjectNode obj = (ObjectNode) node;
            List<String> secrets = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : obj.properties()) {
                if (SECRET_FIELDS.contains(e.getKey().toLowerCase(Locale.ROOT))
                        && e.getValue().isValueNode()) {
                    secrets.add(e.getKey());
                } else {
                    mask(e.getValue());
                }
            }
            secrets.forEach(name -> obj.put(name, MASK));
        } else if (node instanceof ArrayNode) {
            node.forEach(Redactor::mask);
        }
    }
}
