package dev.aurasdk.core;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/** What a failed Aura response carried; the input of every {@link AuraApiException}. */
@Value.Immutable
abstract class AbstractErrorDetails {
    /** HTTP method of the call. */
    public abstract String method();

    /** Path of the call, without query string. */
    public abstract String path();

    /** HTTP status code. */
    public abstract int statusCode();

    /** Aura's errors, in the order given. */
    public abstract List<AuraError> errors();

    /** {@code X-Request-Id} of the response. */
    public abstract Optional<String> requestId();

    /** {@code Retry-After} of the response, already parsed. */
    public abstract Optional<Duration> retryAfter();

    /** A description used when the body had no Aura error (for example a proxy's HTML page). */
    public abstract Optional<String> fallbackDescription();

    /** Attempts made, including the failed one. */
    @Value.Default
    public int attempts() {
        return 1;
    }

    /**
     * What a failed call carried, to wrap it in a more specific exception: the exception's own details (with
     * {@code Retry-After} and the fallback description), or, when Java deserialisation dropped them, details
     * rebuilt from what the exception kept.
     *
     * @param failure the exception to wrap
     * @return its details
     */
    public static ErrorDetails of(AuraApiException failure) {
        return failure.details()
                .orElseGet(() -> ErrorDetails.builder()
                        .method(failure.method())
                        .path(failure.path())
                        .statusCode(failure.statusCode())
                        .errors(failure.errors())
                        .requestId(failure.requestId())
                        .attempts(failure.attempts())
                        .build());
    }

    /** The exception message: call, status, reason, message, request id. */
    public String toMessage() {
        StringBuilder sb = new StringBuilder();
        sb.append(method()).append(' ').append(path()).append(" failed: HTTP ").append(statusCode());
        String reasons = errors().stream()
                .map(AuraError::reason)
                .flatMap(Optional::stream)
                .distinct()
                .collect(Collectors.joining(", "));
        if (!reasons.isEmpty()) {
            sb.append(" (").append(reasons).append(')');
        }
        String messages = errors().stream()
                .map(e -> e.field().map(f -> f + ": ").orElse("") + e.message())
                .collect(Collectors.joining("; "));
        if (!messages.isEmpty()) {
            sb.append(' ').append(messages);
        } else {
            fallbackDescription().ifPresent(d -> sb.append(' ').append(d));
        }
        retryAfter()
                .ifPresent(d -> sb.append(" [retry after ").append(d.toMillis()).append(" ms]"));
        requestId().ifPresent(id -> sb.append(" [request id ").append(id).append(']'));
        if (attempts() > 1) {
            sb.append(" [after ").append(attempts()).append(" attempts]");
        }
        return sb.toString();
    }
}
