package dev.aurasdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.examples.ExamplesTest.Run;
import dev.aurasdk.testkit.SchemaValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code DeployGraphQLApi --validate-only}: the real Neo4j GraphQL Library (Node.js, installed by the first test
 * with npm ci into target/neo4j-graphql) judges the type definitions, and nothing goes to Aura.
 */
class ValidateOnlyTest {
    static final Path PACKAGES = Path.of(System.getProperty("aura.examples.nodePackages", "target/neo4j-graphql"))
            .toAbsolutePath();
    /** Half-set Aura settings: any run that opens the Aura environment stops on them with exit 2. */
    static final Map<String, String> NO_USABLE_AURA = Map.of("AURA_API_CLIENT_ID", "id-without-a-secret");

    @BeforeAll
    static void installTheLibraryOnce() {
        SchemaValidator validator =
                SchemaValidator.builder().installInto(PACKAGES).build();
        assertThat(validator.unavailableReason()).isEmpty();
    }

    static Run validate(Map<String, String> env, String... args) {
        DeployGraphQLApi program = new DeployGraphQLApi();
        program.packagesCache = PACKAGES;
        return ExamplesTest.run(program, env, args);
    }

    @Test
    void theShippedSchemaIsValidAndNothingIsSentToAura() {
        Run r = validate(NO_USABLE_AURA, "--validate-only");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines())
                .singleElement()
                .asString()
                .startsWith("OK: the shipped schema (schema/restaurants-multitenant.graphql) is valid on the Neo4j "
                        + "GraphQL Library " + SchemaValidator.LIBRARY_VERSION + " (Node.js v")
                .endsWith("); nothing was sent to Aura.");
        assertThat(r.err().lines()).allMatch(l -> l.startsWith("warning: "));
    }

    @Test
    void withoutValidateOnlyTheSameSettingsStopTheProgramBeforeItValidates() {
        // the counter-check of the test above: a run that opens the Aura environment cannot exit 0 on them
        Run r = validate(NO_USABLE_AURA);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).singleElement().asString().startsWith("error: AURA_API_CLIENT_ID is set but");
        assertThat(r.out()).doesNotContain("OK:");
    }

    @Test
    void anInvalidSchemaExitsOneWithTheLibrarysMessage(@TempDir Path dir) throws Exception {
        Path schema = dir.resolve("movies.graphql");
        Files.writeString(schema, "type Movie @node { title: Text }\n");
        Run r = validate(
                Map.of(), "--validate-only", "--node-packages", PACKAGES.toString(), "--schema", schema.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().lines())
                .containsExactly("INVALID: " + schema + " (Neo4j GraphQL Library " + SchemaValidator.LIBRARY_VERSION
                        + "): Unknown type \"Text\".");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aSchemaTheLibraryRefusesForItsDirectivesExitsOneToo(@TempDir Path dir) throws Exception {
        Path schema = dir.resolve("movies.graphql");
        Files.writeString(schema, "type Movie @node { title: String @relationship(type: \"X\", direction: OUT) }\n");
        Run r = validate(Map.of(), "--validate-only", "--schema", schema.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().lines())
                .containsExactly("INVALID: " + schema + " (Neo4j GraphQL Library "
                        + SchemaValidator.LIBRARY_VERSION
                        + "): Invalid field type: Scalar types cannot be relationship "
                        + "targets. Please use an Object type instead.");
    }

    @Test
    void withoutNodeJsItSaysSoInOneLineAndExitsTwo() {
        Run r = validate(NO_USABLE_AURA, "--validate-only", "--node", "/nonexistent/bin/node");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines())
                .singleElement()
                .asString()
                .startsWith("error: cannot validate locally: Node.js not found (/nonexistent/bin/node): ")
                .endsWith("install Node.js 20+ or set the node executable");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aPackagesDirectoryWithoutTheLibraryIsOneLineExitTwo(@TempDir Path dir) {
        Run r = validate(Map.of(), "--validate-only", "--node-packages", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines())
                .singleElement()
                .asString()
                .startsWith("error: cannot validate locally: no @neo4j/graphql in " + dir.resolve("node_modules"))
                .contains("npm ci");
    }

    @Test
    void theValidationOptionsWithoutValidateOnlyAreAMistake() {
        Run r = validate(Map.of(), "--node-packages", PACKAGES.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).containsExactly("error: --node-packages and --node go with --validate-only.");
    }

    @Test
    void theDefaultPackagesDirectoryIsTheUsersCache() {
        DeployGraphQLApi program = new DeployGraphQLApi();
        program.properties = new Properties();
        program.properties.setProperty("user.home", "/home/ada");
        program.environment = Map.of();
        assertThat(program.defaultPackagesCache()).isEqualTo(Path.of("/home/ada/.cache/aura-sdk/neo4j-graphql"));
        program.environment = Map.of("XDG_CACHE_HOME", "/var/cache/ada");
        assertThat(program.defaultPackagesCache()).isEqualTo(Path.of("/var/cache/ada/aura-sdk/neo4j-graphql"));
    }
}
