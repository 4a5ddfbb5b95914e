package dev.aurasdk.core.internal.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aurasdk.core.AuraDecodingException;
import dev.aurasdk.core.AuraError;
import dev.aurasdk.core.http.ApiResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * Reads a successful answer into an {@link ApiResponse}: binds {@code data} to the caller's type,
 * keeps the {@code errors} beside it, the status, headers and request id. A body that cannot be read
 * is an {@link AuraDecodingException} naming the JSON path, never quoting the body. Not API.
 */
final class ResponseDecoder {
    private final ObjectMapper mapper;

    ResponseDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Decodes a 2xx answer.
     *
     * @param call the call
     * @param response the answer
     * @param type the type of {@code data} ({@code Void}: the body is ignored)
     * @param <T> that type
     * @return the response
     * @throws AuraDecodingException when the body cannot be read as {@code type}
     */
    <T> ApiResponse<T> decode(Call call, HttpResponse<byte[]> response, JavaType type) {
        byte[] body = response.body();
        String requestId = response.headers().firstValue("X-Request-Id").orElse(null);
        Map<String, List<String>> headers = response.headers().map();
        if (type.getRawClass() == Void.class) {
            return new ApiResponse<>(response.statusCode(), null, List.of(), requestId, headers);
        }
        if (body == null || body.length == 0) {
            throw decodingFailure(call, response, "empty body where JSON was expected");
        }
        try {
            Envelope<T> envelope = readEnvelope(body, type);
            if (envelope == null) {
                throw decodingFailure(call, response, "empty body where JSON was expected");
            }
            if (envelope.dataIsNull) {
                throw decodingFailure(call, response, "'data' is null");
            }
            if (envelope.value == null) {
                throw decodingFailure(
                        call, response, "no value for " + type.getRawClass().getSimpleName());
            }
            return new ApiResponse<>(response.statusCode(), envelope.value, envelope.errors, requestId, headers);
        } catch (IOException | RuntimeException e) {
            if (e instanceof AuraDecodingException) {
                throw (AuraDecodingException) e;
            }
            throw decodingFailure(call, response, describe(e, type));
        }
    }

    /** The {@code data} of a body, bound, and the errors beside it. */
    private static final class Envelope<T> {
        final T value;
        final boolean dataIsNull;
        final List<AuraError> errors;

        Envelope(T value, boolean dataIsNull, List<AuraError> errors) {
            this.value = value;
            this.dataIsNull = dataIsNull;
            this.errors = errors;
        }
    }

    /**
     * Binds {@code data} straight from the parser, in one pass (no intermediate tree); the other
     * top-level fields (usually none, or {@code errors}) are kept as a small tree for
     * {@link ErrorBodies#parse(JsonNode)}. A body without {@code data} (bare object, array) is bound
     * whole, as before.
     *
     * @return the envelope, or null for an empty body
     */
    private <T> Envelope<T> readEnvelope(byte[] body, JavaType type) throws IOException {

        ObjectReader reader = mapper.readerFor(type);
        try (JsonParser p = mapper.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            if (first == JsonToken.START_OBJECT) {
                ObjectNode rest = null;
                T value = null;
                boolean hasData = false;
                boolean dataIsNull = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken token = p.nextToken();
                    if (field.equals("data") && !hasData) {
                        hasData = true;
                        dataIsNull = token == JsonToken.VALUE_NULL;
                        value = dataIsNull ? null : reader.readValue(p);
                    } else {
                        if (rest == null) {
                            rest = mapper.createObjectNode();
                        }
                        rest.set(field, mapper.readTree(p));
                    }
                }
                if (hasData) {
                    return new Envelope<>(value, dataIsNull, rest == null ? List.of() : ErrorBodies.parse(rest));
                }
            }
        }
        // no 'data': the whole body is the value (bare objects and arrays)
        JsonNode root = mapper.readTree(body);
        if (root == null || root.isMissingNode()) {
            return null;
        }
        return new Envelope<>(root.isNull() ? null : reader.readValue(root), root.isNull(), ErrorBodies.parse(root));
    }

    /**
     * Describes a decoding failure without quoting the body (it may carry secrets).
     *
     * @param e the failure
     * @param type the target type
     * @return a description naming the JSON path
     */
    static String describe(Exception e, JavaType type) {
        String target = type.getRawClass().getSimpleName();
        JsonParseException malformed = malformed(e);
        if (malformed != null) {
            JsonLocation at = malformed.getLocation();
            return "malformed JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr());
        }
        if (e instanceof JsonMappingException) {
            JsonMappingException jm = (JsonMappingException) e;
            String path = "$" + pathOf(jm);
            Throwable cause = jm.getCause();
            // Immutables reports missing attributes by name only; other messages may quote values
            String why = cause instanceof IllegalStateException
                            && String.valueOf(cause.getMessage()).startsWith("Cannot build")
                    ? firstLine(cause.getMessage())
                    : "value of the wrong type or shape";
            return "cannot read " + target + " at " + path + ": " + why;
        }
        if (e instanceof IOException) {
            return "unreadable body (" + e.getClass().getSimpleName() + ")";
        }
        return "cannot read " + target + " (" + e.getClass().getSimpleName() + ")";
    }

    /** The syntax error behind a failure: bound in one pass, a model may wrap the parser's error. */
    private static JsonParseException malformed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException) {
                return (JsonParseException) t;
            }
        }
        return null;
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl >= 0 ? s.substring(0, nl) : s;
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private AuraDecodingException decodingFailure(Call call, HttpResponse<byte[]> response, String why) {
        return new AuraDecodingException("could not read the response of " + call
                + " (HTTP " + response.statusCode()
                + response.headers()
                        .firstValue("X-Request-Id")
                        .map(id -> ", request id " + id)
                        .orElse("")
                + "): " + why);
    }
}
