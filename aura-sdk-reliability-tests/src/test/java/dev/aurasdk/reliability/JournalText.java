package dev.aurasdk.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aurasdk.testkit.DemoWorld;
import dev.aurasdk.testkit.JournalEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a fake-server journal as normalised, deterministic text: one block per request with the method, path and
 * query, the headers that matter (the {@code Authorization} scheme only, never a credential), the request body (JSON
 * with sorted keys) and the status answered. The demo world's fixed ids become named placeholders
 * ({@code <instance>}); ids the fake generates become {@code <id1>}, {@code <id2>}, … in order of first appearance;
 * long strings (type definitions) become their length and a hash prefix.
 */
final class JournalText {
    /** Headers the JDK's HTTP client adds or chooses per connection: not part of what the SDK decides to send. */
    private static final Set<String> TRANSPORT_HEADERS =
            Set.of("host", "content-length", "connection", "upgrade", "http2-settings", "transfer-encoding");

    /** UUIDs (job and provider ids) and the fake's 8-hex-digit ids (Data APIs), whole words only. */
    private static final Pattern GENERATED_ID =
            Pattern.compile("(?i)\\b(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{8})\\b");

    private static final int LONG_STRING = 100;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The demo world's fixed ids, by name. */
    private static final Map<String, String> KNOWN_IDS = knownIds();

    private final Map<String, String> generatedIds = new LinkedHashMap<>();

    private JournalText() {}

    private static Map<String, String> knownIds() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put(DemoWorld.ORGANIZATION_ID, "<organization>");
        ids.put(DemoWorld.PROJECT_ID, "<project>");
        ids.put(DemoWorld.STAGING_PROJECT_ID, "<staging-project>");
        ids.put(DemoWorld.INSTANCE_ID, "<instance>");
        ids.put(DemoWorld.FREE_INSTANCE_ID, "<free-instance>");
        ids.put(DemoWorld.STAGING_INSTANCE_ID, "<staging-instance>");
        ids.put(DemoWorld.IMPORT_MODEL_ID, "<import-model>");
        ids.put(DemoWorld.FAILING_IMPORT_MODEL_ID, "<failing-import-model>");
        return ids;
    }

    /**
     * The text of a whole journal.
     *
     * @param entries the journal, oldest first
     * @return one block per request, separated by blank lines
     */
    static String render(List<JournalEntry> entries) {
        JournalText text = new JournalText();
        StringBuilder out = new StringBuilder();
        for (JournalEntry e : entries) {
            out.append(text.block(e)).append('\n');
        }
        return out.toString();
    }

    private String block(JournalEntry e) {
        StringBuilder b = new StringBuilder();
        b.append(e.method()).append(' ').append(ids(e.path()));
        e.query().ifPresent(q -> b.append('?').append(ids(q)));
        b.append('\n');
        Map<String, String> headers = new TreeMap<>();
        e.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!TRANSPORT_HEADERS.contains(lower)) {
                headers.put(lower, header(lower, String.join(", ", values)));
            }
        });
        headers.forEach((name, value) ->
                b.append("  ").append(name).append(": ").append(value).append('\n'));
        if (!e.body().isEmpty()) {
            b.append("  body: ").append(body(e.body())).append('\n');
        }
        b.append("  -> ")
                .append(e.status() == 0 ? "dropped" : String.valueOf(e.status()))
                .append(e.faultInjected() ? " (fault)" : "")
                .append('\n');
        return b.toString();
    }

    private String header(String name, String value) {
        switch (name) {
            case "authorization":
            case "proxy-authorization":
                int space = value.indexOf(' ');
                return space > 0 ? value.substring(0, space) + " <credential>" : "<credential>";
            case "x-api-key":
            case "cookie":
                return "<credential>";
            case "user-agent":
                return value.replaceAll("aura-sdk-java/\\S+", "aura-sdk-java/<version>")
                        .replaceAll("\\(Java [^;)]*;[^)]*\\)", "(Java <java>; <os>)")
                        .replaceAll("Java-http-client/\\S+", "Java-http-client/<java>");
            default:
                return ids(value);
        }
    }

    private String body(String body) {
        String trimmed = body.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                JsonNode tree = MAPPER.readTree(trimmed);
                return MAPPER.writeValueAsString(canonical(tree));
            } catch (JsonProcessingException notJson) {
                // rendered as text below
            }
        }
        return text(body);
    }

    private JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            names.sort(null);
            for (String name : names) {
                sorted.set(name, canonical(node.get(name)));
            }
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> array.add(canonical(item)));
            return array;
        }
        if (node.isTextual()) {
            return JsonNodeFactory.instance.textNode(text(node.asText()));
        }
        return node;
    }

    private String text(String value) {
        String replaced = ids(value);
        if (replaced.length() <= LONG_STRING) {
            return replaced.replace("\n", "\\n");
        }
        return "<" + replaced.length() + " chars, sha256 " + sha256(replaced).substring(0, 16) + ">";
    }

    /** Known ids by name, then generated ids, each numbered on first sight. */
    private String ids(String value) {
        String out = value;
        for (Map.Entry<String, String> known : KNOWN_IDS.entrySet()) {
            out = out.replace(known.getKey(), known.getValue());
        }
        return replace(GENERATED_ID, out);
    }

    private String replace(Pattern pattern, String value) {
        Matcher m = pattern.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String id = m.group().toLowerCase(Locale.ROOT);
            String name = generatedIds.computeIfAbsent(id, k -> "<id" + (generatedIds.size() + 1) + ">");
            m.appendReplacement(sb, Matcher.quoteReplacement(name));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format(Locale.ROOT, "%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
