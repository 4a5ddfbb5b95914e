package dev.aurasdk.testkit;

import dev.aurasdk.testkit.internal.Engine;
import dev.aurasdk.testkit.internal.FaultRegistry;
import dev.aurasdk.testkit.internal.FaultRule;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Fault injection: makes the next matching requests fail in a chosen way. Obtained from
 * {@link FakeAuraServer#fault()}.
 *
 * <pre>{@code
 * server.fault().next(2).matching("GET", "/v1/instances/.*").retryAfter(Duration.ofSeconds(3)).respond(503);
 * server.fault().next(1).matching("POST", "/oauth/token").dropConnection();
 * server.fault().next(1).matching("GET", "/v1/tenants").htmlBody(502);
 * }</pre>
 *
 * <p>Rules are tried in the order they were added; the first with uses left that matches the method and the
 * <em>whole</em> path (without query string, as a regex) applies and uses one of its uses. Faults apply before
 * anything else, the token endpoint included, and every faulted request is still journaled. Faults that
 * replace the answer ({@code respond}, {@code htmlBody}, {@code emptyBody}, {@code dropConnection}) leave the
 * fake's state unchanged; the others ({@code delay}, {@code truncateBody}, {@code dropConnectionAfterProcessing})
 * process the request first, as a server whose answer got lost or mangled on the way would.
 */
public final class Faults {
    private final FaultRegistry registry;

    Faults(FaultRegistry registry) {
        this.registry = registry;
    }

    /**
     * Starts a rule for the next {@code n} matching requests.
     *
     * @param n at least 1
     * @return a rule builder, matching every request until {@link FaultBuilder#matching} narrows it
     */
    public FaultBuilder next(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1");
        }
        return new FaultBuilder(n);
    }

    /**
     * Starts a rule for every matching request, until {@link #clear()}.
     *
     * @return a rule builder
     */
    public FaultBuilder always() {
        return new FaultBuilder(-1);
    }

    /**
     * Removes every rule.
     *
     * @return this
     */
    public Faults clear() {
        registry.clear();
        return this;
    }

    /**
     * How many rules still have uses left.
     *
     * @return the count
     */
    public int pending() {
        return registry.pending();
    }

    /** Builds one fault rule; finish it with one of the fault methods. */
    public final class FaultBuilder {
        private final int times;
        private String method;
        private Pattern path = Pattern.compile(".*");
        private String retryAfter;

        private FaultBuilder(int times) {
            this.times = times;
        }

        /**
         * Narrows the rule to a method and a path.
         *
         * @param httpMethod e.g. {@code GET}; null or {@code *} for any
         * @param pathRegex a regex the whole path must match, e.g. {@code /v1/instances/.*}
         * @return this builder
         */
        public FaultBuilder matching(String httpMethod, String pathRegex) {
            this.method = httpMethod;
            this.path = Pattern.compile(Objects.requireNonNull(pathRegex, "pathRegex"));
            return this;
        }

        /**
         * Adds {@code Retry-After} in seconds.
         *
         * @param delay rounded up to whole seconds
         * @return this builder
         */
        public FaultBuilder retryAfter(Duration delay) {
            long ms = delay.toMillis();
            this.retryAfter = String.valueOf(Math.max(0, (ms + 999) / 1000));
            return this;
        }

        /**
         * Adds {@code Retry-After} as an HTTP date.
         *
         * @param when the instant, formatted as RFC 1123 in GMT
         * @return this builder
         */
        public FaultBuilder retryAfter(Instant when) {
            this.retryAfter = Engine.HTTP_DATE.format(when);
            return this;
        }

        /**
         * Adds {@code Retry-After} with a raw value (seconds or an HTTP date, or anything else to test parsing).
         *
         * @param raw the header value
         * @return this builder
         */
        public FaultBuilder retryAfter(String raw) {
            this.retryAfter = Objects.requireNonNull(raw, "raw");
            return this;
        }

        /**
         * Answers with a status and the standard error envelope ({@code reason} {@code rate-limited} for 429,
         * {@code injected-fault} otherwise).
         *
         * @param status the status code
         * @return the fault registry, for more rules
         */
        public Faults respond(int status) {
            return add(FaultRule.Action.RESPOND, status, null, 0, false);
        }

        /**
         * Answers with a status and a body (sent as {@code application/json} when it parses as JSON, else
         * {@code text/plain}).
         *
         * @param status the status code
         * @param body the body
         * @return the fault registry
         */
        public Faults respond(int status, String body) {
            return add(FaultRule.Action.RESPOND, status, Objects.requireNonNull(body, "body"), 0, false);
        }

        /**
         * Answers with a status and an HTML page, as a proxy or load balancer would.
         *
         * @param status e.g. 502
         * @return the fault registry
         */
        public Faults htmlBody(int status) {
            return add(FaultRule.Action.HTML, status, null, 0, false);
        }

        /**
         * Answers with a status and an empty body.
         *
         * @param status e.g. 500 or 200
         * @return the fault registry
         */
        public Faults emptyBody(int status) {
            return add(FaultRule.Action.EMPTY, status, null, 0, false);
        }

        /**
         * Processes the request, then sends only the first half of the JSON body (a complete HTTP response whose
         * body does not parse).
         *
         * @return the fault registry
         */
        public Faults truncateBody() {
            return add(FaultRule.Action.TRUNCATE, 0, null, 0, false);
        }

        /**
         * Closes the connection without answering; the request is not processed.
         *
         * @return the fault registry
         */
        public Faults dropConnection() {
            return add(FaultRule.Action.DROP, 0, null, 0, false);
        }

        /**
         * Processes the request (a create really creates), then closes the connection without answering: the
         * case where a client must not blindly resend a POST.
         *
         * @return the fault registry
         */
        public Faults dropConnectionAfterProcessing() {
            return add(FaultRule.Action.DROP_AFTER_PROCESSING, 0, null, 0, false);
        }

        /**
         * Processes the request and sends the headers at once but holds the body back (real time, not the fake
         * clock).
         *
         * @param latency how long the body is held
         * @return the fault registry
         */
        public Faults delay(Duration latency) {
            return add(FaultRule.Action.DELAY, 0, null, latency.toMillis(), false);
        }

        /**
         * Processes the request and holds the whole response, headers included (real time).
         *
         * @param latency how long the response is held
         * @return the fault registry
         */
        public Faults delayHeaders(Duration latency) {
            return add(FaultRule.Action.DELAY, 0, null, latency.toMillis(), true);
        }

        private Faults add(FaultRule.Action action, int status, String body, long delayMillis, boolean headers) {
            registry.add(new FaultRule(method, path, times, action, status, body, retryAfter, delayMillis, headers));
            return Faults.this;
        }
    }
}
