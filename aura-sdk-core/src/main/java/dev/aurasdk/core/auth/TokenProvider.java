package dev.aurasdk.core.auth;

/**
 * Supplies access tokens to the transport. The default caches client-credentials tokens; supply your
 * own to integrate a token broker. Implementations must be thread-safe.
 */
public interface TokenProvider {
    /**
     * A token valid now, fetching one if needed.
     *
     * @return the token
     * @throws dev.aurasdk.core.AuraAuthenticationException when no token can be obtained
     */
    AccessToken token();

    /**
     * The API rejected {@code token} with 401 or 403: drop it if it is still the current one.
     *
     * @param rejected the token that was refused
     * @return true when the caller should replay the call once with {@link #token()}, false when no
     *     fresher token can be had (the refusal is then final)
     */
    boolean invalidate(AccessToken rejected);
}
