package dev.aurasdk.neo4j.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** Checks Bolt URIs before a driver is made. Not API. */
public final class Uris {
    private static final Set<String> SCHEMES = Set.of("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc");

    private Uris() {}

    /**
     * Checks a Bolt URI.
     *
     * @param name the registry name, for the message
     * @param uri the URI
     * @return the URI
     * @throws IllegalArgumentException when it is not a Bolt URI with a host, or carries credentials
     */
    public static String require(String name, String uri) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("database '" + name + "': the URI must not be blank");
        }
        URI parsed;
        try {
            parsed = new URI(uri.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("database '" + name + "': not a valid URI (" + e.getReason() + ")");
        }
        if (parsed.getRawUserInfo() != null) {
            throw new IllegalArgumentException("database '" + name
                    + "': the URI must not contain credentials; give the username and password separately");
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw new IllegalArgumentException("database '" + name + "': the URI scheme must be one of "
                    + "neo4j+s, neo4j, bolt+s, bolt (or +ssc), got '" + parsed.getScheme() + "' in " + uri);
        }
        if (parsed.getHost() == null || parsed.getHost().isBlank()) {
            throw new IllegalArgumentException("database '" + name + "': the URI has no host: " + uri);
        }
        return uri.strip();
    }
}
