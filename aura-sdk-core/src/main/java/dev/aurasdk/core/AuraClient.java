package dev.aurasdk.core;

import dev.aurasdk.core.auth.TokenProvider;
import dev.aurasdk.core.auth.TokenStore;
import dev.aurasdk.core.http.AuraHttp;
import dev.aurasdk.core.http.RateLimit;
import dev.aurasdk.core.http.RequestBudget;
import dev.aurasdk.core.http.RequestListener;
import dev.aurasdk.core.http.RetryPolicy;
import dev.aurasdk.core.http.Sleeper;
import dev.aurasdk.core.internal.client.ClientOptions;
import dev.aurasdk.core.internal.client.ClientWiring;
import dev.aurasdk.core.internal.client.HealthChecker;
import dev.aurasdk.core.wait.WaitOptions;
import dev.aurasdk.core.wait.Waiter;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

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
    public static final String DEFAULT_BASE_URL = ClientOptions.DEFAULT_BASE_URL;

    private final ClientOptions options;
    private final ClientWiring wiring;
    private final Tenants tenants;
    private final Organizations organizations;
    private final Instances instances;

    private AuraClient(ClientOptions options) {
        this.options = options;
        this.wiring = new ClientWiring(options);
        this.tenants = new Tenants(wiring.transport());
        this.organizations = new Organizations(wiring.transport());
        this.instances = new Instances(wiring.transport());
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
        wiring.ensureOpen();
        return wiring.transport();
    }

    /** The base URL in use ({@code scheme://host[:port]}). @return the base URL */
    public String baseUrl() {
        return options.baseUrl();
    }

    /** The token provider (cached client-credentials by default). @return the provider */
    public TokenProvider tokenProvider() {
        return wiring.tokenProvider();
    }

    /** The clock used for tokens, deadlines and waits. @return the clock */
    public Clock clock() {
        return options.clock();
    }

    /**
     * The JDK HTTP client this client sends with: its own (closed with this client) or the one given to
     * {@link Builder#httpClient}. For modules that call other endpoints on this client's connections, such as a
     * GraphQL Data API endpoint; valid while this client is open.
     *
     * @return the HTTP client
     */
    public HttpClient httpClient() {
        return wiring.httpClient();
    }

    /**
     * The request listeners given to {@link Builder#addRequestListener}, in order, for modules that report their
     * own calls to them.
     *
     * @return an unmodifiable list
     */
    public List<RequestListener> requestListeners() {
        return options.listeners();
    }

    /** The default options of waits started from this client. @return the wait options */
    public WaitOptions waitOptions() {
        return options.waitOptions();
    }

    /**
     * The shared poller for long-running operations; its async waits run on the client's scheduler.
     *
     * @return the waiter
     */
    public Waiter waiter() {
        return wiring.waiter();
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
        return wiring.scheduler();
    }

    /**
     * Whether the calling thread is this client's {@link #scheduler()} thread: a thread of the scheduler the
     * client created, or, with a scheduler given to the builder, a thread while it runs a step an SDK client
     * scheduled there (an async call's or wait's callbacks, listeners and dependent stages). Blocking there on
     * the client's asynchronous work deadlocks, since that work needs the blocked thread: modules check this to
     * refuse such a call at once. Cheap; never throws, also once the client is closed.
     *
     * @return true when the calling thread must not wait for this client's asynchronous work
     */
    public boolean isOnSchedulerThread() {
        return wiring.onSchedulerThread();
    }

    /**
     * Checks that the credentials work and both API generations answer. Never throws for a failed
     * check: each failure is in the report.
     *
     * @return one entry per check: token, v1 (tenants), v2beta1 (organizations)
     */
    public HealthReport healthCheck() {
        return HealthChecker.check(wiring.tokenProvider(), tenants::list, organizations::list);
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
        wiring.close();
    }

    @Override
    public String toString() {
        return "AuraClient{baseUrl=" + baseUrl() + ", tokenProvider=" + tokenProvider() + "}";
    }

    /** Builds an {@link AuraClient}. Only credentials (or a token provider) are required. */
    public static final class Builder {
        private final ClientOptions.Builder options = ClientOptions.builder();

        private Builder() {}

        /**
         * Client credentials (required unless {@link #tokenProvider} is set).
         *
         * @param credentials the credentials
         * @return this builder
         */
        public Builder credentials(AuraCredentials credentials) {
            options.credentials(credentials);
            return this;
        }

        /**
         * A custom token source instead of client credentials.
         *
         * @param tokenProvider the provider
         * @return this builder
         */
        public Builder tokenProvider(TokenProvider tokenProvider) {
            options.tokenProvider(tokenProvider);
            return this;
        }

        /**
         * Where tokens are cached (in memory by default; share one store between clients).
         *
         * @param tokenStore the store
         * @return this builder
         */
        public Builder tokenStore(TokenStore tokenStore) {
            options.tokenStore(tokenStore);
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
            options.baseUrl(baseUrl);
            return this;
        }

        /**
         * The token URL (default {@code <baseUrl>/oauth/token}).
         *
         * @param authUrl the token URL
         * @return this builder
         */
        public Builder authUrl(String authUrl) {
            options.authUrl(authUrl);
            return this;
        }

        /**
         * The retry policy (default: 3 attempts, backoff 500 ms to 8 s with full jitter).
         *
         * @param retryPolicy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            options.retryPolicy(retryPolicy);
            return this;
        }

        /**
         * The client-wide request budget (default 125 per minute, Aura's limit).
         *
         * @param rateLimit the limit, or {@link RateLimit#unlimited()}
         * @return this builder
         */
        public Builder rateLimit(RateLimit rateLimit) {
            options.rateLimit(rateLimit);
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
            options.requestBudget(requestBudget);
            return this;
        }

        /**
         * Connect timeout of the default HTTP client (default 10 s).
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            options.connectTimeout(timeout);
            return this;
        }

        /**
         * Timeout of one attempt, until the response headers arrive (default 60 s).
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            options.requestTimeout(timeout);
            return this;
        }

        /**
         * Deadline of one logical call, retries and waits included (default 3 min).
         *
         * @param timeout the deadline
         * @return this builder
         */
        public Builder callTimeout(Duration timeout) {
            options.callTimeout(timeout);
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
            options.tokenRefreshMargin(margin);
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
            options.forcedTokenRefreshInterval(interval);
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
            options.tokenFailureBackoff(backoff);
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
            options.httpClient(httpClient);
            return this;
        }

        /**
         * The clock (tests inject a fixed or manual clock).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            options.clock(clock);
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
            options.sleeper(sleeper);
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
            options.scheduler(scheduler);
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
            options.maxConcurrentAsyncRequests(max);
            return this;
        }

        /**
         * Adds an observability listener.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder addRequestListener(RequestListener listener) {
            options.addRequestListener(listener);
            return this;
        }

        /**
         * Text appended to the User-Agent, such as {@code my-service/1.2}.
         *
         * @param suffix the suffix
         * @return this builder
         */
        public Builder userAgentSuffix(String suffix) {
            options.userAgentSuffix(suffix);
            return this;
        }

        /**
         * Default options of waits started from this client.
         *
         * @param waitOptions the options
         * @return this builder
         */
        public Builder waitOptions(WaitOptions waitOptions) {
            options.waitOptions(waitOptions);
            return this;
        }

        /**
         * The share of the rate budget that waits' polls leave to this client's own calls (default 0.1, 12 of Aura's 125
         * a minute): however many waits run, their polls are planned within {@code (1 - reserve)} of {@link
         * #rateLimit(RateLimit)}, so a call made meanwhile is not queued behind them. Raise it when the client makes
         * more calls of its own while hundreds of waits run; a larger reserve makes those waits see completions later. The plan is per client: with a {@link #requestBudget} shared by
         * several processes, each plans within its own {@link #rateLimit(RateLimit)}.
         *
         * @param reserve in [0, 1)
         * @return this builder
         */
        public Builder pollBudgetReserve(double reserve) {
            options.pollBudgetReserve(reserve);
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws IllegalStateException when neither credentials nor a token provider were given
         */
        public AuraClient build() {
            return new AuraClient(options.build());
        }
    }
}
