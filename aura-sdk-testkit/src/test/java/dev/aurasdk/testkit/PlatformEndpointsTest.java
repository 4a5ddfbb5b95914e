package dev.aurasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PlatformEndpointsTest {
    @RegisterExtension
    final FakeAuraExtension aura = new FakeAuraExtension();

    private static List<String> ids(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get("id").asText()));
        return out;
    }

    @Test
    void listsSeededTenantsUnderV1AndV1beta5(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);
        for (String version : List.of("v1", "v1beta5")) {
            RawFakeClient.Response r = client.get("/" + version + "/tenants");
            assertThat(r.status()).isEqualTo(200);
            assertThat(ids(r.data())).containsExactly(DemoWorld.PROJECT_ID, DemoWorld.STAGING_PROJECT_ID);
        }
    }

    @Test
    void getsTenantWithInstanceConfigurations(FakeAuraServer server) {
        JsonNode tenant = new RawFakeClient(server)
                .get("/v1/tenants/" + DemoWorld.PROJECT_ID)
                .data();

        assertThat(tenant.get("name").asText()).isEqualTo("Production");
        assertThat(tenant.get("instance_configurations")).isNotEmpty();
        assertThat(tenant.get("instance_configurations")
                        .get(0)
                        .get("region_name")
                        .asText())
                .isNotBlank();
    }

    @Test
    void unknownTenantIs404WithTenantNotFoundReason(FakeAuraServer server) {
        RawFakeClient.Response r = new RawFakeClient(server).get("/v1/tenants/nope");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("errors").get(0).get("reason").asText()).isEqualTo("tenant-not-found");
    }

    @Test
    void listsOrganizationsAndTheirProjects(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);

        assertThat(ids(client.get("/v2beta1/organizations").data())).containsExactly(DemoWorld.ORGANIZATION_ID);
        assertThat(client.get("/v2beta1/organizations/" + DemoWorld.ORGANIZATION_ID)
                        .data()
                        .get("name")
                        .asText())
                .isEqualTo(DemoWorld.ORGANIZATION_NAME);
        assertThat(ids(client.get("/v2beta1/organizations/" + DemoWorld.ORGANIZATION_ID + "/projects")
                        .data()))
                .containsExactly(DemoWorld.PROJECT_ID, DemoWorld.STAGING_PROJECT_ID);
        assertThat(client.get("/v2beta1/organizations/nope").status()).isEqualTo(404);
    }

    @Test
    void listsInstancesFilteredByTenantId(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);

        assertThat(ids(client.get("/v1/instances").data()))
                .containsExactly(DemoWorld.INSTANCE_ID, DemoWorld.FREE_INSTANCE_ID, DemoWorld.STAGING_INSTANCE_ID);
        JsonNode staging = client.get("/v1/instances?tenantId=" + DemoWorld.STAGING_PROJECT_ID)
                .data();
        assertThat(ids(staging)).containsExactly(DemoWorld.STAGING_INSTANCE_ID);
        assertThat(staging.get(0).get("tenant_id").asText()).isEqualTo(DemoWorld.STAGING_PROJECT_ID);
    }

    @Test
    void getsInstanceDetails(FakeAuraServer server) {
        JsonNode i = new RawFakeClient(server)
                .get("/v1beta5/instances/" + DemoWorld.INSTANCE_ID)
                .data();

        assertThat(i.get("status").asText()).isEqualTo("running");
        assertThat(i.get("type").asText()).isEqualTo("enterprise-db");
        assertThat(i.get("connection_url").asText()).isEqualTo("neo4j+s://2f49c2b3.databases.neo4j.io");
    }

    @Test
    void unknownInstanceIs404DbNotFound(FakeAuraServer server) {
        RawFakeClient.Response r = new RawFakeClient(server).get("/v1/instances/deadbeef");

        assertThat(r.status()).isEqualTo(404);
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("reason").asText()).isEqualTo("db-not-found");
        assertThat(error.get("message").asText()).isEqualTo("DB not found: deadbeef");
    }

    @Test
    void seedsCustomWorld() {
        try (FakeAuraServer server =
                FakeAuraServer.builder().demoData(false).build().start()) {
            server.seed()
                    .organization("o1", "Org")
                    .project("o1", "p1", "Proj")
                    .instance(FakeInstance.of("abcd1234", "p1")
                            .name("db")
                            .type("free-db")
                            .status("paused"));
            RawFakeClient client = new RawFakeClient(server);

            JsonNode i = client.get("/v1/instances/abcd1234").data();
            assertThat(i.get("status").asText()).isEqualTo("paused");
            assertThat(i.get("memory").asText()).isEqualTo("1GB");
            assertThat(i.has("storage")).isFalse();
            assertThat(ids(client.get("/v1/tenants").data())).containsExactly("p1");
        }
    }

    @Test
    void postWithBodyButWithoutJsonContentTypeIs415(FakeAuraServer server) {
        RawFakeClient.Response r = new RawFakeClient(server)
                .send(
                        "POST",
                        "/v1beta5/instances/" + DemoWorld.INSTANCE_ID + "/data-apis/graphql",
                        "{}",
                        Map.of("Content-Type", "text/plain"));

        assertThat(r.status()).isEqualTo(415);
        assertThat(r.json().get("errors").get(0).get("reason").asText()).isEqualTo("unsupported-media-type");
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);

        assertThat(client.get("/v1/nothing").status()).isEqualTo(404);
        assertThat(client.get("/v2/organizations").status()).isEqualTo(404);
        assertThat(client.delete("/v1/tenants").status()).isEqualTo(405);
        assertThat(client.get("/v1/instances/" + DemoWorld.INSTANCE_ID + "/data-apis/graphql")
                        .status())
                .as("Data APIs exist only under v1beta5")
                .isEqualTo(404);
    }
}
