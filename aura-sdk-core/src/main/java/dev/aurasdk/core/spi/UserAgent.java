package dev.aurasdk.core.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK version and the User-Agent header. SPI: for SDK modules, not for applications (see the package). */
public final class UserAgent {
    private static final String VERSION = readVersion();

    private UserAgent() {}

    /** The SDK version from the build, or {@code unknown}. @return the version */
    public static String sdkVersion() {
        return VERSION;
    }

    /**
     * {@code aura-sdk-java/<version> (Java <version>; <os> <arch>)}, then the suffix.
     *
     * @param suffix appended after a space when not blank, may be null
     * @return the header value
     */
    public static String header(String suffix) {
        String base = "aura-sdk-java/" + VERSION + " (Java " + System.getProperty("java.version") + "; "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")";
        return suffix == null || suffix.isBlank() ? base : base + " " + suffix.strip();
    }

    /**
     * Checks a User-Agent suffix given by a user.
     *
     * @param suffix the suffix, such as {@code my-service/1.2}
     * @return the suffix
     * @throws IllegalArgumentException when it contains control characters (header injection)
     */
    public static String requireValidSuffix(String suffix) {
        java.util.Objects.requireNonNull(suffix, "suffix");
        if (suffix.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("userAgentSuffix must not contain control characters");
        }
        return suffix;
    }

    private static String readVersion() {
        try (InputStream in = UserAgent.class.getResourceAsStream("/dev/aurasdk/core/aura-sdk.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
