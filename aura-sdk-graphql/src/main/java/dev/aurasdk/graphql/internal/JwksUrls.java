package dev.aurasdk.graphql.internal;

import dev.aurasdk.core.spi.BaseUrls;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/** Checks JWKS URLs of auth providers before any request. Not API. */
public final class JwksUrls {
    /** Longest URL accepted. */
    public static final int MAX_LENGTH = 2048;

    private JwksUrls() {}

    /**
     * Checks a JWKS URL: absolute https with a host, no credentials, no fragment.
     *
     * @param url the URL
     * @return the URL, surrounding whitespace removed
     * @throws IllegalArgumentException when not acceptable (the message never echoes credentials)
     */
    public static String check(String url) {
        Objects.requireNonNull(url, "JWKS url must not be null");
        String s = url.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("JWKS url must not be blank");
        }
        if (s.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "JWKS url is too long (" + s.length() + " characters, at most " + MAX_LENGTH + ")");
        }
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("JWKS url is not a valid URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("JWKS url must not contain credentials (user:password@)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https")) {
            throw new IllegalArgumentException(
                    "JWKS url must use https, got " + (scheme.isEmpty() ? "no scheme" : scheme + "://")
                            + " (Aura fetches signing keys from it; plain http would let anyone "
                            + "on the path forge tokens)");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("JWKS url must have a host name");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("JWKS url must not have a fragment (#...)");
        }
        BaseUrls.requireValidPort("JWKS url", uri);
        return s;
    }
}
