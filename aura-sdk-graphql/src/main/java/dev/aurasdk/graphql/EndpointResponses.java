package dev.aurasdk.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurasdk.core.spi.Futures;
import dev.aurasdk.graphql.internal.GraphQLJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a {@link GraphQLEndpoint}'s request got (an HTTP response or a failure) into a {@link GraphQLResponse}
 * or the exception to throw, with the credential redacted from every text that came from the server.
 */
final class EndpointResponses {
    private static final Logger LOG = LoggerFactory.getLogger("dev.aurasdk.graphql");
    private static final int MAX_SHOWN_ERRORS = 3;

    private final URI url;
    private final EndpointCredential credential;
    private final Duration timeout;

    EndpointResponses(URI url, EndpointCredential credential, Duration timeout) {
        this.url = url;
        this.credential = credential;
        this.timeout = timeout;
    }

    /** Ends an asynchronous request's attempt and completes its future with what it got. */
    void complete(
            CompletableFuture<GraphQLResponse> result,
            EndpointListeners.Attempt attempt,
            HttpResponse<byte[]> response,
            Throwable failure,
            long t0) {
        try {
            if (failure != null) {
                attempt.failed(failure);
                result.completeExceptionally(asyncFailure(failure));
            } else {
                attempt.answered(response);
                result.complete(toResponse(response, t0));
            }
        } catch (RuntimeException | Error e) {
            result.completeExceptionally(e);
        }
    }

    /** The exception an asynchronous request completes with when it got no response. */
    GraphQLEndpointException asyncFailure(Throwable failure) {
        Throwable cause = Futures.unwrap(failure);
        if (cause instanceof IOException) {
            return networkFailure((IOException) cause);
        }
        return new GraphQLEndpointException(
                "POST " + url + " failed: " + cause.getClass().getSimpleName(), url.toString(), -1, List.of(), cause);
    }

    /** The exception of an interrupted synchronous request. */
    GraphQLEndpointException interrupted(InterruptedException e) {
        return new GraphQLEndpointException("POST " + url + " interrupted", url.toString(), -1, List.of(), e);
    }

    GraphQLResponse toResponse(HttpResponse<byte[]> response, long t0) {
        int status = response.statusCode();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Optional<JsonNode> root = readJson(response.body());
        List<GraphQLError> errors = root.map(this::errors).orElse(List.of());
        boolean graphQLBody = root.map(r -> r.isObject() && (r.has("data") || r.has("errors")))
                .orElse(false);
        LOG.debug("POST {} -> {} in {} ms ({} GraphQL error(s))", url, status, ms, errors.size());
        if (status == 401 || status == 403) {
            throw new GraphQLUnauthorizedException(
                    "POST " + url + " was refused: HTTP " + status + ", the "
                            + credential.kind().description() + " was not accepted"
                            + summary(errors),
                    url.toString(),
                    status,
                    errors);
        }
        if (status >= 300 && status < 400) {
            throw new GraphQLEndpointException(
                    "POST " + url + " answered HTTP " + status + " (redirect to "
                            + response.headers()
                                    .firstValue("Location")
                                    .map(credential::redact)
                                    .orElse("?")
                            + "); redirects are not followed so that the credential is not sent elsewhere",
                    url.toString(),
                    status,
                    errors,
                    null);
        }
        if (!graphQLBody) {
            String type = response.headers().firstValue("Content-Type").orElse("no content type");
            throw new GraphQLEndpointException(
                    "POST " + url + " answered HTTP " + status + " without a GraphQL response body ("
                            + credential.redact(type) + ")",
                    url.toString(),
                    status,
                    errors,
                    null);
        }
        return new GraphQLResponse(status, root.get().get("data"), errors, url.toString());
    }

    private List<GraphQLError> errors(JsonNode root) {
        JsonNode list = root.path("errors");
        if (!list.isArray()) {
            return List.of();
        }
        List<GraphQLError> out = new ArrayList<>();
        for (JsonNode e : list) {
            GraphQLError.Builder b = GraphQLError.builder()
                    .message(credential.redact(
                            e.path("message").isTextual() ? e.get("message").textValue() : e.toString()));
            for (JsonNode p : e.path("path")) {
                b.addPath(p.isInt() ? (Object) p.intValue() : credential.redact(p.asText()));
            }
            JsonNode extensions = e.get("extensions");
            if (extensions != null && extensions.isObject()) {
                b.extensions(extensions.deepCopy());
                JsonNode code = extensions.get("code");
                if (code != null && code.isTextual()) {
                    b.code(code.textValue());
                }
            }
            out.add(b.build());
        }
        return out;
    }

    private static Optional<JsonNode> readJson(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(GraphQLJson.mapper().readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String summary(List<GraphQLError> errors) {
        if (errors.isEmpty()) {
            return "";
        }
        return ": "
                + errors.stream()
                        .limit(MAX_SHOWN_ERRORS)
                        .map(GraphQLError::message)
                        .collect(Collectors.joining("; ")) + (errors.size() > MAX_SHOWN_ERRORS ? "; …" : "");
    }

    GraphQLEndpointException networkFailure(IOException e) {
        String what = e instanceof HttpTimeoutException
                ? "no response within " + timeout.toSeconds() + " s"
                : "failed on the network: " + e.getClass().getSimpleName()
                        + (e.getMessage() != null ? " " + credential.redact(e.getMessage()) : "");
        return new GraphQLEndpointException("POST " + url + " " + what, url.toString(), -1, List.of(), e);
    }
}
