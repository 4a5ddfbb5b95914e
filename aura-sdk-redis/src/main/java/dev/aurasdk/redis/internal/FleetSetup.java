package dev.aurasdk.redis.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisDataException;

/** Checks a {@code RedisFleet}'s settings and opens its link to Redis. Not API. */
public final class FleetSetup {
    private FleetSetup() {}

    /**
     * Checks a Redis URL.
     *
     * @param url {@code redis://[[user]:password@]host[:port][/db]} or {@code rediss://...}
     * @return the parsed URL
     * @throws IllegalArgumentException when it is not such a URL (the message never shows a password)
     */
    public static URI parseUrl(String url) {
        Objects.requireNonNull(url, "url");
        URI parsed;
        try {
            parsed = new URI(url.strip()).parseServerAuthority();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Redis url is malformed (" + e.getReason() + " at index " + e.getIndex()
                    + "); expected redis://[[user]:password@]host[:port][/db] or rediss://...");
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw new IllegalArgumentException("Redis url must start with redis:// or rediss:// (TLS), got "
                    + (scheme.isEmpty() ? "no scheme" : "'" + scheme + "://'") + ": " + masked(parsed));
        }
        if (parsed.getHost() == null || parsed.getHost().isEmpty()) {
            throw new IllegalArgumentException("Redis url has no host: " + masked(parsed));
        }
        if (parsed.getPort() != -1 && (parsed.getPort() < 1 || parsed.getPort() > 65535)) {
            throw new IllegalArgumentException(
                    "Redis url port must be between 1 and 65535, got " + parsed.getPort() + ": " + masked(parsed));
        }
        String path = parsed.getPath() == null ? "" : parsed.getPath();
        if (!path.isEmpty() && !path.equals("/") && !path.matches("/\\d{1,4}")) {
            throw new IllegalArgumentException(
                    "Redis url path must be a database number such as /0, got " + masked(parsed));
        }
        if (parsed.getQuery() != null || parsed.getFragment() != null) {
            throw new IllegalArgumentException("Redis url takes no query or fragment: " + masked(parsed));
        }
        return parsed;
    }

    /**
     * Checks a key prefix: printable ASCII without spaces or braces, at most 64 characters.
     *
     * @param prefix the prefix
     * @return the prefix
     */
    public static String requireKeyPrefix(String prefix) {
        Objects.requireNonNull(prefix, "keyPrefix");
        if (prefix.length() > 64) {
            throw new IllegalArgumentException("keyPrefix is longer than 64 characters");
        }
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new IllegalArgumentException("keyPrefix must not contain spaces, control or non-ASCII "
                        + "characters: '" + prefix + "' has one at index " + i);
            }
            if (c == '{' || c == '}') {
                throw new IllegalArgumentException("keyPrefix must not contain braces (the SDK adds the "
                        + "Redis Cluster hash tag itself): '" + prefix + "'");
            }
        }
        return prefix;
    }

    /**
     * Opens the fleet's link to Redis and checks it once: refused settings fail, an unreachable server does not.
     *
     * @param uri the checked URL
     * @param user the ACL user overriding the URL's, or null
     * @param password the password overriding the URL's, or null
     * @param timeout connect and read timeout
     * @param reconnectInterval retry interval while Redis is down
     * @param maxConnections pool size
     * @param sslSocketFactory TLS socket factory, or null for the JDK's
     * @param keys the fleet's keys
     * @return the link
     * @throws IllegalArgumentException when Redis refuses the password or the settings
     */
    public static RedisLink connect(
            URI uri,
            String user,
            String password,
            Duration timeout,
            Duration reconnectInterval,
            int maxConnections,
            SSLSocketFactory sslSocketFactory,
            Keys keys) {
        boolean tls = uri.getScheme().equalsIgnoreCase("rediss");
        int port = uri.getPort() == -1 ? 6379 : uri.getPort();
        String userInfo = uri.getUserInfo();
        String urlUser = null;
        String urlPassword = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            urlUser = colon > 0 ? userInfo.substring(0, colon) : null;
            urlPassword = colon >= 0 ? userInfo.substring(colon + 1) : userInfo;
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        int db = path.length() > 1 ? Integer.parseInt(path.substring(1)) : 0;
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .socketTimeoutMillis((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .database(db)
                .clientName("aura-sdk")
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED)
                .protocol(RedisProtocol.RESP2)
                .ssl(tls);
        String effectiveUser = user != null ? user : urlUser;
        String effectivePassword = password != null ? password : urlPassword;
        if (effectiveUser != null && !effectiveUser.isEmpty()) {
            config.user(effectiveUser);
        }
        if (effectivePassword != null && !effectivePassword.isEmpty()) {
            config.password(effectivePassword);
        }
        if (tls) {
            SSLParameters params = new SSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            config.sslParameters(params);
            if (sslSocketFactory != null) {
                config.sslSocketFactory(sslSocketFactory);
            }
        }
        JedisClientConfig clientConfig = config.build();
        HostAndPort address = new HostAndPort(uri.getHost(), port);
        RedisLink link = new RedisLink(
                address, clientConfig, maxConnections, Duration.ofSeconds(1), reconnectInterval, keys.probe());
        try {
            checkConnection(link, address, effectivePassword != null && !effectivePassword.isEmpty());
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
        return link;
    }

    /** Refused settings fail the build; an unreachable server only makes the fleet start in fallback. */
    private static void checkConnection(RedisLink link, HostAndPort address, boolean withPassword) {
        JedisDataException refused = link.check(Jedis::ping);
        if (refused == null) {
            return;
        }
        String what = refused.getMessage() == null ? "" : refused.getMessage();
        if (refused instanceof JedisAccessControlException
                || what.contains("WRONGPASS")
                || what.contains("NOAUTH")
                || what.contains("invalid password")) {
            throw new IllegalArgumentException("Redis at " + address + " refused the "
                    + (withPassword ? "password (wrong user or password)" : "connection: it needs a password")
                    + " [" + firstWord(what) + "]");
        }
        throw new IllegalArgumentException(
                "Redis at " + address + " refused the connection settings: " + firstLine(what));
    }

    private static String firstWord(String s) {
        int sp = s.indexOf(' ');
        return sp > 0 ? s.substring(0, sp) : s;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl >= 0 ? s.substring(0, nl) : s;
    }

    /**
     * Checks a duration setting: at least {@code min}, at most one day.
     *
     * @param name the setting, for the message
     * @param d the value
     * @param min the least value
     * @return the value
     */
    public static Duration atLeast(String name, Duration d, Duration min) {
        Objects.requireNonNull(d, name);
        if (d.compareTo(min) < 0) {
            throw new IllegalArgumentException(name + " must be at least " + min.toMillis() + " ms, got " + d);
        }
        if (d.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException(name + " must be at most one day, got " + d);
        }
        return d;
    }

    private static String masked(URI u) {
        String s = u.toString();
        String info = u.getRawUserInfo();
        return info == null ? s : s.replace(info + "@", "****@");
    }
}
