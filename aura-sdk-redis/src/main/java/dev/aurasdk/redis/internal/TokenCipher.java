package dev.aurasdk.redis.internal;

import dev.aurasdk.core.auth.AccessToken;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts cached tokens at rest: AES-256-GCM with a key derived by HKDF-SHA256 (RFC 5869) from the client
 * secret, with the client id in the derivation's info, and the Redis key name as associated data (a value
 * copied under another key does not decrypt). Stored form: {@code v1.<base64(nonce | ciphertext | tag)>}.
 * Never logs and never puts a value or the key in a message. Not API.
 */
public final class TokenCipher {
    static final String VERSION = "v1.";
    private static final byte[] SALT = "dev.aurasdk.redis/token-key/v1".getBytes(StandardCharsets.UTF_8);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /**
     * Derives the key of a credential.
     *
     * @param clientId the client id (in the HKDF info)
     * @param clientSecret the client secret (the HKDF input keying material)
     */
    public TokenCipher(String clientId, String clientSecret) {
        byte[] okm = hkdfSha256(
                clientSecret.getBytes(StandardCharsets.UTF_8),
                SALT,
                ("aura-sdk token cache AES-256-GCM|" + clientId).getBytes(StandardCharsets.UTF_8),
                32);
        this.key = new SecretKeySpec(okm, "AES");
    }

    /**
     * HKDF-SHA256 (RFC 5869): extract then expand, with the JDK's HmacSHA256.
     *
     * @param ikm input keying material
     * @param salt salt (may be empty: then a block of zeros, as the RFC says)
     * @param info context
     * @param length output bytes, at most 255 * 32
     * @return the output keying material
     */
    public static byte[] hkdfSha256(byte[] ikm, byte[] salt, byte[] info, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt.length == 0 ? new byte[32] : salt, "HmacSHA256"));
            byte[] prk = mac.doFinal(ikm);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            byte[] out = new byte[length];
            byte[] t = new byte[0];
            int done = 0;
            for (int i = 1; done < length; i++) {
                mac.update(t);
                mac.update(info);
                mac.update((byte) i);
                t = mac.doFinal();
                int n = Math.min(t.length, length - done);
                System.arraycopy(t, 0, out, done, n);
                done += n;
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "HmacSHA256 is not available: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Encrypts a token for one Redis key.
     *
     * @param token the token
     * @param redisKey the key it is stored under (associated data)
     * @return the stored form
     */
    public String seal(AccessToken token, String redisKey) {
        String plain = token.tokenType() + "\n" + token.obtainedAt() + "\n" + token.expiresAt() + "\n" + token.value();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(redisKey.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return VERSION
                    + Base64.getEncoder()
                            .withoutPadding()
                            .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "AES/GCM is not available: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Decrypts a stored token.
     *
     * @param stored the stored form
     * @param redisKey the key it was read from
     * @return the token, or empty when the value is not one this credential wrote for this key (clear text,
     *     another secret's key, tampered, truncated)
     */
    public Optional<AccessToken> open(String stored, String redisKey) {
        if (stored == null || !stored.startsWith(VERSION)) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            if (all.length <= NONCE_BYTES + TAG_BITS / 8) {
                return Optional.empty();
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            c.updateAAD(redisKey.getBytes(StandardCharsets.UTF_8));
            String plain = new String(c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
            String[] parts = plain.split("\n", 4);
            if (parts.length != 4) {
                return Optional.empty();
            }
            return Optional.of(new AccessToken(parts[3], parts[0], Instant.parse(parts[1]), Instant.parse(parts[2])));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty(); // never say why: the message could quote the value
        }
    }

    @Override
    public String toString() {
        return "TokenCipher{AES-256-GCM, key=****}";
    }
}
