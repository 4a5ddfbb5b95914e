package dev.aurasdk.imports;

import dev.aurasdk.core.spi.EnvLookup;
import dev.aurasdk.core.spi.Ids;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The Aura organization and project that import jobs belong to. Both ids are always given
 * explicitly (or read from the environment): the SDK never guesses them, because a guessed default
 * could silently route an import to the wrong project.
 *
 * <pre>{@code
 * ProjectRef project = ProjectRef.of("b8f4b7b2-…", "f607bebe-…");
 * ProjectRef fromEnv = ProjectRef.fromEnvironment();   // AURA_ORGANIZATION_ID, AURA_PROJECT_ID
 * }</pre>
 */
public final class ProjectRef {
    /** Environment variable holding the organization id. */
    public static final String ENV_ORGANIZATION_ID = "AURA_ORGANIZATION_ID";
    /** Environment variable holding the project id. */
    public static final String ENV_PROJECT_ID = "AURA_PROJECT_ID";
    /** System property holding the organization id (used when the environment variable is absent). */
    public static final String PROP_ORGANIZATION_ID = "aura.organizationId";
    /** System property holding the project id (used when the environment variable is absent). */
    public static final String PROP_PROJECT_ID = "aura.projectId";

    private final String organizationId;
    private final String projectId;

    private ProjectRef(String organizationId, String projectId) {
        this.organizationId = organizationId;
        this.projectId = projectId;
    }

    /**
     * A project by its ids (find them in the Aura console: organization settings and project
     * settings). A v1 "tenant" id is the project id.
     *
     * @param organizationId the organization id
     * @param projectId the project id
     * @return the reference
     * @throws NullPointerException when an id is null
     * @throws IllegalArgumentException when an id is blank or malformed
     */
    public static ProjectRef of(String organizationId, String projectId) {
        return new ProjectRef(Ids.require("organizationId", organizationId), Ids.require("projectId", projectId));
    }

    /**
     * The project named by {@code AURA_ORGANIZATION_ID} and {@code AURA_PROJECT_ID}, falling back to
     * the system properties {@code aura.organizationId} and {@code aura.projectId}.
     *
     * @return the reference
     * @throws IllegalStateException naming the missing variable
     * @throws IllegalArgumentException when a value is malformed
     */
    public static ProjectRef fromEnvironment() {
        return fromEnvironment(System.getenv(), System.getProperties());
    }

    /**
     * As {@link #fromEnvironment()}, from the given maps (for tests and custom sources).
     *
     * @param env environment variables
     * @param properties system properties
     * @return the reference
     * @throws IllegalStateException naming the missing variable
     * @throws IllegalArgumentException when a value is malformed
     */
    public static ProjectRef fromEnvironment(Map<String, String> env, Properties properties) {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(properties, "properties");
        return of(
                lookup(env, properties, ENV_ORGANIZATION_ID, PROP_ORGANIZATION_ID),
                lookup(env, properties, ENV_PROJECT_ID, PROP_PROJECT_ID));
    }

    private static String lookup(Map<String, String> env, Properties props, String var, String prop) {
        return EnvLookup.require(env, props, var, prop, "Aura project", "; the SDK never guesses it")
                .strip();
    }

    /** The organization id. @return the id */
    public String organizationId() {
        return organizationId;
    }

    /** The project id (the v1 tenant id). @return the id */
    public String projectId() {
        return projectId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProjectRef
                && ((ProjectRef) o).organizationId.equals(organizationId)
                && ((ProjectRef) o).projectId.equals(projectId);
    }

    @Override
    public int hashCode() {
        return 31 * organizationId.hashCode() + projectId.hashCode();
    }

    @Override
    public String toString() {
        return "ProjectRef{organizationId=" + organizationId + ", projectId=" + projectId + "}";
    }
}
