package dev.aurasdk.redis.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import redis.clients.jedis.params.SetParams;

/**
 * The connection pool to one Redis server and its health. Every operation either runs on Redis or, when
 * Redis is unreachable, slower than the timeout or refuses operations (out of memory, read-only replica,
 * password changed, cluster redirect...), on the caller's in-process fallback. Going down and coming back
 * are each logged once (a warning); while down, one caller at a time checks Redis again with a small write
 * to a probe key, at most once per retry interval, and the others go straight to the fallback. Not API.
 */
public final class RedisLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("dev.aurasdk.redis");
    /**
     * Redis's refusals that mean it cannot serve us now, whatever the operation (a memory limit, a read-only
     * replica, changed credentials, a cluster redirect or outage, a server loading or busy with a script):
     * the link goes down. Any other refusal (an ACL denying one command, a key of the wrong type, a script
     * error) concerns that operation only: it falls back for that call and the link stays up.
     */
    private static final Set<String> DOWN_CODES = Set.of(
            "OOM", "READONLY", "NOAUTH", "WRONGPASS", "MOVED", "ASK", "CLUSTERDOWN", "MASTERDOWN", "LOADING", "BUSY");
    /** The error kinds of other refusals already logged by this process (each is logged once). */
    private static final Set<String> LOGGED_REFUSALS = ConcurrentHashMap.newKeySet();

    private final JedisPool pool;
    private final String where;
    private final long retryNanos;
    private final String probeKey;
    private final AtomicBoolean probing = new AtomicBoolean();
    private final Object stateLock = new Object();
    private volatile boolean down;
    private volatile boolean closed;
    private volatile long nextProbeNanos;

    /**
     * Opens a pool (no connection is made yet).
     *
     * @param address host and port
     * @param config client settings (timeouts, TLS, credentials)
     * @param maxConnections pool size
     * @param borrowWait how long a caller waits for a free pooled connection
     * @param retryInterval least time between two tries while Redis is down
     * @param probeKey the key written (with a one-second expiry) to check whether Redis is usable again
     */
    public RedisLink(
            HostAndPort address,
            JedisClientConfig config,
            int maxConnections,
            Duration borrowWait,
            Duration retryInterval,
            String probeKey) {
        GenericObjectPoolConfig<Jedis> poolConfig = new GenericObjectPoolConfig<>();
        poolConfig.setMaxTotal(maxConnections);
        poolConfig.setMaxIdle(maxConnections);
        poolConfig.setMinIdle(0);
        poolConfig.setMaxWait(borrowWait);
        poolConfig.setBlockWhenExhausted(true);
        poolConfig.setJmxEnabled(false);
        this.pool = new JedisPool(poolConfig, address, config);
        this.where = (config.isSsl() ? "rediss://" : "redis://") + address;
        this.retryNanos = retryInterval.toNanos();
        this.probeKey = probeKey;
    }

    /**
     * Runs {@code op} on Redis, or {@code fallback} when Redis is down, fails on the network or refuses the
     * operation. While down, the first caller after the retry interval checks Redis with a write to the
     * probe key (a read, or a write Redis accepts when out of memory, would prove nothing) and, if it is
     * usable again, runs {@code op} there.
     *
     * @param op the Redis operation
     * @param fallback the in-process equivalent
     * @param <T> the result type
     * @return the result of either
     */
    public <T> T call(Function<Jedis, T> op, Supplier<T> fallback) {
        if (closed) {
            return fallback.get(); // the fleet is closed (a lease given back late, say): no warning
        }
        if (down) {
            if (System.nanoTime() - nextProbeNanos < 0 || !probing.compareAndSet(false, true)) {
                return fallback.get();
            }
            try {
                attempt(jedis -> jedis.set(probeKey, "1", SetParams.setParams().px(1000)), false);
            } catch (JedisException e) {
                down(e);
                return fallback.get();
            } finally {
                probing.set(false);
            }
        }
        try {
            return attempt(op, true);
        } catch (JedisException e) {
            if (closed) {
                return fallback.get(); // closed meanwhile: the pool is gone, Redis is not down
            }
            String kind = errorKind(e);
            if (kind.startsWith("refused: ") && !DOWN_CODES.contains(kind.substring("refused: ".length()))) {
                // a refusal of this operation only (NOPERM, WRONGTYPE, a script error): the probe would
                // succeed and the link flap, so the link stays up; logged once per kind per process
                if (LOGGED_REFUSALS.add(kind)) {
                    LOG.warn(
                            "Redis at {} refuses an operation ({}): that call uses the in-process state; "
                                    + "check the ACL of the Redis user and that no other program uses the key prefix",
                            where,
                            kind);
                }
                return fallback.get();
            }
            // a network failure, or a refusal that will repeat for every call until an operator acts (OOM
            // with noeviction, READONLY after a failover, NOAUTH/WRONGPASS after a password change, MOVED):
            // either way Redis cannot share the state now
            down(e);
            return fallback.get();
        }
    }

    /**
     * Runs {@code op} on a pooled connection; a connection that fails on the network is tried once more on a
     * new one when {@code retry} (a pooled connection may have outlived a server restart).
     */
    private <T> T attempt(Function<Jedis, T> op, boolean retry) {
        try (Jedis jedis = pool.getResource()) {
            T result = op.apply(jedis);
            up();
            return result;
        } catch (JedisConnectionException e) {
            if (!retry) {
                throw e;
            }
        }
        return attempt(op, false);
    }

    /**
     * Connects once and runs {@code op}: the build-time check.
     *
     * @param op what to run (a PING)
     * @return null when Redis answered, or when it is unreachable (then it is marked down, with one warning);
     *     Redis's refusal otherwise (wrong password, unknown database)
     */
    public JedisDataException check(java.util.function.Consumer<Jedis> op) {
        try (Jedis jedis = pool.getResource()) {
            op.accept(jedis);
            up();
            return null;
        } catch (JedisException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof JedisDataException) {
                    return (JedisDataException) t;
                }
            }
            down(e);
            return null;
        }
    }

    /**
     * Runs a Lua script by its digest, loading it when the server does not know it (after a restart).
     *
     * @param jedis the connection
     * @param script the script
     * @param keys its keys
     * @param args its arguments
     * @return the script's reply
     */
    public static Object eval(Jedis jedis, LuaScript script, List<String> keys, List<String> args) {
        try {
            return jedis.evalsha(script.sha1(), keys, args);
        } catch (JedisNoScriptException e) {
            return jedis.eval(script.source(), keys, args);
        }
    }

    /**
     * What went wrong, never a secret: Redis's error code (the first word of its reply, such as
     * {@code OOM}, {@code READONLY}, {@code NOAUTH}, {@code WRONGPASS}, {@code MOVED}) when it refused,
     * else the exception's class.
     */
    static String errorKind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JedisDataException) {
                String m = t.getMessage() == null ? "" : t.getMessage().strip();
                int sp = m.indexOf(' ');
                String code = sp > 0 ? m.substring(0, sp) : m;
                return code.matches("[A-Z][A-Z_]{1,31}")
                        ? "refused: " + code
                        : t.getClass().getSimpleName();
            }
        }
        return e.getClass().getSimpleName();
    }

    private void down(Exception e) {
        synchronized (stateLock) {
            nextProbeNanos = System.nanoTime() + retryNanos;
            if (!down) {
                down = true;
                pool.clear(); // idle connections are dead or will be: none is handed out after a restart
                LOG.warn(
                        "Redis at {} is unreachable or too slow, or refuses operations ({}): using the "
                                + "in-process token cache and request budget until it is back",
                        where,
                        errorKind(e));
            }
        }
    }

    private void up() {
        if (down) {
            synchronized (stateLock) {
                if (down) {
                    down = false;
                    pool.clear(); // connections returned while it was down may be from before a restart
                    LOG.warn("Redis at {} is back: token cache and request budget are shared again", where);
                }
            }
        }
    }

    /** Whether the last operation reached Redis. @return true while Redis is in use */
    public boolean isUp() {
        return !down;
    }

    /** Where Redis is, without credentials. @return {@code redis://host:port} */
    public String where() {
        return where;
    }

    /** Gives the connections back. */
    @Override
    public void close() {
        closed = true;
        pool.close();
    }

    /** A Lua script and its SHA-1 digest. */
    public static final class LuaScript {
        private final String source;
        private final String sha1;

        /**
         * Wraps a script.
         *
         * @param source the Lua source
         */
        public LuaScript(String source) {
            this.source = source;
            try {
                byte[] d = java.security.MessageDigest.getInstance("SHA-1")
                        .digest(source.getBytes(StandardCharsets.UTF_8));
                StringBuilder sb = new StringBuilder();
                for (byte b : d) {
                    sb.append(String.format("%02x", b & 0xff));
                }
                this.sha1 = sb.toString();
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        String source() {
            return source;
        }

        String sha1() {
            return sha1;
        }
    }
}
