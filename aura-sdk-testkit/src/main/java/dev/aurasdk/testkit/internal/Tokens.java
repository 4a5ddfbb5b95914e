package dev.aurasdk.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The OAuth token endpoint, the tokens it issued, and the bearer-token check of API requests. */
final class Tokens {
    private final Settings settings;
    private final SecureRandom random;
    private final Map<String, TokenInfo> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();

    private static final class TokenInfo {
        final String clientId;
        final Instant expiresAt;

        TokenInfo(String clientId, Instant expiresAt) {
            this.clientId = clientId;
            this.expiresAt = expiresAt;
        }
    }

    Tokens(Settings settings, SecureRandom random) {
        this.settings = settings;
        this.random = random;
    }

    /** Counts a request that reached {@code /oauth/token}, whatever its outcome. */
    void countRequest() {
        tokenRequests.incrementAndGet();
    }

    /** Token requests received so far (any outcome). */
    int tokenRequestCount() {
        return tokenRequests.get();
    }

    /** Issues a valid token directly, without a token request. */
    String issueToken(String clientId, Instant now) {
        String token = newToken(clientId, now);
        tokens.put(token, new TokenInfo(clientId, now.plus(settings.tokenTtl)));
        return token;
    }

    /** Forgets every issued token (they become unknown: 401). */
    void revokeTokens() {
        tokens.clear();
    }

    /** Null when the request carries a valid bearer token (its client id is set on the call), else 401 or 403. */
    Reply authenticate(FakeCall call) {
        String auth = call.header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Reply.json(401, middleware("Unauthorized"));
        }
        TokenInfo info = tokens.get(auth.substring(7).trim());
        if (info == null) {
            return Reply.json(401, middleware("Unauthorized"));
        }
        if (!call.now.isBefore(info.expiresAt)) {
            return Reply.json(403, middleware("Access denied: token expired"));
        }
        call.clientId = info.clientId;
        return null;
    }

    /** {@code POST /oauth/token}: client credentials in Basic auth, {@code grant_type=client_credentials}. */
    Reply token(FakeCall call) {
        if (!call.is("POST")) {
            return Reply.json(405, oauthError("invalid_request", "Use POST"));
        }
        String clientId = null;
        String secret = null;
        String auth = call.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded =
                        new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon >= 0) {
                    clientId = decoded.substring(0, colon);
                    secret = decoded.substring(colon + 1);
                }
            } catch (IllegalArgumentException e) {
                clientId = null;
            }
        }
        RateLimiter limiter = settings.tokenRateLimiter;
        if (limiter != null) {
            Optional<Duration> wait = limiter.acquire(clientId == null ? "" : clientId, call.now);
            if (wait.isPresent()) {
                return Reply.json(429, oauthError("too_many_requests", "Too many token requests"))
                        .header("Retry-After", String.valueOf(ceilSeconds(wait.get())));
            }
        }
        if (clientId == null || !clientId.equals(settings.clientId) || !settings.clientSecret.equals(secret)) {
            return Reply.json(401, oauthError("access_denied", "Unauthorized"));
        }
        String grant = formField(call.body, "grant_type");
        if (!"client_credentials".equals(grant)) {
            return Reply.json(400, oauthError("unsupported_grant_type", "grant_type must be client_credentials"));
        }
        Duration ttl = settings.tokenTtl;
        String token = newToken(clientId, call.now);
        tokens.put(token, new TokenInfo(clientId, call.now.plus(ttl)));
        ObjectNode body = FakeJson.object();
        body.put("access_token", token);
        body.put("expires_in", ttl.getSeconds());
        body.put("token_type", "bearer");
        return Reply.json(200, body);
    }

    private String newToken(String clientId, Instant now) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        ObjectNode header = FakeJson.object().put("alg", "RS256").put("typ", "JWT");
        ObjectNode claims = FakeJson.object()
                .put("iss", "https://fake-aura.local/")
                .put("sub", clientId)
                .put("iat", now.getEpochSecond())
                .put("exp", now.plus(settings.tokenTtl).getEpochSecond())
                .put("jti", Long.toHexString(random.nextLong()));
        byte[] signature = new byte[32];
        random.nextBytes(signature);
        String token = b64.encodeToString(FakeJson.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(FakeJson.write(claims).getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(signature);
        Secrets.record(token);
        return token;
    }

    private static String formField(String body, String name) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0
                    && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8)
                            .equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static ObjectNode middleware(String message) {
        return FakeJson.object().put("error", message);
    }

    private static ObjectNode oauthError(String error, String description) {
        return FakeJson.object().put("error", error).put("error_description", description);
    }

    static long ceilSeconds(Duration d) {
        long ms = d.toMillis();
        return Math.max(1, (ms + 999) / 1000);
    }
}
