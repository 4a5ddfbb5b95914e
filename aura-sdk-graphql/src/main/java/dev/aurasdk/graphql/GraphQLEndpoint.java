package dev.aurasdk.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aurasdk.core.spi.BaseUrls;
import dev.aurasdk.core.spi.Durations;
import dev.aurasdk.core.spi.UserAgent;
import dev.aurasdk.graphql.internal.GraphQLJson;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a deployed GraphQL Data API: POSTs a query with variables to the API's URL, authenticated with
 * an API key ({@code x-api-key}) or a bearer JWT, and returns {@code data} and {@code errors}. Use it to
 * check a deployment, or that one tenant's token cannot see another tenant's data.
 *
 * <pre>{@code
 * GraphQLEndpoint endpoint = GraphQLEndpoint.withApiKey(api.url().orElseThrow(), apiKey);
 * GraphQLResponse r = endpoint.execute(GraphQLRequest.of("{ restaurants { id name } }"));
 * JsonNode restaurants = r.dataOrThrow().get("restaurants");
 * }</pre>
 *
 * <p>The URL must be https (plain http only for loopback hosts, as in tests). Redirects are not
 * followed, so the credential goes to that URL only. The key or token is never logged, and appears in
 * no message or {@code toString()}. Requests are not retried: a GraphQL mutation is not idempotent.
 * Thread-safe.
 */
public final class GraphQLEndpoint {
    /** Header carrying an API key. */
    public static final String API_KEY_HEADER = "x-api-key";
    /** Default timeout of one request. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger("dev.aurasdk.graphql");
    private static final int MAX_SHOWN_ERRORS = 3;

    private final URI url;
    private final String credentialHeader;
    private final String credentialValue;
    private final String secret;
    private final String authKind;
    private final HttpClient httpClient;
    private final Duration timeout;
    private final String userAgent;

    private GraphQLEndpoint(Builder b) {
        this.url = b.url;
        this.secret = b.secret;
        this.authKind = b.authKind;
        if ("api-key".equals(b.authKind)) {
            this.credentialHeader = API_KEY_HEADER;
            this.credentialValue = b.secret;
        } else {
            this.credentialHeader = "Authorization";
            this.credentialValue = "Bearer " + b.secret;
        }
        this.httpClient = b.httpClient != null ? b.httpClient : SharedClient.INSTANCE;
        this.timeout = b.timeout;
        this.userAgent = UserAgent.header(b.userAgentSuffix);
    }

    /**
     * An endpoint authenticated with an API key.
     *
     * @param url the Data API's URL (https)
     * @param apiKey the key of an api-key provider
     * @return the endpoint
     */
    public static GraphQLEndpoint withApiKey(String url, String apiKey) {
        return builder(url).apiKey(apiKey).build();
    }

    /**
     * An endpoint authenticated with a bearer JWT (validated by the API's JWKS provider).
     *
     * @param url the Data API's URL (https)
     * @param jwt the token, with or without the {@code Bearer } prefix
     * @return the endpoint
     */
    public static GraphQLEndpoint withBearerToken(String url, String jwt) {
        return builder(url).bearerToken(jwt).build();
    }

    /**
     * A builder for an endpoint URL.
     *
     * @param url the Data API's URL (https; http only for loopback hosts)
     * @return the builder
     * @throws IllegalArgumentException when the URL is not acceptable
     */
    public static Builder builder(String url) {
        return new Builder(checkUrl(url));
    }

    /**
     * A builder for a Data API's URL.
     *
     * @param api the Data API (its {@code url} must be known)
     * @return the builder
     * @throws IllegalArgumentException when Aura did not give the API a URL
     */
    public static Builder builder(GraphQLDataApiSummary api) {
        Objects.requireNonNull(api, "api");
        return builder(api.url()
                .orElseThrow(() -> new IllegalArgumentException("GraphQL Data API " + api.id() + " has no url yet")));
    }

    /** The endpoint URL. @return the URL */
    public URI url() {
        return url;
    }

    /**
     * Runs a query without variables.
     *
     * @param query the GraphQL document
     * @return the response (check {@link GraphQLResponse#errors()})
     */
    public GraphQLResponse execute(String query) {
        return execute(GraphQLRequest.of(query));
    }

    /**
     * Runs a query with variables.
     *
     * @param query the GraphQL document
     * @param variables the variables
     * @return the response (check {@link GraphQLResponse#errors()})
     */
    public GraphQLResponse execute(String query, Map<String, ?> variables) {
        return execute(GraphQLRequest.of(query).withVariables(variables));
    }

    /**
     * Runs a request.
     *
     * @param request the request
     * @return the response, which may carry GraphQL errors beside (or instead of) data
     * @throws GraphQLUnauthorizedException on HTTP 401 or 403
     * @throws GraphQLEndpointException on a network failure, a redirect, or a non-GraphQL answer
     */
    public GraphQLResponse execute(GraphQLRequest request) {
        HttpRequest httpRequest = httpRequest(request);
        long t0 = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = httpClient.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw networkFailure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphQLEndpointException("POST " + url + " interrupted", url.toString(), -1, List.of(), e);
        }
        return toResponse(response, t0);
    }

    /**
     * Runs a request without blocking the caller.
     *
     * @param request the request
     * @return completes with the response, or exceptionally as {@link #execute(GraphQLRequest)} throws
     */
    public CompletableFuture<GraphQLResponse> executeAsync(GraphQLRequest request) {
        HttpRequest httpRequest = httpRequest(request);
        long t0 = System.nanoTime();
        return httpClient
                .sendAsync(httpRequest, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause()
                                : failure;
                        if (cause instanceof IOException) {
                            throw networkFailure((IOException) cause);
                        }
                        throw new GraphQLEndpointException(
                                "POST " + url + " failed: " + cause.getClass().getSimpleName(),
                                url.toString(),
                                -1,
                                List.of(),
                                cause);
                    }
                    return toResponse(response, t0);
                });
    }

    private HttpRequest httpRequest(GraphQLRequest request) {
        Objects.requireNonNull(request, "request");
        byte[] body;
        try {
            body = GraphQLJson.mapper().writeValueAsBytes(request.toBody());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("GraphQL request cannot be written as JSON");
        }
        return HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .header("User-Agent", userAgent)
                .header(credentialHeader, credentialValue)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private GraphQLResponse toResponse(HttpResponse<byte[]> response, long t0) {
        int status = response.statusCode();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Optional<JsonNode> root = readJson(response.body());
        List<GraphQLError> errors = root.map(this::errors).orElse(List.of());
        boolean graphQLBody = root.map(r -> r.isObject() && (r.has("data") || r.has("errors")))
                .orElse(false);
        LOG.debug("POST {} -> {} in {} ms ({} GraphQL error(s))", url, status, ms, errors.size());
        if (status == 401 || status == 403) {
            throw new GraphQLUnauthorizedException(
                    "POST " + url + " was refused: HTTP " + status + ", the "
                            + (authKind.equals("api-key") ? "API key" : "bearer token") + " was not accepted"
                            + summary(errors),
                    url.toString(),
                    status,
                    errors);
        }
        if (status >= 300 && status < 400) {
            throw new GraphQLEndpointException(
                    "POST " + url + " answered HTTP " + status + " (redirect to "
                            + response.headers()
                                    .firstValue("Location")
                                    .map(this::redact)
                                    .orElse("?")
                            + "); redirects are not followed so that the credential is not sent elsewhere",
                    url.toString(),
                    status,
                    errors,
                    null);
        }
        if (!graphQLBody) {
            String type = response.headers().firstValue("Content-Type").orElse("no content type");
            throw new GraphQLEndpointException(
                    "POST " + url + " answered HTTP " + status + " without a GraphQL response body (" + redact(type)
                            + ")",
                    url.toString(),
                    status,
                    errors,
                    null);
        }
        return new GraphQLResponse(status, root.get().get("data"), errors, url.toString());
    }

    private List<GraphQLError> errors(JsonNode root) {
        JsonNode list = root.path("errors");
        if (!list.isArray()) {
            return List.of();
        }
        List<GraphQLError> out = new ArrayList<>();
        for (JsonNode e : list) {
            GraphQLError.Builder b = GraphQLError.builder()
                    .message(redact(
                            e.path("message").isTextual() ? e.get("message").textValue() : e.toString()));
            for (JsonNode p : e.path("path")) {
                b.addPath(p.isInt() ? (Object) p.intValue() : redact(p.asText()));
            }
            JsonNode extensions = e.get("extensions");
            if (extensions != null && extensions.isObject()) {
                b.extensions(extensions.deepCopy());
                JsonNode code = extensions.get("code");
                if (code != null && code.isTextual()) {
                    b.code(code.textValue());
                }
            }
            out.add(b.build());
        }
        return out;
    }

    private static Optional<JsonNode> readJson(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(GraphQLJson.mapper().readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String summary(List<GraphQLError> errors) {
        if (errors.isEmpty()) {
            return "";
        }
        return ": "
                + errors.stream()
                        .limit(MAX_SHOWN_ERRORS)
                        .map(GraphQLError::message)
                        .collect(Collectors.joining("; ")) + (errors.size() > MAX_SHOWN_ERRORS ? "; …" : "");
    }

    private GraphQLEndpointException networkFailure(IOException e) {
        String what = e instanceof HttpTimeoutException
                ? "no response within " + timeout.toSeconds() + " s"
                : "failed on the network: " + e.getClass().getSimpleName()
                        + (e.getMessage() != null ? " " + redact(e.getMessage()) : "");
        return new GraphQLEndpointException("POST " + url + " " + what, url.toString(), -1, List.of(), e);
    }

    /** Removes the credential from text that came from the server or the network stack. */
    private String redact(String text) {
        return text.replace(secret, "****");
    }

    private static URI checkUrl(String url) {
        Objects.requireNonNull(url, "url must not be null");
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("GraphQL endpoint url is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("GraphQL endpoint url must not contain credentials");
        }
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("GraphQL endpoint url must be an absolute https URL with a host");
        }
        if (scheme.equals("http") && !BaseUrls.isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("GraphQL endpoint url must use https (plain http is allowed only for "
                    + "loopback hosts such as localhost): http://" + uri.getHost());
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("GraphQL endpoint url must not have a fragment");
        }
        BaseUrls.requireValidPort("GraphQL endpoint url", uri);
        return uri;
    }

    @Override
    public String toString() {
        return "GraphQLEndpoint{url=" + url + ", auth=" + authKind + " ****}";
    }

    /** The default JDK client: created on first use, never follows redirects. */
    private static final class SharedClient {
        static final HttpClient INSTANCE = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Builds a {@link GraphQLEndpoint}: exactly one of {@link #apiKey} or {@link #bearerToken}. */
    public static final class Builder {
        private final URI url;
        private String secret;
        private String authKind;
        private HttpClient httpClient;
        private Duration timeout = DEFAULT_TIMEOUT;
        private String userAgentSuffix;

        private Builder(URI url) {
            this.url = url;
        }

        /**
         * Authenticate with an API key, sent in the {@code x-api-key} header.
         *
         * @param apiKey the key
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            setCredential("api-key", apiKey, "apiKey");
            return this;
        }

        /**
         * Authenticate with a bearer JWT, sent as {@code Authorization: Bearer …}.
         *
         * @param jwt the token, with or without the {@code Bearer } prefix
         * @return this builder
         */
        public Builder bearerToken(String jwt) {
            Objects.requireNonNull(jwt, "bearer token must not be null");
            String token = jwt.strip();
            if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
                token = token.substring(7).strip();
            }
            setCredential("bearer", token, "bearer token");
            return this;
        }

        /**
         * The JDK client to use (for proxies or TLS settings). It should not follow redirects. By default
         * a shared client with a 10 s connect timeout is used.
         *
         * @param httpClient the client
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * Timeout of one request (default 60 s).
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, got " + timeout);
            }
            Durations.requireAtMost("timeout", timeout);
            this.timeout = timeout;
            return this;
        }

        /**
         * Text appended to the User-Agent, such as {@code my-service/1.2}.
         *
         * @param suffix the suffix
         * @return this builder
         */
        public Builder userAgentSuffix(String suffix) {
            this.userAgentSuffix = UserAgent.requireValidSuffix(suffix);
            return this;
        }

        /**
         * Builds the endpoint.
         *
         * @return the endpoint
         * @throws IllegalStateException when no credential was given
         */
        public GraphQLEndpoint build() {
            if (secret == null) {
                throw new IllegalStateException("GraphQLEndpoint needs apiKey(...) or bearerToken(...)");
            }
            return new GraphQLEndpoint(this);
        }

        private void setCredential(String kind, String value, String name) {
            Objects.requireNonNull(value, name + " must not be null");
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            if (value.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
                throw new IllegalArgumentException(name + " must not contain spaces, control or non-ASCII characters");
            }
            if (secret != null) {
                throw new IllegalStateException("set either apiKey(...) or bearerToken(...), not both");
            }
            this.secret = value;
            this.authKind = kind;
        }

        @Override
        public String toString() {
            return "GraphQLEndpoint.Builder{url=" + url + ", auth=" + (authKind == null ? "none" : authKind + " ****")
                    + "}";
        }
    }
}
