package dev.aurasdk.testkit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An Aura database instance to seed into the fake (see {@link Seeder#instance(FakeInstance)}).
 *
 * <p>A small fluent description; the fake copies it when seeded, so later changes to this object have no effect.
 * Defaults: an {@code enterprise-db} on {@code gcp} in {@code europe-west1}, 8GB memory, 16GB storage, status
 * {@code running}.
 */
public final class FakeInstance {
    private final String id;
    private final String tenantId;
    private String name;
    private String type = "enterprise-db";
    private String status = "running";
    private String cloudProvider = "gcp";
    private String region = "europe-west1";
    private String memory = "8GB";
    private String storage = "16GB";
    private Instant createdAt = Instant.parse("2025-01-15T09:30:00Z");
    private LinkedDatabase linkedDatabase;
    private boolean connectionUrlOmitted;

    private FakeInstance(String id, String tenantId) {
        this.id = requireText(id, "id");
        this.tenantId = requireText(tenantId, "tenantId");
        this.name = "instance-" + id;
    }

    /**
     * Starts describing an instance.
     *
     * @param id the instance id (Aura uses 8 hex digits, e.g. {@code 2f49c2b3})
     * @param tenantId the tenant (= project) that owns it; must be seeded
     * @return a description with defaults
     */
    public static FakeInstance of(String id, String tenantId) {
        return new FakeInstance(id, tenantId);
    }

    /**
     * Sets the display name.
     *
     * @param value the name
     * @return this
     */
    public FakeInstance name(String value) {
        this.name = requireText(value, "name");
        return this;
    }

    /**
     * Sets the instance type, e.g. {@code enterprise-db}, {@code professional-db} or {@code free-db}. A
     * {@code free-db} gets 1GB memory and no storage unless set afterwards, and refuses GraphQL Data APIs.
     *
     * @param value the wire value
     * @return this
     */
    public FakeInstance type(String value) {
        this.type = requireText(value, "type");
        if ("free-db".equals(value)) {
            this.memory = "1GB";
            this.storage = null;
        }
        return this;
    }

    /**
     * Sets the status, e.g. {@code running} or {@code paused}.
     *
     * @param value the wire value
     * @return this
     */
    public FakeInstance status(String value) {
        this.status = requireText(value, "status");
        return this;
    }

    /**
     * Sets the cloud provider ({@code gcp}, {@code aws} or {@code azure}).
     *
     * @param value the wire value
     * @return this
     */
    public FakeInstance cloudProvider(String value) {
        this.cloudProvider = requireText(value, "cloudProvider");
        return this;
    }

    /**
     * Sets the region, e.g. {@code europe-west1}.
     *
     * @param value the region
     * @return this
     */
    public FakeInstance region(String value) {
        this.region = requireText(value, "region");
        return this;
    }

    /**
     * Sets the memory, e.g. {@code 8GB}.
     *
     * @param value the memory
     * @return this
     */
    public FakeInstance memory(String value) {
        this.memory = requireText(value, "memory");
        return this;
    }

    /**
     * Sets the storage, e.g. {@code 16GB}; null for none.
     *
     * @param value the storage or null
     * @return this
     */
    public FakeInstance storage(String value) {
        this.storage = value;
        return this;
    }

    /**
     * Sets the creation time.
     *
     * @param value the instant
     * @return this
     */
    public FakeInstance createdAt(Instant value) {
        this.createdAt = Objects.requireNonNull(value, "createdAt");
        return this;
    }

    /**
     * Links the instance to a real database: its {@code connection_url} becomes the database's, and import jobs
     * that complete on it write their nodes and relationships there (see {@link LinkedDatabase}).
     *
     * @param database the database
     * @return this
     */
    public FakeInstance linkedTo(LinkedDatabase database) {
        this.linkedDatabase = Objects.requireNonNull(database, "database");
        return this;
    }

    /**
     * Makes the fake omit {@code connection_url} from this instance, as Aura does for some instances (such as
     * paused ones). This departs from the documented schema: do not combine it with the contract check.
     *
     * @return this
     */
    public FakeInstance withoutConnectionUrl() {
        this.connectionUrlOmitted = true;
        return this;
    }

    /**
     * The linked database, if any.
     *
     * @return the database
     */
    public Optional<LinkedDatabase> linkedDatabase() {
        return Optional.ofNullable(linkedDatabase);
    }

    /**
     * Whether the fake reports a {@code connection_url} for this instance.
     *
     * @return false after {@link #withoutConnectionUrl()}
     */
    public boolean hasConnectionUrl() {
        return !connectionUrlOmitted;
    }

    /**
     * The id.
     *
     * @return the instance id
     */
    public String id() {
        return id;
    }

    /**
     * The owning tenant (project).
     *
     * @return the tenant id
     */
    public String tenantId() {
        return tenantId;
    }

    /**
     * The name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The type.
     *
     * @return the wire type
     */
    public String type() {
        return type;
    }

    /**
     * The status.
     *
     * @return the wire status
     */
    public String status() {
        return status;
    }

    /**
     * The cloud provider.
     *
     * @return the wire value
     */
    public String cloudProvider() {
        return cloudProvider;
    }

    /**
     * The region.
     *
     * @return the region
     */
    public String region() {
        return region;
    }

    /**
     * The memory.
     *
     * @return the memory
     */
    public String memory() {
        return memory;
    }

    /**
     * The storage, if any.
     *
     * @return the storage
     */
    public Optional<String> storage() {
        return Optional.ofNullable(storage);
    }

    /**
     * The creation time.
     *
     * @return the instant
     */
    public Instant createdAt() {
        return createdAt;
    }

    /**
     * The connection URL Aura would give it (the linked database's, when linked).
     *
     * @return {@code neo4j+s://<id>.databases.neo4j.io}, or the linked database's URL
     */
    public String connectionUrl() {
        return linkedDatabase != null ? linkedDatabase.connectionUrl() : "neo4j+s://" + id + ".databases.neo4j.io";
    }

    FakeInstance copy() {
        FakeInstance c = new FakeInstance(id, tenantId);
        c.name = name;
        c.type = type;
        c.status = status;
        c.cloudProvider = cloudProvider;
        c.region = region;
        c.memory = memory;
        c.storage = storage;
        c.createdAt = createdAt;
        c.linkedDatabase = linkedDatabase;
        c.connectionUrlOmitted = connectionUrlOmitted;
        return c;
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    /**
     * Describes the instance.
     *
     * @return id, name, type and status
     */
    @Override
    public String toString() {
        return "FakeInstance[" + id + " '" + name + "' " + type + " " + status + ", tenant " + tenantId
                + (linkedDatabase != null ? ", linked to " + linkedDatabase.connectionUrl() : "") + "]";
    }
}
