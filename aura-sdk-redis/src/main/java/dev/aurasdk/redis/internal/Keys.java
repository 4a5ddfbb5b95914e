package dev.aurasdk.redis.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Key names of one credential: {@code <prefix>{<credential>}:<what>}, where {@code <credential>} is a hash
 * of the client id (no id or secret appears in a key name) and the braces are a Redis Cluster hash tag, so
 * every key of a credential lives on one shard and the budget script may touch several. Not API.
 */
public final class Keys {
    private final String base;

    /**
     * Key names for a credential.
     *
     * @param prefix the configured prefix
     * @param clientId the client id
     */
    public Keys(String prefix, String clientId) {
        this.base = prefix + "{" + hash(clientId) + "}:";
    }

    /** @param storeKey the token cache key @return the token's key */
    public String token(String storeKey) {
        return base + "token:" + hash(storeKey);
    }

    /** @param storeKey the token cache key @return the refresh lease's key */
    public String lease(String storeKey) {
        return base + "token-lease:" + hash(storeKey);
    }

    /** @return the sorted set of request start times */
    public String budget() {
        return base + "budget";
    }

    /** @return the key written to check that Redis accepts writes again after trouble */
    public String probe() {
        return base + "probe";
    }

    /** @return the key holding the end of a 429 pause */
    public String pause() {
        return base + "pause";
    }

    static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                sb.append(String.format("%02x", d[i] & 0xff));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return base + "*";
    }
}
