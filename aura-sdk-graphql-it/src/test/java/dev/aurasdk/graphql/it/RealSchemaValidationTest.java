package dev.aurasdk.graphql.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraCredentials;
import dev.aurasdk.core.wait.WaitOptions;
import dev.aurasdk.graphql.AuthProviderSpec;
import dev.aurasdk.graphql.CreateGraphQLDataApi;
import dev.aurasdk.graphql.CreatedGraphQLDataApi;
import dev.aurasdk.graphql.GraphQLDataApi;
import dev.aurasdk.graphql.GraphQLDataApiFailedException;
import dev.aurasdk.graphql.GraphQLDataApis;
import dev.aurasdk.graphql.InstanceCredentials;
import dev.aurasdk.graphql.TypeDefinitions;
import dev.aurasdk.testkit.DemoWorld;
import dev.aurasdk.testkit.FakeAuraExtension;
import dev.aurasdk.testkit.FakeAuraServer;
import dev.aurasdk.testkit.SchemaValidation;
import dev.aurasdk.testkit.SchemaValidationMode;
import dev.aurasdk.testkit.SchemaValidator;
import dev.aurasdk.testkit.StepScheduler;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The testkit's real schema validation: {@link SchemaValidator} on the packages the build installed, and the fake
 * Aura server using it, so that a Data API with type definitions the library refuses ends in {@code error} with
 * the library's own message, as on Aura. The invalid schemas are ones the fake's built-in check accepts.
 */
class RealSchemaValidationTest {
    static final SchemaValidator VALIDATOR = SchemaValidator.builder()
            .packagesDirectory(RealStack.nodeProject())
            .nodeExecutable(RealStack.nodeExecutable())
            .build();
    private static final String INSTANCE = DemoWorld.INSTANCE_ID;

    @RegisterExtension
    final FakeAuraExtension fake = FakeAuraExtension.with(b -> b.realSchemaValidation(VALIDATOR));

    private AuraClient client;
    private GraphQLDataApis apis;

    @BeforeEach
    void setUp() {
        FakeAuraServer server = fake.server();
        client = AuraClient.builder()
                .credentials(AuraCredentials.of(server.clientId(), server.clientSecret()))
                .baseUrl(server.baseUrl())
                .clock(server.clock())
                .sleeper(server::advance)
                .scheduler(StepScheduler.manual(server.clock(), server::advance))
                .waitOptions(WaitOptions.builder().jitter(0).build())
                .build();
        apis = GraphQLDataApis.create(client);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private CreatedGraphQLDataApi create(String sdl) {
        return apis.create(
                INSTANCE,
                CreateGraphQLDataApi.builder()
                        .name("validated")
                        .typeDefinitions(TypeDefinitions.of(sdl))
                        .instanceCredentials(InstanceCredentials.of("neo4j", "Fake-Instance-Passw0rd"))
                        .addAuthProviders(AuthProviderSpec.apiKey("default"))
                        .build());
    }

    @Test
    void theShippedSchemaIsValidOnThePinnedLibrary() throws Exception {
        SchemaValidation v = VALIDATOR.validate(Files.readString(RealStack.shippedSchema()));
        assertThat(v.isValid()).as("%s", v).isTrue();
        assertThat(v.errors()).isEmpty();
        assertThat(v.libraryVersion())
                .isEqualTo(SchemaValidator.LIBRARY_VERSION)
                .isEqualTo("7.6.3");
        assertThat(v.nodeVersion()).startsWith("v");
        assertThat(v.warnings()).singleElement().asString().startsWith("'@subscriptionsAuthorization' not found");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a syntax error|type Movie @node { title: String|Syntax Error: Expected Name, found <EOF>.",
                "an unknown type|type Movie @node { title: Text }|Unknown type \"Text\".",
                "a relationship to a scalar|type Movie @node { title: String @relationship(type: \"X\", direction: OUT) }"
                        + "|Invalid field type: Scalar types cannot be relationship targets. Please use an Object type instead.",
                "an authorization rule on a missing field|type Movie @node @authorization(filter: [{ where: { node:"
                        + " { owner: { eq: \"$jwt.sub\" } } } }]) { title: String }"
                        + "|Invalid argument: filter, error: Field \"owner\" is not defined by type. Did you mean \"OR\"?",
            })
    void theValidatorGivesTheLibrarysMessage(String kind, String sdl, String message) {
        SchemaValidation v = VALIDATOR.validate(sdl);
        assertThat(v.isValid()).as(kind).isFalse();
        assertThat(v.errors()).containsExactly(message);
        assertThat(v.message()).isEqualTo(message);
    }

    @Test
    void theFakeSaysItUsesTheLibrary() {
        assertThat(fake.server().schemaValidationMode()).isEqualTo(SchemaValidationMode.NEO4J_GRAPHQL_LIBRARY);
    }

    @Test
    void aValidSchemaMakesAReadyDataApi() throws Exception {
        CreatedGraphQLDataApi created = create(Files.readString(RealStack.shippedSchema()));
        GraphQLDataApi ready = apis.awaitReady(INSTANCE, created.id());
        assertThat(ready.isReady()).isTrue();
        assertThat(ready.errors()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "an unknown type|type Movie @node { title: Text }|Unknown type \"Text\".",
                "a relationship to a scalar|type Movie @node { title: String @relationship(type: \"X\", direction: OUT) }"
                        + "|Invalid field type: Scalar types cannot be relationship targets. Please use an Object type instead.",
                "an authorization rule on a missing field|type Movie @node @authorization(filter: [{ where: { node:"
                        + " { owner: { eq: \"$jwt.sub\" } } } }]) { title: String }"
                        + "|Invalid argument: filter, error: Field \"owner\" is not defined by type. Did you mean \"OR\"?",
            })
    void anInvalidSchemaPutsTheDataApiInErrorWithTheLibrarysMessage(String kind, String sdl, String message) {
        CreatedGraphQLDataApi created = create(sdl);
        assertThatThrownBy(() -> apis.awaitReady(INSTANCE, created.id()))
                .as(kind)
                .isInstanceOf(GraphQLDataApiFailedException.class)
                .hasMessageContaining("invalid-type-defs")
                .hasMessageContaining(message);
        GraphQLDataApi failed = apis.get(INSTANCE, created.id());
        assertThat(failed.errors()).singleElement().satisfies(e -> {
            assertThat(e.reason()).contains("invalid-type-defs");
            assertThat(e.message()).isEqualTo(message);
        });
    }

    @Test
    void updatingToAnInvalidSchemaPutsAReadyDataApiInError() throws Exception {
        CreatedGraphQLDataApi created = create(Files.readString(RealStack.shippedSchema()));
        apis.awaitReady(INSTANCE, created.id());
        apis.updateTypeDefinitions(INSTANCE, created.id(), TypeDefinitions.of("type Movie @node { title: Text }"));
        assertThatThrownBy(() -> apis.awaitReady(INSTANCE, created.id()))
                .isInstanceOf(GraphQLDataApiFailedException.class)
                .hasMessageContaining("Unknown type \"Text\".");
    }
}
