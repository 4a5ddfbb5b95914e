package dev.aurasdk.graphql.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Normalises and checks CORS origins before any request. Not API. */
public final class Origins {
    private Origins() {}

    /**
     * {@code scheme://host[:port]}: scheme and host lowercased, default ports (80 for http, 443 for https)
     * dropped, a single trailing '/' tolerated.
     *
     * @param origin the origin as given
     * @return the normalised origin
     * @throws IllegalArgumentException when it is blank, has no http(s) scheme or host, has a path, query,
     *     fragment, credentials or a wildcard
     */
    public static String normalize(String origin) {
        Objects.requireNonNull(origin, "CORS origin must not be null");
        String s = origin.strip();
        String shown = printable(s);
        if (s.isEmpty()) {
            throw new IllegalArgumentException("CORS origin must not be blank");
        }
        if (s.indexOf('*') >= 0) {
            throw new IllegalArgumentException("CORS origin must not contain a wildcard (Aura matches origins "
                    + "exactly; list each origin): " + shown);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c == 0x7f) {
                throw new IllegalArgumentException(
                        "CORS origin must not contain spaces or control characters: " + shown);
            }
        }
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("CORS origin is not a valid URL: " + shown);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(
                    "CORS origin must be http://host[:port] or https://host[:port]: " + shown);
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("CORS origin must not contain credentials: " + shown);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("CORS origin must have a host name: " + shown);
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            throw new IllegalArgumentException(
                    "CORS origin must not have a path (an origin is scheme://host[:port]): " + shown);
        }
        if (uri.getRawQuery() != null || s.indexOf('?') >= 0) {
            throw new IllegalArgumentException("CORS origin must not have a query: " + shown);
        }
        if (uri.getRawFragment() != null || s.indexOf('#') >= 0) {
            throw new IllegalArgumentException("CORS origin must not have a fragment: " + shown);
        }
        int port = uri.getPort();
        if (port == 0 || port > 65535) {
            throw new IllegalArgumentException("CORS origin has an invalid port (a port is 1 to 65535): " + shown);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean defaultPort =
                port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    /**
     * Normalises each origin and drops duplicates, keeping the first occurrence's position.
     *
     * @param origins the origins
     * @return the normalised, de-duplicated origins
     * @throws IllegalArgumentException naming the first invalid origin
     */
    public static List<String> normalizeAll(Collection<String> origins) {
        Objects.requireNonNull(origins, "origins must not be null");
        Set<String> out = new LinkedHashSet<>();
        for (String o : origins) {
            out.add(normalize(o));
        }
        return List.copyOf(out);
    }

    /**
     * The normalised form of an origin read from Aura, or empty when it is not a valid origin (such an
     * entry is kept as it is by the SDK, never rewritten).
     *
     * @param origin the stored origin
     * @return the normalised form, when valid
     */
    public static Optional<String> tryNormalize(String origin) {
        try {
            return Optional.of(normalize(origin));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The comparison key of a stored origin: its normalised form, or the raw text when not valid.
     *
     * @param origin the stored origin
     * @return the key
     */
    public static String key(String origin) {
        return tryNormalize(origin).orElse(origin);
    }

    /**
     * Whether an origin uses plain http.
     *
     * @param origin a normalised origin
     * @return true for {@code http://…}
     */
    public static boolean isPlainHttp(String origin) {
        return origin.regionMatches(true, 0, "http://", 0, 7);
    }

    /**
     * The keys of a list of stored origins, in order.
     *
     * @param origins the origins
     * @return their keys
     */
    public static List<String> keys(Collection<String> origins) {
        List<String> keys = new ArrayList<>(origins.size());
        for (String o : origins) {
            keys.add(key(o));
        }
        return keys;
    }

    /** Shown in messages: never echoes credentials put before an '@'. */
    private static String printable(String s) {
        String shown = s;
        int at = shown.indexOf('@');
        int scheme = shown.indexOf("://");
        if (at >= 0) {
            shown = (scheme >= 0 && scheme < at ? shown.substring(0, scheme + 3) : "") + "****" + shown.substring(at);
        }
        if (shown.length() > 200) {
            shown = shown.substring(0, 200) + "...";
        }
        StringBuilder sb = new StringBuilder(shown.length() + 2).append('\'');
        for (char c : shown.toCharArray()) {
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return sb.append('\'').toString();
    }
}
