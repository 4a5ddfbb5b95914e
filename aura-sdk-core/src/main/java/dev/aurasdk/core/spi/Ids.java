package dev.aurasdk.core.spi;

import java.util.Objects;

/** Validation of ids and other inputs before any request is made. SPI: for SDK modules, not for applications (see the package). */
public final class Ids {
    /** Longest id accepted; Aura's ids are 8-hex or 36-char UUIDs. */
    public static final int MAX_LENGTH = 128;

    // Checked by hand, not by regular expression: every call validates its ids (measure 1 of docs/PERFORMANCE.md).
    // ID: [A-Za-z0-9][A-Za-z0-9._:-]*   UUID: 8-4-4-4-12 hex digits, either case

    private Ids() {}

    /**
     * Checks an id that goes into a URL path.
     *
     * @param name the parameter name, for the message
     * @param value the id
     * @return the id
     * @throws NullPointerException when null
     * @throws IllegalArgumentException when blank, too long, or not made of letters, digits, '-', '_', '.', ':'
     */
    public static String require(String name, String value) {
        Objects.requireNonNull(value, () -> name + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    name + " is too long (" + value.length() + " characters, at most " + MAX_LENGTH + ")");
        }
        if (!isId(value) || value.contains("..")) {
            throw new IllegalArgumentException(name + " is not a valid Aura id: '" + printable(value) + "'");
        }
        return value;
    }

    /**
     * Checks a UUID (organization, project, import model, import job, auth provider ids).
     *
     * @param name the parameter name, for the message
     * @param value the id
     * @return the id
     */
    public static String requireUuid(String name, String value) {
        require(name, value);
        if (!isUuid(value)) {
            throw new IllegalArgumentException(name + " must be a UUID, got '" + printable(value) + "'");
        }
        return value;
    }

    /**
     * Checks a required, non-blank text.
     *
     * @param name the parameter name, for the message
     * @param value the text
     * @return the text
     */
    public static String requireText(String name, String value) {
        Objects.requireNonNull(value, () -> name + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** Whether the value matches {@code [A-Za-z0-9][A-Za-z0-9._:-]*}. */
    private static boolean isId(String value) {
        if (value.isEmpty() || !isAsciiLetterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '.' && c != '_' && c != ':' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** Whether the value matches {@code [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}. */
    private static boolean isUuid(String value) {
        if (value.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = value.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !isHexDigit(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static String printable(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        StringBuilder sb = new StringBuilder();
        for (char c : shown.toCharArray()) {
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return sb.toString();
    }
}
