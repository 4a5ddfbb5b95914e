package dev.aurasdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response the fake is about to send, before it becomes a MockResponse. */
public final class Reply {
    /** How the reply reaches the wire. */
    public enum Delivery {
        /** Sent as is. */
        NORMAL,
        /** The connection is dropped instead of answering. */
        DROP,
        /** The body is cut in half (malformed JSON). */
        TRUNCATE
    }

    private final int status;
    private final String body;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Delivery delivery = Delivery.NORMAL;
    private long bodyDelayMillis;
    private long headersDelayMillis;
    private boolean injected;

    private Reply(int status, String body, String contentType) {
        this.status = status;
        this.body = body == null ? "" : body;
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
    }

    /** A JSON reply. */
    public static Reply json(int status, JsonNode body) {
        return new Reply(status, FakeJson.write(body), "application/json");
    }

    /** A reply with a raw body and content type (null for none). */
    public static Reply raw(int status, String body, String contentType) {
        return new Reply(status, body, contentType);
    }

    /** {@code {"data": value}} with the given status. */
    public static Reply data(int status, JsonNode value) {
        return json(status, FakeJson.data(value));
    }

    /** The standard error envelope. */
    public static Reply error(int status, String message, String reason) {
        return json(status, FakeJson.errors(message, reason, null));
    }

    /** The standard error envelope with a field. */
    public static Reply error(int status, String message, String reason, String field) {
        return json(status, FakeJson.errors(message, reason, field));
    }

    /** Adds or replaces a header. */
    public Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Sets how the reply is delivered. */
    public Reply delivery(Delivery value) {
        this.delivery = value;
        return this;
    }

    /** Delays the body. */
    public Reply bodyDelayMillis(long millis) {
        this.bodyDelayMillis = millis;
        return this;
    }

    /** Delays the headers. */
    public Reply headersDelayMillis(long millis) {
        this.headersDelayMillis = millis;
        return this;
    }

    /** Marks the reply as produced by fault injection. */
    public Reply injected() {
        this.injected = true;
        return this;
    }

    /** The status code. */
    public int status() {
        return status;
    }

    /** The body as sent (before truncation). */
    public String body() {
        return body;
    }

    /** The headers. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The delivery. */
    public Delivery delivery() {
        return delivery;
    }

    /** Body delay in milliseconds. */
    public long bodyDelayMillis() {
        return bodyDelayMillis;
    }

    /** Headers delay in milliseconds. */
    public long headersDelayMillis() {
        return headersDelayMillis;
    }

    /** Whether fault injection produced this reply. */
    public boolean isInjected() {
        return injected;
    }

    /** The body actually written on the wire. */
    public String wireBody() {
        if (delivery == Delivery.TRUNCATE) {
            int cut = Math.max(1, body.length() / 2);
            return body.isEmpty() ? "{\"data\":" : body.substring(0, Math.min(cut, body.length() - 1));
        }
        return body;
    }
}
