package dev.aurasdk.core.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A tenant (the v1 name of a console project), as listed by {@code GET /v1/tenants}. */
@Value.Immutable
@JsonSerialize(as = TenantSummary.class)
@JsonDeserialize(as = TenantSummary.class)
abstract class AbstractTenantSummary {
    /** The tenant id (equal to the console project id). */
    public abstract String id();

    /** The tenant name. */
    public abstract String name();
}
