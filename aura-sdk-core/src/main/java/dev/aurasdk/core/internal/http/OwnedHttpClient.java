package dev.aurasdk.core.internal.http;

import dev.aurasdk.core.internal.OwnedThreads;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The JDK {@link HttpClient} an {@code AuraClient} builds for itself, with every thread it owns: a small daemon
 * pool ({@code aura-sdk-http-N-k}) and the JDK client's selector thread ({@code HttpClient-M-SelectorManager}).
 * {@link #close()} refuses new exchanges and, once none is in flight, ends those threads. Not API.
 *
 * <p>How the selector ends: the JDK client (11 to 20) has no close method, and its selector thread ends only when
 * the client is garbage collected or when the thread is interrupted; JDK 21+ ends it the same way on
 * {@code shutdownNow()}. The client is therefore built on a short-lived thread of a thread group of its own, so
 * that its selector can be found and interrupted on close. On JDK 17 an exchange still in flight when the
 * selector stops never completes, so the selector is stopped only once no exchange is in flight: exchanges started
 * before {@link #close()} (a synchronous call on another thread) finish normally, and the last one to end releases
 * the threads.
 */
public final class OwnedHttpClient extends HttpClient {
    /** Threads of the pool. The JDK's default is an unbounded cached pool; the SDK hands it only short tasks. */
    public static final int POOL_THREADS = 2;

    private static final AtomicInteger IDS = new AtomicInteger();
    /** Upper bound of each wait for a thread to end in {@link #close()} (normally a few milliseconds). */
    private static final long JOIN_MILLIS = 10_000;

    private final HttpClient delegate;
    private final ThreadPoolExecutor pool;
    private final OwnedThreads poolThreads;
    private final String name;
    private final List<Thread> clientThreads;
    private final Object lock = new Object();
    private int inFlight;
    private boolean closed;
    private boolean released;

    private OwnedHttpClient(
            HttpClient delegate,
            ThreadPoolExecutor pool,
            OwnedThreads poolThreads,
            String name,
            List<Thread> clientThreads) {
        this.delegate = delegate;
        this.pool = pool;
        this.poolThreads = poolThreads;
        this.name = name;
        this.clientThreads = clientThreads;
    }

    /**
     * Builds the client: HTTP/1.1 and 2, no redirects, the given connect timeout, a pool of {@value #POOL_THREADS}
     * daemon threads whose idle threads end after 30 s.
     *
     * @param connectTimeout the connect timeout
     * @return the client
     */
    public static OwnedHttpClient create(Duration connectTimeout) {
        int id = IDS.incrementAndGet();
        String name = "aura-sdk-http-" + id;
        OwnedThreads poolThreads = new OwnedThreads(name + "-");
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                POOL_THREADS, POOL_THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), poolThreads);
        pool.allowCoreThreadTimeOut(true);
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(pool);
        // The selector thread joins the thread group of the thread that builds the client.
        ThreadGroup group = new ThreadGroup(name);
        group.setDaemon(true); // JDK < 19: removed from its parent once its last thread ends
        HttpClient[] built = new HttpClient[1];
        RuntimeException[] failure = new RuntimeException[1];
        Thread builderThread = new Thread(
                group,
                () -> {
                    try {
                        built[0] = builder.build();
                    } catch (RuntimeException e) {
                        failure[0] = e;
                    }
                },
                name + "-init");
        builderThread.setDaemon(true);
        builderThread.start();
        joinUninterruptibly(builderThread);
        if (failure[0] != null) {
            pool.shutdownNow();
            throw failure[0];
        }
        Thread[] members = new Thread[8];
        int n = group.enumerate(members);
        List<Thread> clientThreads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (members[i] != builderThread) {
                clientThreads.add(members[i]);
            }
        }
        return new OwnedHttpClient(built[0], pool, poolThreads, name, List.copyOf(clientThreads));
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether a thread is one of this client's (its pool or its selector).
     *
     * @param thread the thread
     * @return true for this client's threads
     */
    public boolean ownsThread(Thread thread) {
        return clientThreads.contains(thread) || poolThreads.owns(thread);
    }

    /**
     * Refuses new exchanges and ends the client's threads, at once when no exchange is in flight (waiting for them
     * to end unless called on one of them), else when the last exchange in flight ends.
     */
    public void close() {
        synchronized (lock) {
            closed = true;
            if (inFlight > 0 || released) {
                return;
            }
            released = true;
        }
        release();
    }

    private boolean begin() {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            inFlight++;
            return true;
        }
    }

    private void end() {
        synchronized (lock) {
            inFlight--;
            if (!closed || inFlight > 0 || released) {
                return;
            }
            released = true;
        }
        release();
    }

    private void release() {
        for (Thread t : clientThreads) {
            t.interrupt(); // the selector loop ends on interrupt and closes the client's connections
        }
        if (ownsThread(Thread.currentThread())) {
            pool.shutdown(); // a thread cannot wait for itself or its own pool: the others end on their own
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(JOIN_MILLIS);
        boolean interrupted = false;
        try {
            for (Thread t : clientThreads) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left > 0) {
                    try {
                        t.join(left);
                    } catch (InterruptedException e) {
                        interrupted = true;
                        break;
                    }
                }
            }
            pool.shutdown(); // after the selector: it hands its last tasks to the pool; idle threads end now
            long left = deadline - System.nanoTime();
            if (!interrupted && left > 0) {
                try {
                    // terminated once its last worker left: the thread itself ends a moment later
                    if (pool.awaitTermination(left, TimeUnit.NANOSECONDS)) {
                        poolThreads.awaitEnd(deadline);
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private IOException closedFailure() {
        return new IOException("the AuraClient is closed: no new HTTP exchange");
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        if (!begin()) {
            throw closedFailure();
        }
        try {
            return delegate.send(request, handler);
        } finally {
            end();
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return sendAsync(request, handler, null);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
            HttpRequest request,
            HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        if (!begin()) {
            CompletableFuture<HttpResponse<T>> refused = new CompletableFuture<>();
            refused.completeExceptionally(closedFailure());
            return refused;
        }
        CompletableFuture<HttpResponse<T>> exchange;
        try {
            exchange = delegate.sendAsync(request, handler, pushPromiseHandler);
        } catch (RuntimeException | Error e) {
            end();
            throw e;
        }
        // the same future, so that cancelling it cancels the exchange; ends when answered, failed or cancelled
        exchange.whenComplete((response, failure) -> end());
        return exchange;
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

    @Override
    public String toString() {
        return "OwnedHttpClient{" + name + ", " + delegate + "}";
    }
}
