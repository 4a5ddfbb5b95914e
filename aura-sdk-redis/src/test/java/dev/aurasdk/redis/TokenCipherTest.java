package dev.aurasdk.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.core.auth.AccessToken;
import dev.aurasdk.redis.internal.TokenCipher;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TokenCipherTest {
    private static final AccessToken TOKEN = new AccessToken(
            "tok-0123456789abcdef",
            "bearer",
            Instant.ofEpochMilli(1_700_000_000_000L),
            Instant.ofEpochMilli(1_700_003_600_000L));

    @Test
    void hkdfMatchesRfc5869TestCase1() {
        HexFormat hex = HexFormat.of();
        byte[] okm = TokenCipher.hkdfSha256(
                hex.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
                hex.parseHex("000102030405060708090a0b0c"),
                hex.parseHex("f0f1f2f3f4f5f6f7f8f9"),
                42);
        assertThat(hex.formatHex(okm))
                .isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf" + "34007208d5b887185865");
    }

    @Test
    void hkdfMatchesRfc5869TestCase3WithEmptySaltAndInfo() {
        HexFormat hex = HexFormat.of();
        byte[] okm = TokenCipher.hkdfSha256(
                hex.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), new byte[0], new byte[0], 42);
        assertThat(hex.formatHex(okm))
                .isEqualTo("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d" + "9d201395faa4b61a96c8");
    }

    @Test
    void roundTripsAndEachSealIsDifferent() {
        TokenCipher cipher = new TokenCipher("client-a", "secret-of-client-a");
        String one = cipher.seal(TOKEN, "k");
        String two = cipher.seal(TOKEN, "k");
        assertThat(one).isNotEqualTo(two).doesNotContain(TOKEN.value());
        assertThat(cipher.open(one, "k")).contains(TOKEN);
        assertThat(cipher.open(two, "k").get().obtainedAt()).isEqualTo(TOKEN.obtainedAt());
    }

    @Test
    void anotherSecretAnotherClientIdAnotherKeyOrATamperedValueDoNotOpen() {
        TokenCipher cipher = new TokenCipher("client-a", "secret-of-client-a");
        String sealed = cipher.seal(TOKEN, "k");
        assertThat(new TokenCipher("client-a", "secret-of-client-b").open(sealed, "k"))
                .isEmpty();
        assertThat(new TokenCipher("client-b", "secret-of-client-a").open(sealed, "k"))
                .isEmpty();
        assertThat(cipher.open(sealed, "k2")).isEmpty();
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        assertThat(cipher.open("v1." + Base64.getEncoder().withoutPadding().encodeToString(raw), "k"))
                .isEmpty();
        assertThat(cipher.open(TOKEN.value(), "k")).isEmpty();
        assertThat(cipher.open("v1.not-base64!", "k")).isEmpty();
        assertThat(cipher.open("v1.AAAA", "k")).isEmpty();
    }
}
