package dev.aurasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real schema validation when Node.js cannot be run (the node executable points nowhere): the validator says
 * why, and the fake falls back to its built-in check, says so, and behaves as without the option. The paths with
 * Node.js are tested in aura-sdk-graphql-it, where the build installs the npm packages.
 */
class SchemaValidatorWithoutNodeTest {
    @TempDir
    Path dir;

    private SchemaValidator noNode() {
        return SchemaValidator.builder()
                .packagesDirectory(dir)
                .nodeExecutable(dir.resolve("no-such-node").toString())
                .build();
    }

    @Test
    void theValidatorSaysNodeIsMissingAndRefusesToValidate() {
        SchemaValidator validator = noNode();
        assertThat(validator.isAvailable()).isFalse();
        assertThat(validator.unavailableReason())
                .get()
                .asString()
                .startsWith("Node.js not found (" + dir)
                .contains("install Node.js 20+");
        assertThat(validator.nodeVersion()).isEmpty();
        assertThatThrownBy(() -> validator.validate("type Movie @node { title: String }"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot validate with the Neo4j GraphQL Library: Node.js not found");
    }

    @Test
    void badInputIsRefusedBeforeAnyProcessRuns() {
        assertThatThrownBy(() -> SchemaValidator.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("packagesDirectory");
        assertThatThrownBy(() -> SchemaValidator.builder().nodeExecutable(" "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SchemaValidator.builder().timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> noNode().validate("  ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFakeFallsBackToItsBuiltInCheckAndSaysSo() {
        try (FakeAuraServer server =
                FakeAuraServer.builder().realSchemaValidation(noNode()).build().start()) {
            assertThat(server.schemaValidationMode()).isEqualTo(SchemaValidationMode.BUILT_IN);
            RawFakeClient client = new RawFakeClient(server);
            String bad = DataApiLifecycleTest.create(client, "type Movie { title: Strig }")
                    .get("id")
                    .asText();
            String good = DataApiLifecycleTest.create(client, DataApiLifecycleTest.SDL)
                    .get("id")
                    .asText();
            server.advance(Duration.ofSeconds(1));
            JsonNode failed = client.get(DataApiLifecycleTest.APIS + "/" + bad).json();
            assertThat(failed.at("/data/status").asText()).isEqualTo("error");
            assertThat(failed.at("/errors/0/message").asText())
                    .isEqualTo("Unknown type \"Strig\". Did you mean \"String\"?");
            assertThat(client.get(DataApiLifecycleTest.APIS + "/" + good)
                            .data()
                            .get("status")
                            .asText())
                    .isEqualTo("ready");
        }
    }

    @Test
    void withoutTheOptionTheFakeUsesItsBuiltInCheck() {
        try (FakeAuraServer server = FakeAuraServer.builder().build()) {
            assertThat(server.schemaValidationMode()).isEqualTo(SchemaValidationMode.BUILT_IN);
        }
    }
}
