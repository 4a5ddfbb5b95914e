package dev.aurasdk.examples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.HealthCheckResult;
import dev.aurasdk.core.HealthReport;
import dev.aurasdk.core.model.InstanceSummary;
import dev.aurasdk.graphql.AuthProviderSpec;
import dev.aurasdk.graphql.CreateGraphQLDataApi;
import dev.aurasdk.graphql.CreatedGraphQLDataApi;
import dev.aurasdk.graphql.GraphQLDataApi;
import dev.aurasdk.graphql.GraphQLDataApis;
import dev.aurasdk.graphql.GraphQLEndpoint;
import dev.aurasdk.graphql.TypeDefinitions;
import dev.aurasdk.imports.CreateImportJob;
import dev.aurasdk.imports.CreatedImportJob;
import dev.aurasdk.imports.ImportJob;
import dev.aurasdk.imports.ImportJobs;
import dev.aurasdk.imports.ProjectRef;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * QuickStart, the README's main job, end to end: health check; find the organization, project and
 * instance ids; run an import job with a live progress bar and show per-label counts; deploy the
 * multi-tenant GraphQL Data API from the shipped schema; add a JWKS provider; allow a CORS origin;
 * hot-reload the type definitions; query the API with its key and with a tenant's JWT; clean up.
 * Prints a summary table. Runs against the built-in fake unless credentials are in the environment.
 */
@Command(
        name = "QuickStart",
        mixinStandardHelpOptions = true,
        versionProvider = SdkVersion.class,
        description = "The whole SDK tour: health, ids, import with progress, GraphQL Data API, query, clean-up.")
public final class QuickStart extends ExampleCommand {
    @Mixin
    CommonOptions common;

    @Mixin
    DataApiSettings settings;

    @Option(
            names = "--model-id",
            paramLabel = "UUID",
            description = "Import model to run (default: AURA_IMPORT_MODEL_ID; the demo model on the fake).")
    String modelId;

    @Option(names = "--keep", description = "Keep the GraphQL Data API instead of deleting it at the end.")
    boolean keep;

    private final List<String[]> summary = new ArrayList<>();

    /**
     * Runs the program.
     *
     * @param args command-line arguments ({@code --help})
     */
    public static void main(String[] args) {
        main(new QuickStart(), args);
    }

    @Override
    int run(ExampleEnvironment env, PrintWriter out) {
        env.requireWrites(common.allowWrites, "runs an import job and creates a GraphQL Data API");
        TypeDefinitions schema = settings.typeDefinitions(); // a missing --schema file stops us before any change
        AuraClient aura = env.aura();
        long start = System.nanoTime();

        HealthReport health = stage(
                out,
                "1. health check",
                () -> {
                    HealthReport report = aura.healthCheck();
                    for (HealthCheckResult c : report.checks()) {
                        out.println("   " + (c.ok() ? "ok  " : "FAIL") + " " + c.name() + " ("
                                + c.latency().toMillis() + " ms) "
                                + (c.ok() ? c.detail().orElse("") : c.error().orElse("")));
                    }
                    return report;
                },
                r -> r.ok() ? "all " + r.checks().size() + " checks ok" : "failed");
        if (!health.ok()) {
            out.println("Health check failed: fix the credentials or network first (see VerifySetup).");
            return 1;
        }

        String orgId = env.organizationId(common.organizationId);
        String projectId = env.projectId(common.projectId);
        String instanceId = stage(
                out,
                "2. find ids",
                () -> {
                    String org = aura.organizations().get(orgId).name();
                    String project =
                            aura.organizations().project(orgId, projectId).name();
                    List<InstanceSummary> instances = aura.instances().listByTenant(projectId);
                    out.println("   organization " + org + " (" + orgId + "), project " + project + " (" + projectId
                            + "), " + instances.size() + " instance(s)");
                    return env.instanceId(settings.instanceId);
                },
                id -> "instance " + id);

        ImportJobs jobs = ImportJobs.create(aura, ProjectRef.of(orgId, projectId));
        ImportJob imported = stage(
                out,
                "3. import job",
                () -> {
                    CreatedImportJob job = jobs.create(CreateImportJob.builder()
                            .importModelId(env.importModelId(modelId))
                            .instanceId(instanceId)
                            .build());
                    out.println("   created job " + job.id());
                    ImportJob done;
                    try (ImportProgressBar bar = new ImportProgressBar("   import", out)) {
                        done = jobs.awaitCompletion(job.id(), bar);
                    }
                    return done;
                },
                j -> j.summary());
        stage(
                out,
                "4. per-label counts",
                () -> {
                    ImportReport.print(imported, out);
                    return imported;
                },
                j -> j.progress()
                        .map(p -> p.nodesCreated() + " nodes, " + p.relationshipsCreated() + " relationships")
                        .orElse("no progress reported"));

        GraphQLDataApis apis = GraphQLDataApis.create(aura);
        CreatedGraphQLDataApi created = stage(
                out,
                "5. create GraphQL Data API",
                () -> {
                    CreatedGraphQLDataApi api = apis.create(
                            instanceId,
                            CreateGraphQLDataApi.builder()
                                    .name("restaurants-quickstart")
                                    .typeDefinitions(schema)
                                    .instanceCredentials(settings.instanceCredentials(env))
                                    .addAuthProviders(AuthProviderSpec.apiKey("quickstart"))
                                    .build());
                    GraphQLDataApi ready = apis.awaitReady(instanceId, api.id());
                    out.println("   " + api.id() + " is " + ready.status() + " at "
                            + ready.url().orElse("?")
                            + " (API key received; it is shown only once and not printed here)");
                    return api;
                },
                a -> a.id() + " ready");
        String apiId = created.id();
        try {
            stage(
                    out,
                    "6. add JWKS provider",
                    () -> {
                        String url = settings.jwksUrl(env);
                        apis.authProviders(instanceId, apiId).awaitingReady().createJwks("end-users", url);
                        return url;
                    },
                    url -> "jwks " + url);
            stage(
                    out,
                    "7. allow CORS origin",
                    () -> apis.cors(instanceId, apiId).allow(settings.corsOrigin()),
                    origins -> String.join(", ", origins));
            stage(
                    out,
                    "8. update type definitions",
                    () -> {
                        String extended =
                                schema.asString() + "\n# hot reload by QuickStart: a new field would go here\n";
                        apis.updateTypeDefinitions(instanceId, apiId, TypeDefinitions.of(extended));
                        return apis.awaitReady(instanceId, apiId);
                    },
                    api -> "reloaded, " + api.status());
            stage(
                    out,
                    "9. query the API",
                    () -> {
                        String url = apis.get(instanceId, apiId)
                                .url()
                                .orElseThrow(() -> new IllegalStateException("the Data API reports no URL"));
                        String query = "query Restaurants { restaurants { name } }";
                        JsonNode withKey = GraphQLEndpoint.withApiKey(
                                        url, created.apiKey("quickstart").orElseThrow())
                                .execute(query)
                                .dataOrThrow();
                        out.println("   with the API key: " + withKey);
                        if (env.isFake()) {
                            JsonNode withJwt = GraphQLEndpoint.withBearerToken(url, demoJwt("tenant-a"))
                                    .execute(query)
                                    .dataOrThrow();
                            out.println("   with tenant-a's JWT: " + withJwt);
                        }
                        return withKey;
                    },
                    data -> "answered");
        } finally {
            if (!keep) {
                stage(
                        out,
                        "10. clean up",
                        () -> {
                            apis.delete(instanceId, apiId);
                            apis.awaitDeleted(instanceId, apiId);
                            return apiId;
                        },
                        id -> "deleted " + id);
            }
        }

        out.println();
        out.println("Summary (" + (env.isFake() ? "built-in fake" : aura.baseUrl()) + ", "
                + (System.nanoTime() - start) / 1_000_000 + " ms):");
        Table table = new Table("STAGE", "RESULT", "MS");
        summary.forEach(row -> table.row((Object[]) row));
        table.print(out);
        return 0;
    }

    private <T> T stage(PrintWriter out, String name, Supplier<T> body, java.util.function.Function<T, String> result) {
        out.println(name);
        out.flush();
        long t0 = System.nanoTime();
        T value;
        try {
            value = body.get();
        } catch (RuntimeException e) {
            summary.add(new String[] {
                name, "FAILED: " + e.getClass().getSimpleName(), String.valueOf((System.nanoTime() - t0) / 1_000_000)
            });
            throw e;
        }
        summary.add(new String[] {name, result.apply(value), String.valueOf((System.nanoTime() - t0) / 1_000_000)});
        return value;
    }

    /** An unsigned demo JWT: the fake decodes it without verifying; a real Data API needs one from your IdP. */
    private static String demoJwt(String tenantId) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload =
                b64.encodeToString(("{\"sub\":\"demo-user\",\"tenantId\":\"" + tenantId + "\",\"roles\":[\"basic\"]}")
                        .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }
}
