package dev.aurasdk.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aurasdk.testkit.FakeImportModel;
import dev.aurasdk.testkit.FakeInstance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the fake knows: seeded data and the resources clients created. Guarded by its own monitor. */
public final class World {
    /** An organization (v2beta1). */
    public static final class Organization {
        final String id;
        final String name;
        final Map<String, Project> projects = new LinkedHashMap<>();

        Organization(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    /** A project (v2beta1), which v1 calls a tenant. */
    public static final class Project {
        final String id;
        final String name;
        final String organizationId;

        Project(String id, String name, String organizationId) {
            this.id = id;
            this.name = name;
            this.organizationId = organizationId;
        }
    }

    final Map<String, Organization> organizations = new LinkedHashMap<>();
    final Map<String, FakeInstance> instances = new LinkedHashMap<>();
    final Map<String, FakeImportModel> importModels = new LinkedHashMap<>();
    final Map<String, ImportJob> importJobs = new LinkedHashMap<>();
    final Map<String, DataApi> dataApis = new LinkedHashMap<>();

    /** Adds or replaces an organization (keeping its projects when replaced). */
    public synchronized void putOrganization(String id, String name) {
        Organization old = organizations.get(id);
        Organization org = new Organization(id, name);
        if (old != null) {
            org.projects.putAll(old.projects);
        }
        organizations.put(id, org);
    }

    /** Adds or replaces a project of an existing organization. */
    public synchronized void putProject(String organizationId, String projectId, String name) {
        Organization org = organizations.get(organizationId);
        if (org == null) {
            throw new IllegalArgumentException("Unknown organization " + organizationId + ": seed it first");
        }
        for (Organization other : organizations.values()) {
            if (other != org && other.projects.containsKey(projectId)) {
                throw new IllegalArgumentException("Project " + projectId + " already belongs to " + other.id);
            }
        }
        org.projects.put(projectId, new Project(projectId, name, organizationId));
    }

    /** Adds or replaces an instance of an existing project. */
    public synchronized void putInstance(FakeInstance instance) {
        if (project(instance.tenantId()).isEmpty()) {
            throw new IllegalArgumentException("Unknown tenant (project) " + instance.tenantId() + ": seed it first");
        }
        instances.put(instance.id(), instance);
    }

    /** Adds or replaces an import model. */
    public synchronized void putImportModel(FakeImportModel model) {
        importModels.put(model.id(), model);
    }

    /** Forgets everything. */
    public synchronized void clear() {
        organizations.clear();
        instances.clear();
        importModels.clear();
        importJobs.clear();
        dataApis.clear();
    }

    synchronized Optional<Project> project(String id) {
        for (Organization org : organizations.values()) {
            Project p = org.projects.get(id);
            if (p != null) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    synchronized List<Project> allProjects() {
        List<Project> all = new ArrayList<>();
        organizations.values().forEach(o -> all.addAll(o.projects.values()));
        return all;
    }

    /** The seeded instance configurations reported for every tenant. */
    static List<ObjectNode> instanceConfigurations() {
        List<ObjectNode> out = new ArrayList<>();
        out.add(config("europe-west1", "Belgium (europe-west1)", "enterprise-db", "4GB", "gcp"));
        out.add(config("europe-west1", "Belgium (europe-west1)", "enterprise-db", "8GB", "gcp"));
        out.add(config("us-east-1", "US East (N. Virginia)", "professional-db", "2GB", "aws"));
        out.add(config("europe-west1", "Belgium (europe-west1)", "free-db", "1GB", "gcp"));
        return out;
    }

    private static ObjectNode config(String region, String regionName, String type, String memory, String cloud) {
        ObjectNode c = FakeJson.object();
        c.put("region", region);
        c.put("region_name", regionName);
        c.put("type", type);
        c.put("memory", memory);
        c.put("version", "5");
        c.put("cloud_provider", cloud);
        return c;
    }

    /** An import job and its progress. */
    static final class ImportJob {
        final String id;
        final String organizationId;
        final String projectId;
        final FakeImportModel model;
        final String dbId;
        final Instant submittedAt;
        final Progress progress;
        String importType = "cloud";
        String userId;
        Instant startTime;
        Instant completionTime;
        Instant cancellationRequestedAt;
        long cancelledAtStep = -1;
        /** Set when the linked database failed to take the job's data: the job then reports Failure. */
        String linkFailure;

        long lastSteps = -1;
        Instant lastUpdate;

        ImportJob(String id, String organizationId, String projectId, FakeImportModel model, String dbId, Instant now) {
            this.id = id;
            this.organizationId = organizationId;
            this.projectId = projectId;
            this.model = model;
            this.dbId = dbId;
            this.submittedAt = now;
            this.progress = new Progress(now);
            this.lastUpdate = now;
        }
    }

    /** Ticks passed since a phase started: clock ticks plus the steps added by polls in AUTO mode. */
    static final class Progress {
        Instant phaseStart;
        long bonusSteps;

        Progress(Instant start) {
            this.phaseStart = start;
        }

        long steps(Instant now, long tickMillis) {
            long elapsed = Math.max(0, now.toEpochMilli() - phaseStart.toEpochMilli());
            return bonusSteps + (tickMillis <= 0 ? 0 : elapsed / tickMillis);
        }

        void restart(Instant now) {
            phaseStart = now;
            bonusSteps = 0;
        }
    }

    /** A GraphQL Data API. */
    static final class DataApi {
        final String id;
        final String instanceId;
        String name;
        String typeDefinitions;
        String username;
        String password;
        boolean subgraph;
        List<String> allowedOrigins = new ArrayList<>();
        final Map<String, AuthProvider> providers = new LinkedHashMap<>();
        /** ready, paused or error when no transition runs. */
        String settled = "ready";
        /** creating, updating, pausing, resuming, deleting, or null. */
        String transition;

        final Progress progress;
        boolean gone;

        DataApi(String id, String instanceId, Instant now) {
            this.id = id;
            this.instanceId = instanceId;
            this.progress = new Progress(now);
        }
    }

    /** An authentication provider of a Data API. */
    static final class AuthProvider {
        final String id;
        String name;
        final String type;
        boolean enabled;
        String url;
        final String key;

        AuthProvider(String id, String name, String type, boolean enabled, String url, String key) {
            this.id = id;
            this.name = name;
            this.type = type;
            this.enabled = enabled;
            this.url = url;
            this.key = key;
        }
    }
}
