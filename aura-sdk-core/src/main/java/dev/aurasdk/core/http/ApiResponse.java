package dev.aurasdk.core.http;

import dev.aurasdk.core.AuraError;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A successful Aura response: the unwrapped {@code data}, any {@code errors} Aura sent beside it
 * (a Data API GET does), the status and the request id.
 *
 * @param <T> the type of {@code data}
 */
public final class ApiResponse<T> {
    private final int statusCode;
    private final T data;
    private final List<AuraError> errors;
    private final String requestId;
    private final Map<String, List<String>> headers;

    /**
     * Creates a response.
     *
     * @param statusCode the HTTP status
     * @param data the unwrapped data, null only for a response without body
     * @param errors errors sent beside the data
     * @param requestId the X-Request-Id, may be null
     * @param headers the response headers
     */
    public ApiResponse(
            int statusCode, T data, List<AuraError> errors, String requestId, Map<String, List<String>> headers) {
        this.statusCode = statusCode;
        this.data = data;
        this.errors = List.copyOf(errors);
        this.requestId = requestId;
        this.headers = Objects.requireNonNull(headers, "headers");
    }

    /** The HTTP status code. */
    public int statusCode() {
        return statusCode;
    }

    /**
     * The unwrapped {@code data}.
     *
     * @return the data
     * @throws IllegalStateException when the response had no body
     */
    public T data() {
        if (data == null) {
            throw new IllegalStateException("response " + statusCode + " had no body");
        }
        return data;
    }

    /** The unwrapped {@code data}, empty for a response without body. */
    public Optional<T> dataIfPresent() {
        return Optional.ofNullable(data);
    }

    /** Errors Aura sent beside a successful {@code data} (empty almost always). */
    public List<AuraError> errors() {
        return errors;
    }

    /** The {@code X-Request-Id} header. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /**
     * The first value of a response header.
     *
     * @param name case-insensitive header name
     * @return its first value
     */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst();
    }
}
