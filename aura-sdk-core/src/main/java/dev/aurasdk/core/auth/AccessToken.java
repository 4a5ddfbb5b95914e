package dev.aurasdk.core.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An OAuth access token and its lifetime. {@link #toString()} never shows the token value.
 */
public final class AccessToken {
    private final String value;
    private final String tokenType;
    private final Instant obtainedAt;
    private final Instant expiresAt;

    /**
     * Creates a token.
     *
     * @param value the bearer token
     * @param tokenType the type Aura reported (usually {@code bearer})
     * @param obtainedAt when the token request started (lifetime counts from there)
     * @param expiresAt when the token stops being valid
     */
    public AccessToken(String value, String tokenType, Instant obtainedAt, Instant expiresAt) {
        this.value = Objects.requireNonNull(value, "value");
        this.tokenType = Objects.requireNonNull(tokenType, "tokenType");
        this.obtainedAt = Objects.requireNonNull(obtainedAt, "obtainedAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        if (value.isBlank()) {
            throw new IllegalArgumentException("token value must not be blank");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                // never quote the value: it is a secret
                throw new IllegalArgumentException("token value contains a space, control or non-ASCII character "
                        + "at index " + i + " (a trailing newline from a file?)");
            }
        }
    }

    /** The bearer token. Treat as a secret. */
    public String value() {
        return value;
    }

    /** The token type reported by the server. */
    public String tokenType() {
        return tokenType;
    }

    /** When the token request started. */
    public Instant obtainedAt() {
        return obtainedAt;
    }

    /** When the token expires. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** The token's lifetime. */
    public Duration lifetime() {
        return Duration.between(obtainedAt, expiresAt);
    }

    /**
     * Whether the token is still accepted at {@code now}.
     *
     * @param now the current time
     * @return true before expiry
     */
    public boolean isValidAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /**
     * When a cache should replace this token: {@code margin} before expiry, but never earlier than
     * half-way through its lifetime (so a short-lived token does not cause a refresh on every call).
     *
     * @param margin how long before expiry to refresh
     * @return the refresh instant
     */
    public Instant refreshAt(Duration margin) {
        Duration half = lifetime().dividedBy(2);
        Duration effective = margin.compareTo(half) > 0 ? half : margin;
        return expiresAt.minus(effective);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccessToken
                && ((AccessToken) o).value.equals(value)
                && ((AccessToken) o).expiresAt.equals(expiresAt);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "AccessToken{value=****, type=" + tokenType + ", obtainedAt=" + obtainedAt + ", expiresAt=" + expiresAt
                + "}";
    }
}
