package dev.aurasdk.testkit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request received by the fake, with secrets redacted, and the status it was answered with.
 *
 * <p>Redaction: the values of {@code Authorization} and {@code Proxy-Authorization} keep only their scheme
 * ({@code Bearer ****}); {@code x-api-key}, {@code Cookie} and {@code Set-Cookie} become {@code ****}; in bodies the
 * values of {@code password}, {@code key}, {@code client_secret}, {@code access_token} and {@code secret} (JSON
 * fields or form fields) become {@code ****}. Immutable.
 */
public final class JournalEntry {
    private final long sequence;
    private final Instant receivedAt;
    private final String method;
    private final String path;
    private final String query;
    private final Map<String, List<String>> headers;
    private final String body;
    private final int status;
    private final String responseBody;
    private final String requestId;
    private final boolean faultInjected;

    /**
     * Creates an entry; the fake creates these, tests only read them.
     *
     * @param sequence 1-based order of arrival
     * @param receivedAt when the fake received it (fake clock)
     * @param method the HTTP method
     * @param path the decoded path, without query
     * @param query the raw query string, or null
     * @param headers redacted headers (names as received)
     * @param body the redacted request body ("" when none)
     * @param status the status answered, or 0 when the connection was dropped
     * @param responseBody the redacted response body
     * @param requestId the {@code X-Request-Id} sent back, or null
     * @param faultInjected whether a fault rule produced the answer
     */
    public JournalEntry(
            long sequence,
            Instant receivedAt,
            String method,
            String path,
            String query,
            Map<String, List<String>> headers,
            String body,
            int status,
            String responseBody,
            String requestId,
            boolean faultInjected) {
        this.sequence = sequence;
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
        this.method = Objects.requireNonNull(method, "method");
        this.path = Objects.requireNonNull(path, "path");
        this.query = query;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.body = body == null ? "" : body;
        this.status = status;
        this.responseBody = responseBody == null ? "" : responseBody;
        this.requestId = requestId;
        this.faultInjected = faultInjected;
    }

    /**
     * Order of arrival, from 1.
     *
     * @return the sequence number
     */
    public long sequence() {
        return sequence;
    }

    /**
     * When it arrived, by the fake's clock.
     *
     * @return the instant
     */
    public Instant receivedAt() {
        return receivedAt;
    }

    /**
     * The HTTP method, upper case.
     *
     * @return the method
     */
    public String method() {
        return method;
    }

    /**
     * The path without the query string.
     *
     * @return e.g. {@code /v1/instances}
     */
    public String path() {
        return path;
    }

    /**
     * The raw query string.
     *
     * @return the query, or empty when there was none
     */
    public Optional<String> query() {
        return Optional.ofNullable(query);
    }

    /**
     * The redacted headers.
     *
     * @return an unmodifiable map from header name to values
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * The first value of a header, by case-insensitive name.
     *
     * @param name the header name
     * @return the redacted value, if present
     */
    public Optional<String> header(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(wanted)
                    && !e.getValue().isEmpty()) {
                return Optional.of(e.getValue().get(0));
            }
        }
        return Optional.empty();
    }

    /**
     * The redacted request body.
     *
     * @return the body, "" when there was none
     */
    public String body() {
        return body;
    }

    /**
     * The status code answered.
     *
     * @return the status, or 0 when the connection was dropped
     */
    public int status() {
        return status;
    }

    /**
     * The redacted response body (keys and tokens masked).
     *
     * @return the body as intended before any truncation fault
     */
    public String responseBody() {
        return responseBody;
    }

    /**
     * The {@code X-Request-Id} sent back.
     *
     * @return the id, if a response was sent
     */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /**
     * Whether a fault rule produced the answer.
     *
     * @return true for injected faults
     */
    public boolean faultInjected() {
        return faultInjected;
    }

    /**
     * One line: method, path, query and status.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "#" + sequence + " " + method + " " + path + (query == null ? "" : "?" + query) + " -> "
                + (status == 0 ? "dropped" : String.valueOf(status)) + (faultInjected ? " (fault)" : "");
    }
}
