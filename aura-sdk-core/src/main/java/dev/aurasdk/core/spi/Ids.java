package dev.aurasdk.core.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/** Validation of ids and other inputs before any request is made. SPI: for SDK modules, not for applications (see the package). */
public final class Ids {
    /** Longest id accepted; Aura's ids are 8-hex or 36-char UUIDs. */
    public static final int MAX_LENGTH = 128;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

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
        if (!ID.matcher(value).matches() || value.contains("..")) {
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
        if (!UUID.matcher(value).matches()) {
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

    private static String printable(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        StringBuilder sb = new StringBuilder();
        for (char c : shown.toCharArray()) {
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return sb.toString();
    }
}
