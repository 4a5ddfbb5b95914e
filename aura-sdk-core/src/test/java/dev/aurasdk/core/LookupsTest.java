package dev.aurasdk.core;

import static dev.aurasdk.core.testing.ScriptedAura.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aurasdk.core.model.Instance;
import dev.aurasdk.core.model.InstanceStatus;
import dev.aurasdk.core.model.InstanceSummary;
import dev.aurasdk.core.model.Project;
import dev.aurasdk.core.model.Tenant;
import dev.aurasdk.core.testing.ScriptedAura;
import java.time.Instant;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LookupsTest {
    private static final String ORG = "a1b2c3d4-0000-4000-8000-000000000001";
    private static final String PROJECT = "a1b2c3d4-0000-4000-8000-000000000002";

    private final ScriptedAura aura = new ScriptedAura();

    @AfterEach
    void close() {
        aura.close();
    }

    private RecordedRequest onlyRequest() {
        assertThat(aura.apiRequests).hasSize(1);
        return aura.apiRequests.get(0);
    }

    @Test
    void listsTenants() {
        aura.enqueue(data("[{\"id\":\"" + PROJECT + "\",\"name\":\"Production\"}]"));
        try (AuraClient client = aura.client()) {
            assertThat(client.tenants().list()).singleElement().satisfies(t -> {
                assertThat(t.id()).isEqualTo(PROJECT);
                assertThat(t.name()).isEqualTo("Production");
            });
        }
        assertThat(onlyRequest().getTarget()).isEqualTo("/v1/tenants");
    }

    @Test
    void getsTenantWithInstanceConfigurations() {
        aura.enqueue(data("{\"id\":\"" + PROJECT + "\",\"name\":\"Production\",\"instance_configurations\":["
                + "{\"region\":\"europe-west1\",\"region_name\":\"Belgium\",\"type\":\"enterprise-db\","
                + "\"memory\":\"8GB\",\"version\":\"5\",\"cloud_provider\":\"gcp\",\"storage\":\"16GB\"}]}"));
        try (AuraClient client = aura.client()) {
            Tenant t = client.tenants().get(PROJECT);
            assertThat(t.instanceConfigurations()).singleElement().satisfies(c -> {
                assertThat(c.regionName()).contains("Belgium");
                assertThat(c.cloudProvider()).contains("gcp");
                assertThat(c.memory()).contains("8GB");
            });
        }
        assertThat(onlyRequest().getTarget()).isEqualTo("/v1/tenants/" + PROJECT);
    }

    @Test
    void listsOrganizationsAndTheirProjects() {
        aura.enqueue(data("[{\"id\":\"" + ORG + "\",\"name\":\"Acme\"}]"))
                .enqueue(data("[{\"id\":\"" + PROJECT + "\",\"name\":\"Production\"}]"))
                .enqueue(data("[{\"id\":\"" + PROJECT + "\",\"name\":\"Production\"}]"));
        try (AuraClient client = aura.client()) {
            assertThat(client.organizations().list()).extracting(o -> o.name()).containsExactly("Acme");
            List<Project> projects = client.organizations().projects(ORG);
            assertThat(projects).extracting(Project::id).containsExactly(PROJECT);
            assertThat(client.organizations().project(ORG, PROJECT).name()).isEqualTo("Production");
        }
        assertThat(aura.apiRequests.get(0).getTarget()).isEqualTo("/v2beta1/organizations");
        assertThat(aura.apiRequests.get(1).getTarget()).isEqualTo("/v2beta1/organizations/" + ORG + "/projects");
    }

    @Test
    void unknownProjectOfAnOrganizationIsNotFound() {
        aura.enqueue(data("[]"));
        try (AuraClient client = aura.client()) {
            assertThatThrownBy(() -> client.organizations().project(ORG, PROJECT))
                    .isInstanceOf(AuraNotFoundException.class)
                    .hasMessageContaining(PROJECT);
        }
    }

    @Test
    void listsInstancesWithTheCamelCaseTenantFilter() {
        aura.enqueue(data("[{\"id\":\"2f49c2b3\",\"name\":\"db1\",\"tenant_id\":\"" + PROJECT
                + "\",\"cloud_provider\":\"gcp\",\"created_at\":\"2024-05-01T10:00:00Z\"}]"));
        try (AuraClient client = aura.client()) {
            List<InstanceSummary> list = client.instances().listByTenant(PROJECT);
            assertThat(list).singleElement().satisfies(i -> {
                assertThat(i.tenantId()).contains(PROJECT);
                assertThat(i.createdAt()).contains(Instant.parse("2024-05-01T10:00:00Z"));
            });
        }
        RecordedRequest r = onlyRequest();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/instances");
        assertThat(r.getUrl().queryParameter("tenantId")).isEqualTo(PROJECT);
    }

    @Test
    void getsInstanceToleratingUnknownStatusMissingFieldsAndStringCounts() {
        aura.enqueue(data("{\"id\":\"2f49c2b3\",\"name\":\"db1\",\"status\":\"hibernating\",\"tenant_id\":\"t\","
                + "\"graph_nodes\":\"1200\",\"graph_relationships\":3400,\"brand_new_field\":{\"x\":1}}"));
        try (AuraClient client = aura.client()) {
            Instance i = client.instances().get("2f49c2b3");
            assertThat(i.status()).contains(InstanceStatus.of("hibernating"));
            assertThat(i.status().get().isKnown()).isFalse();
            assertThat(i.isRunning()).isFalse();
            assertThat(i.connectionUrl()).isEmpty();
            assertThat(i.graphNodes()).contains("1200");
            assertThat(i.graphRelationships()).contains("3400");
        }
    }

    @Test
    void knownInstanceStatusesAreConstants() {
        assertThat(InstanceStatus.of("running")).isSameAs(InstanceStatus.RUNNING);
        assertThat(InstanceStatus.of("loading failed")).isSameAs(InstanceStatus.LOADING_FAILED);
        assertThat(InstanceStatus.RUNNING.isKnown()).isTrue();
        assertThat(InstanceStatus.of("new-state")).isEqualTo(InstanceStatus.of("new-state"));
    }

    @Test
    void findByNameReturnsEveryMatch() {
        aura.enqueue(data("[{\"id\":\"a1\",\"name\":\"dup\"},{\"id\":\"a2\",\"name\":\"dup\"},"
                + "{\"id\":\"a3\",\"name\":\"other\"}]"));
        try (AuraClient client = aura.client()) {
            assertThat(client.instances().findByName("dup"))
                    .extracting(InstanceSummary::id)
                    .containsExactly("a1", "a2");
        }
    }
}
