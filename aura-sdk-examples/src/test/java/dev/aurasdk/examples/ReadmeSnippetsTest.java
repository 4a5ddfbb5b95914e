package dev.aurasdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.Instances;
import dev.aurasdk.core.Organizations;
import dev.aurasdk.core.Tenants;
import dev.aurasdk.core.http.ApiRequest;
import dev.aurasdk.core.http.ApiResponse;
import dev.aurasdk.core.http.ApiVersion;
import dev.aurasdk.core.http.AuraHttp;
import dev.aurasdk.core.wait.Waiter;
import dev.aurasdk.graphql.ApiKeyRotation;
import dev.aurasdk.graphql.AuthProviderSpec;
import dev.aurasdk.graphql.AuthProviders;
import dev.aurasdk.graphql.CorsOrigins;
import dev.aurasdk.graphql.CreateGraphQLDataApi;
import dev.aurasdk.graphql.CreatedGraphQLDataApi;
import dev.aurasdk.graphql.GraphQLDataApis;
import dev.aurasdk.graphql.GraphQLEndpoint;
import dev.aurasdk.graphql.InstanceCredentials;
import dev.aurasdk.graphql.TypeDefinitions;
import dev.aurasdk.imports.CreateImportJob;
import dev.aurasdk.imports.ImportJobs;
import dev.aurasdk.imports.ImportPipeline;
import dev.aurasdk.imports.ProjectRef;
import dev.aurasdk.testkit.DemoWorld;
import dev.aurasdk.testkit.FakeAuraExtension;
import dev.aurasdk.testkit.FakeAuraServer;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's code snippets, as written there, against the fake with the contract check on; and what the
 * README must tell a new user (imports, the client table, build and logging requirements).
 */
class ReadmeSnippetsTest {
    @RegisterExtension
    final FakeAuraExtension fake = FakeAuraExtension.with(b -> b.contractChecked());

    @Test
    void importsAndWaits(FakeAuraServer server) {
        try (AuraClient aura = server.clientBuilder().build()) {
            ImportJobs jobs = ImportJobs.create(aura, ProjectRef.of(DemoWorld.ORGANIZATION_ID, DemoWorld.PROJECT_ID));
            server.fault()
                    .next(1)
                    .matching("POST", ".*/import/jobs")
                    .retryAfter(Duration.ofSeconds(2))
                    .respond(429);
            String id = jobs.create(CreateImportJob.builder()
                            .importModelId(DemoWorld.IMPORT_MODEL_ID)
                            .instanceId(DemoWorld.INSTANCE_ID)
                            .build())
                    .id();
            assertThat(jobs.awaitCompletion(id).succeeded()).isTrue();
            assertThat(server.journal().count("POST", ".*/import/jobs")).isEqualTo(2);
        }
    }

    @Test
    void graphQlSnippet(FakeAuraServer server) {
        try (AuraClient aura = server.clientBuilder().build()) {
            String instanceId = DemoWorld.INSTANCE_ID;
            GraphQLDataApis apis = GraphQLDataApis.create(aura);
            CreatedGraphQLDataApi api = apis.create(
                    instanceId,
                    CreateGraphQLDataApi.builder()
                            .name("restaurants")
                            .typeDefinitions(TypeDefinitions.fromClasspath("/schema/restaurants-multitenant.graphql"))
                            .instanceCredentials(InstanceCredentials.of("neo4j", "instance-password-for-readme"))
                            .addAuthProviders(
                                    AuthProviderSpec.jwks("end-users", "https://idp.example.com/.well-known/jwks.json"))
                            .addAuthProviders(AuthProviderSpec.apiKey("server"))
                            .build());
            String key = api.apiKey("server").orElseThrow();
            apis.awaitReady(instanceId, api.id());
            apis.cors(instanceId, api.id()).allow("https://app.example.com");
            String oldProviderId = api.authenticationProviders().stream()
                    .filter(p -> p.name().equals("server"))
                    .findFirst()
                    .orElseThrow()
                    .id();
            ApiKeyRotation rotation = apis.authProviders(instanceId, api.id())
                    .rotateApiKey(oldProviderId, "server-2026-12", ApiKeyRotation.Mode.DELETE_OLD_ON_CONFIRM);
            String newKey = rotation.newKey();
            assertThat(newKey).isNotEqualTo(key);
            assertThat(rotation.oldProvider().id()).isEqualTo(oldProviderId);
            assertThat(apis.authProviders(instanceId, api.id()).list())
                    .extracting(p -> p.name())
                    .contains("server", "server-2026-12");
            JsonNode data = GraphQLEndpoint.withApiKey(
                            apis.get(instanceId, api.id()).url().orElseThrow(), key)
                    .execute("query { restaurants { name } }")
                    .dataOrThrow();
            assertThat(data.toString()).contains("api-key");
        }
        assertReadmeContains("""
                String oldProviderId = api.authenticationProviders().stream()   // or apis.authProviders(instanceId, apiId).list()
                        .filter(p -> p.name().equals("server")).findFirst().orElseThrow().id();
                ApiKeyRotation rotation = apis.authProviders(instanceId, api.id())
                        .rotateApiKey(oldProviderId, "server-2026-12", ApiKeyRotation.Mode.DELETE_OLD_ON_CONFIRM);
                """);
    }

    @Test
    void rawHttpSnippetWorksOnTheFakeAsWritten(FakeAuraServer server) {
        try (AuraClient aura = server.clientBuilder().build()) {
            String instanceId = DemoWorld.INSTANCE_ID;
            ApiResponse<JsonNode> r = aura.http()
                    .send(
                            ApiRequest.get(ApiVersion.V1)
                                    .path("instances")
                                    .id("instanceId", instanceId)
                                    .build(),
                            JsonNode.class);
            String connectionUrl = r.data().path("connection_url").asText(); // data(): Aura's "data" member
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(connectionUrl)
                    .isEqualTo(aura.instances().get(instanceId).connectionUrl().orElseThrow());
            assertThat(connectionUrl).startsWith("neo4j+s://");
        }
        assertReadmeContains("""
                ApiResponse<JsonNode> r = aura.http().send(
                        ApiRequest.get(ApiVersion.V1).path("instances").id("instanceId", instanceId).build(),
                        JsonNode.class);
                String connectionUrl = r.data().path("connection_url").asText();   // data(): Aura's "data" member
                """);
    }

    /** Every type of this SDK (and Jackson's, JUnit's) that a snippet uses is imported by it or an earlier one. */
    @Test
    void everySnippetShowsTheImportsOfTheTypesItUses() throws IOException {
        Set<String> imported = new HashSet<>();
        List<String> missing = new ArrayList<>();
        int snippets = 0;
        for (String snippet : javaSnippets()) {
            snippets++;
            for (Matcher m = IMPORT.matcher(snippet); m.find(); ) {
                String name = m.group(2);
                if (m.group(1) == null) {
                    assertThat(loadable(name)).as("README imports " + name).isTrue();
                }
                imported.add(name.substring(name.lastIndexOf('.') + 1));
            }
            String code = IMPORT.matcher(snippet).replaceAll("").replaceAll("//.*|\"[^\"]*\"", "");
            for (Matcher m = TYPE.matcher(code); m.find(); ) {
                String type = m.group(1);
                if (!imported.contains(type) && sdkType(type)) {
                    missing.add(type + " (snippet " + snippets + ")");
                }
            }
        }
        assertThat(snippets).isGreaterThanOrEqualTo(6);
        assertThat(missing).as("types used before any snippet imports them").isEmpty();
    }

    /** The README's client table names every public method of every client. */
    @Test
    void theClientTableListsEveryPublicMethodOfEveryClient() throws IOException {
        String readme = readme();
        assertThat(readme).contains("## Clients and their methods");
        String table = readme.substring(readme.indexOf("## Clients and their methods"));
        table = table.substring(0, table.indexOf("\n## ", 5));
        List<String> rows = table.lines().filter(l -> l.startsWith("| `")).collect(Collectors.toList());
        List<Class<?>> clients = List.of(
                AuraClient.class,
                Tenants.class,
                Organizations.class,
                Instances.class,
                AuraHttp.class,
                Waiter.class,
                ImportJobs.class,
                ImportPipeline.class,
                GraphQLDataApis.class,
                AuthProviders.class,
                CorsOrigins.class,
                GraphQLEndpoint.class);
        assertThat(rows)
                .extracting(r -> r.substring(3, r.indexOf('`', 3)))
                .containsExactlyElementsOf(
                        clients.stream().map(Class::getSimpleName).collect(Collectors.toList()));
        for (int i = 0; i < clients.size(); i++) {
            String row = rows.get(i);
            for (Method method : clients.get(i).getMethods()) {
                if (method.getDeclaringClass() != Object.class
                        && !method.isSynthetic()
                        && !method.getName().equals("toString")) {
                    assertThat(row)
                            .as(clients.get(i).getSimpleName() + "." + method.getName())
                            .contains(method.getName() + "(");
                }
            }
        }
    }

    @Test
    void theReadmeSaysWhatANewUserAsksInTheFirstHour() throws IOException {
        String readme = readme().replaceAll("\\s+", " ");
        assertThat(readme)
                .contains(
                        "**Using** the libraries needs Java 11 or later; **building** this repository needs JDK 17 or later",
                        "Without one, SLF4J prints three warning lines",
                        "Aura has **no endpoint that lists import jobs**",
                        "`mvn -B -ntp -pl aura-sdk-core javadoc:javadoc`",
                        "the API cannot list import models: open the model in the Aura console, its id is the last part of "
                                + "the URL, `.../tools/import/model/<id>`",
                        "-Dexample=RunFakeAura",
                        "paste the `export AURA_...` lines",
                        "-Dexample=ImportStatus -Dexec.args=\"--job-id <id>\"",
                        "-Dexample=CancelImport -Dexec.args=\"--job-id <id>\"");
    }

    private static final Pattern IMPORT = Pattern.compile("(?m)^import (static )?([\\w.]+);$");
    private static final Pattern TYPE = Pattern.compile("\\b([A-Z][a-z]\\w*)\\b");
    private static final List<String> PACKAGES = List.of(
            "dev.aurasdk.core",
            "dev.aurasdk.core.http",
            "dev.aurasdk.core.model",
            "dev.aurasdk.core.wait",
            "dev.aurasdk.core.auth",
            "dev.aurasdk.imports",
            "dev.aurasdk.graphql",
            "dev.aurasdk.testkit",
            "com.fasterxml.jackson.databind",
            "org.junit.jupiter.api",
            "org.junit.jupiter.api.extension");

    private static boolean sdkType(String simpleName) {
        return PACKAGES.stream().anyMatch(p -> loadable(p + "." + simpleName));
    }

    private static boolean loadable(String name) {
        String type = name;
        while (true) {
            try {
                Class.forName(type, false, ReadmeSnippetsTest.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException e) {
                int dot = type.lastIndexOf('.');
                if (dot < 0) {
                    return false;
                }
                type = type.substring(0, dot); // a static import names a member: try its class
            }
        }
    }

    static String readme() throws IOException {
        return Files.readString(Path.of("..", "README.md"));
    }

    static List<String> javaSnippets() throws IOException {
        List<String> snippets = new ArrayList<>();
        Matcher m = Pattern.compile("(?s)```java\\n(.*?)```").matcher(readme());
        while (m.find()) {
            snippets.add(m.group(1));
        }
        return snippets;
    }

    /** The README holds this code (leading indentation and runs of spaces aside). */
    static void assertReadmeContains(String code) {
        try {
            assertThat(normalize(readme())).contains(normalize(code));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String normalize(String text) {
        return text.lines().map(String::strip).collect(Collectors.joining("\n")).replaceAll(" +", " ");
    }
}
