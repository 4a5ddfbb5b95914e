package dev.aurasdk.examples;

import dev.aurasdk.graphql.InstanceCredentials;
import dev.aurasdk.graphql.TypeDefinitions;
import dev.aurasdk.testkit.DemoWorld;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options for creating the multi-tenant GraphQL Data API (shared by QuickStart and DeployGraphQLApi). */
final class DataApiSettings {
    /** The shipped multi-tenant restaurant schema (Neo4j GraphQL Library v7 type definitions). */
    static final String SCHEMA_RESOURCE = "/schema/restaurants-multitenant.graphql";

    static final String DEMO_JWKS_URL = DemoWorld.JWKS_URL;
    static final String DEMO_ORIGIN = "https://app.example.com";

    @Option(
            names = "--instance-id",
            paramLabel = "ID",
            description = "Instance to serve the API from (default: AURA_INSTANCE_ID; the demo instance on the fake).")
    String instanceId;

    @Option(
            names = "--schema",
            paramLabel = "FILE",
            description = "Type definitions file (default: the shipped multi-tenant restaurant schema).")
    Path schema;

    @Option(
            names = "--jwks-url",
            paramLabel = "URL",
            description = "JWKS URL of your identity provider (default: AURA_JWKS_URL; a demo URL on the fake).")
    String jwksUrl;

    @Option(
            names = "--cors-origin",
            paramLabel = "ORIGIN",
            description = "Browser origin allowed to call the API (default: " + DEMO_ORIGIN + ").")
    String corsOrigin;

    /**
     * The type definitions: the {@code --schema} file, else the shipped schema.
     *
     * @throws ExampleEnvironment.UsageException when the file does not exist or cannot be read
     */
    TypeDefinitions typeDefinitions() {
        if (schema == null) {
            return TypeDefinitions.fromClasspath(SCHEMA_RESOURCE);
        }
        if (!Files.isRegularFile(schema)) {
            throw new ExampleEnvironment.UsageException("--schema " + schema + ": no such file.");
        }
        try {
            return TypeDefinitions.fromPath(schema);
        } catch (UncheckedIOException e) {
            throw new ExampleEnvironment.UsageException(
                    "--schema " + schema + ": cannot read it (" + e.getCause().getMessage() + ").");
        }
    }

    String jwksUrl(ExampleEnvironment env) {
        return env.id(jwksUrl, "AURA_JWKS_URL", "--jwks-url", DEMO_JWKS_URL);
    }

    String corsOrigin() {
        return corsOrigin != null ? corsOrigin : DEMO_ORIGIN;
    }

    /** The instance's database user: AURA_INSTANCE_USERNAME / AURA_INSTANCE_PASSWORD, demo values on the fake. */
    InstanceCredentials instanceCredentials(ExampleEnvironment env) {
        return InstanceCredentials.of(
                env.id(
                        null,
                        "AURA_INSTANCE_USERNAME",
                        null,
                        DemoWorld.INSTANCE_USERNAME,
                        "the instance's database user, neo4j by default"),
                env.id(
                        null,
                        "AURA_INSTANCE_PASSWORD",
                        null,
                        DemoWorld.INSTANCE_PASSWORD,
                        "that user's password, from the credentials file the console gave you"));
    }
}
