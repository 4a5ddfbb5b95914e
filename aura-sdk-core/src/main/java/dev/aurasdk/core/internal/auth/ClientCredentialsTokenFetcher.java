package dev.aurasdk.core.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurasdk.core.AuraCredentials;
import dev.aurasdk.core.AuraDecodingException;
import dev.aurasdk.core.auth.AccessToken;
import dev.aurasdk.core.internal.http.Call;
import dev.aurasdk.core.internal.http.Transport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * OAuth 2.0 client-credentials grant against Aura's token URL: HTTP Basic auth, form body. Retries
 * follow the client's policy (a token request creates nothing, so it may be resent); 4xx answers are
 * {@link dev.aurasdk.core.AuraAuthenticationException}s and are not retried. Not API.
 */
public final class ClientCredentialsTokenFetcher implements Supplier<AccessToken> {
    private static final byte[] FORM = "grant_type=client_credentials".getBytes(StandardCharsets.US_ASCII);
    /** Longest token lifetime believed: ten years (Aura's tokens live one hour). */
    static final long MAX_EXPIRES_IN_SECONDS = 10L * 366 * 24 * 3600;

    private final Transport transport;
    private final URI tokenUrl;
    private final String basicAuth;

    /**
     * Creates a fetcher.
     *
     * @param transport the transport (its config gives clock, retries, listeners)
     * @param tokenUrl the token URL
     * @param credentials the credentials
     */
    public ClientCredentialsTokenFetcher(Transport transport, URI tokenUrl, AuraCredentials credentials) {
        this.transport = transport;
        this.tokenUrl = tokenUrl;
        this.basicAuth = "Basic "
                + Base64.getEncoder()
                        .encodeToString((credentials.clientId() + ":" + credentials.clientSecret())
                                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public AccessToken get() {
        Instant requestedAt = transport.config().clock().instant();
        long t0 = System.nanoTime();
        boolean ok = false;
        try {
            Call call = Call.builder("POST", tokenUrl)
                    .body(FORM, "application/x-www-form-urlencoded")
                    .idempotent(true)
                    .tokenRequest(basicAuth)
                    .build();
            HttpResponse<byte[]> response = transport.execute(call);
            AccessToken token = parse(response, requestedAt);
            ok = true;
            return token;
        } finally {
            boolean success = ok;
            Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
            transport.notifyListeners(l -> l.onTokenRefresh(success, elapsed));
        }
    }

    private AccessToken parse(HttpResponse<byte[]> response, Instant requestedAt) {
        JsonNode root;
        try {
            root = transport.config().mapper().readTree(response.body());
        } catch (IOException e) {
            throw invalid(response, "malformed JSON");
        }
        if (root == null || !root.isObject()) {
            throw invalid(response, "not a JSON object");
        }
        JsonNode value = root.get("access_token");
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw invalid(response, "no access_token");
        }
        JsonNode expiresIn = root.get("expires_in");
        long seconds = expiresIn != null && expiresIn.canConvertToLong()
                ? expiresIn.asLong()
                : expiresIn != null && expiresIn.isTextual() ? parseLong(expiresIn.asText()) : 3600;
        if (seconds <= 0) {
            throw invalid(response, "expires_in must be positive");
        }
        if (seconds > MAX_EXPIRES_IN_SECONDS) {
            // a lifetime beyond the clock's range failed with an ArithmeticException from Instant.plusSeconds
            throw invalid(response, "expires_in is implausibly large (" + seconds + " s)");
        }
        JsonNode type = root.get("token_type");
        try {
            return new AccessToken(
                    value.asText().strip(),
                    type != null && type.isTextual() ? type.asText() : "bearer",
                    requestedAt,
                    requestedAt.plusSeconds(seconds));
        } catch (IllegalArgumentException e) {
            throw invalid(response, e.getMessage());
        }
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private AuraDecodingException invalid(HttpResponse<byte[]> response, String why) {
        return new AuraDecodingException("could not read the token response of POST " + tokenUrl.getPath() + " (HTTP "
                + response.statusCode() + "): " + why);
    }
}
