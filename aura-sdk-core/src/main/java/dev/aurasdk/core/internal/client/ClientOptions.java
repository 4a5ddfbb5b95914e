package dev.aurasdk.core.internal.client;

import dev.aurasdk.core.AuraCredentials;
import dev.aurasdk.core.auth.TokenProvider;
import dev.aurasdk.core.auth.TokenStore;
import dev.aurasdk.core.http.RateLimit;
import dev.aurasdk.core.http.RequestBudget;
import dev.aurasdk.core.http.RequestListener;
import dev.aurasdk.core.http.RetryPolicy;
import dev.aurasdk.core.http.Sleeper;
import dev.aurasdk.core.internal.wait.BudgetPollPlanner;
import dev.aurasdk.core.spi.BaseUrls;
import dev.aurasdk.core.spi.Durations;
import dev.aurasdk.core.spi.UserAgent;
import dev.aurasdk.core.wait.WaitOptions;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Every setting of an {@code AuraClient}, immutable and validated: what {@code AuraClient.Builder}
 * collects, read once by {@link ClientWiring}. Not API.
 */
public final class ClientOptions {
    /** Aura's production API. */
    public static final String DEFAULT_BASE_URL = "https://api.neo4j.io";
    /** Asynchronous requests in flight at once, by default (Aura's 125 requests per minute need far fewer). */
    public static final int DEFAULT_MAX_CONCURRENT_ASYNC_REQUESTS = 16;

    private final AuraCredentials credentials;
    private final TokenProvider tokenProvider;
    private final TokenStore tokenStore;
    private final String baseUrl;
    private final String authUrl;
    private final RetryPolicy retryPolicy;
    private final RateLimit rateLimit;
    private final RequestBudget requestBudget;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Duration callTimeout;
    private final Duration tokenRefreshMargin;
    private final Duration tokenFailureBackoff;
    private final Duration forcedTokenRefreshInterval;
    private final HttpClient httpClient;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ScheduledExecutorService scheduler;
    private final int maxConcurrentAsyncRequests;
    private final List<RequestListener> listeners;
    private final String userAgentSuffix;
    private final WaitOptions waitOptions;
    private final double pollBudgetReserve;

    private ClientOptions(Builder b) {
        this.credentials = b.credentials;
        this.tokenProvider = b.tokenProvider;
        this.tokenStore = b.tokenStore;
        this.baseUrl = b.baseUrl;
        this.authUrl = b.authUrl;
        this.retryPolicy = b.retryPolicy;
        this.rateLimit = b.rateLimit;
        this.requestBudget = b.requestBudget;
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.callTimeout = b.callTimeout;
        this.tokenRefreshMargin = b.tokenRefreshMargin;
        this.tokenFailureBackoff = b.tokenFailureBackoff;
        this.forcedTokenRefreshInterval = b.forcedTokenRefreshInterval;
        this.httpClient = b.httpClient;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.scheduler = b.scheduler;
        this.maxConcurrentAsyncRequests = b.maxConcurrentAsyncRequests;
        this.listeners = List.copyOf(b.listeners);
        this.userAgentSuffix = b.userAgentSuffix;
        this.waitOptions = b.waitOptions;
        this.pollBudgetReserve = b.pollBudgetReserve;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return client credentials, or null with a token provider */
    public AuraCredentials credentials() {
        return credentials;
    }

    /** @return a custom token source, or null */
    public TokenProvider tokenProvider() {
        return tokenProvider;
    }

    /** @return where tokens are cached, or null for an in-memory store */
    public TokenStore tokenStore() {
        return tokenStore;
    }

    /** @return the API origin */
    public String baseUrl() {
        return baseUrl;
    }

    /** @return the token URL, or null for {@code <baseUrl>/oauth/token} */
    public String authUrl() {
        return authUrl;
    }

    /** @return the retry policy */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** @return the in-process request budget */
    public RateLimit rateLimit() {
        return rateLimit;
    }

    /** @return a pluggable budget replacing the rate limit, or null */
    public RequestBudget requestBudget() {
        return requestBudget;
    }

    /** @return connect timeout of the client's own HTTP client */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return timeout of one attempt */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** @return deadline of one logical call */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** @return how long before expiry a token is refreshed */
    public Duration tokenRefreshMargin() {
        return tokenRefreshMargin;
    }

    /** @return least time between failed token requests */
    public Duration tokenFailureBackoff() {
        return tokenFailureBackoff;
    }

    /** @return least time between forced token refreshes */
    public Duration forcedTokenRefreshInterval() {
        return forcedTokenRefreshInterval;
    }

    /** @return the user's HTTP client, or null for the client's own */
    public HttpClient httpClient() {
        return httpClient;
    }

    /** @return the clock */
    public Clock clock() {
        return clock;
    }

    /** @return how synchronous calls and waits pause */
    public Sleeper sleeper() {
        return sleeper;
    }

    /** @return the user's scheduler, or null for the client's own */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** @return asynchronous requests in flight at once */
    public int maxConcurrentAsyncRequests() {
        return maxConcurrentAsyncRequests;
    }

    /** @return the request listeners, in order */
    public List<RequestListener> listeners() {
        return listeners;
    }

    /** @return text appended to the User-Agent, or null */
    public String userAgentSuffix() {
        return userAgentSuffix;
    }

    /** @return default options of waits */
    public WaitOptions waitOptions() {
        return waitOptions;
    }

    /** @return the share of the rate budget waits' polls leave to the user's calls */
    public double pollBudgetReserve() {
        return pollBudgetReserve;
    }

    /** Collects and validates the settings; every setter fails at once on a bad value. */
    public static final class Builder {
        private AuraCredentials credentials;
        private TokenProvider tokenProvider;
        private TokenStore tokenStore;
        private String baseUrl = DEFAULT_BASE_URL;
        private String authUrl;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private RateLimit rateLimit = RateLimit.auraDefault();
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
        private double pollBudgetReserve = BudgetPollPlanner.DEFAULT_RESERVE;
        private boolean rateLimitSet;

        private Builder() {}

        /** @param credentials client credentials, or null with a token provider @return this builder */
        public Builder credentials(AuraCredentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** @param tokenProvider a custom token source, or null @return this builder */
        public Builder tokenProvider(TokenProvider tokenProvider) {
            this.tokenProvider = Objects.requireNonNull(tokenProvider, "tokenProvider");
            return this;
        }

        /** @param tokenStore where tokens are cached, or null for an in-memory store @return this builder */
        public Builder tokenStore(TokenStore tokenStore) {
            this.tokenStore = Objects.requireNonNull(tokenStore, "tokenStore");
            return this;
        }

        /** @param baseUrl the API origin @return this builder */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = BaseUrls.origin("baseUrl", baseUrl);
            return this;
        }

        /** @param authUrl the token URL, or null for {@code <baseUrl>/oauth/token} @return this builder */
        public Builder authUrl(String authUrl) {
            this.authUrl = BaseUrls.endpoint("authUrl", authUrl).toString();
            return this;
        }

        /** @param retryPolicy the retry policy @return this builder */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** @param rateLimit the in-process request budget @return this builder */
        public Builder rateLimit(RateLimit rateLimit) {
            this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
            this.rateLimitSet = true;
            return this;
        }

        /** @param requestBudget a pluggable budget replacing the rate limit, or null @return this builder */
        public Builder requestBudget(RequestBudget requestBudget) {
            this.requestBudget = Objects.requireNonNull(requestBudget, "requestBudget");
            return this;
        }

        /** @param connectTimeout connect timeout of the client's own HTTP client @return this builder */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive("connectTimeout", connectTimeout);
            return this;
        }

        /** @param requestTimeout timeout of one attempt @return this builder */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = positive("requestTimeout", requestTimeout);
            return this;
        }

        /** @param callTimeout deadline of one logical call @return this builder */
        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = positive("callTimeout", callTimeout);
            return this;
        }

        /** @param tokenRefreshMargin how long before expiry a token is refreshed @return this builder */
        public Builder tokenRefreshMargin(Duration tokenRefreshMargin) {
            this.tokenRefreshMargin = notNegative("tokenRefreshMargin", tokenRefreshMargin);
            return this;
        }

        /** @param tokenFailureBackoff least time between failed token requests @return this builder */
        public Builder tokenFailureBackoff(Duration tokenFailureBackoff) {
            this.tokenFailureBackoff = notNegative("tokenFailureBackoff", tokenFailureBackoff);
            return this;
        }

        /** @param forcedTokenRefreshInterval least time between forced token refreshes @return this builder */
        public Builder forcedTokenRefreshInterval(Duration forcedTokenRefreshInterval) {
            this.forcedTokenRefreshInterval = notNegative("forcedTokenRefreshInterval", forcedTokenRefreshInterval);
            return this;
        }

        /** @param httpClient the user's HTTP client, or null for the client's own @return this builder */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /** @param clock the clock @return this builder */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @param sleeper how synchronous calls and waits pause @return this builder */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** @param scheduler the user's scheduler, or null for the client's own @return this builder */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** @param maxConcurrentAsyncRequests asynchronous requests in flight at once @return this builder */
        public Builder maxConcurrentAsyncRequests(int maxConcurrentAsyncRequests) {
            if (maxConcurrentAsyncRequests < 1) {
                throw new IllegalArgumentException(
                        "maxConcurrentAsyncRequests must be at least 1, got " + maxConcurrentAsyncRequests);
            }
            this.maxConcurrentAsyncRequests = maxConcurrentAsyncRequests;
            return this;
        }

        /** @param listener appended to the listeners @return this builder */
        public Builder addRequestListener(RequestListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** @param userAgentSuffix text appended to the User-Agent, or null @return this builder */
        public Builder userAgentSuffix(String userAgentSuffix) {
            this.userAgentSuffix = UserAgent.requireValidSuffix(userAgentSuffix);
            return this;
        }

        /** @param waitOptions default options of waits @return this builder */
        public Builder waitOptions(WaitOptions waitOptions) {
            this.waitOptions = Objects.requireNonNull(waitOptions, "waitOptions");
            return this;
        }

        /** @param reserve share of the budget left to the user's calls, in [0, 1) @return this builder */
        public Builder pollBudgetReserve(double reserve) {
            if (!(reserve >= 0 && reserve < 1)) {
                throw new IllegalArgumentException("pollBudgetReserve must be in [0, 1), got " + reserve);
            }
            this.pollBudgetReserve = reserve;
            return this;
        }

        /**
         * @return the options
         * @throws IllegalStateException when neither credentials nor a token provider were given, or
         *     settings that exclude each other were
         */
        public ClientOptions build() {
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
            return new ClientOptions(this);
        }

        private static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            return Durations.requireAtMost(name, d);
        }

        private static Duration notNegative(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, got " + d);
            }
            return Durations.requireAtMost(name, d);
        }
    }
}
