package dev.aurasdk.redis.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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

/**
 * The connection pool to one Redis server and its health. Every operation either runs on Redis or, when
 * Redis is unreachable or slower than the timeout, on the caller's in-process fallback. Going down and
 * coming back are each logged once (a warning); while down, one caller at a time tries Redis again, at
 * most once per retry interval, and the others go straight to the fallback. Not API.
 */
public final class RedisLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("dev.aurasdk.redis");

    private final JedisPool pool;
    private final String where;
    private final long retryNanos;
    private final AtomicBoolean probing = new AtomicBoolean();
    private final Object stateLock = new Object();
    private volatile boolean down;
    private volatile long nextProbeNanos;

    /**
     * Opens a pool (no connection is made yet).
     *
     * @param address host and port
     * @param config client settings (timeouts, TLS, credentials)
     * @param maxConnections pool size
     * @param borrowWait how long a caller waits for a free pooled connection
     * @param retryInterval least time between two tries while Redis is down
     */
    public RedisLink(HostAndPort address, JedisClientConfig config, int maxConnections, Duration borrowWait,
            Duration retryInterval) {
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
    }

    /**
     * Runs {@code op} on Redis, or {@code fallback} when Redis is down or fails on the network.
     *
     * @param op the Redis operation
     * @param fallback the in-process equivalent
     * @param <T> the result type
     * @return the result of either
     */
    public <T> T call(Function<Jedis, T> op, Supplier<T> fallback) {
        boolean probe = false;
        if (down) {
            if (System.nanoTime() - nextProbeNanos < 0 || !probing.compareAndSet(false, true)) {
                return fallback.get();
            }
            probe = true;
        }
        try {
            return attempt(op, !probe);
        } catch (JedisConnectionException e) {
            down(e);
            return fallback.get();
        } catch (JedisException e) {
            if (isNetwork(e)) {
                down(e);
            } else {
                LOG.debug("Redis at {} failed an operation ({}); the in-process state answers this one", where,
                        e.getClass().getSimpleName());
            }
            return fallback.get();
        } finally {
            if (probe) {
                probing.set(false);
            }
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

    private static boolean isNetwork(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JedisConnectionException || t instanceof java.io.IOException
                    || t instanceof java.util.NoSuchElementException) { // pool exhausted: Redis too slow
                return true;
            }
        }
        return false;
    }

    private void down(Exception e) {
        synchronized (stateLock) {
            nextProbeNanos = System.nanoTime() + retryNanos;
            if (!down) {
                down = true;
                pool.clear(); // idle connections are dead or will be: none is handed out after a restart
                LOG.warn("Redis at {} is unreachable or too slow ({}): using the in-process token cache and "
                        + "request budget until it is back", where, e.getClass().getSimpleName());
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
                byte[] d = java.security.MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
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
