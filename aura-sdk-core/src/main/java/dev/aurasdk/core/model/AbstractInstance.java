package dev.aurasdk.core.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** An instance with its details ({@code GET /v1/instances/{id}}). Fields Aura sometimes omits are optional. */
@Value.Immutable
@JsonSerialize(as = Instance.class)
@JsonDeserialize(as = Instance.class)
abstract class AbstractInstance {
    /** The instance id. */
    public abstract String id();

    /** The instance name. */
    public abstract String name();

    /** Current status (open: unknown statuses are kept). */
    public abstract Optional<InstanceStatus> status();

    /** The tenant (project) id. */
    public abstract Optional<String> tenantId();

    /** Bolt URL such as {@code neo4j+s://abc123.databases.neo4j.io} (Aura omits it for some instances). */
    public abstract Optional<String> connectionUrl();

    /** Cloud provider. */
    public abstract Optional<String> cloudProvider();

    /** Region. */
    public abstract Optional<String> region();

    /** Instance type, such as {@code enterprise-db} or {@code free-db}. */
    public abstract Optional<String> type();

    /** Memory, such as {@code 8GB}. */
    public abstract Optional<String> memory();

    /** Storage, such as {@code 16GB} (absent for free instances). */
    public abstract Optional<String> storage();

    /** When the instance was created. */
    public abstract Optional<Instant> createdAt();

    /** Metrics integration endpoint, when enabled. */
    public abstract Optional<String> metricsIntegrationUrl();

    /** Node count (free instances only; a string on the wire). */
    public abstract Optional<String> graphNodes();

    /** Relationship count (free instances only; a string on the wire). */
    public abstract Optional<String> graphRelationships();

    /** Whether the instance is vector-optimized. */
    public abstract Optional<Boolean> vectorOptimized();

    /** Whether the Graph Analytics plugin is enabled. */
    public abstract Optional<Boolean> graphAnalyticsPlugin();

    /** Customer-managed encryption key id. */
    public abstract Optional<String> customerManagedKeyId();

    /** Whether the status is {@code running}. */
    public boolean isRunning() {
        return status().map(InstanceStatus.RUNNING::equals).orElse(false);
    }
}
