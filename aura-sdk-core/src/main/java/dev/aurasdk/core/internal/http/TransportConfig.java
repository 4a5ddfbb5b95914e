package dev.aurasdk.core.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurasdk.core.http.RateLimit;
import dev.aurasdk.core.http.RequestBudget;
import dev.aurasdk.core.http.RequestListener;
import dev.aurasdk.core.http.RetryPolicy;
import dev.aurasdk.core.http.Sleeper;
import dev.aurasdk.core.wait.DelayScheduler;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/** Settings of a {@link Transport}, immutable: one value shared by every piece of it. Not API. */
public final class TransportConfig {
    private final String baseUrl;
    private final HttpClient httpClient;
    private final ObjectMapper mapper;
    private final RetryPolicy retryPolicy;
    private final RateLimit rateLimit;
    private final RequestBudget requestBudget;
    private final Duration attemptTimeout;
    private final Duration callTimeout;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DelayScheduler scheduler;
    private final int maxConcurrentAsyncRequests;
    private final List<RequestListener> listeners;
    private final String userAgent;
    private final DoubleSupplier jitter;

    private TransportConfig(Builder b) {
        this.baseUrl = Objects.requireNonNull(b.baseUrl, "baseUrl");
        this.httpClient = Objects.requireNonNull(b.httpClient, "httpClient");
        this.mapper = Objects.requireNonNull(b.mapper, "mapper");
        this.retryPolicy = Objects.requireNonNull(b.retryPolicy, "retryPolicy");
        this.rateLimit = Objects.requireNonNull(b.rateLimit, "rateLimit");
        this.requestBudget = b.requestBudget;
        this.attemptTimeout = Objects.requireNonNull(b.attemptTimeout, "attemptTimeout");
        this.callTimeout = Objects.requireNonNull(b.callTimeout, "callTimeout");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.sleeper = Objects.requireNonNull(b.sleeper, "sleeper");
        this.scheduler = Objects.requireNonNull(b.scheduler, "scheduler");
        this.maxConcurrentAsyncRequests = b.maxConcurrentAsyncRequests;
        this.listeners = List.copyOf(b.listeners);
        this.userAgent = Objects.requireNonNull(b.userAgent, "userAgent");
        this.jitter = Objects.requireNonNull(b.jitter, "jitter");
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return scheme://host[:port] without trailing slash */
    public String baseUrl() {
        return baseUrl;
    }

    /** @return the JDK client */
    public HttpClient httpClient() {
        return httpClient;
    }

    /** @return the mapper */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** @return retry policy */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** @return client-wide limit */
    public RateLimit rateLimit() {
        return rateLimit;
    }

    /** @return a pluggable budget replacing {@link #rateLimit()}, or null for the in-process one */
    public RequestBudget requestBudget() {
        return requestBudget;
    }

    /** @return per-attempt timeout */
    public Duration attemptTimeout() {
        return attemptTimeout;
    }

    /** @return overall per-call deadline */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** @return clock */
    public Clock clock() {
        return clock;
    }

    /** @return how synchronous calls wait */
    public Sleeper sleeper() {
        return sleeper;
    }

    /** @return where asynchronous calls wait and continue */
    public DelayScheduler scheduler() {
        return scheduler;
    }

    /** @return how many asynchronous exchanges may be in flight at once */
    public int maxConcurrentAsyncRequests() {
        return maxConcurrentAsyncRequests;
    }

    /** @return listeners */
    public List<RequestListener> listeners() {
        return listeners;
    }

    /** @return User-Agent header */
    public String userAgent() {
        return userAgent;
    }

    /** @return uniform random in [0,1) for jitter */
    public DoubleSupplier jitter() {
        return jitter;
    }

    /** Builds a {@link TransportConfig}; every setting without a default is required. */
    public static final class Builder {
        private String baseUrl;
        private HttpClient httpClient;
        private ObjectMapper mapper;
        private RetryPolicy retryPolicy;
        private RateLimit rateLimit;
        private RequestBudget requestBudget;
        private Duration attemptTimeout;
        private Duration callTimeout;
        private Clock clock;
        private Sleeper sleeper;
        private DelayScheduler scheduler;
        private int maxConcurrentAsyncRequests = 1;
        private final List<RequestListener> listeners = new ArrayList<>();
        private String userAgent;
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

        private Builder() {}

        /** @param v base URL @return this builder */
        public Builder baseUrl(String v) {
            this.baseUrl = v;
            return this;
        }

        /** @param v the JDK client @return this builder */
        public Builder httpClient(HttpClient v) {
            this.httpClient = v;
            return this;
        }

        /** @param v the mapper @return this builder */
        public Builder mapper(ObjectMapper v) {
            this.mapper = v;
            return this;
        }

        /** @param v the retry policy @return this builder */
        public Builder retryPolicy(RetryPolicy v) {
            this.retryPolicy = v;
            return this;
        }

        /** @param v the in-process rate limit @return this builder */
        public Builder rateLimit(RateLimit v) {
            this.rateLimit = v;
            return this;
        }

        /** @param v a budget replacing the rate limit, or null @return this builder */
        public Builder requestBudget(RequestBudget v) {
            this.requestBudget = v;
            return this;
        }

        /** @param v per-attempt timeout @return this builder */
        public Builder attemptTimeout(Duration v) {
            this.attemptTimeout = v;
            return this;
        }

        /** @param v per-call deadline @return this builder */
        public Builder callTimeout(Duration v) {
            this.callTimeout = v;
            return this;
        }

        /** @param v the clock @return this builder */
        public Builder clock(Clock v) {
            this.clock = v;
            return this;
        }

        /** @param v the sleeper @return this builder */
        public Builder sleeper(Sleeper v) {
            this.sleeper = v;
            return this;
        }

        /** @param v the scheduler of asynchronous steps @return this builder */
        public Builder scheduler(DelayScheduler v) {
            this.scheduler = v;
            return this;
        }

        /** @param v async exchanges in flight at once, at least 1 @return this builder */
        public Builder maxConcurrentAsyncRequests(int v) {
            if (v < 1) {
                throw new IllegalArgumentException("maxConcurrentAsyncRequests must be at least 1, got " + v);
            }
            this.maxConcurrentAsyncRequests = v;
            return this;
        }

        /** @param v listeners, in order @return this builder */
        public Builder listeners(List<RequestListener> v) {
            this.listeners.clear();
            this.listeners.addAll(v);
            return this;
        }

        /** @param v the User-Agent header @return this builder */
        public Builder userAgent(String v) {
            this.userAgent = v;
            return this;
        }

        /** @param v uniform random in [0,1) @return this builder */
        public Builder jitter(DoubleSupplier v) {
            this.jitter = v;
            return this;
        }

        /** @return the settings */
        public TransportConfig build() {
            return new TransportConfig(this);
        }
    }
}
