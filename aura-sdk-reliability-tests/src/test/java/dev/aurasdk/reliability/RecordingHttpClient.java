package dev.aurasdk.reliability;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A JDK {@link HttpClient} that delegates to a real one and remembers, per thread, the {@code Retry-After} of the
 * last 429 it received, so that a test can check the SDK's next retry on that thread waited at least that long.
 */
final class RecordingHttpClient extends HttpClient {
    private final HttpClient delegate =
            HttpClient.newBuilder().followRedirects(Redirect.NEVER).build();
    private final ThreadLocal<String> lastRetryAfter = new ThreadLocal<>();
    private final AtomicInteger tooManyRequests = new AtomicInteger();

    /** The {@code Retry-After} of the last 429 this thread received, if any (and forgets it). */
    Optional<String> takeRetryAfter() {
        String v = lastRetryAfter.get();
        lastRetryAfter.remove();
        return Optional.ofNullable(v);
    }

    /** 429 answers received so far. */
    int tooManyRequests() {
        return tooManyRequests.get();
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        HttpResponse<T> response = delegate.send(request, handler);
        if (response.statusCode() == 429) {
            tooManyRequests.incrementAndGet();
            lastRetryAfter.set(response.headers().firstValue("Retry-After").orElse(null));
        }
        return response;
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return delegate.sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
            HttpRequest request, HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> push) {
        return delegate.sendAsync(request, handler, push);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }
}
