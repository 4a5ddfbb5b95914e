package dev.aurasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraNotFoundException;
import dev.aurasdk.core.HealthReport;
import dev.aurasdk.core.model.Instance;
import dev.aurasdk.core.model.InstanceStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The core SDK against the fake, with every exchange checked against Neo4j's OpenAPI documents. */
class SdkAgainstFakeTest {
    @RegisterExtension
    final FakeAuraExtension fake = FakeAuraExtension.with(b -> b.contractChecked());

    @Test
    void coreLookUpsAndHealthCheckWorkAgainstTheFake(FakeAuraServer server) {
        try (AuraClient aura = server.clientBuilder().build()) {
            HealthReport health = aura.healthCheck();
            assertThat(health.ok()).as(health.toString()).isTrue();
            assertThat(aura.organizations().list()).extracting(o -> o.id()).contains(DemoWorld.ORGANIZATION_ID);
            assertThat(aura.organizations().projects(DemoWorld.ORGANIZATION_ID))
                    .extracting(p -> p.id())
                    .contains(DemoWorld.PROJECT_ID);
            assertThat(aura.tenants().get(DemoWorld.PROJECT_ID).id()).isEqualTo(DemoWorld.PROJECT_ID);
            assertThat(aura.instances().listByTenant(DemoWorld.PROJECT_ID))
                    .extracting(i -> i.id())
                    .contains(DemoWorld.INSTANCE_ID)
                    .doesNotContain(DemoWorld.STAGING_INSTANCE_ID);
            Instance instance = aura.instances().get(DemoWorld.INSTANCE_ID);
            assertThat(instance.status()).contains(InstanceStatus.RUNNING);
            assertThatThrownBy(() -> aura.instances().get("deadbeef"))
                    .isInstanceOfSatisfying(AuraNotFoundException.class, e -> {
                        assertThat(e.reason()).contains("db-not-found");
                        assertThat(e.requestId()).isPresent();
                    });
        }
        assertThat(server.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void clientKeepsWorkingAcrossTokenExpiriesInVirtualTime(FakeAuraServer server) {
        try (AuraClient aura = server.clientBuilder().build()) {
            for (int minute = 0; minute <= 150; minute += 10) {
                assertThat(aura.tenants().list()).isNotEmpty();
                server.advance(Duration.ofMinutes(10));
            }
        }
        // one token per hour of virtual time (refreshed 5 minutes before each expiry)
        assertThat(server.tokenRequestCount()).isEqualTo(3);
    }

    @Test
    void retryAfterIsHonouredInVirtualTimeWithoutSleeping(FakeAuraServer server) {
        server.fault()
                .next(1)
                .matching("GET", "/v1/tenants")
                .retryAfter(Duration.ofSeconds(30))
                .respond(429);
        Instant before = server.clock().instant();
        long t0 = System.nanoTime();
        try (AuraClient aura = server.clientBuilder().build()) {
            assertThat(aura.tenants().list()).isNotEmpty();
        }
        assertThat(Duration.between(before, server.clock().instant())).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        // a real sleep for the Retry-After would take at least 30 s of real time, however fast the machine
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
        assertThat(server.journal().count("GET", "/v1/tenants")).isEqualTo(2);
    }

    @Test
    void expiredTokenAnswered403IsReplacedOnce(FakeAuraServer server) {
        try (AuraClient aura = server.clientBuilder().build()) {
            aura.tenants().list();
            server.revokeTokens();
            assertThat(aura.tenants().list()).isNotEmpty();
        }
        assertThat(server.tokenRequestCount()).isEqualTo(2);
    }
}
