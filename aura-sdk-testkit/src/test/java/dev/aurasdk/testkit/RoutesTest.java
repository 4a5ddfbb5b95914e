package dev.aurasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pins how the fake answers paths and methods it does not serve (404 / 405, and which check comes first). */
class RoutesTest {
    private static final String GRAPHQL = "/v1beta5/instances/" + DemoWorld.INSTANCE_ID + "/data-apis/graphql";
    private static final String JOBS = "/v2beta1/organizations/" + DemoWorld.ORGANIZATION_ID + "/projects/"
            + DemoWorld.PROJECT_ID + "/import/jobs";

    @RegisterExtension
    final FakeAuraExtension aura = new FakeAuraExtension();

    private static String reason(RawFakeClient.Response r) {
        return r.json().get("errors").get(0).get("reason").asText();
    }

    private static void assertAnswer(RawFakeClient.Response r, int status, String reason) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(reason(r)).isEqualTo(reason);
    }

    @Test
    void unknownPathsAre404NotFoundAndWrongMethods405(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);

        assertAnswer(client.get("/v1/instances/" + DemoWorld.INSTANCE_ID + "/nothing"), 404, "not-found");
        assertAnswer(client.get(GRAPHQL + "/x/bogus"), 404, "not-found");
        assertAnswer(client.post(GRAPHQL + "/x/pause/extra", null), 404, "not-found");
        assertAnswer(client.get(GRAPHQL + "/x/auth-providers/p/extra"), 404, "not-found");
        assertAnswer(client.get(JOBS + "/x/other"), 404, "not-found");
        assertAnswer(client.get(JOBS.replace("/jobs", "")), 404, "not-found");
        assertThat(client.get("/v1/nothing")
                        .json()
                        .get("errors")
                        .get(0)
                        .get("message")
                        .asText())
                .isEqualTo("No such endpoint: GET /v1/nothing");

        assertAnswer(client.send("PUT", GRAPHQL, null, java.util.Map.of()), 405, "method-not-allowed");
        assertAnswer(client.get(GRAPHQL + "/x/pause"), 405, "method-not-allowed");
        assertAnswer(client.post(GRAPHQL + "/x/auth-providers/p", null), 405, "method-not-allowed");
        assertAnswer(client.get(JOBS), 405, "method-not-allowed");
        assertAnswer(client.post("/v2beta1/organizations/nope", null), 405, "method-not-allowed");
        assertThat(client.delete("/v1/tenants")
                        .json()
                        .get("errors")
                        .get(0)
                        .get("message")
                        .asText())
                .isEqualTo("Method DELETE is not allowed on /v1/tenants");
    }

    @Test
    void parentResourcesAreCheckedBeforeTheRestOfTheDataApiPath(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);
        String unknownInstance = "/v1beta5/instances/nope/data-apis/graphql";
        String free = "/v1beta5/instances/" + DemoWorld.FREE_INSTANCE_ID + "/data-apis/graphql";

        assertAnswer(client.get(unknownInstance + "/x/bogus"), 404, "db-not-found");
        assertAnswer(client.post(unknownInstance + "/x/pause/extra", null), 404, "db-not-found");
        assertAnswer(client.delete(unknownInstance), 404, "db-not-found");
        assertAnswer(client.delete(free), 400, "instance-type-not-supported");
        assertAnswer(client.get(free + "/x/bogus"), 400, "instance-type-not-supported");
        assertAnswer(client.get(unknownInstance + "/x/auth-providers/p/extra"), 404, "not-found");
        assertAnswer(client.get(GRAPHQL + "/nope"), 404, "data-api-not-found");
    }

    @Test
    void importJobsCheckTheOrganizationAndProjectBeforeTheMethod(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);
        String unknownOrganization = JOBS.replace(DemoWorld.ORGANIZATION_ID, "nope");

        assertAnswer(client.post(unknownOrganization + "/x", null), 404, "organization-not-found");
        assertAnswer(client.get(unknownOrganization), 404, "organization-not-found");
        assertAnswer(client.get(JOBS.replace(DemoWorld.PROJECT_ID, "nope")), 404, "project-not-found");
        assertAnswer(client.post(JOBS + "/x", null), 405, "method-not-allowed");
        assertAnswer(client.get(JOBS + "/x"), 404, "Requested");
    }

    @Test
    void theFakeGraphQLEndpointAnswersInGraphQLShape(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server).token(null);

        RawFakeClient.Response get = client.get("/graphql-endpoints/x/graphql");
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.json().get("errors").get(0).get("message").asText()).isEqualTo("Use POST");
        RawFakeClient.Response shortPath = client.post("/graphql-endpoints/x", "{}");
        assertThat(shortPath.status()).isEqualTo(404);
        assertThat(shortPath.json().get("errors").get(0).get("message").asText())
                .isEqualTo("Not found");
        assertThat(client.post("/graphql-endpoints/x/graphql", "{}").status()).isEqualTo(404);
    }

    @Test
    void trailingSlashesAreIgnored(FakeAuraServer server) {
        assertThat(new RawFakeClient(server).get("/v1/tenants/").status()).isEqualTo(200);
    }
}
