package dev.aurasdk.redis;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraCredentials;
import dev.aurasdk.core.auth.TokenStore;
import dev.aurasdk.core.http.RateLimit;
import dev.aurasdk.core.http.RequestBudget;
import dev.aurasdk.redis.internal.FleetSetup;
import dev.aurasdk.redis.internal.Keys;
import dev.aurasdk.redis.internal.RedisLink;
import dev.aurasdk.redis.internal.RedisRequestBudget;
import dev.aurasdk.redis.internal.RedisTokenStore;
import dev.aurasdk.redis.internal.TokenCipher;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLSocketFactory;

/**
 * One access token and one request budget for every process that uses a credential, kept in Redis: give
 * {@link #tokenStore()} and {@link #requestBudget()} to each {@link AuraClient} (or call
 * {@link #configure(AuraClient.Builder)}). Tokens are stored encrypted with a key derived from the client
 * secret; one process at a time refreshes; every call and poll of every process draws on one sliding-window
 * budget, and a 429 pauses them all. When Redis is unreachable or slow, each process carries on with its
 * in-process cache and budget and returns to Redis when it is back (one warning each way).
 *
 * <pre>{@code
 * try (RedisFleet fleet = RedisFleet.builder()
 *         .url("rediss://redis.internal:6380")
 *         .password(System.getenv("REDIS_PASSWORD"))
 *         .credentials(AuraCredentials.fromEnvironment())
 *         .build();
 *      AuraClient aura = fleet.configure(AuraClient.builder()).build()) {
 *     aura.instances().list();
 * }
 * }</pre>
 *
 * Thread-safe. Close it after the clients that use it.
 */
public final class RedisFleet implements AutoCloseable {
    /** The key prefix unless told otherwise. */
    public static final String DEFAULT_KEY_PREFIX = "aura-sdk:";

    private final RedisLink link;
    private final AuraCredentials credentials;
    private final RedisTokenStore tokenStore;
    private final RedisRequestBudget requestBudget;
    private final String description;

    private RedisFleet(Builder b, RedisLink link) {
        this.link = link;
        this.credentials = b.credentials;
        Keys keys = new Keys(b.keyPrefix, b.credentials.clientId());
        this.tokenStore = new RedisTokenStore(
                link,
                keys,
                new TokenCipher(b.credentials.clientId(), b.credentials.clientSecret()),
                b.clock,
                b.refreshLeaseTime,
                b.leaseRetryInterval,
                b.maxRefreshLeaseHold != null
                        ? b.maxRefreshLeaseHold
                        : Duration.ofMinutes(3).plus(b.refreshLeaseTime));
        this.requestBudget = new RedisRequestBudget(
                link,
                keys,
                b.rateLimit,
                b.fallbackRateLimit != null ? b.fallbackRateLimit : b.rateLimit,
                b.clock,
                b.smooth);
        this.description = "RedisFleet{" + link.where() + ", keys " + keys + ", " + b.rateLimit + "}";
    }

    /** A builder. @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The shared token cache, for {@link AuraClient.Builder#tokenStore(TokenStore)}.
     *
     * @return the store
     */
    public TokenStore tokenStore() {
        return tokenStore;
    }

    /**
     * The shared request budget, for {@link AuraClient.Builder#requestBudget(RequestBudget)}.
     *
     * @return the budget
     */
    public RequestBudget requestBudget() {
        return requestBudget;
    }

    /**
     * Sets the credentials, the token store and the request budget of a client builder.
     *
     * @param builder the builder
     * @return the same builder
     */
    public AuraClient.Builder configure(AuraClient.Builder builder) {
        return builder.credentials(credentials).tokenStore(tokenStore).requestBudget(requestBudget);
    }

    /**
     * Whether the last operation reached Redis (false while the in-process fallback answers).
     *
     * @return true while Redis is in use
     */
    public boolean isRedisAvailable() {
        return link.isUp();
    }

    /** Closes the connections to Redis. Clients still using the store fall back to their in-process state. */
    @Override
    public void close() {
        tokenStore.close();
        link.close();
    }

    /** @return the Redis address (never a password), key pattern and limit */
    @Override
    public String toString() {
        return description;
    }

    /** Configures a {@link RedisFleet}. The URL and the credentials are required. */
    public static final class Builder {
        private URI uri;
        private String user;
        private String password;
        private boolean passwordSet;
        private String keyPrefix = DEFAULT_KEY_PREFIX;
        private AuraCredentials credentials;
        private RateLimit rateLimit = RateLimit.auraDefault();
        private RateLimit fallbackRateLimit;
        private boolean smooth;
        private Duration refreshLeaseTime = Duration.ofSeconds(30);
        private Duration leaseRetryInterval = Duration.ofMillis(100);
        private Duration maxRefreshLeaseHold;
        private Duration timeout = Duration.ofMillis(250);
        private Duration reconnectInterval = Duration.ofSeconds(1);
        private int maxConnections = 32;
        private SSLSocketFactory sslSocketFactory;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * Where Redis is: {@code redis://[[user]:password@]host[:port][/db]}, or {@code rediss://...} for TLS
         * (the server's certificate and host name are checked against the JDK's trust store, or the
         * {@link #sslSocketFactory(SSLSocketFactory) given factory}).
         *
         * @param url the URL
         * @return this builder
         * @throws IllegalArgumentException when it is not such a URL (the message never shows a password)
         */
        public Builder url(String url) {
            this.uri = FleetSetup.parseUrl(url);
            return this;
        }

        /**
         * The Redis password (overrides one in the URL); for ACL users also {@link #user(String)}.
         *
         * @param password the password
         * @return this builder
         */
        public Builder password(String password) {
            this.password = Objects.requireNonNull(password, "password");
            this.passwordSet = true;
            return this;
        }

        /**
         * The Redis ACL user (overrides one in the URL).
         *
         * @param user the user name
         * @return this builder
         */
        public Builder user(String user) {
            this.user = Objects.requireNonNull(user, "user");
            return this;
        }

        /**
         * Prefix of every key (default {@value #DEFAULT_KEY_PREFIX}), to share a Redis with other applications
         * or keep environments apart: printable ASCII without spaces or braces, at most 64 characters.
         *
         * @param prefix the prefix (may be empty)
         * @return this builder
         */
        public Builder keyPrefix(String prefix) {
            this.keyPrefix = FleetSetup.requireKeyPrefix(prefix);
            return this;
        }

        /**
         * The credential whose token and budget are shared (required); its secret derives the key that
         * encrypts the token in Redis.
         *
         * @param credentials the credentials
         * @return this builder
         */
        public Builder credentials(AuraCredentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * The budget of all processes together (default 125 per minute, Aura's limit).
         *
         * @param limit the limit, or {@link RateLimit#unlimited()} (429 pauses are still shared)
         * @return this builder
         */
        public Builder rateLimit(RateLimit limit) {
            this.rateLimit = Objects.requireNonNull(limit, "rateLimit");
            return this;
        }

        /**
         * Spaces the fleet's requests at least {@code period / permits} apart (480 ms for Aura's 125 per
         * minute) instead of letting a window's whole budget go at once (default off, as in-process). With
         * bursts, a window's requests leave together and reach Aura spread by the senders' scheduling and the
         * network; when the next window's burst is on time and the last one was late, Aura may count more
         * than the limit in its window and answer 429. Smoothing avoids that, at the cost of latency for a
         * burst of calls when the budget is idle.
         *
         * @param smooth whether to space requests evenly
         * @return this builder
         */
        public Builder smoothing(boolean smooth) {
            this.smooth = smooth;
            return this;
        }

        /**
         * The budget of each process while Redis is unreachable (default: the same as
         * {@link #rateLimit(RateLimit)}). It starts from an empty window, so with N replicas the fleet may
         * then send up to N times that: give the limit divided by the replica count to stay within Aura's
         * limit during an outage.
         *
         * @param limit the limit
         * @return this builder
         */
        public Builder fallbackRateLimit(RateLimit limit) {
            this.fallbackRateLimit = Objects.requireNonNull(limit, "fallbackRateLimit");
            return this;
        }

        /**
         * How long the refresh lease lasts if its holder dies before giving it back (default 30 s): the
         * longest the other processes wait, when they have no valid token left, for a refresh that will
         * never finish. A live holder extends it every third of this time while its token request runs, so
         * a slow request keeps the lease, for at most {@link #maxRefreshLeaseHold(Duration)}.
         *
         * @param leaseTime the lifetime, at least 100 ms
         * @return this builder
         */
        public Builder refreshLeaseTime(Duration leaseTime) {
            this.refreshLeaseTime = FleetSetup.atLeast("refreshLeaseTime", leaseTime, Duration.ofMillis(100));
            return this;
        }

        /**
         * The longest a live holder keeps extending its refresh lease (default 3 minutes plus
         * {@link #refreshLeaseTime(Duration)}): a holder whose token request hangs stops extending it then,
         * and the lease lapses one lease time later, so the other processes can refresh. Set it above the
         * longest token request a client may make (its call timeout). Extending also stops as soon as Redis
         * says the lease is no longer this holder's (it lapsed, or Redis restarted).
         *
         * @param maxHold the longest hold, at least 1 ms
         * @return this builder
         */
        public Builder maxRefreshLeaseHold(Duration maxHold) {
            this.maxRefreshLeaseHold = FleetSetup.atLeast("maxRefreshLeaseHold", maxHold, Duration.ofMillis(1));
            return this;
        }

        /**
         * How often a process without a valid token looks again while another refreshes (default 100 ms).
         *
         * @param interval the interval, at least 1 ms
         * @return this builder
         */
        public Builder leaseRetryInterval(Duration interval) {
            this.leaseRetryInterval = FleetSetup.atLeast("leaseRetryInterval", interval, Duration.ofMillis(1));
            return this;
        }

        /**
         * Connect and read timeout of each Redis operation (default 250 ms): a slower Redis counts as
         * unreachable and the in-process state answers.
         *
         * @param timeout the timeout, at least 1 ms
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = FleetSetup.atLeast("timeout", timeout, Duration.ofMillis(1));
            return this;
        }

        /**
         * While Redis is unreachable, how often one caller tries it again (default 1 s).
         *
         * @param interval the interval, at least 1 ms
         * @return this builder
         */
        public Builder reconnectInterval(Duration interval) {
            this.reconnectInterval = FleetSetup.atLeast("reconnectInterval", interval, Duration.ofMillis(1));
            return this;
        }

        /**
         * Most connections to Redis this process opens (default 32).
         *
         * @param max at least 1
         * @return this builder
         */
        public Builder maxConnections(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1, got " + max);
            }
            this.maxConnections = max;
            return this;
        }

        /**
         * TLS socket factory for {@code rediss://} (a private CA); host names are always verified.
         *
         * @param factory the factory
         * @return this builder
         */
        public Builder sslSocketFactory(SSLSocketFactory factory) {
            this.sslSocketFactory = Objects.requireNonNull(factory, "sslSocketFactory");
            return this;
        }

        /**
         * The clock of token lifetimes and deadlines: the same as the clients' (default system UTC).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Checks the settings and connects once: a wrong password or a refused database is reported now;
         * an unreachable Redis is not an error (one warning; the in-process state answers until it is up).
         *
         * @return the fleet
         * @throws IllegalStateException when the URL or the credentials are missing
         * @throws IllegalArgumentException when Redis refuses the password or the settings
         */
        public RedisFleet build() {
            if (uri == null) {
                throw new IllegalStateException("RedisFleet needs url(\"redis://host:port\")");
            }
            if (credentials == null) {
                throw new IllegalStateException("RedisFleet needs credentials(...): the same as the clients'");
            }
            RedisLink link = FleetSetup.connect(
                    uri,
                    user,
                    passwordSet ? password : null,
                    timeout,
                    reconnectInterval,
                    maxConnections,
                    sslSocketFactory,
                    new Keys(keyPrefix, credentials.clientId()));
            return new RedisFleet(this, link);
        }
    }
}
