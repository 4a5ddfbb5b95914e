package dev.aurasdk.testkit;

import dev.aurasdk.testkit.internal.World;

/**
 * Seeds the fake's world: organizations, projects (which v1 calls tenants), instances and import models.
 * Obtained from {@link FakeAuraServer#seed()}; every method returns this seeder for chaining and may be called
 * before or after the server starts.
 *
 * <pre>{@code
 * server.seed()
 *       .organization("org-1", "Acme")
 *       .project("org-1", "proj-1", "Production")
 *       .instance(FakeInstance.of("abcd1234", "proj-1").name("movies"))
 *       .importModel(FakeImportModel.of("model-1").node("Person", 100).relationship("KNOWS", 300));
 * }</pre>
 */
public final class Seeder {
    private final World world;

    Seeder(World world) {
        this.world = world;
    }

    /**
     * Adds (or renames) an organization.
     *
     * @param id the organization id (a UUID in Aura)
     * @param name its name
     * @return this seeder
     */
    public Seeder organization(String id, String name) {
        world.putOrganization(FakeInstance.requireText(id, "id"), FakeInstance.requireText(name, "name"));
        return this;
    }

    /**
     * Adds (or renames) a project of a seeded organization; it is also a v1 tenant with the same id.
     *
     * @param organizationId the owning organization, already seeded
     * @param projectId the project id (a UUID in Aura)
     * @param name its name
     * @return this seeder
     * @throws IllegalArgumentException when the organization is unknown or the project belongs to another one
     */
    public Seeder project(String organizationId, String projectId, String name) {
        world.putProject(
                organizationId,
                FakeInstance.requireText(projectId, "projectId"),
                FakeInstance.requireText(name, "name"));
        return this;
    }

    /**
     * Adds or replaces an instance (a copy of the description is kept).
     *
     * @param instance the instance; its tenant must be seeded
     * @return this seeder
     * @throws IllegalArgumentException when its tenant (project) is unknown
     */
    public Seeder instance(FakeInstance instance) {
        world.putInstance(instance.copy());
        return this;
    }

    /**
     * Adds or replaces an import model (a copy of the description is kept).
     *
     * @param model the model
     * @return this seeder
     */
    public Seeder importModel(FakeImportModel model) {
        world.putImportModel(model.copy());
        return this;
    }

    /**
     * Forgets everything: seeded data and every import job and Data API created so far.
     *
     * @return this seeder
     */
    public Seeder clear() {
        world.clear();
        return this;
    }

    /**
     * Seeds the demo world described by {@link DemoWorld} (added to whatever is already there).
     *
     * @return this seeder
     */
    public Seeder demoWorld() {
        organization(DemoWorld.ORGANIZATION_ID, DemoWorld.ORGANIZATION_NAME);
        project(DemoWorld.ORGANIZATION_ID, DemoWorld.PROJECT_ID, "Production");
        project(DemoWorld.ORGANIZATION_ID, DemoWorld.STAGING_PROJECT_ID, "Staging");
        instance(FakeInstance.of(DemoWorld.INSTANCE_ID, DemoWorld.PROJECT_ID)
                .name("movies-prod")
                .type("enterprise-db")
                .memory("8GB")
                .storage("16GB"));
        instance(FakeInstance.of(DemoWorld.FREE_INSTANCE_ID, DemoWorld.PROJECT_ID)
                .name("sandbox")
                .type("free-db"));
        instance(FakeInstance.of(DemoWorld.STAGING_INSTANCE_ID, DemoWorld.STAGING_PROJECT_ID)
                .name("movies-staging")
                .type("professional-db")
                .cloudProvider("aws")
                .region("us-east-1")
                .memory("2GB")
                .storage("4GB"));
        importModel(FakeImportModel.of(DemoWorld.IMPORT_MODEL_ID)
                .name("Flights")
                .dataSource("177216b3-49b9-4e24-a414-a9ecbb448c53", "postgresql", "AWS_POSTGRES_FLIGHTS")
                .node("Airport", 500)
                .node("Aircraft", 120)
                .node("Flight", 20_000)
                .relationship("DEPARTS_FROM", 20_000)
                .relationship("ARRIVES_AT", 20_000)
                .relationship("OPERATED_WITH", 20_000));
        importModel(FakeImportModel.of(DemoWorld.FAILING_IMPORT_MODEL_ID)
                .name("Customers (broken)")
                .dataSource("5b0c1c7e-8d7f-4c55-9a43-0f5a8a1f2e11", "csv", "CUSTOMERS_CSV")
                .node("Customer", 10_000)
                .relationship("REFERRED", 4_000)
                .failingWith("Failed to read customers.csv: column 'customer_id' not found"));
        return this;
    }
}
