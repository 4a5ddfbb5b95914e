package dev.aurasdk.core.internal.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aurasdk.core.AuraApiException;
import dev.aurasdk.core.AuraAuthenticationException;
import dev.aurasdk.core.AuraBadRequestException;
import dev.aurasdk.core.AuraConflictException;
import dev.aurasdk.core.AuraDecodingException;
import dev.aurasdk.core.AuraError;
import dev.aurasdk.core.AuraException;
import dev.aurasdk.core.AuraNotFoundException;
import dev.aurasdk.core.AuraPermissionDeniedException;
import dev.aurasdk.core.AuraRateLimitedException;
import dev.aurasdk.core.AuraServerException;
import dev.aurasdk.core.AuraTimeoutException;
import dev.aurasdk.core.AuraTransportException;
import dev.aurasdk.core.ErrorDetails;
import dev.aurasdk.core.auth.AccessToken;
import dev.aurasdk.core.auth.TokenProvider;
import dev.aurasdk.core.http.ApiRequest;
import dev.aurasdk.core.http.ApiResponse;
import dev.aurasdk.core.http.AuraHttp;
import dev.aurasdk.core.http.RequestEvent;
import dev.aurasdk.core.http.RequestListener;
import dev.aurasdk.core.http.RetryPolicy;
import dev.aurasdk.core.http.Sleeper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's HTTP engine: authentication, rate limit, retries, deadline, error mapping, decoding and
 * logging, on the JDK {@link HttpClient}. Not API: use {@link AuraHttp}.
 */
public final class Transport implements AuraHttp {
    private static final Logger LOG = LoggerFactory.getLogger("dev.aurasdk.http");
    private static final Set<String> LOGGED_HEADERS =
            Set.of("content-type", "x-request-id", "retry-after", "x-tyk-api-expires", "location");

    private final TransportConfig config;
    private final TokenProvider tokens;
    private final SlidingWindowRateLimiter limiter;
    private final Set<String> deprecationWarned = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Creates a transport.
     *
     * @param config the settings
     * @param tokens token source for authenticated calls (null: calls are sent without token)
     */
    public Transport(TransportConfig config, TokenProvider tokens) {
        this.config = Objects.requireNonNull(config, "config");
        this.tokens = tokens;
        this.limiter = new SlidingWindowRateLimiter(config.rateLimit(), config.clock());
    }

    /** Refuses further calls (the owning client was closed). */
    public void close() {
        closed = true;
    }

    private void ensureOpen(Call call) {
        if (closed) {
            throw new IllegalStateException("the AuraClient is closed: " + call.method + " " + call.path + " not sent");
        }
    }

    /** The settings. @return the configuration */
    public TransportConfig config() {
        return config;
    }

    @Override
    public <T> ApiResponse<T> send(ApiRequest request, Class<T> type) {
        return send(request, config.mapper().getTypeFactory().constructType(type));
    }

    @Override
    public <T> ApiResponse<T> send(ApiRequest request, TypeReference<T> type) {
        return send(request, config.mapper().getTypeFactory().constructType(type));
    }

    private <T> ApiResponse<T> send(ApiRequest request, JavaType type) {
        byte[] body = request.body().map(this::encode).orElse(null);
        String query = request.encodedQuery();
        URI uri = URI.create(config.baseUrl() + request.path() + (query.isEmpty() ? "" : "?" + query));
        Call call = new Call(request.method(), request.path(), request.pathTemplate(), uri, body,
                body == null ? null : "application/json", request.isIdempotent(), true, null, false);
        HttpResponse<byte[]> response = execute(call);
        return decode(call, response, type);
    }

    private byte[] encode(Object body) {
        try {
            return config.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body cannot be written as JSON: "
                    + body.getClass().getName() + " (" + e.getOriginalMessage() + ")");
        }
    }

    /**
     * Runs one logical call: attempts, retries, token replay, until a 2xx or a typed exception.
     *
     * @param call the call
     * @return the successful response
     */
    public HttpResponse<byte[]> execute(Call call) {
        Instant deadline = config.clock().instant().plus(config.callTimeout());
        int attempt = 0; // counts against the retry budget; the replay with a fresh token does not
        int sent = 0; // requests sent for this call, the replay included: what events and exceptions report
        boolean replayedWithFreshToken = false;
        AuraException lastFailure = null;
        while (true) {
            attempt++;
            ensureOpen(call);
            AccessToken token = call.authenticated && tokens != null ? tokens.token() : null;
            if (call.rateLimited) {
                Optional<Duration> wait = limiter.reserve(deadline);
                if (wait.isEmpty()) {
                    throw deadlineExceeded(call, sent, lastFailure);
                }
                waitFor(wait.get(), deadline, call, sent, lastFailure, "rate limit");
            }
            Duration remaining = Duration.between(config.clock().instant(), deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                throw deadlineExceeded(call, sent, lastFailure);
            }
            sent++;
            Duration attemptTimeout = min(config.attemptTimeout(), remaining);
            HttpRequest httpRequest = buildRequest(call, token, attemptTimeout);
            RequestEvent started = RequestEvent.builder()
                    .method(call.method).path(call.path).pathTemplate(call.template).attempt(sent).build();
            notifyListeners(l -> l.onAttemptStart(started));
            long t0 = System.nanoTime();
            HttpResponse<byte[]> response;
            try {
                response = config.httpClient().send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
                RequestEvent failed = started.withElapsed(elapsed).withFailure(e.getClass().getSimpleName());
                notifyListeners(l -> l.onAttemptEnd(failed));
                boolean notSent = neverReachedServer(e);
                LOG.debug("{} {} -> {} after {} ms (attempt {}{})", call.method, call.path,
                        e.getClass().getSimpleName(), elapsed.toMillis(), sent, notSent ? ", not sent" : "");
                lastFailure = transportFailure(call, e, sent, notSent, attemptTimeout);
                if (attempt < config.retryPolicy().maxAttempts() && (notSent || call.idempotent)) {
                    Duration delay = backoff(attempt);
                    notifyRetry(failed, delay, e.getClass().getSimpleName());
                    waitFor(delay, deadline, call, sent, lastFailure, "retry");
                    continue;
                }
                throw lastFailure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AuraException(call.method + " " + call.path + " interrupted", e);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
            int status = response.statusCode();
            Optional<String> requestId = response.headers().firstValue("X-Request-Id");
            RequestEvent ended = started.withElapsed(elapsed).withStatusCode(status).withRequestId(requestId);
            notifyListeners(l -> l.onAttemptEnd(ended));
            logAttempt(call, response, elapsed, sent, requestId);
            warnIfDeprecated(call, response);
            if (status >= 200 && status < 300) {
                return response;
            }
            Optional<Duration> retryAfter = RetryAfter.parse(
                    response.headers().firstValue("Retry-After").orElse(null), config.clock().instant());
            if ((status == 401 || status == 403) && token != null && !replayedWithFreshToken) {
                if (tokens.invalidate(token)) {
                    replayedWithFreshToken = true;
                    attempt--;
                    LOG.debug("{} {} -> {}: token refused, replaying once with a fresh token",
                            call.method, call.path, status);
                    continue;
                }
            }
            AuraApiException failure = toException(call, response, sent, retryAfter);
            if (status == 429) {
                retryAfter.ifPresent(d -> limiter.pauseUntil(config.clock().instant().plus(clampRetryAfter(d))));
            }
            boolean retryable = config.retryPolicy().retryableStatuses().contains(status)
                    && (status == 429 || call.idempotent);
            if (retryable && attempt < config.retryPolicy().maxAttempts()) {
                int retryNumber = attempt;
                Duration delay = retryAfter.filter(d -> !d.isZero() && !d.isNegative()).map(this::clampRetryAfter)
                        .orElseGet(() -> backoff(retryNumber));
                notifyRetry(ended, delay, "HTTP " + status);
                lastFailure = failure;
                waitFor(delay, deadline, call, sent, failure, "retry");
                continue;
            }
            if (!call.idempotent && status != 429 && config.retryPolicy().retryableStatuses().contains(status)) {
                LOG.debug("{} {} -> {}: not resent, a {} may have reached the server", call.method, call.path,
                        status, call.method);
            }
            throw failure;
        }
    }

    private HttpRequest buildRequest(Call call, AccessToken token, Duration timeout) {
        try {
            return newRequest(call, token, timeout);
        } catch (IllegalArgumentException e) {
            // the JDK quotes the offending header value, which may be a token: never pass its message on
            throw new AuraException(call.method + " " + call.path
                    + ": the request cannot be built (a header value, such as the access token, is invalid)");
        }
    }

    private HttpRequest newRequest(Call call, AccessToken token, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(call.uri)
                .timeout(timeout)
                .header("User-Agent", config.userAgent())
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token.value());
        } else if (call.authorization != null) {
            b.header("Authorization", call.authorization);
        }
        if (call.body != null) {
            b.header("Content-Type", call.contentType);
            b.method(call.method, HttpRequest.BodyPublishers.ofByteArray(call.body));
        } else if (!"GET".equals(call.method) && !"DELETE".equals(call.method)) {
            // Aura answers 415 to a POST/PATCH without Content-Type, even when it has no body (cancel, pause)
            b.header("Content-Type", "application/json");
            b.method(call.method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.method(call.method, HttpRequest.BodyPublishers.noBody());
        }
        return b.build();
    }

    private void waitFor(Duration delay, Instant deadline, Call call, int attempt, AuraException last, String why) {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        if (config.clock().instant().plus(delay).isAfter(deadline)) {
            throw deadlineExceeded(call, attempt, last);
        }
        if (!"retry".equals(why)) {
            LOG.trace("{} {} waits {} ms for the client rate limit", call.method, call.path, delay.toMillis());
        }
        try {
            config.sleeper().sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuraException(call.method + " " + call.path + " interrupted while waiting (" + why + ")", e);
        }
    }

    private AuraTimeoutException deadlineExceeded(Call call, int attempts, AuraException last) {
        String msg = call.method + " " + call.path + ": call deadline of " + config.callTimeout().toSeconds()
                + " s exceeded after " + attempts + " attempt(s)"
                + (last != null ? "; last failure: " + last.getMessage() : "");
        return last != null ? new AuraTimeoutException(msg, last) : new AuraTimeoutException(msg);
    }

    private Duration backoff(int attempt) {
        Duration base = config.retryPolicy().backoffFor(attempt);
        if (!config.retryPolicy().jitter()) {
            return base;
        }
        return Duration.ofMillis((long) (config.jitter().getAsDouble() * base.toMillis()));
    }

    private Duration clampRetryAfter(Duration d) {
        Duration max = config.retryPolicy().maxRetryAfter();
        return d.isNegative() ? Duration.ZERO : d.compareTo(max) > 0 ? max : d;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static boolean neverReachedServer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException
                    || t instanceof UnresolvedAddressException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    private AuraException transportFailure(Call call, IOException e, int attempt, boolean notSent,
            Duration attemptTimeout) {
        String what = call.method + " " + call.path;
        String suffix = " (attempt " + attempt + ")"
                + (!notSent && !call.idempotent ? "; not resent: the " + call.method
                        + " may have reached the server, check before retrying" : "");
        if (e instanceof HttpTimeoutException && !(e instanceof HttpConnectTimeoutException)) {
            return new AuraTimeoutException(what + ": no response within " + attemptTimeout.toMillis()
                    + " ms" + suffix, e);
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new AuraTransportException(what + " failed on the network: " + detail + suffix, e);
    }

    private AuraApiException toException(Call call, HttpResponse<byte[]> response, int attempt,
            Optional<Duration> retryAfter) {
        byte[] body = response.body();
        List<AuraError> errors = ErrorBodies.parse(config.mapper(), body);
        int status = response.statusCode();
        ErrorDetails details = ErrorDetails.builder()
                .method(call.method)
                .path(call.path)
                .statusCode(status)
                .errors(errors)
                .requestId(response.headers().firstValue("X-Request-Id"))
                .retryAfter(retryAfter)
                .fallbackDescription(errors.isEmpty()
                        ? Optional.of(ErrorBodies.describeUnstructured(config.mapper(), status,
                                response.headers().firstValue("Content-Type").orElse(null), body))
                        : Optional.empty())
                .attempts(attempt)
                .build();
        if (call.tokenEndpoint && (status == 400 || status == 401 || status == 403)) {
            return new AuraAuthenticationException(details);
        }
        switch (status) {
            case 400:
            case 405:
            case 415:
            case 422:
                return new AuraBadRequestException(details);
            case 401:
                return new AuraAuthenticationException(details);
            case 403:
                return new AuraPermissionDeniedException(details);
            case 404:
                return new AuraNotFoundException(details);
            case 409:
                return new AuraConflictException(details);
            case 429:
                return new AuraRateLimitedException(details);
            default:
                return status >= 500 ? new AuraServerException(details) : new AuraApiException(details);
        }
    }

    private <T> ApiResponse<T> decode(Call call, HttpResponse<byte[]> response, JavaType type) {
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
                throw decodingFailure(call, response, "no value for " + type.getRawClass().getSimpleName());
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
        ObjectMapper mapper = config.mapper();
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
            com.fasterxml.jackson.core.JsonLocation at = malformed.getLocation();
            return "malformed JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr());
        }
        if (e instanceof JsonMappingException) {
            JsonMappingException jm = (JsonMappingException) e;
            String path = "$" + pathOf(jm);
            Throwable cause = jm.getCause();
            // Immutables reports missing attributes by name only; other messages may quote values
            String why = cause instanceof IllegalStateException && String.valueOf(cause.getMessage())
                    .startsWith("Cannot build") ? firstLine(cause.getMessage())
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
        return new AuraDecodingException("could not read the response of " + call.method + " " + call.path
                + " (HTTP " + response.statusCode()
                + response.headers().firstValue("X-Request-Id").map(id -> ", request id " + id).orElse("")
                + "): " + why);
    }

    private void logAttempt(Call call, HttpResponse<byte[]> response, Duration elapsed, int attempt,
            Optional<String> requestId) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} -> {} in {} ms (attempt {}, request id {})", call.method, call.path,
                    response.statusCode(), elapsed.toMillis(), attempt, requestId.orElse("-"));
        }
        if (LOG.isTraceEnabled()) {
            StringBuilder sb = new StringBuilder();
            response.headers().map().forEach((k, v) -> {
                if (LOGGED_HEADERS.contains(k.toLowerCase(java.util.Locale.ROOT))) {
                    sb.append(' ').append(k).append('=').append(v);
                }
            });
            LOG.trace("{} {} response headers:{}", call.method, call.path, sb);
        }
    }

    private void warnIfDeprecated(Call call, HttpResponse<byte[]> response) {
        response.headers().firstValue("X-Tyk-Api-Expires").ifPresent(expires -> {
            if (deprecationWarned.add(call.method + " " + call.template)) {
                LOG.warn("Aura marks {} {} as deprecated: it expires {}. Upgrade the SDK or move to a newer "
                        + "API version.", call.method, call.template, expires);
            }
        });
    }

    private void notifyRetry(RequestEvent event, Duration delay, String reason) {
        LOG.debug("{} {} will be retried in {} ms ({})", event.method(), event.path(), delay.toMillis(), reason);
        notifyListeners(l -> l.onRetry(event, delay, reason));
    }

    /**
     * Calls every listener, logging and ignoring their failures.
     *
     * @param action what to call
     */
    public void notifyListeners(java.util.function.Consumer<RequestListener> action) {
        for (RequestListener l : config.listeners()) {
            try {
                action.accept(l);
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("RequestListener {} failed: {}", l.getClass().getName(), e.getClass().getName());
            }
        }
    }

    /** One logical call. Not API. */
    public static final class Call {
        final String method;
        final String path;
        final String template;
        final URI uri;
        final byte[] body;
        final String contentType;
        final boolean idempotent;
        final boolean authenticated;
        final String authorization;
        final boolean tokenEndpoint;
        final boolean rateLimited;

        /**
         * Describes a call.
         *
         * @param method HTTP method
         * @param path path for logs and messages
         * @param template path template for metrics
         * @param uri full URI
         * @param body body bytes or null
         * @param contentType body content type or null
         * @param idempotent whether it may be resent after it may have reached the server
         * @param authenticated whether to add the bearer token and apply the rate limit
         * @param authorization a fixed Authorization header (token endpoint), or null
         * @param tokenEndpoint whether 4xx means bad credentials
         */
        public Call(String method, String path, String template, URI uri, byte[] body, String contentType,
                boolean idempotent, boolean authenticated, String authorization, boolean tokenEndpoint) {
            this.method = method;
            this.path = path;
            this.template = template;
            this.uri = uri;
            this.body = body;
            this.contentType = contentType;
            this.idempotent = idempotent;
            this.authenticated = authenticated;
            this.authorization = authorization;
            this.tokenEndpoint = tokenEndpoint;
            this.rateLimited = authenticated;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Settings of a {@link Transport}. Not API. */
    public interface TransportConfig {
        /** @return scheme://host[:port] without trailing slash */
        String baseUrl();

        /** @return the JDK client */
        HttpClient httpClient();

        /** @return the mapper */
        ObjectMapper mapper();

        /** @return retry policy */
        RetryPolicy retryPolicy();

        /** @return client-wide limit */
        dev.aurasdk.core.http.RateLimit rateLimit();

        /** @return per-attempt timeout */
        Duration attemptTimeout();

        /** @return overall per-call deadline */
        Duration callTimeout();

        /** @return clock */
        Clock clock();

        /** @return sleeper */
        Sleeper sleeper();

        /** @return listeners */
        List<RequestListener> listeners();

        /** @return User-Agent header */
        String userAgent();

        /** @return uniform random in [0,1) for jitter */
        default DoubleSupplier jitter() {
            return () -> ThreadLocalRandom.current().nextDouble();
        }
    }
}
