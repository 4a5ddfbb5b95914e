package dev.aurasdk.redis.internal;

import dev.aurasdk.core.auth.AccessToken;
import dev.aurasdk.core.auth.InMemoryTokenStore;
import dev.aurasdk.core.auth.RefreshLease;
import dev.aurasdk.core.auth.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.params.SetParams;

/**
 * A {@link TokenStore} in Redis: the token of a credential is kept encrypted ({@link TokenCipher}) under
 * {@code <prefix>{<credential>}:token:<key hash>} with an expiry at the token's own, and the refresh lease is
 * {@code SET NX PX} on {@code ...:token-lease:<key hash>} holding the owner's process id and a random nonce,
 * extended while held by a compare-and-expire script and released by a compare-and-delete script. The last
 * token read from or written to Redis is also kept in an in-process store, which answers while Redis is
 * unreachable. Not API.
 */
public final class RedisTokenStore implements TokenStore {
    private static final Logger LOG = LoggerFactory.getLogger("dev.aurasdk.redis");
    private static final RedisLink.LuaScript RELEASE = new RedisLink.LuaScript(
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0");
    private static final RedisLink.LuaScript RENEW = new RedisLink.LuaScript(
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end "
                    + "return 0");

    private final RedisLink link;
    private final Keys keys;
    private final TokenCipher cipher;
    private final Clock clock;
    private final Duration leaseTime;
    private final Duration leaseRetry;
    private final Duration maxHold;
    private final String owner;
    private final TokenStore local = new InMemoryTokenStore();
    private final ScheduledThreadPoolExecutor renewer; // extends held leases; its thread ends when idle
    private volatile Sealed lastOpened; // the last value decrypted: the same ciphertext is not decrypted again

    /**
     * Creates the store.
     *
     * @param link the connection
     * @param keys key names of the credential
     * @param cipher the credential's cipher
     * @param clock the clock
     * @param leaseTime how long a refresh lease lasts when its holder does not give it back
     * @param leaseRetry how long a caller without a valid token waits before looking again
     * @param maxHold the longest a held lease is extended
     */
    public RedisTokenStore(
            RedisLink link,
            Keys keys,
            TokenCipher cipher,
            Clock clock,
            Duration leaseTime,
            Duration leaseRetry,
            Duration maxHold) {
        this.link = link;
        this.keys = keys;
        this.cipher = cipher;
        this.clock = clock;
        this.leaseTime = leaseTime;
        this.leaseRetry = leaseRetry;
        this.maxHold = maxHold;
        this.owner = "pid:" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        this.renewer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, "aura-sdk-redis-lease-renewal");
            t.setDaemon(true);
            return t;
        });
        renewer.setKeepAliveTime(1, TimeUnit.SECONDS);
        renewer.allowCoreThreadTimeOut(true);
        renewer.setRemoveOnCancelPolicy(true);
        renewer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Stops renewing leases (the fleet is closing); a lease still held then lapses after its lifetime. */
    public void close() {
        renewer.shutdownNow();
    }

    @Override
    public Optional<AccessToken> get(String key) {
        String redisKey = keys.token(key);
        return link.call(
                jedis -> {
                    String stored = jedis.get(redisKey);
                    if (stored == null) {
                        // expired, dropped after a 401 by some process, or lost by a Redis restart: one process
                        // refreshes
                        local.remove(key);
                        return Optional.<AccessToken>empty();
                    }
                    Sealed last = lastOpened;
                    if (last != null && last.stored.equals(stored) && last.redisKey.equals(redisKey)) {
                        return Optional.of(last.token);
                    }
                    Optional<AccessToken> token = cipher.open(stored, redisKey);
                    if (token.isEmpty()) {
                        // clear text, another secret's key, tampered: absent, and replaced by the next refresh
                        LOG.debug("The cached token in Redis is unreadable with this credential's key: ignored");
                        local.remove(key);
                        return Optional.<AccessToken>empty();
                    }
                    lastOpened = new Sealed(stored, redisKey, token.get());
                    local.put(key, token.get());
                    return token;
                },
                () -> local.get(key));
    }

    @Override
    public void put(String key, AccessToken token) {
        local.put(key, token);
        String redisKey = keys.token(key);
        long ttl = ttlMillis(token);
        if (ttl <= 0) {
            return;
        }
        String sealed = cipher.seal(token, redisKey);
        link.call(
                jedis -> {
                    jedis.set(redisKey, sealed, SetParams.setParams().px(ttl));
                    lastOpened = new Sealed(sealed, redisKey, token);
                    return null;
                },
                () -> null);
    }

    @Override
    public void remove(String key) {
        local.remove(key);
        String redisKey = keys.token(key);
        link.call(jedis -> jedis.del(redisKey), () -> 0L);
    }

    @Override
    public Optional<RefreshLease> tryLeaseRefresh(String key) {
        String leaseKey = keys.lease(key);
        String nonce = owner + "/" + UUID.randomUUID().toString().substring(0, 8);
        return link.call(
                jedis -> {
                    String ok = jedis.set(
                            leaseKey, nonce, SetParams.setParams().nx().px(leaseTime.toMillis()));
                    if (!"OK".equals(ok)) {
                        return Optional.<RefreshLease>empty();
                    }
                    Lease held = new Lease(leaseKey, nonce);
                    held.startRenewing();
                    return Optional.<RefreshLease>of(held);
                },
                () -> Optional.of(RefreshLease.LOCAL)); // Redis down: this process refreshes for itself
    }

    @Override
    public Duration leaseRetryInterval() {
        return leaseRetry;
    }

    private long ttlMillis(AccessToken token) {
        return Duration.between(clock.instant(), token.expiresAt()).toMillis();
    }

    @Override
    public String toString() {
        return "RedisTokenStore{" + link.where() + ", " + keys + "}";
    }

    /**
     * A lease held in Redis. While held, it is extended to a full lease time every third of it (only if
     * still this holder's), so a token request slower than the lease time does not let a second process
     * refresh too; a holder that dies stops extending it, and it lapses within the lease time. Extending
     * stops when Redis says the lease is no longer this holder's (it lapsed or Redis restarted: extending
     * could never succeed again) and after {@code maxHold}, so a holder stuck in its token request keeps
     * the others waiting at most {@code maxHold} plus the lease time. Closing deletes it only if it is
     * still this holder's.
     */
    private final class Lease implements RefreshLease {
        private final String leaseKey;
        private final String nonce;
        private boolean closed;
        private ScheduledFuture<?> renewal;

        Lease(String leaseKey, String nonce) {
            this.leaseKey = leaseKey;
            this.nonce = nonce;
        }

        synchronized void startRenewing() {
            long every = Math.max(1, leaseTime.toMillis() / 3);
            long holdUntil = System.nanoTime() + maxHold.toNanos();
            try {
                renewal = renewer.scheduleWithFixedDelay(() -> renew(holdUntil), every, every, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closing) {
                // the fleet is closing: the lease lapses after its lifetime
            }
        }

        private void renew(long holdUntil) {
            if (System.nanoTime() - holdUntil >= 0) {
                LOG.debug(
                        "The token refresh has held its lease longer than maxRefreshLeaseHold ({}): no longer "
                                + "extended, it lapses after the lease time",
                        maxHold);
                stopRenewing();
                return;
            }
            List<String> args = List.of(nonce, Long.toString(leaseTime.toMillis()));
            long renewed = ((Number)
                            link.call(jedis -> RedisLink.eval(jedis, RENEW, List.of(leaseKey), args), () -> -1L))
                    .longValue(); // -1: Redis unreachable, the lease may still be held there
            if (renewed == 0) {
                LOG.debug("The token refresh lost its lease (it lapsed, or Redis restarted): no longer extended");
                stopRenewing();
            }
        }

        private synchronized void stopRenewing() {
            if (renewal != null) {
                renewal.cancel(false);
            }
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (renewal != null) {
                renewal.cancel(false);
            }
            link.call(jedis -> RedisLink.eval(jedis, RELEASE, List.of(leaseKey), List.of(nonce)), () -> 0L);
        }
    }

    private static final class Sealed {
        final String stored;
        final String redisKey;
        final AccessToken token;

        Sealed(String stored, String redisKey, AccessToken token) {
            this.stored = stored;
            this.redisKey = redisKey;
            this.token = token;
        }
    }
}
