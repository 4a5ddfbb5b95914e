package dev.aurasdk.core.spi;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/** Normalises and checks base and token URLs. SPI: for SDK modules, not for applications (see the package). */
public final class BaseUrls {
    private BaseUrls() {}

    /**
     * {@code scheme://host[:port]}: any path (such as a {@code /v1} users put there), query or fragment
     * is dropped; https is required unless the host is a loopback address.
     *
     * @param name the setting's name, for messages
     * @param url the URL
     * @return the normalised origin, without trailing slash
     */
    public static String origin(String name, String url) {
        URI uri = parse(name, url);
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost()
                + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
        return origin;
    }

    /**
     * A full URL (token endpoint) checked like {@link #origin}, path kept.
     *
     * @param name the setting's name
     * @param url the URL
     * @return the URI
     */
    public static URI endpoint(String name, String url) {
        URI uri = parse(name, url);
        return URI.create(origin(name, url) + (uri.getRawPath() == null ? "" : uri.getRawPath()));
    }

    private static URI parse(String name, String url) {
        Objects.requireNonNull(url, () -> name + " must not be null");
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException(name + " must be an absolute http(s) URL with a host, got scheme '"
                    + scheme + "' and host '" + uri.getHost() + "'");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException(name + " must not contain credentials");
        }
        requireValidPort(name, uri);
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException(name + " must use https (plain http is allowed only for "
                    + "loopback hosts such as localhost): " + uri.getScheme() + "://" + uri.getHost());
        }
        return uri;
    }

    /**
     * Checks the port of a URL: {@link URI} accepts any number of digits, but a port outside 1 to 65535 would
     * only fail later, inside the HTTP client, with an exception that is not the SDK's.
     *
     * @param name what the URL is, for the message
     * @param uri the URL
     * @throws IllegalArgumentException when the port is 0 or above 65535
     */
    public static void requireValidPort(String name, URI uri) {
        int port = uri.getPort();
        if (port == 0 || port > 65535) {
            throw new IllegalArgumentException(name + " has an invalid port " + port + " (a port is 1 to 65535)");
        }
    }

    /**
     * Whether a host is a loopback name or literal (no DNS lookup is made for names).
     *
     * @param host the host
     * @return true for {@code localhost}, 127.0.0.0/8 and ::1
     */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.matches("[0-9.]+") || h.contains(":")) {
            try {
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
