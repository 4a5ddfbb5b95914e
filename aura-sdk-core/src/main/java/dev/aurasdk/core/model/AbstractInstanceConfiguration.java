package dev.aurasdk.core.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** One instance configuration a tenant may create (region, type, memory, version, cloud). */
@Value.Immutable
@JsonSerialize(as = InstanceConfiguration.class)
@JsonDeserialize(as = InstanceConfiguration.class)
abstract class AbstractInstanceConfiguration {
    /** Region code, such as {@code europe-west1}. */
    public abstract Optional<String> region();

    /** Region display name. */
    public abstract Optional<String> regionName();

    /** Instance type, such as {@code enterprise-db}. */
    public abstract Optional<String> type();

    /** Memory, such as {@code 8GB}. */
    public abstract Optional<String> memory();

    /** Neo4j version, such as {@code 5}. */
    public abstract Optional<String> version();

    /** Cloud provider: {@code gcp}, {@code aws} or {@code azure}. */
    public abstract Optional<String> cloudProvider();
}
