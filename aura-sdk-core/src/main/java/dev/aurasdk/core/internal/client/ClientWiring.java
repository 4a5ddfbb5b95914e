package dev.aurasdk.core.internal.client;

import dev.aurasdk.core.auth.TokenProvider;
import dev.aurasdk.core.auth.TokenStore;
import dev.aurasdk.core.internal.OwnedThreads;
import dev.aurasdk.core.internal.auth.CachingTokenProvider;
import dev.aurasdk.core.internal.auth.ClientCredentialsTokenFetcher;
import dev.aurasdk.core.internal.http.OwnedHttpClient;
import dev.aurasdk.core.internal.http.Transport;
import dev.aurasdk.core.internal.http.TransportConfig;
import dev.aurasdk.core.internal.wait.ClientWaiter;
import dev.aurasdk.core.internal.wait.PollPlanner;
import dev.aurasdk.core.internal.wait.PollPlanners;
import dev.aurasdk.core.spi.BaseUrls;
import dev.aurasdk.core.spi.Json;
import dev.aurasdk.core.spi.UserAgent;
import dev.aurasdk.core.wait.DelayScheduler;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What an {@code AuraClient} owns and how it is put together and taken apart: the HTTP client, the
 * token provider, the transport, the scheduler (created on first use) and the waiter, and the order in
 * which {@link #close()} ends them. Thread-safe. Not API.
 */
public final class ClientWiring {
    private static final AtomicInteger SCHEDULER_IDS = new AtomicInteger();
    /** Upper bound of close()'s wait for the scheduler thread to end (normally a few milliseconds). */
    private static final long CLOSE_WAIT_SECONDS = 10;
    /** How long steps already due may run on close before the rest is interrupted. */
    private static final long CLOSE_GRACE_MILLIS = 1000;
    /** The scheduler each thread is running a client's step on, if any (shared by clients of one scheduler). */
    private static final ThreadLocal<ScheduledExecutorService> RUNNING_STEP_OF = new ThreadLocal<>();

    private final ClientOptions options;
    private final OwnedHttpClient ownHttpClient;
    private final TokenProvider tokenProvider;
    private final Transport transport;
    /**
     * The scheduler as async calls and waits see it: refuses work once the client is closed; each task
     * marks its thread as running a step of that scheduler (see {@link #onSchedulerThread()}).
     */
    private final DelayScheduler delayScheduler = (task, delay) -> {
        ScheduledExecutorService executor = scheduler();
        return DelayScheduler.of(executor).schedule(() -> runAsStepOf(executor, task), delay);
    };

    private final HttpClient httpClient;
    private final Object lock = new Object();
    private volatile ScheduledExecutorService ownScheduler;
    private volatile OwnedThreads schedulerThreads;
    private final PollPlanner pollPlanner; // one per client: every wait takes its delays from it
    private volatile ClientWaiter waiter;
    private volatile boolean closed;

    /**
     * Wires a client's parts (nothing is sent, no thread is started).
     *
     * @param options the settings
     */
    public ClientWiring(ClientOptions options) {
        this.options = options;
        this.ownHttpClient = options.httpClient() == null ? OwnedHttpClient.create(options.connectTimeout()) : null;
        this.httpClient = options.httpClient() != null ? options.httpClient() : ownHttpClient;
        TransportConfig config = TransportConfig.builder()
                .baseUrl(options.baseUrl())
                .httpClient(httpClient)
                .mapper(Json.mapper())
                .retryPolicy(options.retryPolicy())
                .rateLimit(options.rateLimit())
                .requestBudget(options.requestBudget())
                .attemptTimeout(options.requestTimeout())
                .callTimeout(options.callTimeout())
                .clock(options.clock())
                .sleeper(options.sleeper())
                .scheduler(delayScheduler)
                .maxConcurrentAsyncRequests(options.maxConcurrentAsyncRequests())
                .listeners(options.listeners())
                .userAgent(UserAgent.header(options.userAgentSuffix()))
                .build();
        this.tokenProvider = options.tokenProvider() != null ? options.tokenProvider() : cachedToken(options, config);
        this.transport = new Transport(config, tokenProvider);
        this.pollPlanner = PollPlanners.forClient(options.clock(), options.rateLimit(), options.pollBudgetReserve());
    }

    /** The client-credentials grant, cached: its requests go through a transport of their own. */
    private static TokenProvider cachedToken(ClientOptions options, TransportConfig config) {
        URI tokenUrl = BaseUrls.endpoint(
                "authUrl", options.authUrl() != null ? options.authUrl() : options.baseUrl() + "/oauth/token");
        ClientCredentialsTokenFetcher fetcher =
                new ClientCredentialsTokenFetcher(new Transport(config, null), tokenUrl, options.credentials());
        return new CachingTokenProvider(
                fetcher,
                options.tokenStore() != null ? options.tokenStore() : TokenStore.inMemory(),
                options.credentials().clientId() + "@" + tokenUrl,
                options.clock(),
                options.tokenRefreshMargin(),
                options.tokenFailureBackoff(),
                options.forcedTokenRefreshInterval());
    }

    /** The HTTP client calls are sent with: the user's, or the client's own. @return the HTTP client */
    public HttpClient httpClient() {
        return httpClient;
    }

    /** @return the transport of API calls */
    public Transport transport() {
        return transport;
    }

    /** @return the token provider (cached client-credentials, or the user's) */
    public TokenProvider tokenProvider() {
        return tokenProvider;
    }

    /** @throws IllegalStateException when the client is closed */
    public void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this AuraClient is closed");
        }
    }

    /** @return the waiter, created on first use; its async waits run on {@link #scheduler()} */
    public ClientWaiter waiter() {
        ClientWaiter created = waiter;
        if (created != null) {
            ensureOpen();
            return created;
        }
        synchronized (lock) {
            ensureOpen();
            if (waiter == null) {
                waiter = new ClientWaiter(
                        options.clock(),
                        options.sleeper(),
                        delayScheduler,
                        options.listeners(),
                        pollPlanner,
                        options.waitOptions());
            }
            return waiter;
        }
    }

    /** @return the user's scheduler, or the client's own one-thread scheduler, created on first use */
    public ScheduledExecutorService scheduler() {
        ensureOpen();
        if (options.scheduler() != null) {
            return options.scheduler();
        }
        ScheduledExecutorService created = ownScheduler;
        if (created != null) {
            return created; // no lock once created: async steps call this while holding their own locks
        }
        synchronized (lock) {
            ensureOpen();
            if (ownScheduler == null) {
                OwnedThreads threads = new OwnedThreads("aura-sdk-" + SCHEDULER_IDS.incrementAndGet() + "-scheduler-");
                ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, threads);
                schedulerThreads = threads;
                executor.setRemoveOnCancelPolicy(true);
                // on close, steps already due (answers handed back to this thread) still run; later ones do not
                executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
                ownScheduler = executor;
            }
            return ownScheduler;
        }
    }

    private static void runAsStepOf(ScheduledExecutorService executor, Runnable task) {
        ScheduledExecutorService outer = RUNNING_STEP_OF.get();
        RUNNING_STEP_OF.set(executor);
        try {
            task.run();
        } finally {
            if (outer == null) {
                RUNNING_STEP_OF.remove();
            } else {
                RUNNING_STEP_OF.set(outer);
            }
        }
    }

    /**
     * Whether the calling thread is a thread of the client's own scheduler, or is running a step that an
     * SDK client scheduled on this client's scheduler (so also on a scheduler given to the builder). Never
     * throws, even once closed.
     *
     * @return true on the scheduler's thread
     */
    public boolean onSchedulerThread() {
        ScheduledExecutorService running = RUNNING_STEP_OF.get();
        if (running != null && (running == options.scheduler() || running == ownScheduler)) {
            return true;
        }
        OwnedThreads threads = schedulerThreads;
        return threads != null && threads.owns(Thread.currentThread());
    }

    /**
     * Closes in order: the waits (while everything still runs, so that each ends as "client closed"),
     * then new calls are refused and the async calls in flight end, then the client's own scheduler
     * stops (awaited unless this runs on one of the client's threads), then its own HTTP client.
     */
    public void close() {
        // outside the lock: ending a wait takes the wait's own lock, held while scheduling
        ClientWaiter waits = waiter;
        if (waits != null) {
            waits.close();
        }
        ScheduledExecutorService scheduler;
        synchronized (lock) { // no new waiter or scheduler after this
            closed = true;
            if (waiter != waits) {
                waits = waiter; // created meanwhile
            } else {
                waits = null;
            }
            scheduler = ownScheduler;
        }
        if (waits != null) {
            waits.close();
        }
        transport.close(); // refuses new calls and retries, ends the async calls still in flight
        if (scheduler != null) {
            // not shutdownNow() at once: a step already due (an async answer handed back to the scheduler, whose
            // future only that step completes) must still run; delayed steps are dropped by the policy set above
            scheduler.shutdown();
            stopScheduler(scheduler);
        }
        if (ownHttpClient != null) {
            ownHttpClient.close(); // ends its selector and pool once no exchange is in flight
        }
    }

    /**
     * Lets the steps already due run for a short grace, then interrupts what still runs ({@code shutdownNow})
     * and waits for the thread's end, {@link #CLOSE_WAIT_SECONDS} in all. On one of the client's own threads
     * nothing is awaited (a thread cannot await its own end) and nothing is interrupted: the due steps run
     * after the current one.
     */
    private void stopScheduler(ScheduledExecutorService scheduler) {
        Thread current = Thread.currentThread();
        OwnedThreads threads = schedulerThreads;
        if (threads.owns(current) || (ownHttpClient != null && ownHttpClient.ownsThread(current))) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLOSE_WAIT_SECONDS);
        try {
            if (!scheduler.awaitTermination(CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                scheduler.shutdownNow(); // a step still running after the grace: interrupt it
                scheduler.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            }
            if (scheduler.isTerminated()) {
                threads.awaitEnd(deadline); // the thread ends a moment after the executor terminated
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
