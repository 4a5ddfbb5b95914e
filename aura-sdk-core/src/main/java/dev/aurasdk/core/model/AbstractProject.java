package dev.aurasdk.core.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A project of an organization (v2beta1); its id is the v1 tenant id. */
@Value.Immutable
@JsonSerialize(as = Project.class)
@JsonDeserialize(as = Project.class)
abstract class AbstractProject {
    /** The project id (a UUID; the v1 tenant id). */
    public abstract String id();

    /** The project name. */
    public abstract String name();
}
