package dev.aurasdk.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.http.RequestListener;
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
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
 *
 * <p><b>HTTP client.</b> Built with {@link Builder#auraClient(AuraClient)}, an endpoint sends on that client's JDK
 * {@link HttpClient} and reports each request to its {@link dev.aurasdk.core.http.RequestListener}s (one attempt,
 * path template {@code {dataApiUrl}}), so metrics and traces see GraphQL calls beside Aura API calls; it is usable
 * while that client is open. As for the client's own calls, the listeners run on the calling thread for
 * {@link #execute(GraphQLRequest)}; for {@link #executeAsync(GraphQLRequest)} the start is told on the calling thread
 * and everything after the answer (listeners, decoding, completing the future and its dependent stages) runs on the
 * client's {@link AuraClient#scheduler() scheduler}, never on the HTTP client's threads. A listener that throws is
 * logged and ignored. Otherwise ({@link #withApiKey}, {@link #withBearerToken}, a plain {@link #builder})
 * every endpoint of the JVM shares one {@code HttpClient}, created on first use (10 s connect timeout, no
 * redirects) and never closed: Java 11's {@code HttpClient} cannot be closed, and sharing keeps one connection
 * pool and one selector thread however many endpoints are made. So an endpoint holds nothing to release and is not
 * {@code AutoCloseable}. {@link Builder#httpClient(HttpClient)} gives a client of your own (proxy, TLS).
 */
public final class GraphQLEndpoint {
    /** Header carrying an API key. */
    public static final String API_KEY_HEADER = "x-api-key";
    /** Default timeout of one request. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final URI url;
    private final EndpointCredential credential;
    private final HttpClient httpClient;
    private final AuraClient aura; // null: not built with auraClient(...)
    private final EndpointListeners listeners;
    private final EndpointResponses responses;
    private final Duration timeout;
    private final String userAgent;

    private GraphQLEndpoint(Builder b) {
        this.url = b.url;
        this.credential = b.credential;
        this.httpClient = b.httpClient != null ? b.httpClient : SharedClient.INSTANCE;
        this.aura = b.aura;
        this.listeners = EndpointListeners.of(b.listeners);
        this.timeout = b.timeout;
        this.responses = new EndpointResponses(url, credential, timeout);
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
        EndpointListeners.Attempt attempt = listeners.start(url);
        HttpResponse<byte[]> response;
        try {
            response = httpClient.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            attempt.failed(e);
            throw responses.networkFailure(e);
        } catch (InterruptedException e) {
            attempt.failed(e);
            Thread.currentThread().interrupt();
            throw responses.interrupted(e);
        } catch (RuntimeException e) {
            attempt.failed(e);
            throw e;
        }
        attempt.answered(response);
        return responses.toResponse(response, t0);
    }

    /**
     * Runs a request without blocking the caller. Built with {@link Builder#auraClient(AuraClient)}, the answer is
     * handled and the future completed on that client's scheduler (see the class comment): never block there.
     *
     * @param request the request
     * @return completes with the response, or exceptionally as {@link #execute(GraphQLRequest)} throws
     */
    public CompletableFuture<GraphQLResponse> executeAsync(GraphQLRequest request) {
        HttpRequest httpRequest = httpRequest(request);
        long t0 = System.nanoTime();
        EndpointListeners.Attempt attempt = listeners.start(url);
        CompletableFuture<HttpResponse<byte[]>> sent;
        try {
            sent = httpClient.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
        } catch (RuntimeException e) {
            attempt.failed(e);
            throw e;
        }
        CompletableFuture<GraphQLResponse> result = new CompletableFuture<>();
        sent.whenComplete(
                (response, failure) -> handBack(() -> responses.complete(result, attempt, response, failure, t0)));
        return result;
    }

    /** Runs what follows an answer on the Aura client's scheduler, if any; here if there is none or it refuses. */
    private void handBack(Runnable step) {
        try {
            if (aura != null) {
                aura.scheduler().schedule(step, 0, TimeUnit.NANOSECONDS);
                return;
            }
        } catch (RuntimeException refused) { // the client is closed or its scheduler shut down: here, blocking nothing
        }
        step.run();
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
                .header(credential.headerName(), credential.headerValue())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
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
        return "GraphQLEndpoint{url=" + url + ", auth=" + credential + "}";
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
        private EndpointCredential credential;
        private HttpClient httpClient;
        private AuraClient aura;
        private List<RequestListener> listeners = List.of();
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
            setCredential(EndpointCredential.Kind.API_KEY, apiKey, "apiKey");
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
            setCredential(EndpointCredential.Kind.BEARER_TOKEN, token, "bearer token");
            return this;
        }

        /**
         * The JDK client to use (for proxies or TLS settings). It should not follow redirects. By default
         * a shared client with a 10 s connect timeout is used (see the class comment). Replaces
         * {@link #auraClient(AuraClient)}: requests are then reported to no listener.
         *
         * @param httpClient the client
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            this.aura = null;
            this.listeners = List.of();
            return this;
        }

        /**
         * Sends on this Aura client's JDK {@link HttpClient} and reports each request to its request listeners
         * (see the class comment). Only the connections, listeners and scheduler are shared: the endpoint's own
         * credential, timeout and User-Agent apply, and requests are not retried. Replaces
         * {@link #httpClient(HttpClient)}.
         *
         * @param aura an open client
         * @return this builder
         */
        public Builder auraClient(AuraClient aura) {
            Objects.requireNonNull(aura, "aura");
            this.httpClient = aura.httpClient();
            this.aura = aura;
            this.listeners = aura.requestListeners();
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
            if (credential == null) {
                throw new IllegalStateException("GraphQLEndpoint needs apiKey(...) or bearerToken(...)");
            }
            return new GraphQLEndpoint(this);
        }

        private void setCredential(EndpointCredential.Kind kind, String value, String name) {
            EndpointCredential checked = EndpointCredential.of(kind, value, name);
            if (credential != null) {
                throw new IllegalStateException("set either apiKey(...) or bearerToken(...), not both");
            }
            this.credential = checked;
        }

        @Override
        public String toString() {
            return "GraphQLEndpoint.Builder{url=" + url + ", auth=" + (credential == null ? "none" : credential) + "}";
        }
    }
}
