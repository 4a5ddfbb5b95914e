package dev.aurasdk.core;

import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/** One check of a {@link HealthReport}. */
@Value.Immutable
abstract class AbstractHealthCheckResult {
    /** The check's name: {@code token}, {@code v1 (tenants)} or {@code v2beta1 (organizations)}. */
    public abstract String name();

    /** Whether the check passed. */
    public abstract boolean ok();

    /** How long the check took. */
    public abstract Duration latency();

    /** What was found, such as {@code 2 tenant(s)}. */
    public abstract Optional<String> detail();

    /** The failure's message when the check failed. */
    public abstract Optional<String> error();

    /** The failure's exception type when the check failed, such as {@code AuraAuthenticationException}. */
    public abstract Optional<String> errorType();
}
