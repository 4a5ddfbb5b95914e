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

    Reply tenants(Call call) {
        if (call.size() > 3) {
            return Replies.noRoute(call);
        }
        if (!call.is("GET")) {
            return Replies.methodNotAllowed(call);
        }
        if (call.size() == 2) {
            ArrayNode list = Json.array();
            for (World.Project p : world.allProjects()) {
                list.add(Json.object().put("id", p.id).put("name", p.name));
            }
            return Reply.data(200, list);
        }
        return world.project(call.seg(2))
                .map(p -> {
                    ObjectNode t = Json.object().put("id", p.id).put("name", p.name);
                    ArrayNode configs = t.putArray("instance_configurations");
                    World.instanceConfigurations().forEach(configs::add);
                    return Reply.data(200, t);
                })
                .orElseGet(() -> Reply.error(404, "The tenant you specified could not be found", "tenant-not-found"));
    }

    Reply instances(Call call) {
        if (call.size() > 3) {
            return Replies.noRoute(call);
        }
        if (!call.is("GET")) {
            return Replies.methodNotAllowed(call);
        }
        if (call.size() == 2) {
            String tenantId = call.queryParam("tenantId");
            ArrayNode list = Json.array();
            for (FakeInstance i : world.instances.values()) {
                if (tenantId == null || tenantId.equals(i.tenantId())) {
                    list.add(Json.object()
                            .put("id", i.id())
                            .put("name", i.name())
                            .put("tenant_id", i.tenantId())
                            .put("cloud_provider", i.cloudProvider())
                            .put("created_at", i.createdAt().toString()));
                }
            }
            return Reply.data(200, list);
        }
        FakeInstance i = world.instances.get(call.seg(2));
        if (i == null) {
            return Replies.instanceNotFound(call.seg(2));
        }
        return Reply.data(200, instanceJson(i));
    }

    static ObjectNode instanceJson(FakeInstance i) {
        ObjectNode o = Json.object()
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

    Reply organizations(Call call) {
        if (call.size() > 4 || (call.size() == 4 && !call.seg(3).equals("projects"))) {
            return Replies.noRoute(call);
        }
        if (!call.is("GET")) {
            return Replies.methodNotAllowed(call);
        }
        if (call.size() == 2) {
            ArrayNode list = Json.array();
            world.organizations
                    .values()
                    .forEach(o -> list.add(Json.object().put("id", o.id).put("name", o.name)));
            return Reply.data(200, list);
        }
        World.Organization org = world.organizations.get(call.seg(2));
        if (org == null) {
            return organizationNotFound(call.seg(2));
        }
        if (call.size() == 3) {
            return Reply.data(200, Json.object().put("id", org.id).put("name", org.name));
        }
        ArrayNode list = Json.array();
        org.projects
                .values()
                .forEach(p -> list.add(Json.object().put("id", p.id).put("name", p.name)));
        return Reply.data(200, list);
    }

    static Reply organizationNotFound(String id) {
        return Reply.error(404, "Organization not found: " + id, "organization-not-found");
    }
}
