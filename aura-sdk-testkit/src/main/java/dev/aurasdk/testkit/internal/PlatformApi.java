package dev.aurasdk.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aurasdk.testkit.FakeInstance;

/** Tenants (v1, v1beta5), organizations and projects (v2beta1), instances (v1, v1beta5): read-only. */
final class PlatformApi {
    private final World world;

    PlatformApi(World world) {
        this.world = world;
    }

    /** Registers the read-only platform routes. */
    void register(Router router) {
        for (String v : new String[] {"/v1", "/v1beta5"}) {
            router.get(v + "/tenants", this::listTenants)
                    .get(v + "/tenants/{tenantId}", this::getTenant)
                    .get(v + "/instances", this::listInstances)
                    .get(v + "/instances/{instanceId}", this::getInstance);
        }
        router.get("/v2beta1/organizations", this::listOrganizations)
                .get("/v2beta1/organizations/{organizationId}", this::getOrganization)
                .get("/v2beta1/organizations/{organizationId}/projects", this::listProjects);
    }

    private Reply listTenants(FakeCall call) {
        ArrayNode list = FakeJson.array();
        for (World.Project p : world.allProjects()) {
            list.add(FakeJson.object().put("id", p.id).put("name", p.name));
        }
        return Reply.data(200, list);
    }

    private Reply getTenant(FakeCall call) {
        return world.project(call.param("tenantId"))
                .map(p -> {
                    ObjectNode t = FakeJson.object().put("id", p.id).put("name", p.name);
                    ArrayNode configs = t.putArray("instance_configurations");
                    World.instanceConfigurations().forEach(configs::add);
                    return Reply.data(200, t);
                })
                .orElseGet(() -> Reply.error(404, "The tenant you specified could not be found", "tenant-not-found"));
    }

    private Reply listInstances(FakeCall call) {
        String tenantId = call.queryParam("tenantId");
        ArrayNode list = FakeJson.array();
        for (FakeInstance i : world.instances.values()) {
            if (tenantId == null || tenantId.equals(i.tenantId())) {
                list.add(FakeJson.object()
                        .put("id", i.id())
                        .put("name", i.name())
                        .put("tenant_id", i.tenantId())
                        .put("cloud_provider", i.cloudProvider())
                        .put("created_at", i.createdAt().toString()));
            }
        }
        return Reply.data(200, list);
    }

    private Reply getInstance(FakeCall call) {
        String id = call.param("instanceId");
        FakeInstance i = world.instances.get(id);
        if (i == null) {
            return Replies.instanceNotFound(id);
        }
        return Reply.data(200, instanceJson(i));
    }

    static ObjectNode instanceJson(FakeInstance i) {
        ObjectNode o = FakeJson.object()
                .put("id", i.id())
                .put("name", i.name())
                .put("status", i.status())
                .put("tenant_id", i.tenantId())
                .put("cloud_provider", i.cloudProvider());
        if (i.hasConnectionUrl()) {
            o.put("connection_url", i.connectionUrl());
        }
        o.put("region", i.region()).put("type", i.type()).put("memory", i.memory());
        i.storage().ifPresent(s -> o.put("storage", s));
        o.put("created_at", i.createdAt().toString());
        if ("free-db".equals(i.type())) {
            o.put("graph_nodes", "0");
            o.put("graph_relationships", "0");
        }
        return o;
    }

    private Reply listOrganizations(FakeCall call) {
        ArrayNode list = FakeJson.array();
        world.organizations
                .values()
                .forEach(o -> list.add(FakeJson.object().put("id", o.id).put("name", o.name)));
        return Reply.data(200, list);
    }

    private Reply getOrganization(FakeCall call) {
        World.Organization org = world.organizations.get(call.param("organizationId"));
        if (org == null) {
            return organizationNotFound(call.param("organizationId"));
        }
        return Reply.data(200, FakeJson.object().put("id", org.id).put("name", org.name));
    }

    private Reply listProjects(FakeCall call) {
        World.Organization org = world.organizations.get(call.param("organizationId"));
        if (org == null) {
            return organizationNotFound(call.param("organizationId"));
        }
        ArrayNode list = FakeJson.array();
        org.projects
                .values()
                .forEach(p -> list.add(FakeJson.object().put("id", p.id).put("name", p.name)));
        return Reply.data(200, list);
    }

    static Reply organizationNotFound(String id) {
        return Reply.error(404, "Organization not found: " + id, "organization-not-found");
    }
}
