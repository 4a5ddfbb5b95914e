package dev.aurasdk.core.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurasdk.core.AuraException;
import dev.aurasdk.core.auth.AccessToken;
import dev.aurasdk.core.http.ApiRequest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds what is sent: the {@link Call} of an {@link ApiRequest} (its URI, its body written as JSON)
 * and, for each attempt, the {@link HttpRequest} with its headers and timeout. Not API.
 */
final class RequestFactory {
    private final String baseUrl;
    private final String userAgent;
    private final ObjectMapper mapper;

    RequestFactory(String baseUrl, String userAgent, ObjectMapper mapper) {
        this.baseUrl = baseUrl;
        this.userAgent = userAgent;
        this.mapper = mapper;
    }

    /**
     * The call of an API request.
     *
     * @param request the request
     * @return the call, authenticated and rate-limited
     * @throws IllegalArgumentException when the body cannot be written as JSON (before any request)
     */
    Call callFor(ApiRequest request) {
        Objects.requireNonNull(request, "request");
        byte[] body = request.body().map(this::encode).orElse(null);
        String query = request.encodedQuery();
        URI uri = URI.create(baseUrl + request.path() + (query.isEmpty() ? "" : "?" + query));
        Call.Builder call = Call.builder(request.method(), uri)
                .path(request.path())
                .template(request.pathTemplate())
                .idempotent(request.isIdempotent());
        if (body != null) {
            call.body(body, "application/json");
        }
        return call.build();
    }

    private byte[] encode(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body cannot be written as JSON: "
                    + body.getClass().getName() + " (" + e.getOriginalMessage() + ")");
        }
    }

    /**
     * The request of one attempt.
     *
     * @param call the call
     * @param token the bearer token, or null (the call's fixed Authorization, if any, is sent instead)
     * @param timeout the attempt's timeout
     * @return the request
     * @throws AuraException when a header value is invalid (its message never quotes the value)
     */
    HttpRequest build(Call call, AccessToken token, Duration timeout) {
        try {
            return newRequest(call, token, timeout);
        } catch (IllegalArgumentException e) {
            // the JDK quotes the offending header value, which may be a token: never pass its message on
            throw new AuraException(
                    call + ": the request cannot be built (a header value, such as the access token, is invalid)");
        }
    }

    private HttpRequest newRequest(Call call, AccessToken token, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(call.uri())
                .timeout(timeout)
                .header("User-Agent", userAgent)
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token.value());
        } else if (call.fixedAuthorization() != null) {
            b.header("Authorization", call.fixedAuthorization());
        }
        if (call.body() != null) {
            b.header("Content-Type", call.contentType());
            b.method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.body()));
        } else if (!"GET".equals(call.method()) && !"DELETE".equals(call.method())) {
            // Aura answers 415 to a POST/PATCH without Content-Type, even when it has no body (cancel, pause)
            b.header("Content-Type", "application/json");
            b.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            b.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        return b.build();
    }
}
