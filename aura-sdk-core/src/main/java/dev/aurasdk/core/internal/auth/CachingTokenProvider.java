package dev.aurasdk.core.internal.auth;

import dev.aurasdk.core.AuraException;
import dev.aurasdk.core.auth.AccessToken;
import dev.aurasdk.core.auth.TokenProvider;
import dev.aurasdk.core.auth.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token cache with single-flight refresh. A token is replaced {@code refreshMargin} before expiry
 * (never earlier than half its lifetime); however many threads ask, one token request is in flight.
 * A failed refresh keeps serving a token that is still valid and is not tried again before
 * {@code failureBackoff}. A token refused by the API is dropped at most once per
 * {@code forcedRefreshInterval}, so a credential without permission cannot cause a token storm
 * (Aura allows about 15 token requests per hour). Not API.
 */
public final class CachingTokenProvider implements TokenProvider {
    private static final Logger LOG = LoggerFactory.getLogger("dev.aurasdk.auth");

    private final Supplier<AccessToken> fetcher;
    private final TokenStore store;
    private final String key;
    private final Clock clock;
    private final Duration refreshMargin;
    private final Duration failureBackoff;
    private final Duration forcedRefreshInterval;

    private final Object lock = new Object();
    private CompletableFuture<AccessToken> inFlight;
    private Instant lastFailureAt;
    private RuntimeException lastFailure;
    private Instant lastForcedRefreshAt;
    private AccessToken lastDropped;

    /**
     * Creates a cache.
     *
     * @param fetcher requests a new token (blocking)
     * @param store where tokens are kept
     * @param key the store key (client id and token URL)
     * @param clock the clock
     * @param refreshMargin how long before expiry to refresh (default 5 minutes)
     * @param failureBackoff pause after a failed refresh
     * @param forcedRefreshInterval least time between two refreshes forced by 401/403
     */
    public CachingTokenProvider(Supplier<AccessToken> fetcher, TokenStore store, String key, Clock clock,
            Duration refreshMargin, Duration failureBackoff, Duration forcedRefreshInterval) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.store = Objects.requireNonNull(store, "store");
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refreshMargin = Objects.requireNonNull(refreshMargin, "refreshMargin");
        this.failureBackoff = Objects.requireNonNull(failureBackoff, "failureBackoff");
        this.forcedRefreshInterval = Objects.requireNonNull(forcedRefreshInterval, "forcedRefreshInterval");
    }

    @Override
    public AccessToken token() {
        Optional<AccessToken> cached = store.get(key);
        Instant now = clock.instant();
        if (cached.isPresent() && now.isBefore(cached.get().refreshAt(refreshMargin))) {
            return cached.get();
        }
        CompletableFuture<AccessToken> future;
        boolean leader = false;
        synchronized (lock) {
            cached = store.get(key);
            now = clock.instant();
            if (cached.isPresent() && now.isBefore(cached.get().refreshAt(refreshMargin))) {
                return cached.get();
            }
            if (inFlight == null && lastFailureAt != null && now.isBefore(lastFailureAt.plus(failureBackoff))) {
                if (cached.isPresent() && cached.get().isValidAt(now)) {
                    return cached.get();
                }
                throw lastFailure;
            }
            if (inFlight == null) {
                inFlight = new CompletableFuture<>();
                leader = true;
            }
            future = inFlight;
        }
        if (leader) {
            refresh(future);
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuraException("interrupted while waiting for an access token", e);
        } catch (ExecutionException | CompletionException e) {
            Optional<AccessToken> stillValid = store.get(key).filter(t -> t.isValidAt(clock.instant()));
            if (stillValid.isPresent()) {
                return stillValid.get();
            }
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException ? (RuntimeException) cause
                    : new AuraException("access token request failed", cause);
        }
    }

    private void refresh(CompletableFuture<AccessToken> future) {
        try {
            AccessToken fresh = fetcher.get();
            store.put(key, fresh);
            synchronized (lock) {
                lastFailureAt = null;
                lastFailure = null;
                inFlight = null;
            }
            LOG.debug("Access token obtained for {}, valid until {}", key, fresh.expiresAt());
            future.complete(fresh);
        } catch (RuntimeException e) {
            Optional<AccessToken> current = store.get(key);
            boolean servingOld = current.isPresent() && current.get().isValidAt(clock.instant());
            synchronized (lock) {
                lastFailureAt = clock.instant();
                lastFailure = e;
                inFlight = null;
            }
            if (servingOld) {
                LOG.warn("Access token refresh failed; the current token stays in use until {} ({})",
                        current.get().expiresAt(), e.getMessage());
            } else {
                LOG.debug("Access token request failed: {}", e.getMessage());
            }
            future.completeExceptionally(e);
        }
    }

    @Override
    public boolean invalidate(AccessToken rejected) {
        synchronized (lock) {
            Optional<AccessToken> current = store.get(key);
            if (current.isPresent() && !current.get().equals(rejected)) {
                return true;
            }
            if (rejected.equals(lastDropped)) {
                return true;
            }
            Instant now = clock.instant();
            if (lastForcedRefreshAt != null && now.isBefore(lastForcedRefreshAt.plus(forcedRefreshInterval))) {
                LOG.debug("Token refused again within {} of the last forced refresh: not refreshing",
                        forcedRefreshInterval);
                return false;
            }
            lastForcedRefreshAt = now;
            lastFailureAt = null;
            lastDropped = rejected;
            store.remove(key);
            LOG.debug("Token refused by the API; it is dropped and will be refreshed once");
            return true;
        }
    }

    @Override
    public String toString() {
        return "CachingTokenProvider{" + key + "}";
    }
}
