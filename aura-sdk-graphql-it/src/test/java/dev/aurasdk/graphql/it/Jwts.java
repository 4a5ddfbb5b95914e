package dev.aurasdk.graphql.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurasdk.core.testing.SecretGuard;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RS256 JWTs signed with an RSA key made for this run, and the JWKS document that publishes its public half. */
final class Jwts {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final String kid;

    Jwts(String kid) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.kid = kid;
    }

    /** The JWKS document: {"keys":[{kty,kid,use,alg,n,e}]}. */
    String jwks() {
        RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("kty", "RSA");
        key.put("kid", kid);
        key.put("use", "sig");
        key.put("alg", "RS256");
        key.put("n", B64.encodeToString(unsigned(pub.getModulus())));
        key.put("e", B64.encodeToString(unsigned(pub.getPublicExponent())));
        return json(Map.of("keys", List.of(key)));
    }

    /** A token for a user of a tenant with the given roles, valid for an hour. */
    String token(String sub, String tenantId, List<String> roles) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", sub);
        claims.put("tenantId", tenantId);
        claims.put("roles", roles);
        long now = Instant.now().getEpochSecond();
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        return sign(claims);
    }

    /** A token with exactly these claims. */
    String sign(Map<String, Object> claims) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", kid);
        String signingInput = B64.encodeToString(json(header).getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(json(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return SecretGuard.register(signingInput + "." + B64.encodeToString(rs256.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] out = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, out, 0, out.length);
            return out;
        }
        return bytes;
    }

    private static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
