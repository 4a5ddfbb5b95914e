package dev.aurasdk.benchmarks;

import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * An {@link HttpClient} without a network: it answers from {@link Payloads} in the calling thread
 * (token, import job, Data API, import-job creation), feeding the body through the caller's
 * {@link HttpResponse.BodyHandler} as a real client would. Handing it to
 * {@code AuraClient.Builder#httpClient} isolates the SDK's own per-call work (request building, token
 * cache, error handling, decoding) from the network and the server.
 */
public final class InMemoryHttpClient extends HttpClient {
    private static final HttpHeaders JSON_HEADERS = HttpHeaders.of(
            Map.of("content-type", List.of("application/json"), "x-request-id", List.of("in-memory")), (k, v) -> true);

    private final byte[] importJob = Payloads.importJob();
    private final byte[] dataApi = Payloads.dataApi();
    private final byte[] createdJob = Payloads.createdJob();
    private final byte[] token;
    private final Duration tokenLatency;
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger tokenRequestsInFlight = new AtomicInteger();
    private final AtomicInteger maxTokenRequestsInFlight = new AtomicInteger();

    /**
     * A client whose token endpoint answers at once with tokens valid for an hour.
     */
    public InMemoryHttpClient() {
        this(3600, Duration.ZERO);
    }

    /**
     * A client with a given token lifetime and token-endpoint latency.
     *
     * @param tokenLifetimeSeconds {@code expires_in} of the tokens
     * @param tokenLatency how long a token request takes (the real endpoint is slow)
     */
    public InMemoryHttpClient(long tokenLifetimeSeconds, Duration tokenLatency) {
        this.token = Payloads.token(tokenLifetimeSeconds);
        this.tokenLatency = tokenLatency;
    }

    /** Token requests answered so far. @return the count */
    public int tokenRequests() {
        return tokenRequests.get();
    }

    /** The most token requests that were ever in progress at once. @return the count */
    public int maxTokenRequestsInFlight() {
        return maxTokenRequestsInFlight.get();
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws InterruptedException {
        String path = request.uri().getRawPath();
        int status = 200;
        byte[] body;
        if (path.equals("/oauth/token")) {
            tokenRequests.incrementAndGet();
            maxTokenRequestsInFlight.accumulateAndGet(tokenRequestsInFlight.incrementAndGet(), Math::max);
            try {
                if (!tokenLatency.isZero()) {
                    Thread.sleep(tokenLatency.toMillis());
                }
            } finally {
                tokenRequestsInFlight.decrementAndGet();
            }
            body = token;
        } else if (path.equals(Payloads.JOB_PATH)) {
            body = importJob;
        } else if (path.equals(Payloads.DATA_API_PATH)) {
            body = dataApi;
        } else if (path.equals(Payloads.JOBS_PATH) && request.method().equals("POST")) {
            status = 201;
            body = createdJob;
        } else {
            throw new IllegalArgumentException("no canned answer for " + request.method() + " " + path);
        }
        return new Response<>(request, status, read(handler, status, body));
    }

    private static <T> T read(HttpResponse.BodyHandler<T> handler, int status, byte[] body) {
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public HttpHeaders headers() {
                return JSON_HEADERS;
            }

            @Override
            public Version version() {
                return Version.HTTP_1_1;
            }
        });
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                // everything is delivered below
            }

            @Override
            public void cancel() {
                // nothing to release
            }
        });
        subscriber.onNext(List.of(ByteBuffer.wrap(body)));
        subscriber.onComplete();
        return subscriber.getBody().toCompletableFuture().join();
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return CompletableFuture.completedFuture(send(request, handler));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
            HttpRequest request,
            HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return sendAsync(request, handler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return Optional.empty();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return Optional.empty();
    }

    @Override
    public Redirect followRedirects() {
        return Redirect.NEVER;
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return Optional.empty();
    }

    @Override
    public SSLContext sslContext() {
        return null;
    }

    @Override
    public SSLParameters sslParameters() {
        return new SSLParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return Optional.empty();
    }

    @Override
    public Version version() {
        return Version.HTTP_1_1;
    }

    @Override
    public Optional<Executor> executor() {
        return Optional.empty();
    }

    /** A complete response. */
    private static final class Response<T> implements HttpResponse<T> {
        private final HttpRequest request;
        private final int status;
        private final T body;

        Response(HttpRequest request, int status, T body) {
            this.request = request;
            this.status = status;
            this.body = body;
        }

        @Override
        public int statusCode() {
            return status;
        }

        @Override
        public HttpRequest request() {
            return request;
        }

        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return JSON_HEADERS;
        }

        @Override
        public T body() {
            return body;
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public Version version() {
            return Version.HTTP_1_1;
        }
    }
}
