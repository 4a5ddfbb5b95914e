package dev.aurasdk.core.internal.auth;

import dev.aurasdk.core.AuraException;
import dev.aurasdk.core.AuraTimeoutException;
import dev.aurasdk.core.auth.AccessToken;
import dev.aurasdk.core.auth.RefreshLease;
import dev.aurasdk.core.auth.TokenProvider;
import dev.aurasdk.core.auth.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token cache with single-flight refresh.
 *
 * <ul>
 *   <li>A token is replaced {@code refreshMargin} before expiry (never earlier than half its lifetime).
 *   <li>However many threads ask, one token request is in flight. While it runs, callers that hold a
 *       still-valid token carry on with it; only callers without a valid token wait for the result.
 *   <li>A failed refresh keeps serving a token that is still valid and is not tried again before
 *       {@code failureBackoff}; an interrupted refresh is not a failure (another thread takes over).
 *   <li>A token refused by the API (401/403) is dropped once per token and at most once per
 *       {@code forcedRefreshInterval}, so a credential without permission cannot cause a token storm
 *       (Aura allows about 15 token requests per hour per credential).
 *   <li>The token request is made under the store's {@link TokenStore#tryLeaseRefresh refresh lease}: with a
 *       store shared by several processes, one process refreshes while the others keep using the still-valid
 *       token (or, without one, wait for the new token or for the lease to lapse, at most until the call's
 *       deadline; a caller that must not block is told to look again instead).
 * </ul>
 * Not API.
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
    private Instant leaseBusyUntil; // another process holds the refresh lease: do not ask again before this

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
    public CachingTokenProvider(
            Supplier<AccessToken> fetcher,
            TokenStore store,
            String key,
            Clock clock,
            Duration refreshMargin,
            Duration failureBackoff,
            Duration forcedRefreshInterval) {
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
        return token(null, true);
    }

    /**
     * A token valid now, as {@link #token()}, waiting for another thread's or process's refresh at most until
     * {@code deadline}.
     *
     * @param deadline when to stop waiting (null: no limit of its own)
     * @param mayWait false for a caller that must not block (an asynchronous call on the scheduler's
     *     thread): instead of waiting for a refresh made elsewhere, throws {@link Pending}
     * @return the token
     * @throws AuraTimeoutException when the deadline passes while waiting for a refresh made elsewhere
     * @throws Pending when {@code mayWait} is false and the token is being refreshed elsewhere
     */
    public AccessToken token(Instant deadline, boolean mayWait) {
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new AuraException("interrupted while obtaining an access token");
            }
            Optional<AccessToken> cached = store.get(key);
            if (cached.isPresent() && clock.instant().isBefore(cached.get().refreshAt(refreshMargin))) {
                return cached.get();
            }
            CompletableFuture<AccessToken> future;
            boolean leader = false;
            synchronized (lock) {
                cached = store.get(key);
                Instant now = clock.instant();
                boolean valid = cached.isPresent() && cached.get().isValidAt(now);
                if (cached.isPresent() && now.isBefore(cached.get().refreshAt(refreshMargin))) {
                    return cached.get();
                }
                if (valid && leaseBusyUntil != null && now.isBefore(leaseBusyUntil)) {
                    return cached.get(); // another process is refreshing; this token still works
                }
                if (inFlight != null) {
                    if (valid) {
                        return cached.get(); // someone is refreshing; this token still works
                    }
                    future = inFlight;
                } else if (lastFailureAt != null && now.isBefore(lastFailureAt.plus(failureBackoff))) {
                    if (valid) {
                        return cached.get();
                    }
                    throw lastFailure;
                } else {
                    future = new CompletableFuture<>();
                    inFlight = future;
                    leader = true;
                }
            }
            if (leader) {
                GaveUp gaveUp = fetchAndComplete(future, deadline, mayWait);
                if (gaveUp != null) {
                    if (gaveUp.timedOut) {
                        throw leaseWaitTimedOut();
                    }
                    throw new Pending(null, store.leaseRetryInterval());
                }
            } else if (!mayWait) {
                throw new Pending(future, store.leaseRetryInterval());
            }
            try {
                return deadline == null ? future.get() : future.get(millisUntil(deadline), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AuraException("interrupted while waiting for an access token", e);
            } catch (TimeoutException e) {
                throw new AuraTimeoutException(
                        "no access token within the call deadline: the refresh in progress " + "took longer");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Interrupted) {
                    continue; // the refreshing thread gave up (interrupted, or its own deadline): take over
                }
                Optional<AccessToken> stillValid = store.get(key).filter(t -> t.isValidAt(clock.instant()));
                if (stillValid.isPresent()) {
                    return stillValid.get();
                }
                throw cause instanceof RuntimeException
                        ? (RuntimeException) cause
                        : new AuraException(
                                "access token request failed: "
                                        + cause.getClass().getName(),
                                cause);
            }
        }
    }

    private long millisUntil(Instant deadline) {
        return Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
    }

    private static AuraTimeoutException leaseWaitTimedOut() {
        return new AuraTimeoutException("no access token within the call deadline: another process holds the "
                + "refresh lease (its refresh takes longer, or it died and the lease has not lapsed yet)");
    }

    /**
     * The leader's fetch, outside the lock; the future always completes, whatever is thrown.
     *
     * @return null, or why the leader stopped waiting for another process's lease (its waiters take over)
     */
    private GaveUp fetchAndComplete(CompletableFuture<AccessToken> future, Instant deadline, boolean mayWait) {
        AccessToken fresh = null;
        boolean fetched = false;
        Throwable failure = null;
        try {
            AccessToken[] result = new AccessToken[1];
            fetched = obtain(result, deadline, mayWait);
            fresh = result[0];
        } catch (Throwable t) {
            failure = t;
        }
        complete(future, fresh, fetched, failure);
        return failure instanceof GaveUp ? (GaveUp) failure : null;
    }

    /**
     * Takes the store's refresh lease and, holding it, requests and stores a token, unless another holder
     * stored a fresh one meanwhile. When another process holds the lease, a still-valid token is used (and
     * the lease not asked for again within the store's retry interval); without one, waits and asks again,
     * until {@code deadline}, or gives up at once when it may not wait.
     *
     * @param result receives the token
     * @return whether the token was requested here (and stored)
     * @throws GaveUp when the lease stays busy past the deadline, or at once when {@code !mayWait}
     */
    private boolean obtain(AccessToken[] result, Instant deadline, boolean mayWait) {
        while (true) {
            Optional<RefreshLease> lease = store.tryLeaseRefresh(key);
            if (lease.isPresent()) {
                RefreshLease held = lease.get();
                try {
                    Optional<AccessToken> current = store.get(key);
                    if (current.isPresent()
                            && clock.instant().isBefore(current.get().refreshAt(refreshMargin))) {
                        result[0] = current.get(); // the previous holder refreshed it
                        return false;
                    }
                    AccessToken fresh = fetcher.get();
                    store.put(key, fresh); // before the lease is given back: the next holder sees it
                    result[0] = fresh;
                    return true;
                } finally {
                    held.close();
                }
            }
            Instant now = clock.instant();
            Duration retry = store.leaseRetryInterval();
            Optional<AccessToken> current = store.get(key);
            if (current.isPresent() && current.get().isValidAt(now)) {
                synchronized (lock) {
                    leaseBusyUntil = now.plus(retry);
                }
                result[0] = current.get();
                return false;
            }
            if (deadline != null && !now.isBefore(deadline)) {
                throw new GaveUp(true);
            }
            if (!mayWait) {
                throw new GaveUp(false);
            }
            long sleep = Math.max(1, retry.toMillis());
            if (deadline != null) {
                sleep = Math.max(1, Math.min(sleep, millisUntil(deadline)));
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AuraException("interrupted while waiting for another process's token refresh", e);
            }
        }
    }

    private void complete(
            CompletableFuture<AccessToken> future, AccessToken fresh, boolean fetched, Throwable failure) {
        boolean interrupted = failure != null
                && (failure instanceof GaveUp
                        || Thread.currentThread().isInterrupted()
                        || hasInterruptedCause(failure));
        synchronized (lock) {
            inFlight = null;
            if (fresh != null) {
                lastFailureAt = null;
                lastFailure = null;
            } else if (!interrupted) {
                lastFailureAt = clock.instant();
                lastFailure = failure instanceof RuntimeException
                        ? (RuntimeException) failure
                        : new AuraException(
                                "access token request failed: "
                                        + failure.getClass().getName(),
                                failure);
            }
        }
        if (fresh != null) {
            if (fetched) {
                LOG.debug("Access token obtained for {}, valid until {}", key, fresh.expiresAt());
            }
            future.complete(fresh);
            return;
        }
        if (interrupted) {
            future.completeExceptionally(new Interrupted());
        } else {
            Optional<AccessToken> current = store.get(key).filter(t -> t.isValidAt(clock.instant()));
            if (current.isPresent()) {
                LOG.warn(
                        "Access token refresh failed; the current token stays in use until {} ({})",
                        current.get().expiresAt(),
                        failure.getMessage());
            } else {
                LOG.debug("Access token request failed: {}", failure.getMessage());
            }
            future.completeExceptionally(failure);
        }
        if (failure instanceof Error) {
            throw (Error) failure;
        }
    }

    private static boolean hasInterruptedCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean invalidate(AccessToken rejected) {
        synchronized (lock) {
            Optional<AccessToken> current = store.get(key);
            if (current.isPresent() && !current.get().equals(rejected)) {
                return true; // another thread already replaced it: replay with the new one
            }
            if (rejected.equals(lastDropped)) {
                return true; // already dropped; a fresh one is (being) fetched
            }
            Instant now = clock.instant();
            if (lastForcedRefreshAt != null && now.isBefore(lastForcedRefreshAt.plus(forcedRefreshInterval))) {
                LOG.debug(
                        "Token refused again within {} of the last forced refresh: not refreshing",
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

    /**
     * Thrown to a caller that may not wait ({@code token(deadline, false)}) when the token is being refreshed
     * by another thread or process: try again when {@link #refreshing()} completes or, without one, after
     * {@link #retryAfter()}. Carries no stack trace.
     */
    public static final class Pending extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient CompletableFuture<?> refreshing;
        private final Duration retryAfter;

        Pending(CompletableFuture<?> refreshing, Duration retryAfter) {
            super("access token being refreshed elsewhere", null, false, false);
            this.refreshing = refreshing;
            this.retryAfter = retryAfter;
        }

        /** @return this process's refresh in progress, or null when another process holds the lease */
        public CompletableFuture<?> refreshing() {
            return refreshing;
        }

        /** @return when to look again if {@link #refreshing()} is null */
        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** The leader stopped waiting for another process's lease: its own deadline, or it may not wait. */
    private static final class GaveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final boolean timedOut;

        GaveUp(boolean timedOut) {
            super("gave up waiting for the refresh lease", null, false, false);
            this.timedOut = timedOut;
        }
    }

    /** Marks a refresh abandoned because its thread was interrupted. */
    private static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super("token refresh interrupted", null, false, false);
        }
    }
}
