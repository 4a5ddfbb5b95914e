package dev.aurasdk.core.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/** A tenant with the instance configurations it may create ({@code GET /v1/tenants/{id}}). */
@Value.Immutable
@JsonSerialize(as = Tenant.class)
@JsonDeserialize(as = Tenant.class)
abstract class AbstractTenant {
    /** The tenant id (equal to the console project id). */
    public abstract String id();

    /** The tenant name. */
    public abstract String name();

    /** Instance configurations available to this tenant. */
    public abstract List<InstanceConfiguration> instanceConfigurations();
}
