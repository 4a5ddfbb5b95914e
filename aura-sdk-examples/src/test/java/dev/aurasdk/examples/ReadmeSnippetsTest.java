package dev.aurasdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurasdk.core.AuraClient;
import dev.aurasdk.graphql.AuthProviderSpec;
import dev.aurasdk.graphql.CreateGraphQLDataApi;
import dev.aurasdk.graphql.CreatedGraphQLDataApi;
import dev.aurasdk.graphql.GraphQLDataApis;
import dev.aurasdk.graphql.GraphQLEndpoint;
import dev.aurasdk.graphql.InstanceCredentials;
import dev.aurasdk.graphql.TypeDefinitions;
import dev.aurasdk.imports.CreateImportJob;
import dev.aurasdk.imports.ImportJobs;
import dev.aurasdk.imports.ProjectRef;
import dev.aurasdk.testkit.DemoWorld;
import dev.aurasdk.testkit.FakeAuraExtension;
import dev.aurasdk.testkit.FakeAuraServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's code snippets, as written there, against the fake with the contract check on. */
class ReadmeSnippetsTest {
    @RegisterExtension
    final FakeAuraExtension fake = FakeAuraExtension.with(b -> b.contractChecked());

    @Test
    void importsAndWaits(FakeAuraServer server) {
        try (AuraClient aura = server.clientBuilder().build()) {
            ImportJobs jobs = ImportJobs.create(aura, ProjectRef.of(DemoWorld.ORGANIZATION_ID, DemoWorld.PROJECT_ID));
            server.fault().next(1).matching("POST", ".*/import/jobs").retryAfter(Duration.ofSeconds(2)).respond(429);
            String id = jobs.create(CreateImportJob.builder()
                    .importModelId(DemoWorld.IMPORT_MODEL_ID).instanceId(DemoWorld.INSTANCE_ID).build()).id();
            assertThat(jobs.awaitCompletion(id).succeeded()).isTrue();
            assertThat(server.journal().count("POST", ".*/import/jobs")).isEqualTo(2);
        }
    }

    @Test
    void graphQlSnippet(FakeAuraServer server) {
        try (AuraClient aura = server.clientBuilder().build()) {
            String instanceId = DemoWorld.INSTANCE_ID;
            GraphQLDataApis apis = GraphQLDataApis.create(aura);
            CreatedGraphQLDataApi api = apis.create(instanceId, CreateGraphQLDataApi.builder()
                    .name("restaurants")
                    .typeDefinitions(TypeDefinitions.fromClasspath("/schema/restaurants-multitenant.graphql"))
                    .instanceCredentials(InstanceCredentials.of("neo4j", "instance-password-for-readme"))
                    .addAuthProviders(AuthProviderSpec.jwks("end-users", "https://idp.example.com/.well-known/jwks.json"))
                    .addAuthProviders(AuthProviderSpec.apiKey("server"))
                    .build());
            String key = api.apiKey("server").orElseThrow();
            apis.awaitReady(instanceId, api.id());
            apis.cors(instanceId, api.id()).allow("https://app.example.com");
            JsonNode data = GraphQLEndpoint.withApiKey(apis.get(instanceId, api.id()).url().orElseThrow(), key)
                    .execute("query { restaurants { name } }").dataOrThrow();
            assertThat(data.toString()).contains("api-key");
        }
    }
}
