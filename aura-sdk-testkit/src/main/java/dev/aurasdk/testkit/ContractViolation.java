package dev.aurasdk.testkit;

import java.util.Objects;

/**
 * A place where a request received or a response sent by the fake disagrees with the official Aura OpenAPI
 * documents (see {@link FakeAuraServerBuilder#contractChecked()}). Immutable.
 */
public final class ContractViolation {
    /** Which side of the exchange broke the contract. */
    public enum Side {
        /** The request the client sent. */
        REQUEST,
        /** The response the fake sent. */
        RESPONSE
    }

    private final String method;
    private final String path;
    private final int status;
    private final Side side;
    private final String key;
    private final String message;

    /**
     * Creates a violation; the fake creates these, tests only read them.
     *
     * @param method the request method
     * @param path the request path as received
     * @param status the response status (0 when none was sent)
     * @param side request or response
     * @param key the validator's message key, e.g. {@code validation.response.body.schema.required}
     * @param message the validator's message
     */
    public ContractViolation(String method, String path, int status, Side side, String key, String message) {
        this.method = Objects.requireNonNull(method, "method");
        this.path = Objects.requireNonNull(path, "path");
        this.status = status;
        this.side = Objects.requireNonNull(side, "side");
        this.key = Objects.requireNonNull(key, "key");
        this.message = Objects.requireNonNull(message, "message");
    }

    /**
     * The request method.
     *
     * @return e.g. {@code GET}
     */
    public String method() {
        return method;
    }

    /**
     * The request path as received.
     *
     * @return e.g. {@code /v1/instances/2f49c2b3}
     */
    public String path() {
        return path;
    }

    /**
     * The response status.
     *
     * @return the status, 0 when no response was sent
     */
    public int status() {
        return status;
    }

    /**
     * Request or response.
     *
     * @return the side at fault
     */
    public Side side() {
        return side;
    }

    /**
     * The validator's message key.
     *
     * @return e.g. {@code validation.request.body.schema.required}
     */
    public String key() {
        return key;
    }

    /**
     * The validator's message.
     *
     * @return a human-readable explanation
     */
    public String message() {
        return message;
    }

    /**
     * One line for test failure messages.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return side + " " + method + " " + path + " -> " + status + ": [" + key + "] " + message;
    }
}
