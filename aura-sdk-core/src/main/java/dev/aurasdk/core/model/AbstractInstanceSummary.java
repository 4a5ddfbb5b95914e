package dev.aurasdk.core.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** An instance as listed by {@code GET /v1/instances}. */
@Value.Immutable
@JsonSerialize(as = InstanceSummary.class)
@JsonDeserialize(as = InstanceSummary.class)
abstract class AbstractInstanceSummary {
    /** The instance id (8 hex characters). */
    public abstract String id();

    /** The instance name. */
    public abstract String name();

    /** The tenant (project) the instance belongs to. */
    public abstract Optional<String> tenantId();

    /** Cloud provider. */
    public abstract Optional<String> cloudProvider();

    /** When the instance was created. */
    public abstract Optional<Instant> createdAt();
}
