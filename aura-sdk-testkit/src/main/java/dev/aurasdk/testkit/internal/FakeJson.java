package dev.aurasdk.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** JSON helpers shared by the fake's handlers. */
public final class FakeJson {
    /** The one mapper of the fake. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private FakeJson() {}

    /** A new empty object node. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A new empty array node. */
    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** Serialises a node compactly. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses text, or empty when it is not JSON. */
    public static Optional<JsonNode> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** {@code {"data": value}}. */
    public static ObjectNode data(JsonNode value) {
        ObjectNode root = object();
        root.set("data", value);
        return root;
    }

    /** The standard Aura error envelope with one error. */
    public static ObjectNode errors(String message, String reason, String field) {
        ObjectNode error = object();
        error.put("message", message);
        error.put("reason", reason);
        if (field != null) {
            error.put("field", field);
        }
        ObjectNode root = object();
        root.putArray("errors").add(error);
        return root;
    }

    /** Text of a field, or null when absent or not textual. */
    public static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
