package dev.aurasdk.core.http;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** One attempt of one call, as reported to a {@link RequestListener}. Carries no secrets. */
@Value.Immutable
abstract class AbstractRequestEvent {
    /** HTTP method. */
    public abstract String method();

    /** The path, such as {@code /v1/instances/abc123}. */
    public abstract String path();

    /** The path with ids as placeholders, such as {@code /v1/instances/{instanceId}} (good metric tag). */
    public abstract String pathTemplate();

    /** 1-based attempt number. */
    public abstract int attempt();

    /** The response status, once known. */
    public abstract OptionalInt statusCode();

    /** Time the attempt took, once known. */
    public abstract Optional<Duration> elapsed();

    /** The response's {@code X-Request-Id}, once known. */
    public abstract Optional<String> requestId();

    /** The failure's class name when the attempt failed without a response. */
    public abstract Optional<String> failure();
}
