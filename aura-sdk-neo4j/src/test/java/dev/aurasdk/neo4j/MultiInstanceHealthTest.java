package dev.aurasdk.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.HealthCheckResult;
import dev.aurasdk.core.testing.SecretGuard;
import dev.aurasdk.neo4j.Neo4jDatabaseException.Reason;
import dev.aurasdk.testkit.DemoWorld;
import dev.aurasdk.testkit.FakeAuraServer;
import dev.aurasdk.testkit.FakeInstance;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two real databases (two harnesses) behind two fake Aura instances, plus broken entries: one health report. */
class MultiInstanceHealthTest {
    static final String EU = "e0e0e0e0";
    static final String US = "a5a5a5a5";
    static final String PAUSED = "bbbb0000";

    static Harness eu;
    static Harness us;
    static FakeAuraServer fake;
    static AuraClient aura;

    @BeforeAll
    static void start() {
        eu = Harness.start();
        us = Harness.start();
        eu.write("UNWIND range(1, 7) AS i CREATE (:Customer {id: i})");
        us.write("UNWIND range(1, 3) AS i CREATE (:Customer {id: i})-[:PLACED]->(:Order {id: i})");
        fake = FakeAuraServer.builder().build().start();
        fake.seed()
                .instance(FakeInstance.of(EU, DemoWorld.PROJECT_ID)
                        .name("shop-eu")
                        .linkedTo(new Neo4jLinkedDatabase(eu.uri(), eu.admin())));
        fake.seed()
                .instance(FakeInstance.of(US, DemoWorld.PROJECT_ID)
                        .name("shop-us")
                        .linkedTo(new Neo4jLinkedDatabase(us.uri(), us.admin())));
        fake.seed()
                .instance(FakeInstance.of(PAUSED, DemoWorld.PROJECT_ID)
                        .name("archive")
                        .status("paused")
                        .withoutConnectionUrl());
        aura = fake.clientBuilder().build();
    }

    @AfterAll
    static void stop() {
        aura.close();
        fake.close();
        us.close();
        eu.close();
    }

    static Neo4jDatabases.Builder both() {
        return Neo4jDatabases.builder()
                .client(aura)
                .instance("eu", EU, Harness.USER, Harness.PASSWORD)
                .instance("us", US, Harness.USER, Harness.PASSWORD);
    }

    @Test
    void reportsTheApiAndEveryDatabaseWithVersionEditionAndDatabaseName() {
        try (Neo4jDatabases dbs = both().build()) {
            Neo4jHealthReport report = dbs.healthCheck();
            assertThat(report.ok()).isTrue();
            assertThat(report.api())
                    .hasValueSatisfying(api -> assertThat(api.checks())
                            .extracting(HealthCheckResult::name)
                            .contains("token", "v1 (tenants)"));
            assertThat(report.databases())
                    .extracting(
                            DatabaseHealth::name,
                            DatabaseHealth::instanceId,
                            DatabaseHealth::reachable,
                            DatabaseHealth::edition,
                            DatabaseHealth::database)
                    .containsExactly(
                            tuple(
                                    "eu",
                                    java.util.Optional.of(EU),
                                    true,
                                    java.util.Optional.of("community"),
                                    java.util.Optional.of("neo4j")),
                            tuple(
                                    "us",
                                    java.util.Optional.of(US),
                                    true,
                                    java.util.Optional.of("community"),
                                    java.util.Optional.of("neo4j")));
            assertThat(report.databases()).allSatisfy(d -> {
                assertThat(d.serverVersion())
                        .hasValueSatisfying(v -> assertThat(v).startsWith("5.26"));
                assertThat(d.latency()).isPositive();
                assertThat(d.failure()).isEmpty();
            });
            assertThat(report.databases().get(0).uri()).contains(eu.uri());
            assertThat(report.databases().get(1).uri()).contains(us.uri());
        }
    }

    @Test
    void eachNameReachesItsOwnInstance() {
        try (Neo4jDatabases dbs = both().build()) {
            assertThat(dbs.investigate("eu").nodeCount()).isEqualTo(7);
            assertThat(dbs.investigate("us").nodeCount()).isEqualTo(6);
            assertThat(dbs.verify(
                                    "us",
                                    ExpectedCounts.builder()
                                            .putNodeLabels("Customer", 3L)
                                            .putRelationshipTypes("PLACED", 3L)
                                            .build())
                            .verdict())
                    .isEqualTo(CheckStatus.OK);
            assertThat(dbs.verify(
                                    "eu",
                                    ExpectedCounts.builder()
                                            .putNodeLabels("Customer", 3L)
                                            .build())
                            .verdict())
                    .isEqualTo(CheckStatus.MISMATCH);
            assertThat(dbs.driver("eu")).isNotSameAs(dbs.driver("us"));
        }
    }

    @Test
    void neverThrowsAndReportsEachBrokenDatabaseWithItsReason() {
        try (Neo4jDatabases dbs = both().instance("archive", PAUSED, Harness.USER, Harness.PASSWORD)
                .instance("gone", "dead0000", Harness.USER, Harness.PASSWORD)
                .uri("down", "bolt://127.0.0.1:" + RegistryTest.closedPort(), Harness.USER, Harness.PASSWORD)
                .uri("badpw", us.uri(), Harness.USER, Harness.WRONG_PASSWORD)
                .build()) {
            Neo4jHealthReport report = dbs.healthCheck();
            assertThat(report.ok()).isFalse();
            assertThat(report.databases())
                    .extracting(
                            DatabaseHealth::name,
                            DatabaseHealth::reachable,
                            d -> d.failure().orElse(null))
                    .containsExactly(
                            tuple("eu", true, null),
                            tuple("us", true, null),
                            tuple("archive", false, Reason.NO_CONNECTION_URL),
                            tuple("gone", false, Reason.INSTANCE_NOT_FOUND),
                            tuple("down", false, Reason.UNREACHABLE),
                            tuple("badpw", false, Reason.AUTHENTICATION_FAILED));
            assertThat(report.databases()).filteredOn(d -> !d.reachable()).allSatisfy(d -> {
                assertThat(d.error()).hasValueSatisfying(e -> assertThat(e).contains("'" + d.name() + "'"));
                assertThat(d.serverVersion()).isEmpty();
            });
            assertThat(report.toString()).doesNotContain(Harness.WRONG_PASSWORD).doesNotContain(Harness.PASSWORD);
            SecretGuard.assertNoLeak("health report", report.toString());
        }
    }

    @Test
    void aFailingApiCheckDoesNotHideHealthyDatabases() {
        try (AuraClient wrong = fake.clientBuilder()
                        .credentials(dev.aurasdk.core.AuraCredentials.of(
                                fake.clientId(), SecretGuard.register("not-the-client-secret-1234")))
                        .build();
                Neo4jDatabases dbs = Neo4jDatabases.builder()
                        .client(wrong)
                        .uri("eu", eu.uri(), Harness.USER, Harness.PASSWORD)
                        .build()) {
            Neo4jHealthReport report = dbs.healthCheck();
            assertThat(report.ok()).isFalse();
            assertThat(report.api())
                    .hasValueSatisfying(api -> assertThat(api.ok()).isFalse());
            assertThat(report.databases())
                    .singleElement()
                    .extracting(DatabaseHealth::reachable)
                    .isEqualTo(true);
        }
    }

    @Test
    void withoutAClientTheReportHasNoApiPart() {
        try (Neo4jDatabases dbs = Neo4jDatabases.builder()
                .uri("eu", eu.uri(), Harness.USER, Harness.PASSWORD)
                .build()) {
            Neo4jHealthReport report = dbs.healthCheck();
            assertThat(report.api()).isEmpty();
            assertThat(report.ok()).isTrue();
            assertThat(dbs.healthCheck("eu").reachable()).isTrue();
        }
    }

    @Test
    void fromEnvironmentRegistersTheDefaultAndNamedDatabases() {
        Map<String, String> env = Map.of(
                "NEO4J_URI",
                eu.uri(),
                "NEO4J_USERNAME",
                Harness.USER,
                "NEO4J_PASSWORD",
                Harness.PASSWORD,
                "NEO4J_SHOP_US_INSTANCE_ID",
                US,
                "NEO4J_SHOP_US_PASSWORD",
                Harness.PASSWORD,
                "NEO4J_ARCHIVE_URI",
                us.uri(),
                "NEO4J_ARCHIVE_PASSWORD",
                Harness.PASSWORD,
                "NEO4J_ARCHIVE_DATABASE",
                "neo4j");
        try (Neo4jDatabases dbs = Neo4jDatabases.fromEnvironment(env, new java.util.Properties(), aura)) {
            assertThat(dbs.names()).containsExactly("default", "archive", "shop_us");
            assertThat(dbs.investigate("default").nodeCount()).isEqualTo(7);
            assertThat(dbs.investigate("shop_us").nodeCount()).isEqualTo(6);
            assertThat(dbs.sessionConfig("archive").database()).contains("neo4j");
            assertThat(dbs.healthCheck().ok()).isTrue();
        }
    }

    @Test
    void fromSystemPropertiesToo() {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("neo4j.uri", us.uri());
        props.setProperty("neo4j.password", Harness.PASSWORD);
        props.setProperty("neo4j.reports.instanceId", EU);
        props.setProperty("neo4j.reports.password", Harness.PASSWORD);
        try (Neo4jDatabases dbs = Neo4jDatabases.fromEnvironment(Map.of(), props, aura)) {
            assertThat(dbs.names()).containsExactly("default", "reports");
            assertThat(dbs.investigate("reports").nodeCount()).isEqualTo(7);
            assertThat(dbs.investigate("default").nodeCount()).isEqualTo(6);
        }
    }
}
