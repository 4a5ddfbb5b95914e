package dev.aurasdk.testkit.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** One fault-injection rule: which requests it catches, how many times, and what it does. */
public final class FaultRule {
    /** What the rule does to a matching request. */
    public enum Action {
        /** Answer with a status (and optional body, Retry-After) instead of processing. */
        RESPOND,
        /** Answer with an HTML page (as a proxy would) instead of processing. */
        HTML,
        /** Answer with an empty body instead of processing. */
        EMPTY,
        /** Close the connection without answering; the request is not processed. */
        DROP,
        /** Process the request, then close the connection without answering. */
        DROP_AFTER_PROCESSING,
        /** Process the request and send only the first half of the body. */
        TRUNCATE,
        /** Process the request and answer late. */
        DELAY
    }

    private final String method;
    private final Pattern path;
    private int remaining;
    private final Action action;
    private final int status;
    private final String body;
    private final String retryAfter;
    private final long delayMillis;
    private final boolean delayHeaders;

    /**
     * A rule.
     *
     * @param method the method to match, or null for any
     * @param path a regex the whole path must match
     * @param times how many requests it catches; negative for every one
     * @param action what it does
     * @param status the status for RESPOND, HTML and EMPTY
     * @param body the body for RESPOND (null for the default envelope)
     * @param retryAfter the Retry-After header value, or null
     * @param delayMillis the delay for DELAY
     * @param delayHeaders whether DELAY holds back the headers (else only the body)
     */
    public FaultRule(
            String method,
            Pattern path,
            int times,
            Action action,
            int status,
            String body,
            String retryAfter,
            long delayMillis,
            boolean delayHeaders) {
        this.method = method == null || method.equals("*") ? null : method.toUpperCase(Locale.ROOT);
        this.path = path;
        this.remaining = times;
        this.action = action;
        this.status = status;
        this.body = body;
        this.retryAfter = retryAfter;
        this.delayMillis = delayMillis;
        this.delayHeaders = delayHeaders;
    }

    boolean tryConsume(String requestMethod, String requestPath) {
        if (remaining == 0) {
            return false;
        }
        if (method != null && !method.equals(requestMethod)) {
            return false;
        }
        if (!path.matcher(requestPath).matches()) {
            return false;
        }
        if (remaining > 0) {
            remaining--;
        }
        return true;
    }

    boolean exhausted() {
        return remaining == 0;
    }

    /** The action. */
    public Action action() {
        return action;
    }

    /** The status. */
    public int status() {
        return status;
    }

    /** The body, or null. */
    public String body() {
        return body;
    }

    /** The Retry-After value, or null. */
    public String retryAfter() {
        return retryAfter;
    }

    /** The delay in milliseconds. */
    public long delayMillis() {
        return delayMillis;
    }

    /** Whether the delay holds back the headers. */
    public boolean delayHeaders() {
        return delayHeaders;
    }
}
