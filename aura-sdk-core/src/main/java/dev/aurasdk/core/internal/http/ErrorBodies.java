package dev.aurasdk.core.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurasdk.core.AuraError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the error shapes Aura and its gateways send: {@code {"errors":[{message,reason,field}]}},
 * the middleware {@code {"error":"..."}}, OAuth {@code {"error","error_description"}}, and non-JSON
 * bodies (a proxy's HTML page). Not API.
 */
public final class ErrorBodies {
    private static final Pattern TITLE = Pattern.compile("<title>([^<]{1,200})</title>", Pattern.CASE_INSENSITIVE);

    private ErrorBodies() {}

    /**
     * Errors found in a body.
     *
     * @param mapper the mapper
     * @param body the raw body
     * @return the errors (empty when the body has none or is not JSON)
     */
    public static List<AuraError> parse(ObjectMapper mapper, byte[] body) {
        JsonNode root = readJson(mapper, body).orElse(null);
        return root == null ? List.of() : parse(root);
    }

    /**
     * Errors found in a parsed body.
     *
     * @param root the JSON body
     * @return the errors
     */
    public static List<AuraError> parse(JsonNode root) {
        List<AuraError> out = new ArrayList<>();
        if (!root.isObject()) {
            return out;
        }
        JsonNode errors = root.get("errors");
        if (errors != null && errors.isArray()) {
            for (JsonNode e : errors) {
                if (e.isObject()) {
                    Optional<String> message = text(e, "message");
                    Optional<String> error = text(e, "error");
                    out.add(AuraError.builder()
                            .message(message.or(() -> error).orElse("(no message)"))
                            // the billing shape {"error", "message"}: keep "error" as the reason
                            .reason(text(e, "reason").or(() -> message.isPresent() ? error : Optional.empty()))
                            .field(text(e, "field"))
                            .build());
                } else if (e.isTextual()) {
                    out.add(AuraError.builder().message(e.asText()).build());
                }
            }
            return out;
        }
        Optional<String> error = text(root, "error");
        Optional<String> description = text(root, "error_description");
        if (error.isPresent() && description.isPresent()) {
            out.add(AuraError.builder()
                    .message(description.get())
                    .reason(error.get())
                    .build());
        } else if (error.isPresent()) {
            out.add(AuraError.builder().message(error.get()).build());
        } else {
            text(root, "message")
                    .ifPresent(m -> out.add(AuraError.builder().message(m).build()));
        }
        return out;
    }

    /**
     * A short description of a body that carried no Aura error.
     *
     * @param mapper the mapper
     * @param statusCode the HTTP status
     * @param contentType the Content-Type header, may be null
     * @param body the raw body
     * @return such as {@code Bad Gateway (non-JSON body: text/html, 312 bytes, title "502 Bad Gateway")}
     */
    public static String describeUnstructured(ObjectMapper mapper, int statusCode, String contentType, byte[] body) {
        String phrase = reasonPhrase(statusCode);
        if (body == null || body.length == 0) {
            return phrase + " (empty body)";
        }
        StringBuilder sb = new StringBuilder(phrase).append(" (");
        boolean json = readJson(mapper, body).isPresent();
        sb.append(
                json
                        ? "JSON body without error details: "
                        : contentType != null
                                        && contentType.toLowerCase(Locale.ROOT).contains("json")
                                ? "unreadable JSON body: "
                                : "non-JSON body: ");
        sb.append(contentType == null ? "no content type" : contentType.split(";")[0].trim());
        sb.append(", ").append(body.length).append(" bytes");
        Matcher m = TITLE.matcher(new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8));
        if (m.find()) {
            sb.append(", title \"").append(m.group(1).trim()).append('"');
        }
        return sb.append(')').toString();
    }

    static Optional<JsonNode> readJson(ObjectMapper mapper, byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(mapper.readTree(body));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isValueNode() && !v.isNull() && !v.asText().isBlank()
                ? Optional.of(v.asText())
                : Optional.empty();
    }

    /**
     * The standard reason phrase of a status.
     *
     * @param status the status code
     * @return such as {@code Bad Gateway}
     */
    public static String reasonPhrase(int status) {
        switch (status) {
            case 400:
                return "Bad Request";
            case 401:
                return "Unauthorized";
            case 402:
                return "Payment Required";
            case 403:
                return "Forbidden";
            case 404:
                return "Not Found";
            case 405:
                return "Method Not Allowed";
            case 408:
                return "Request Timeout";
            case 409:
                return "Conflict";
            case 415:
                return "Unsupported Media Type";
            case 422:
                return "Unprocessable Entity";
            case 429:
                return "Too Many Requests";
            case 500:
                return "Internal Server Error";
            case 502:
                return "Bad Gateway";
            case 503:
                return "Service Unavailable";
            case 504:
                return "Gateway Timeout";
            default:
                return "HTTP " + status;
        }
    }
}
