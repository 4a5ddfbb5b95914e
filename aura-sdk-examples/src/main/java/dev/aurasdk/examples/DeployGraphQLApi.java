package dev.aurasdk.examples;

import dev.aurasdk.graphql.AuthProviderSpec;
import dev.aurasdk.graphql.CreateGraphQLDataApi;
import dev.aurasdk.graphql.CreatedGraphQLDataApi;
import dev.aurasdk.graphql.GraphQLDataApi;
import dev.aurasdk.graphql.GraphQLDataApis;
import dev.aurasdk.graphql.TypeDefinitions;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * DeployGraphQLApi: deploys the multi-tenant restaurant schema as an Aura GraphQL Data API with a JWKS
 * provider (end users' JWTs carry {@code tenantId} and {@code roles}) and an API key (for servers),
 * restricts CORS to one origin, waits until it is ready and prints its URL and the API key — once:
 * Aura never shows the key again.
 */
@Command(name = "DeployGraphQLApi", mixinStandardHelpOptions = true, versionProvider = SdkVersion.class,
        description = "Deploys the multi-tenant GraphQL Data API (JWKS + API key, CORS) and waits until ready.")
public final class DeployGraphQLApi extends ExampleCommand {
    @Mixin
    CommonOptions common;

    @Mixin
    DataApiSettings settings;

    @Option(names = "--name", defaultValue = "restaurants", description = "API name (default: ${DEFAULT-VALUE}).")
    String name;

    /**
     * Runs the program.
     *
     * @param args command-line arguments ({@code --help})
     */
    public static void main(String[] args) {
        main(new DeployGraphQLApi(), args);
    }

    @Override
    int run(ExampleEnvironment env, PrintWriter out) {
        env.requireWrites(common.allowWrites, "creates a GraphQL Data API");
        TypeDefinitions schema = settings.typeDefinitions();
        String instance = env.instanceId(settings.instanceId);
        GraphQLDataApis apis = GraphQLDataApis.create(env.aura());
        CreatedGraphQLDataApi created = apis.create(instance, CreateGraphQLDataApi.builder()
                .name(name)
                .typeDefinitions(schema)
                .instanceCredentials(settings.instanceCredentials(env))
                .addAuthProviders(AuthProviderSpec.jwks("end-users", settings.jwksUrl(env)))
                .addAuthProviders(AuthProviderSpec.apiKey("server"))
                .addCorsOrigins(settings.corsOrigin())
                .build());
        out.println("Created GraphQL Data API " + created.id() + " on instance " + instance + "; waiting until ready...");
        GraphQLDataApi ready = apis.awaitReady(instance, created.id());
        out.println("Ready: " + ready.url().orElse("(no URL reported)"));
        out.println("CORS origins: " + String.join(", ", ready.allowedOrigins()));
        out.println("API key (shown once, store it in your secret manager now): "
                + created.apiKey("server").orElse("(none)"));
        return 0;
    }
}
