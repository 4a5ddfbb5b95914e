package dev.aurasdk.examples;

import dev.aurasdk.graphql.AuthProviderSpec;
import dev.aurasdk.graphql.CreateGraphQLDataApi;
import dev.aurasdk.graphql.CreatedGraphQLDataApi;
import dev.aurasdk.graphql.GraphQLDataApi;
import dev.aurasdk.graphql.GraphQLDataApis;
import dev.aurasdk.graphql.TypeDefinitions;
import dev.aurasdk.testkit.SchemaValidation;
import dev.aurasdk.testkit.SchemaValidator;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * DeployGraphQLApi: deploys the multi-tenant restaurant schema as an Aura GraphQL Data API with a JWKS
 * provider (end users' JWTs carry {@code tenantId} and {@code roles}) and an API key (for servers),
 * restricts CORS to one origin, waits until it is ready and prints its URL and the API key — once:
 * Aura never shows the key again.
 *
 * <p>With {@code --validate-only} it only validates the type definitions locally with the real Neo4j GraphQL
 * Library (the testkit's {@link SchemaValidator}, in a Node.js 20+ process), needing no Aura credentials and
 * creating nothing: Aura reports invalid type definitions only after the Data API was created. Exit 0 and one
 * {@code OK} line when valid, 1 with the library's message when not, 2 when Node.js or the npm packages are not
 * there. The packages are installed with {@code npm ci} on first use into
 * {@code ~/.cache/aura-sdk/neo4j-graphql} ({@code $XDG_CACHE_HOME/aura-sdk/neo4j-graphql} when set), or taken
 * from {@code --node-packages}.
 */
@Command(
        name = "DeployGraphQLApi",
        mixinStandardHelpOptions = true,
        versionProvider = SdkVersion.class,
        description = {
            "Deploys the multi-tenant GraphQL Data API (JWKS + API key, CORS) and waits until ready.",
            "With --validate-only: validates the type definitions locally with the real Neo4j GraphQL Library "
                    + "(Node.js 20+) and sends nothing to Aura; exit 0 valid, 1 invalid, 2 no Node.js."
        })
public final class DeployGraphQLApi extends ExampleCommand {
    @Mixin
    CommonOptions common;

    @Mixin
    DataApiSettings settings;

    @Option(names = "--name", defaultValue = "restaurants", description = "API name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(
            names = "--validate-only",
            description = "Only validate the type definitions locally with the real Neo4j GraphQL Library "
                    + "(Node.js 20+ needed; no Aura credentials, nothing created).")
    boolean validateOnly;

    @Option(
            names = "--node-packages",
            paramLabel = "DIR",
            description = "With --validate-only: a directory where npm ci was run with the testkit's package.json "
                    + "and package-lock.json (default: installed on first use into ~/.cache/aura-sdk/neo4j-graphql).")
    Path nodePackages;

    @Option(
            names = "--node",
            paramLabel = "EXECUTABLE",
            description = "With --validate-only: the Node.js executable (default: node on the PATH).")
    String node;

    /** Where --validate-only installs the npm packages when no --node-packages is given (tests replace it). */
    Path packagesCache;

    /**
     * Runs the program.
     *
     * @param args command-line arguments ({@code --help})
     */
    public static void main(String[] args) {
        main(new DeployGraphQLApi(), args);
    }

    @Override
    Integer runWithoutAura(PrintWriter out, PrintWriter err) {
        if (!validateOnly) {
            if (nodePackages != null || node != null) {
                throw new ExampleEnvironment.UsageException("--node-packages and --node go with --validate-only.");
            }
            return null;
        }
        TypeDefinitions schema = settings.typeDefinitions();
        String what = settings.schema != null
                ? settings.schema.toString()
                : "the shipped schema (" + DataApiSettings.SCHEMA_RESOURCE.substring(1) + ")";
        SchemaValidator.Builder builder = SchemaValidator.builder();
        if (nodePackages != null) {
            builder.packagesDirectory(nodePackages);
        } else {
            builder.installInto(packagesCache != null ? packagesCache : defaultPackagesCache());
        }
        if (node != null) {
            builder.nodeExecutable(node);
        }
        SchemaValidator validator = builder.build();
        if (!validator.isAvailable()) {
            err.println("error: cannot validate locally: "
                    + validator.unavailableReason().orElse("?"));
            return 2;
        }
        SchemaValidation v;
        try {
            v = validator.validate(schema.asString());
        } catch (IllegalStateException e) {
            err.println("FAILED: validating " + what + ": " + e.getMessage());
            return 1;
        }
        for (String warning : v.warnings()) {
            err.println("warning: " + warning);
        }
        if (!v.isValid()) {
            err.println("INVALID: " + what + " (Neo4j GraphQL Library " + v.libraryVersion() + "): " + v.message());
            return 1;
        }
        out.println("OK: " + what + " is valid on the Neo4j GraphQL Library " + v.libraryVersion() + " (Node.js "
                + v.nodeVersion() + "); nothing was sent to Aura.");
        return 0;
    }

    /** {@code $XDG_CACHE_HOME/aura-sdk/neo4j-graphql}, else {@code ~/.cache/aura-sdk/neo4j-graphql}. */
    Path defaultPackagesCache() {
        String xdg = environment.get("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(properties.getProperty("user.home", System.getProperty("user.home")), ".cache");
        return cache.resolve("aura-sdk").resolve("neo4j-graphql");
    }

    @Override
    int run(ExampleEnvironment env, PrintWriter out) {
        env.requireWrites(common.allowWrites, "creates a GraphQL Data API");
        TypeDefinitions schema = settings.typeDefinitions();
        String instance = env.instanceId(settings.instanceId);
        GraphQLDataApis apis = GraphQLDataApis.create(env.aura());
        CreatedGraphQLDataApi created = apis.create(
                instance,
                CreateGraphQLDataApi.builder()
                        .name(name)
                        .typeDefinitions(schema)
                        .instanceCredentials(settings.instanceCredentials(env))
                        .addAuthProviders(AuthProviderSpec.jwks("end-users", settings.jwksUrl(env)))
                        .addAuthProviders(AuthProviderSpec.apiKey("server"))
                        .addCorsOrigins(settings.corsOrigin())
                        .build());
        out.println(
                "Created GraphQL Data API " + created.id() + " on instance " + instance + "; waiting until ready...");
        GraphQLDataApi ready = apis.awaitReady(instance, created.id());
        out.println("Ready: " + ready.url().orElse("(no URL reported)"));
        out.println("CORS origins: " + String.join(", ", ready.allowedOrigins()));
        out.println("API key (shown once, store it in your secret manager now): "
                + created.apiKey("server").orElse("(none)"));
        return 0;
    }
}
