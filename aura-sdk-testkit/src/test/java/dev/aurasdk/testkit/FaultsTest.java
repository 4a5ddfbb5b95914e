package dev.aurasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultsTest {
    @RegisterExtension
    final FakeAuraExtension aura = new FakeAuraExtension();

    @Test
    void respondsWithInjectedStatusAndRetryAfterSecondsForTheNextNMatchingRequestsOnly(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);
        server.fault()
                .next(2)
                .matching("GET", "/v1/instances/.*")
                .retryAfter(Duration.ofSeconds(3))
                .respond(503);

        RawFakeClient.Response first = client.get("/v1/instances/" + DemoWorld.INSTANCE_ID);
        RawFakeClient.Response other = client.get("/v1/tenants");
        RawFakeClient.Response second = client.get("/v1/instances/" + DemoWorld.INSTANCE_ID);
        RawFakeClient.Response third = client.get("/v1/instances/" + DemoWorld.INSTANCE_ID);

        assertThat(first.status()).isEqualTo(503);
        assertThat(first.header("Retry-After")).isEqualTo("3");
        assertThat(first.header("X-Request-Id")).isNotBlank();
        assertThat(first.json().get("errors").get(0).get("reason").asText()).isEqualTo("injected-fault");
        assertThat(other.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(503);
        assertThat(third.status()).isEqualTo(200);
        assertThat(server.fault().pending()).isZero();
    }

    @Test
    void respondsWithRetryAfterAsHttpDateAndCustomBody(FakeAuraServer server) {
        server.fault()
                .next(1)
                .matching("POST", "/v2beta1/.*")
                .retryAfter(Instant.parse("2026-01-01T00:01:00Z"))
                .respond(429, "{\"error\":\"slow down\"}");

        RawFakeClient.Response r = new RawFakeClient(server)
                .post(
                        ImportJobLifecycleTest.JOBS,
                        ImportJobLifecycleTest.createBody(DemoWorld.IMPORT_MODEL_ID, DemoWorld.INSTANCE_ID));

        assertThat(r.status()).isEqualTo(429);
        assertThat(r.header("Retry-After")).isEqualTo("Thu, 01 Jan 2026 00:01:00 GMT");
        assertThat(r.json().get("error").asText()).isEqualTo("slow down");
        assertThat(server.journal().last().orElseThrow().faultInjected()).isTrue();
    }

    @Test
    void alwaysRuleAppliesUntilCleared(FakeAuraServer server) {
        RawFakeClient client = new RawFakeClient(server);
        server.fault().always().matching(null, "/v1/tenants").respond(500);

        assertThat(client.get("/v1/tenants").status()).isEqualTo(500);
        assertThat(client.get("/v1/tenants").status()).isEqualTo(500);
        server.fault().clear();
        assertThat(client.get("/v1/tenants").status()).isEqualTo(200);
    }

    @Test
    void faultsApplyToTheTokenEndpointToo(FakeAuraServer server) {
        server.fault().next(1).matching("POST", "/oauth/token").respond(503);
        RawFakeClient client = new RawFakeClient(server).token(null);

        assertThat(client.tokenRequest(server.clientId(), server.clientSecret()).status())
                .isEqualTo(503);
        assertThat(client.tokenRequest(server.clientId(), server.clientSecret()).status())
                .isEqualTo(200);
        assertThat(server.tokenRequestCount()).isEqualTo(2);
    }

    @Test
    void delayHoldsTheBodyBackForRealTime(FakeAuraServer server) {
        server.fault().next(1).matching("GET", "/v1/tenants").delay(Duration.ofMillis(400));
        RawFakeClient client = new RawFakeClient(server);

        long start = System.nanoTime();
        RawFakeClient.Response r = client.get("/v1/tenants");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(r.status()).isEqualTo(200);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(350);
    }

    @Test
    void droppedConnectionFailsTheCallAndLeavesStateUnchanged(FakeAuraServer server) {
        server.fault().next(1).matching("POST", ".*/import/jobs").dropConnection();
        RawFakeClient client = new RawFakeClient(server);

        assertThatThrownBy(() -> client.sendChecked(
                        "POST",
                        ImportJobLifecycleTest.JOBS,
                        ImportJobLifecycleTest.createBody(DemoWorld.IMPORT_MODEL_ID, DemoWorld.INSTANCE_ID),
                        Map.of("Content-Type", "application/json", "Authorization", "Bearer " + server.issueToken())))
                .isInstanceOf(IOException.class);
        assertThat(server.journal().last().orElseThrow().status()).isZero();
        assertThat(server.journal().last().orElseThrow().requestId()).isEmpty();
    }

    @Test
    void connectionDroppedAfterProcessingStillCreatesTheResource(FakeAuraServer server) {
        server.fault()
                .next(1)
                .matching("POST", "/v1beta5/instances/.*/data-apis/graphql")
                .dropConnectionAfterProcessing();
        RawFakeClient client = new RawFakeClient(server);

        assertThatThrownBy(() -> client.sendChecked(
                        "POST",
                        DataApiLifecycleTest.APIS,
                        DataApiLifecycleTest.createBody(
                                DataApiLifecycleTest.SDL, DataApiLifecycleTest.API_KEY_PROVIDER),
                        Map.of("Content-Type", "application/json", "Authorization", "Bearer " + server.issueToken())))
                .isInstanceOf(IOException.class);

        assertThat(client.get(DataApiLifecycleTest.APIS).data()).hasSize(1);
    }

    @Test
    void truncatedBodyIsMalformedJson(FakeAuraServer server) {
        server.fault().next(1).matching("GET", "/v1/instances").truncateBody();

        RawFakeClient.Response r = new RawFakeClient(server).get("/v1/instances");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).startsWith("{\"data\":[");
        assertThatThrownBy(() -> RawFakeClient.JSON.readTree(r.body())).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void htmlBodyLooksLikeAProxyPage(FakeAuraServer server) {
        server.fault().next(1).matching("GET", "/v1/tenants").htmlBody(502);

        RawFakeClient.Response r = new RawFakeClient(server).get("/v1/tenants");

        assertThat(r.status()).isEqualTo(502);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.body()).startsWith("<html>");
    }

    @Test
    void emptyBodyHasNoContent(FakeAuraServer server) {
        server.fault().next(1).matching("GET", "/v1/tenants").emptyBody(200);

        RawFakeClient.Response r = new RawFakeClient(server).get("/v1/tenants");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
    }
}
