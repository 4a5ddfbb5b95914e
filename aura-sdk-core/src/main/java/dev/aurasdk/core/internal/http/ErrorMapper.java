package dev.aurasdk.core.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurasdk.core.AuraApiException;
import dev.aurasdk.core.AuraAuthenticationException;
import dev.aurasdk.core.AuraBadRequestException;
import dev.aurasdk.core.AuraConflictException;
import dev.aurasdk.core.AuraError;
import dev.aurasdk.core.AuraException;
import dev.aurasdk.core.AuraNotFoundException;
import dev.aurasdk.core.AuraPermissionDeniedException;
import dev.aurasdk.core.AuraRateLimitedException;
import dev.aurasdk.core.AuraServerException;
import dev.aurasdk.core.AuraTimeoutException;
import dev.aurasdk.core.AuraTransportException;
import dev.aurasdk.core.ErrorDetails;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Turns what went wrong into the SDK's typed exceptions: an HTTP status (with Aura's errors, the
 * {@code X-Request-Id} and {@code Retry-After}), a network failure, a missed deadline. Messages never
 * quote request headers or bodies. Not API.
 */
final class ErrorMapper {
    private final ObjectMapper mapper;
    private final Duration callTimeout;

    ErrorMapper(ObjectMapper mapper, Duration callTimeout) {
        this.mapper = mapper;
        this.callTimeout = callTimeout;
    }

    /**
     * The exception for a non-2xx answer.
     *
     * @param call the call
     * @param response the answer
     * @param attempts requests sent for the call so far
     * @param retryAfter the parsed {@code Retry-After}
     * @return the typed exception
     */
    AuraApiException toException(
            Call call, HttpResponse<byte[]> response, int attempts, Optional<Duration> retryAfter) {
        byte[] body = response.body();
        List<AuraError> errors = ErrorBodies.parse(mapper, body);
        int status = response.statusCode();
        ErrorDetails details = ErrorDetails.builder()
                .method(call.method())
                .path(call.path())
                .statusCode(status)
                .errors(errors)
                .requestId(response.headers().firstValue("X-Request-Id"))
                .retryAfter(retryAfter)
                .fallbackDescription(
                        errors.isEmpty()
                                ? Optional.of(ErrorBodies.describeUnstructured(
                                        mapper,
                                        status,
                                        response.headers()
                                                .firstValue("Content-Type")
                                                .orElse(null),
                                        body))
                                : Optional.empty())
                .attempts(attempts)
                .build();
        if (call.tokenEndpoint() && (status == 400 || status == 401 || status == 403)) {
            return new AuraAuthenticationException(details);
        }
        switch (status) {
            case 400:
            case 405:
            case 415:
            case 422:
                return new AuraBadRequestException(details);
            case 401:
                return new AuraAuthenticationException(details);
            case 403:
                return new AuraPermissionDeniedException(details);
            case 404:
                return new AuraNotFoundException(details);
            case 409:
                return new AuraConflictException(details);
            case 429:
                return new AuraRateLimitedException(details);
            default:
                return status >= 500 ? new AuraServerException(details) : new AuraApiException(details);
        }
    }

    /**
     * The exception for a network failure: a timeout waiting for the answer, or a transport failure.
     *
     * @param call the call
     * @param e the failure
     * @param attempt requests sent so far
     * @param notSent whether the request never reached the server
     * @param attemptTimeout the attempt's timeout
     * @return the exception
     */
    AuraException transportFailure(Call call, IOException e, int attempt, boolean notSent, Duration attemptTimeout) {
        String what = call.toString();
        String suffix = " (attempt " + attempt + ")"
                + (!notSent && !call.idempotent()
                        ? "; not resent: the " + call.method() + " may have reached the server, check before retrying"
                        : "");
        if (e instanceof HttpTimeoutException && !(e instanceof HttpConnectTimeoutException)) {
            return new AuraTimeoutException(
                    what + ": no response within " + attemptTimeout.toMillis() + " ms" + suffix, e);
        }
        String detail = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new AuraTransportException(what + " failed on the network: " + detail + suffix, e);
    }

    /**
     * The call's deadline passed, or a wait would end after it.
     *
     * @param call the call
     * @param attempts requests sent so far
     * @param last the last failure, or null
     * @return the exception, caused by {@code last}
     */
    AuraTimeoutException deadlineExceeded(Call call, int attempts, AuraException last) {
        String msg = call + ": call deadline of "
                + callTimeout.toSeconds()
                + " s exceeded after " + attempts + " attempt(s)"
                + (last != null ? "; last failure: " + last.getMessage() : "");
        return last != null ? new AuraTimeoutException(msg, last) : new AuraTimeoutException(msg);
    }

    /**
     * Whether a network failure happened before the request could reach the server (so that even a
     * POST may be resent).
     *
     * @param e the failure
     * @return true for connect failures and unknown hosts
     */
    static boolean neverReachedServer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException
                    || t instanceof ConnectException
                    || t instanceof UnresolvedAddressException
                    || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }
}
