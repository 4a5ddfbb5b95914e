package dev.aurasdk.redis.internal;

import dev.aurasdk.core.http.RateLimit;
import dev.aurasdk.core.http.RequestBudget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link RequestBudget} in Redis: one Lua script, atomic on the server and on the server's clock
 * ({@code TIME}), reserves the earliest start that keeps every window of the credential's requests, from all
 * processes, within the limit: a sorted set ({@code ...:budget}) holds the last {@code permits} reserved
 * start times, and the new start is at least the oldest of them plus the window (and, when smoothing, at
 * least {@code window / permits} after the latest), and not before the end of a 429 pause ({@code ...:pause}, set by {@link #pause(Duration)} with an expiry). While Redis is unreachable,
 * an in-process budget answers. Not API.
 */
public final class RedisRequestBudget implements RequestBudget {
    static final RedisLink.LuaScript RESERVE = new RedisLink.LuaScript(String.join(
            "\n",
            "local t = redis.call('TIME')",
            "local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)",
            "local permits = tonumber(ARGV[1])",
            "local window = tonumber(ARGV[2])",
            "local maxWait = tonumber(ARGV[3])",
            "local slot = now",
            "local paused = redis.call('GET', KEYS[2])",
            "if paused then slot = math.max(slot, tonumber(paused)) end",
            "local n = 0",
            "if permits > 0 then",
            "  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)",
            "  n = redis.call('ZCARD', KEYS[1])",
            "  if n >= permits then",
            "    local oldest = redis.call('ZRANGE', KEYS[1], n - permits, n - permits, 'WITHSCORES')",
            "    slot = math.max(slot, tonumber(oldest[2]) + window)",
            "  end",
            "  local gap = tonumber(ARGV[5])",
            "  if gap > 0 and n > 0 then",
            "    local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')",
            "    slot = math.max(slot, tonumber(last[2]) + gap)",
            "  end",
            "end",
            "if slot - now > maxWait then return -1 end",
            "if permits > 0 then",
            "  redis.call('ZADD', KEYS[1], slot, ARGV[4])",
            "  if n + 1 > permits then redis.call('ZREMRANGEBYRANK', KEYS[1], 0, n - permits) end",
            "  redis.call('PEXPIRE', KEYS[1], slot - now + window + 1000)",
            "end",
            "return slot - now"));
    static final RedisLink.LuaScript PAUSE = new RedisLink.LuaScript(String.join(
            "\n",
            "local t = redis.call('TIME')",
            "local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)",
            "local ms = tonumber(ARGV[1])",
            "local current = tonumber(redis.call('GET', KEYS[1]) or '0')",
            "if now + ms > current then redis.call('SET', KEYS[1], tostring(now + ms), 'PX', ms) end",
            "return 1"));

    private final RedisLink link;
    private final Keys keys;
    private final RateLimit limit;
    private final Clock clock;
    private final RequestBudget local;
    private final String owner = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sequence = new AtomicLong();
    private final long gapMillis;

    /**
     * Creates the budget.
     *
     * @param link the connection
     * @param keys key names of the credential
     * @param limit the fleet's limit
     * @param fallback the limit of this process while Redis is unreachable
     * @param clock the clock of deadlines
     * @param smooth whether starts are spaced at least {@code period / permits} apart (no bursts)
     */
    public RedisRequestBudget(
            RedisLink link, Keys keys, RateLimit limit, RateLimit fallback, Clock clock, boolean smooth) {
        this.gapMillis = smooth && !limit.isUnlimited() ? limit.period().toMillis() / limit.permits() : 0;
        this.link = link;
        this.keys = keys;
        this.limit = limit;
        this.clock = clock;
        this.local = RequestBudget.inProcess(fallback, clock);
    }

    @Override
    public Optional<Duration> reserve(Instant deadline) {
        long maxWait = Duration.between(clock.instant(), deadline).toMillis();
        if (maxWait < 0) {
            return Optional.empty();
        }
        List<String> args = List.of(
                Integer.toString(limit.permits()),
                Long.toString(limit.isUnlimited() ? 0 : limit.period().toMillis()),
                Long.toString(maxWait),
                owner + "-" + sequence.incrementAndGet(),
                Long.toString(gapMillis));
        return link.call(
                jedis -> {
                    long wait = ((Number) RedisLink.eval(jedis, RESERVE, List.of(keys.budget(), keys.pause()), args))
                            .longValue();
                    return wait < 0 ? Optional.<Duration>empty() : Optional.of(Duration.ofMillis(wait));
                },
                () -> local.reserve(deadline));
    }

    @Override
    public void pause(Duration retryAfter) {
        local.pause(retryAfter); // holds while Redis is unreachable, too
        long ms = retryAfter.toMillis();
        if (ms <= 0) {
            return;
        }
        link.call(jedis -> RedisLink.eval(jedis, PAUSE, List.of(keys.pause()), List.of(Long.toString(ms))), () -> 0L);
    }

    @Override
    public String toString() {
        return "RedisRequestBudget{" + limit + ", " + link.where() + ", " + keys + "}";
    }
}
