package dev.aurasdk.core.http;

import dev.aurasdk.core.spi.Ids;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One call to the Aura API: method, version, path and optional JSON body. Ids are validated and
 * percent-encoded as they are added, so a malformed id fails here, before any network call.
 *
 * <pre>{@code
 * ApiRequest req = ApiRequest.get(ApiVersion.V1).path("instances").id("instanceId", id).build();
 * }</pre>
 */
public final class ApiRequest {
    private static final Set<String> METHODS = Set.of("GET", "POST", "PATCH", "PUT", "DELETE");
    private static final Set<String> IDEMPOTENT = Set.of("GET", "PUT", "DELETE");

    private final String method;
    private final ApiVersion version;
    private final String path;
    private final String pathTemplate;
    private final Map<String, String> query;
    private final Object body;

    private ApiRequest(Builder b) {
        this.method = b.method;
        this.version = b.version;
        this.path = "/" + version.segment() + String.join("", b.segments);
        this.pathTemplate = "/" + version.segment() + String.join("", b.templateSegments);
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(b.query));
        this.body = b.body;
    }

    /**
     * Starts a request.
     *
     * @param method GET, POST, PATCH, PUT or DELETE
     * @param version the API version segment
     * @return a builder
     */
    public static Builder builder(String method, ApiVersion version) {
        Objects.requireNonNull(method, "method");
        String m = method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(m)) {
            throw new IllegalArgumentException("unsupported HTTP method: " + method);
        }
        return new Builder(m, Objects.requireNonNull(version, "version"));
    }

    /** Starts a GET. @param version the API version @return a builder */
    public static Builder get(ApiVersion version) {
        return builder("GET", version);
    }

    /** Starts a POST. @param version the API version @return a builder */
    public static Builder post(ApiVersion version) {
        return builder("POST", version);
    }

    /** Starts a PATCH. @param version the API version @return a builder */
    public static Builder patch(ApiVersion version) {
        return builder("PATCH", version);
    }

    /** Starts a DELETE. @param version the API version @return a builder */
    public static Builder delete(ApiVersion version) {
        return builder("DELETE", version);
    }

    /** The HTTP method. */
    public String method() {
        return method;
    }

    /** The API version. */
    public ApiVersion version() {
        return version;
    }

    /** The encoded path, starting with the version, such as {@code /v1/instances/abc123}. */
    public String path() {
        return path;
    }

    /** The path with ids replaced by {@code {name}}, such as {@code /v1/instances/{instanceId}}. */
    public String pathTemplate() {
        return pathTemplate;
    }

    /** Query parameters, in order (values not encoded). */
    public Map<String, String> query() {
        return query;
    }

    /** The encoded query string without '?', empty when there are no parameters. */
    public String encodedQuery() {
        List<String> parts = new ArrayList<>();
        query.forEach((k, v) -> parts.add(encode(k) + "=" + encode(v)));
        return String.join("&", parts);
    }

    /** The JSON body, when there is one. */
    public Optional<Object> body() {
        return Optional.ofNullable(body);
    }

    /** Whether the method may be resent safely (GET, PUT, DELETE); POST and PATCH are not. */
    public boolean isIdempotent() {
        return IDEMPOTENT.contains(method);
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + encodedQuery());
    }

    private static String encode(String s) {
        // URLEncoder leaves these characters as they are: most ids and values need no encoding at all
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isLowerLetterOrDigit(c) && !(c >= 'A' && c <= 'Z') && c != '.' && c != '-' && c != '*' && c != '_') {
                return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
            }
        }
        return s;
    }

    /** Whether the segment matches {@code [a-z0-9][a-z0-9._-]*} (checked by hand: every call builds its path). */
    private static boolean isLiteral(String segment) {
        if (segment == null || segment.isEmpty() || !isLowerLetterOrDigit(segment.charAt(0))) {
            return false;
        }
        for (int i = 1; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (!isLowerLetterOrDigit(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** Builds an {@link ApiRequest}. */
    public static final class Builder {
        private final String method;
        private final ApiVersion version;
        private final List<String> segments = new ArrayList<>();
        private final List<String> templateSegments = new ArrayList<>();
        private final Map<String, String> query = new LinkedHashMap<>();
        private Object body;

        private Builder(String method, ApiVersion version) {
            this.method = method;
            this.version = version;
        }

        /**
         * Appends fixed path segments, such as {@code "instances"} or {@code "data-apis", "graphql"}.
         *
         * @param literals lowercase literal segments
         * @return this builder
         */
        public Builder path(String... literals) {
            for (String literal : literals) {
                if (!isLiteral(literal)) {
                    throw new IllegalArgumentException("not a literal path segment: " + literal);
                }
                segments.add("/" + literal);
                templateSegments.add("/" + literal);
            }
            return this;
        }

        /**
         * Appends an id segment, validated and percent-encoded.
         *
         * @param name the parameter's name, used in error messages and the path template
         * @param value the id
         * @return this builder
         * @throws IllegalArgumentException when the id is blank or malformed
         */
        public Builder id(String name, String value) {
            Ids.require(name, value);
            segments.add("/" + encode(value));
            templateSegments.add("/{" + name + "}");
            return this;
        }

        /**
         * Adds a query parameter.
         *
         * @param name the parameter name, exactly as the API spells it
         * @param value its value
         * @return this builder
         */
        public Builder query(String name, String value) {
            query.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets the JSON body (serialised with the SDK's mapper).
         *
         * @param body an object Jackson can write
         * @return this builder
         */
        public Builder body(Object body) {
            this.body = Objects.requireNonNull(body, "body");
            return this;
        }

        /** Builds the request. @return the request */
        public ApiRequest build() {
            return new ApiRequest(this);
        }
    }
}
