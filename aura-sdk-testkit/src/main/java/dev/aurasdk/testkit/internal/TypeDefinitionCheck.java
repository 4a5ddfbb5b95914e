package dev.aurasdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Data API type definitions: the request checks (present, base64, not blank) and the verdict Aura would give
 * (the real Neo4j GraphQL Library's when configured, cached per text, else the built-in check).
 */
final class TypeDefinitionCheck {
    /** Start of the error of a Data API whose type definitions the real library could not check. */
    static final String VALIDATION_FAILED =
            "The type definitions could not be validated with the Neo4j GraphQL" + " Library: ";

    private final Settings settings;
    /** Verdicts of the real library by type definitions (base64), so that each text is validated once. */
    private final Map<String, Optional<String>> realVerdicts = new ConcurrentHashMap<>();

    TypeDefinitionCheck(Settings settings) {
        this.settings = settings;
    }

    static Reply checkTypeDefinitions(JsonNode node, boolean required) {
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

    static Optional<String> decode(String base64) {
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
    void prevalidate(FakeCall call) {
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
}
