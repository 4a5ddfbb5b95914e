package dev.aurasdk.core.auth;

import java.time.Duration;
import java.util.Optional;

/**
 * Where cached tokens live, keyed by credential and token URL. In memory by default; a store shared
 * by several processes (a cache server) lets every replica of a service use one token, which matters
 * because Aura allows about 15 token requests per hour per credential. Implementations must be
 * thread-safe and must never log token values.
 */
public interface TokenStore {
    /**
     * The cached token for a key.
     *
     * @param key the cache key (client id and token URL; no secret)
     * @return the token, if any
     */
    Optional<AccessToken> get(String key);

    /**
     * Caches a token.
     *
     * @param key the cache key
     * @param token the token
     */
    void put(String key, AccessToken token);

    /**
     * Drops the token for a key.
     *
     * @param key the cache key
     */
    void remove(String key);

    /**
     * Asks for the right to refresh the token of {@code key}. The token cache asks before each token request,
     * stores the new token while it holds the lease, then closes it. A store shared by several processes
     * grants the lease to one of them at a time (a lock with an expiry); meanwhile the others keep using the
     * still-valid token, or wait {@link #leaseRetryInterval()} and look again. The default grants it at once:
     * within one process the cache already sends one token request at a time.
     *
     * @param key the cache key
     * @return the lease, or empty when another process holds it now
     */
    default Optional<RefreshLease> tryLeaseRefresh(String key) {
        return Optional.of(RefreshLease.LOCAL);
    }

    /**
     * How long a caller without a valid token waits before looking again when another process holds the
     * refresh lease (see {@link #tryLeaseRefresh(String)}).
     *
     * @return the interval (default 100 ms)
     */
    default Duration leaseRetryInterval() {
        return Duration.ofMillis(100);
    }

    /** A new in-memory store. @return the store */
    static TokenStore inMemory() {
        return new InMemoryTokenStore();
    }
}
