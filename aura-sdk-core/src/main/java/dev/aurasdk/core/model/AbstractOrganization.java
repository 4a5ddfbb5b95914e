package dev.aurasdk.core.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** An Aura organization (v2beta1). */
@Value.Immutable
@JsonSerialize(as = Organization.class)
@JsonDeserialize(as = Organization.class)
abstract class AbstractOrganization {
    /** The organization id (a UUID). */
    public abstract String id();

    /** The organization name. */
    public abstract String name();
}
