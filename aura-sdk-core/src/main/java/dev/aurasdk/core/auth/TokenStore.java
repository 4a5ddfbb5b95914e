package dev.aurasdk.core.auth;

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

    /** A new in-memory store. @return the store */
    static TokenStore inMemory() {
        return new InMemoryTokenStore();
    }
}
