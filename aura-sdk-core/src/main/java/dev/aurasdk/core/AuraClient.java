package dev.aurasdk.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurasdk.core.auth.TokenProvider;
import dev.aurasdk.core.auth.TokenStore;
import dev.aurasdk.core.http.AuraHttp;
import dev.aurasdk.core.http.RateLimit;
import dev.aurasdk.core.http.RequestBudget;
import dev.aurasdk.core.http.RequestListener;
import dev.aurasdk.core.http.RetryPolicy;
import dev.aurasdk.core.http.Sleeper;
import dev.aurasdk.core.internal.BaseUrls;
import dev.aurasdk.core.internal.Durations;
import dev.aurasdk.core.internal.Json;
import dev.aurasdk.core.internal.OwnedThreads;
import dev.aurasdk.core.internal.UserAgent;
import dev.aurasdk.core.internal.auth.CachingTokenProvider;
import dev.aurasdk.core.internal.auth.ClientCredentialsTokenFetcher;
import dev.aurasdk.core.internal.http.OwnedHttpClient;
import dev.aurasdk.core.internal.http.Transport;
import dev.aurasdk.core.internal.wait.ClientWaiter;
import dev.aurasdk.core.internal.wait.PollPlanner;
import dev.aurasdk.core.internal.wait.PollPlanners;
import dev.aurasdk.core.model.Organization;
import dev.aurasdk.core.model.TenantSummary;
import dev.aurasdk.core.wait.DelayScheduler;
import dev.aurasdk.core.wait.WaitOptions;
import dev.aurasdk.core.wait.Waiter;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The entry point: owns the transport, token cache, rate limiter and scheduler shared by every
 * feature client built from it ({@code ImportJobs}, {@code GraphQLDataApis}). Thread-safe; build one
 * per credential and share it. Close it when done.
 *
 * <pre>{@code
 * try (AuraClient aura = AuraClient.fromEnvironment()) {
 *     aura.instances().list().forEach(i -> System.out.println(i.id() + " " + i.name()));
 * }
 * }</pre>
 */
public final class AuraClient implements AutoCloseable {
    /** Aura's production API. */
    public static final String DEFAULT_BASE_URL = "https://api.neo4j.io";

    private static final AtomicInteger SCHEDULER_IDS = new AtomicInteger();
    /** Upper bound of close()'s wait for the scheduler thread to end (normally a few milliseconds). */
    private static final long CLOSE_WAIT_SECONDS = 10;
    /** Asynchronous requests in flight at once, by default (Aura's 125 requests per minute need far fewer). */
    static final int DEFAULT_MAX_CONCURRENT_ASYNC_REQUESTS = 16;

    private final String baseUrl;
    private final Transport transport;
    private final TokenProvider tokenProvider;
    private final Clock clock;
    private final Sleeper sleeper;
    private final List<RequestListener> listeners;
    private final WaitOptions waitOptions;
    private final HttpClient httpClient;
    private final OwnedHttpClient ownHttpClient;
    private final ScheduledExecutorService userScheduler;
    private final Tenants tenants;
    private final Organizations organizations;
    private final Instances instances;
    private final Object schedulerLock = new Object();
    private volatile ScheduledExecutorService ownScheduler;
    private volatile OwnedThreads schedulerThreads;
    private final PollPlanner pollPlanner; // one per client: every wait takes its delays from it
    private volatile ClientWaiter waiter;
    private volatile boolean closed;

    private AuraClient(Builder b) {
        this.baseUrl = b.baseUrl;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.listeners = List.copyOf(b.listeners);
        this.waitOptions = b.waitOptions;
        this.pollPlanner = PollPlanners.forClient(b.clock, b.rateLimit);
        this.ownHttpClient = b.httpClient == null ? OwnedHttpClient.create(b.connectTimeout) : null;
        this.httpClient = b.httpClient != null ? b.httpClient : ownHttpClient;
        this.userScheduler = b.scheduler;
        ObjectMapper mapper = Json.mapper();
        String userAgent = UserAgent.header(b.userAgentSuffix);
        Transport.TransportConfig config = new Transport.TransportConfig() {
            @Override
            public String baseUrl() {
                return baseUrl;
            }

            @Override
            public HttpClient httpClient() {
                return httpClient;
            }

            @Override
            public ObjectMapper mapper() {
                return mapper;
            }

            @Override
            public RetryPolicy retryPolicy() {
                return b.retryPolicy;
            }

            @Override
            public RateLimit rateLimit() {
                return b.rateLimit;
            }

            @Override
            public RequestBudget requestBudget() {
                return b.requestBudget;
            }

            @Override
            public Duration attemptTimeout() {
                return b.requestTimeout;
            }

            @Override
            public Duration callTimeout() {
                return b.callTimeout;
            }

            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public Sleeper sleeper() {
                return sleeper;
            }

            @Override
            public DelayScheduler scheduler() {
                return (task, delay) ->
                        DelayScheduler.of(AuraClient.this.scheduler()).schedule(task, delay);
            }

            @Override
            public int maxConcurrentAsyncRequests() {
                return b.maxConcurrentAsyncRequests;
            }

            @Override
            public List<RequestListener> listeners() {
                return listeners;
            }

            @Override
            public String userAgent() {
                return userAgent;
            }
        };
        if (b.tokenProvider != null) {
            this.tokenProvider = b.tokenProvider;
            this.transport = new Transport(config, tokenProvider);
        } else {
            URI tokenUrl = BaseUrls.endpoint("authUrl", b.authUrl != null ? b.authUrl : baseUrl + "/oauth/token");
            Transport tokenTransport = new Transport(config, null);
            ClientCredentialsTokenFetcher fetcher =
                    new ClientCredentialsTokenFetcher(tokenTransport, tokenUrl, b.credentials);
            this.tokenProvider = new CachingTokenProvider(
                    fetcher,
                    b.tokenStore != null ? b.tokenStore : TokenStore.inMemory(),
                    b.credentials.clientId() + "@" + tokenUrl,
                    clock,
                    b.tokenRefreshMargin,
                    b.tokenFailureBackoff,
                    b.forcedTokenRefreshInterval);
            this.transport = new Transport(config, tokenProvider);
        }
        this.tenants = new Tenants(transport);
        this.organizations = new Organizations(transport);
        this.instances = new Instances(transport);
    }

    /** A builder. @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client with credentials from {@code AURA_API_CLIENT_ID} / {@code AURA_API_CLIENT_SECRET}
     * (or the system properties {@code aura.clientId} / {@code aura.clientSecret}), and
     * {@code AURA_BASE_URL} / {@code AURA_AUTH_URL} when set.
     *
     * @return the client
     * @throws IllegalStateException naming a missing variable
     */
    public static AuraClient fromEnvironment() {
        Builder b = builder().credentials(AuraCredentials.fromEnvironment());
        String base = System.getenv("AURA_BASE_URL");
        if (base != null && !base.isBlank()) {
            b.baseUrl(base);
        }
        String auth = System.getenv("AURA_AUTH_URL");
        if (auth != null && !auth.isBlank()) {
            b.authUrl(auth);
        }
        return b.build();
    }

    /** Tenant look-ups (v1). @return the tenants client */
    public Tenants tenants() {
        return tenants;
    }

    /** Organization and project look-ups (v2beta1). @return the organizations client */
    public Organizations organizations() {
        return organizations;
    }

    /** Instance look-ups (v1). @return the instances client */
    public Instances instances() {
        return instances;
    }

    /**
     * The shared transport: authenticated, retried, rate-limited calls to any Aura endpoint.
     *
     * @return the transport
     */
    public AuraHttp http() {
        ensureOpen();
        return transport;
    }

    /** The base URL in use ({@code scheme://host[:port]}). @return the base URL */
    public String baseUrl() {
        return baseUrl;
    }

    /** The token provider (cached client-credentials by default). @return the provider */
    public TokenProvider tokenProvider() {
        return tokenProvider;
    }

    /** The clock used for tokens, deadlines and waits. @return the clock */
    public Clock clock() {
        return clock;
    }

    /** The default options of waits started from this client. @return the wait options */
    public WaitOptions waitOptions() {
        return waitOptions;
    }

    /**
     * The shared poller for long-running operations; its async waits run on the client's scheduler.
     *
     * @return the waiter
     */
    public Waiter waiter() {
        ClientWaiter created = waiter;
        if (created != null) {
            ensureOpen();
            return created;
        }
        synchronized (schedulerLock) {
            ensureOpen();
            if (waiter == null) {
                DelayScheduler scheduler =
                        (task, delay) -> DelayScheduler.of(scheduler()).schedule(task, delay);
                waiter = new ClientWaiter(clock, sleeper, scheduler, listeners, pollPlanner, waitOptions);
            }
            return waiter;
        }
    }

    /**
     * The scheduler of asynchronous calls and waits: the one given to the builder, or one daemon thread
     * created on first use and shut down by {@link #close()}. It runs only short steps (start a poll or
     * an exchange, map a response, complete a future); the network is awaited by the HTTP client, not
     * by this thread, except for a token refresh when no valid token is cached. Schedule only short tasks on it and do not shut it down yourself.
     *
     * @return the scheduler
     */
    public ScheduledExecutorService scheduler() {
        ensureOpen();
        if (userScheduler != null) {
            return userScheduler;
        }
        ScheduledExecutorService created = ownScheduler;
        if (created != null) {
            return created; // no lock once created: async steps call this while holding their own locks
        }
        synchronized (schedulerLock) {
            ensureOpen();
            if (ownScheduler == null) {
                OwnedThreads threads = new OwnedThreads("aura-sdk-" + SCHEDULER_IDS.incrementAndGet() + "-scheduler-");
                ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, threads);
                schedulerThreads = threads;
                executor.setRemoveOnCancelPolicy(true);
                ownScheduler = executor;
            }
            return ownScheduler;
        }
    }

    /**
     * Checks that the credentials work and both API generations answer. Never throws for a failed
     * check: each failure is in the report.
     *
     * @return one entry per check: token, v1 (tenants), v2beta1 (organizations)
     */
    public HealthReport healthCheck() {
        List<HealthCheckResult> results = new ArrayList<>();
        results.add(check("token", () -> {
            tokenProvider.token();
            return "access token available";
        }));
        results.add(check("v1 (tenants)", () -> {
            List<TenantSummary> list = tenants.list();
            return list.size() + " tenant(s)";
        }));
        results.add(check("v2beta1 (organizations)", () -> {
            List<Organization> list = organizations.list();
            return list.size() + " organization(s)";
        }));
        return HealthReport.builder().checks(results).build();
    }

    private static HealthCheckResult check(String name, Supplier<String> body) {
        long t0 = System.nanoTime();
        try {
            String detail = body.get();
            return HealthCheckResult.builder()
                    .name(name)
                    .ok(true)
                    .latency(Duration.ofNanos(System.nanoTime() - t0))
                    .detail(detail)
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResult.builder()
                    .name(name)
                    .ok(false)
                    .latency(Duration.ofNanos(System.nanoTime() - t0))
                    .error(String.valueOf(e.getMessage()))
                    .errorType(e.getClass().getSimpleName())
                    .build();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this AuraClient is closed");
        }
    }

    /**
     * Closes the client: further calls are refused, pending asynchronous calls and waits complete exceptionally
     * (the operations go on in Aura), and every thread the client created ends before this method returns: its
     * scheduler, and the HTTP client it built (its selector and its pool). A synchronous call still running on
     * another thread finishes (without retrying) and then releases the HTTP client's threads itself. An
     * {@code HttpClient} or scheduler given to the builder is left running.
     */
    @Override
    public void close() {
        // waits first, while everything still runs, so that each ends as "client closed" rather than with
        // its poll's failure; outside the lock: ending a wait takes the wait's own lock, held while scheduling
        ClientWaiter waits = waiter;
        if (waits != null) {
            waits.close();
        }
        ScheduledExecutorService scheduler;
        synchronized (schedulerLock) { // no new waiter or scheduler after this
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
            scheduler.shutdownNow();
            Thread current = Thread.currentThread();
            OwnedThreads threads = schedulerThreads;
            if (!threads.owns(current) && (ownHttpClient == null || !ownHttpClient.ownsThread(current))) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLOSE_WAIT_SECONDS);
                try {
                    if (scheduler.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                        threads.awaitEnd(deadline); // the thread ends a moment after the executor terminated
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (ownHttpClient != null) {
            ownHttpClient.close(); // ends its selector and pool once no exchange is in flight
        }
    }

    @Override
    public String toString() {
        return "AuraClient{baseUrl=" + baseUrl + ", tokenProvider=" + tokenProvider + "}";
    }

    /** Builds an {@link AuraClient}. Only credentials (or a token provider) are required. */
    public static final class Builder {
        private AuraCredentials credentials;
        private TokenProvider tokenProvider;
        private TokenStore tokenStore;
        private String baseUrl = DEFAULT_BASE_URL;
        private String authUrl;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private RateLimit rateLimit = RateLimit.auraDefault();
        private boolean rateLimitSet;
        private RequestBudget requestBudget;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Duration callTimeout = Duration.ofMinutes(3);
        private Duration tokenRefreshMargin = Duration.ofMinutes(5);
        private Duration tokenFailureBackoff = Duration.ofSeconds(10);
        private Duration forcedTokenRefreshInterval = Duration.ofMinutes(30);
        private HttpClient httpClient;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private ScheduledExecutorService scheduler;
        private int maxConcurrentAsyncRequests = DEFAULT_MAX_CONCURRENT_ASYNC_REQUESTS;
        private final List<RequestListener> listeners = new ArrayList<>();
        private String userAgentSuffix;
        private WaitOptions waitOptions = WaitOptions.defaults();

        private Builder() {}

        /**
         * Client credentials (required unless {@link #tokenProvider} is set).
         *
         * @param credentials the credentials
         * @return this builder
         */
        public Builder credentials(AuraCredentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * A custom token source instead of client credentials.
         *
         * @param tokenProvider the provider
         * @return this builder
         */
        public Builder tokenProvider(TokenProvider tokenProvider) {
            this.tokenProvider = Objects.requireNonNull(tokenProvider, "tokenProvider");
            return this;
        }

        /**
         * Where tokens are cached (in memory by default; share one store between clients).
         *
         * @param tokenStore the store
         * @return this builder
         */
        public Builder tokenStore(TokenStore tokenStore) {
            this.tokenStore = Objects.requireNonNull(tokenStore, "tokenStore");
            return this;
        }

        /**
         * The API base URL (default {@code https://api.neo4j.io}); any path is stripped; https is
         * required except for loopback hosts.
         *
         * @param baseUrl the base URL
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = BaseUrls.origin("baseUrl", baseUrl);
            return this;
        }

        /**
         * The token URL (default {@code <baseUrl>/oauth/token}).
         *
         * @param authUrl the token URL
         * @return this builder
         */
        public Builder authUrl(String authUrl) {
            this.authUrl = BaseUrls.endpoint("authUrl", authUrl).toString();
            return this;
        }

        /**
         * The retry policy (default: 3 attempts, backoff 500 ms to 8 s with full jitter).
         *
         * @param retryPolicy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * The client-wide request budget (default 125 per minute, Aura's limit).
         *
         * @param rateLimit the limit, or {@link RateLimit#unlimited()}
         * @return this builder
         */
        public Builder rateLimit(RateLimit rateLimit) {
            this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
            this.rateLimitSet = true;
            return this;
        }

        /**
         * A pluggable request budget instead of the in-process {@link #rateLimit(RateLimit)}, such as one
         * shared by every process using the credential. It gates every call and poll, and a 429 with
         * {@code Retry-After} pauses it.
         *
         * @param requestBudget the budget
         * @return this builder
         */
        public Builder requestBudget(RequestBudget requestBudget) {
            this.requestBudget = Objects.requireNonNull(requestBudget, "requestBudget");
            return this;
        }

        /**
         * Connect timeout of the default HTTP client (default 10 s).
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", timeout);
            return this;
        }

        /**
         * Timeout of one attempt, until the response headers arrive (default 60 s).
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive("requestTimeout", timeout);
            return this;
        }

        /**
         * Deadline of one logical call, retries and waits included (default 3 min).
         *
         * @param timeout the deadline
         * @return this builder
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = positive("callTimeout", timeout);
            return this;
        }

        /**
         * How long before expiry a token is refreshed (default 5 min; never earlier than half the
         * token's lifetime).
         *
         * @param margin the margin
         * @return this builder
         */
        public Builder tokenRefreshMargin(Duration margin) {
            Objects.requireNonNull(margin, "tokenRefreshMargin");
            if (margin.isNegative()) {
                throw new IllegalArgumentException("tokenRefreshMargin must not be negative, got " + margin);
            }
            this.tokenRefreshMargin = Durations.requireAtMost("tokenRefreshMargin", margin);
            return this;
        }

        /**
         * Least time between two token refreshes forced by a 401 or 403 (default 30 min). A refused
         * token is replaced once; a refusal within this interval of the last forced refresh is final.
         * This keeps a credential that lacks a permission from spending Aura's budget of about 15
         * token requests per hour.
         *
         * @param interval the interval, zero to allow a forced refresh on every refusal
         * @return this builder
         */
        public Builder forcedTokenRefreshInterval(Duration interval) {
            Objects.requireNonNull(interval, "forcedTokenRefreshInterval");
            if (interval.isNegative()) {
                throw new IllegalArgumentException("forcedTokenRefreshInterval must not be negative, got " + interval);
            }
            this.forcedTokenRefreshInterval = Durations.requireAtMost("forcedTokenRefreshInterval", interval);
            return this;
        }

        /**
         * How long after a failed token request the next one may be made (default 10 s). Meanwhile a
         * still-valid token keeps being used; without one, calls fail fast with the last error.
         *
         * @param backoff the pause
         * @return this builder
         */
        public Builder tokenFailureBackoff(Duration backoff) {
            Objects.requireNonNull(backoff, "tokenFailureBackoff");
            if (backoff.isNegative()) {
                throw new IllegalArgumentException("tokenFailureBackoff must not be negative, got " + backoff);
            }
            this.tokenFailureBackoff = Durations.requireAtMost("tokenFailureBackoff", backoff);
            return this;
        }

        /**
         * A JDK HTTP client to use (its connect timeout and proxy settings apply); it is not closed by
         * the SDK. The default client runs on the JDK's selector thread and a pool of two daemon threads
         * (the JDK's own default executor grows by a thread per exchange in flight).
         *
         * @param httpClient the client
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * The clock (tests inject a fixed or manual clock).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How synchronous calls and waits pause for backoff, rate limit and polling (tests record
         * instead); asynchronous ones are scheduled on the {@link #scheduler(ScheduledExecutorService)}.
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * The scheduler for asynchronous calls and waits (not shut down by the SDK; do not shut it down
         * while the client is open: calls whose next step it drops would never complete). By default the
         * client creates one daemon thread on first use. It runs short steps and waits on the network only
         * for a token refresh (when no valid token is cached), so one thread serves thousands of waits.
         *
         * @param scheduler the scheduler
         * @return this builder
         */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /**
         * How many asynchronous requests ({@code sendAsync}, the polls of async waits) may be in flight at
         * once (default 16). The others wait their turn, in order, without a thread; each still counts
         * against its call's deadline and keeps to the rate limit. Bounds the connections a burst of async
         * waits opens. Synchronous calls are bounded by their callers' threads and not counted. (On JDK 11
         * to 15, cancelling an exchange does not stop it: a cancelled call's connection may stay busy
         * after its permit has passed on.)
         *
         * @param max at least 1
         * @return this builder
         */
        public Builder maxConcurrentAsyncRequests(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConcurrentAsyncRequests must be at least 1, got " + max);
            }
            this.maxConcurrentAsyncRequests = max;
            return this;
        }

        /**
         * Adds an observability listener.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder addRequestListener(RequestListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
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
         * Default options of waits started from this client.
         *
         * @param waitOptions the options
         * @return this builder
         */
        public Builder waitOptions(WaitOptions waitOptions) {
            this.waitOptions = Objects.requireNonNull(waitOptions, "waitOptions");
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws IllegalStateException when neither credentials nor a token provider were given
         */
        public AuraClient build() {
            if (credentials == null && tokenProvider == null) {
                throw new IllegalStateException(
                        "AuraClient needs credentials(...) or tokenProvider(...); see AuraCredentials.fromEnvironment()");
            }
            if (credentials != null && tokenProvider != null) {
                throw new IllegalStateException("set either credentials(...) or tokenProvider(...), not both");
            }
            if (tokenProvider != null && tokenStore != null) {
                throw new IllegalStateException("tokenStore(...) applies to credentials(...) only; a custom "
                        + "tokenProvider(...) keeps its own tokens");
            }
            if (requestBudget != null && rateLimitSet) {
                throw new IllegalStateException("set either rateLimit(...) or requestBudget(...), not both; "
                        + "the budget carries its own limit");
            }
            return new AuraClient(this);
        }

        private static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            return Durations.requireAtMost(name, d);
        }
    }
}
