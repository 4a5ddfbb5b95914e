package dev.aurasdk.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.testing.SecretGuard;
import dev.aurasdk.neo4j.Neo4jDatabaseException.Reason;
import dev.aurasdk.testkit.DemoWorld;
import dev.aurasdk.testkit.FakeAuraServer;
import dev.aurasdk.testkit.FakeInstance;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/** The registry against one real Neo4j (harness) and the testkit's fake Aura for instance look-ups. */
class RegistryTest {
    static final String LINKED = "11aa22bb";
    static final String PAUSED = "33cc44dd";

    static Harness neo;
    static FakeAuraServer fake;
    static AuraClient aura;

    @BeforeAll
    static void start() {
        neo = Harness.start();
        fake = FakeAuraServer.builder().build().start();
        fake.seed()
                .instance(FakeInstance.of(LINKED, DemoWorld.PROJECT_ID)
                        .name("linked")
                        .linkedTo(new Neo4jLinkedDatabase(neo.uri(), neo.admin())));
        fake.seed()
                .instance(FakeInstance.of(PAUSED, DemoWorld.PROJECT_ID)
                        .name("sleepy")
                        .status("paused")
                        .withoutConnectionUrl());
        aura = fake.clientBuilder().build();
        neo.write("CREATE (:Person {name: 'Ada'}), (:Person {name: 'Alan'})");
    }

    @AfterAll
    static void stop() {
        aura.close();
        fake.close();
        neo.close();
    }

    static Neo4jDatabases.Builder local() {
        return Neo4jDatabases.builder().uri("main", neo.uri(), Harness.USER, Harness.PASSWORD);
    }

    static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void givesTheDriversOwnSessionsOnAnExplicitUri() {
        try (Neo4jDatabases dbs = local().build();
                Session s = dbs.session("main")) {
            assertThat(s.run("MATCH (p:Person) RETURN count(p)").single().get(0).asLong())
                    .isEqualTo(2);
            assertThat(dbs.names()).containsExactly("main");
            assertThat(dbs.uri("main")).contains(neo.uri());
        }
    }

    @Test
    void createsNoDriverBeforeFirstUse() {
        // an unreachable address and an unknown instance: building touches neither
        try (Neo4jDatabases dbs = Neo4jDatabases.builder()
                .client(aura)
                .uri("down", "bolt://127.0.0.1:" + closedPort(), "neo4j", Harness.PASSWORD)
                .instance("ghost", "99ff99ff", "neo4j", Harness.PASSWORD)
                .build()) {
            assertThat(dbs.names()).containsExactly("down", "ghost");
            assertThat(dbs.uri("ghost")).isEmpty();
            assertThat(fake.journal().count("GET", "/v1/instances/99ff99ff")).isZero();
        }
    }

    @Test
    void sixteenThreadsUsingADatabaseForTheFirstTimeGetOneDriver() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (Neo4jDatabases dbs = Neo4jDatabases.builder()
                .client(aura)
                .instance("linked", LINKED, Harness.USER, Harness.PASSWORD)
                .build()) {
            int before = fake.journal().count("GET", "/v1/instances/" + LINKED);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Driver>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return dbs.driver("linked");
                }));
            }
            go.countDown();
            Set<Driver> drivers = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Future<Driver> f : futures) {
                drivers.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(drivers).hasSize(1);
            assertThat(fake.journal().count("GET", "/v1/instances/" + LINKED) - before)
                    .isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closeClosesEveryDriverAndRefusesFurtherUse() {
        Neo4jDatabases dbs = local().build();
        Driver driver = dbs.driver("main");
        try (Session s = driver.session()) {
            s.run("RETURN 1").consume();
        }
        dbs.close();
        dbs.close(); // idempotent
        assertThatThrownBy(driver::session).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> dbs.driver("main"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(dbs::healthCheck).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnknownNameFailsNamingItAndTheKnownOnes() {
        try (Neo4jDatabases dbs = local().build()) {
            Neo4jDatabaseException e = catchThrowableOfType(Neo4jDatabaseException.class, () -> dbs.driver("orders"));
            assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_NAME);
            assertThat(e.databaseName()).isEqualTo("orders");
            assertThat(e).hasMessageContaining("'orders'").hasMessageContaining("known: main");
        }
    }

    @Test
    void aWrongPasswordFailsNamingTheDatabaseAndUserButNeverThePassword() {
        try (Neo4jDatabases dbs = Neo4jDatabases.builder()
                .uri("billing", neo.uri(), Harness.USER, Harness.WRONG_PASSWORD)
                .build()) {
            Neo4jDatabaseException e = SecretGuard.observe(
                    catchThrowableOfType(Neo4jDatabaseException.class, () -> dbs.investigate("billing")));
            assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED);
            assertThat(e)
                    .hasMessageContaining("'billing'")
                    .hasMessageContaining(neo.uri())
                    .hasMessageContaining("user 'neo4j'")
                    .hasMessageContaining("(driver: AuthenticationException")
                    .hasMessageNotContaining(Harness.WRONG_PASSWORD);
            assertThat(e.getCause()).isInstanceOf(org.neo4j.driver.exceptions.AuthenticationException.class);
        }
    }

    @Test
    void anUnreachableHostFailsAsUnreachableNamingTheAddress() {
        String uri = "bolt://127.0.0.1:" + closedPort();
        try (Neo4jDatabases dbs = Neo4jDatabases.builder()
                .uri("down", uri, "neo4j", Harness.PASSWORD)
                .build()) {
            Neo4jDatabaseException e =
                    catchThrowableOfType(Neo4jDatabaseException.class, () -> dbs.investigate("down"));
            assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
            assertThat(e)
                    .hasMessageContaining("'down'")
                    .hasMessageContaining(uri)
                    .hasMessageContaining("unreachable");
        }
    }

    @Test
    void aDatabaseNameTheDbmsLacksFailsAsDatabaseNotFound() {
        try (Neo4jDatabases dbs = Neo4jDatabases.builder()
                .uri("other", neo.uri(), Harness.USER, Harness.PASSWORD, "nosuchdb")
                .build()) {
            Neo4jDatabaseException e =
                    catchThrowableOfType(Neo4jDatabaseException.class, () -> dbs.investigate("other"));
            assertThat(e.reason()).isEqualTo(Reason.DATABASE_NOT_FOUND);
            assertThat(e).hasMessageContaining("'other'");
        }
    }

    @Test
    void anExplicitDatabaseNameIsUsedForSessionsAndQueries() {
        try (Neo4jDatabases dbs = Neo4jDatabases.builder()
                .uri("named", neo.uri(), Harness.USER, Harness.PASSWORD, "neo4j")
                .build()) {
            assertThat(dbs.sessionConfig("named").database()).contains("neo4j");
            assertThat(dbs.investigate("named").database()).isEqualTo("neo4j");
        }
    }

    @Test
    void anInstanceEntryReadsItsBoltUriFromTheInstancesConnectionUrl() {
        try (Neo4jDatabases dbs = Neo4jDatabases.builder()
                .client(aura)
                .instance("linked", LINKED, Harness.USER, Harness.PASSWORD)
                .build()) {
            assertThat(dbs.uri("linked")).isEmpty();
            DatabaseOverview overview = dbs.investigate("linked");
            assertThat(overview.labels()).extracting(LabelSummary::label).contains("Person");
            assertThat(dbs.uri("linked")).contains(neo.uri());
        }
    }

    @Test
    void aPausedInstanceWithoutConnectionUrlFailsNamingTheInstanceAndItsStatus() {
        try (Neo4jDatabases dbs = Neo4jDatabases.builder()
                .client(aura)
                .instance("sleepy", PAUSED, Harness.USER, Harness.PASSWORD)
                .build()) {
            Neo4jDatabaseException e = catchThrowableOfType(Neo4jDatabaseException.class, () -> dbs.driver("sleepy"));
            assertThat(e.reason()).isEqualTo(Reason.NO_CONNECTION_URL);
            assertThat(e)
                    .hasMessageContaining("'sleepy'")
                    .hasMessageContaining(PAUSED)
                    .hasMessageContaining("status paused")
                    .hasMessageContaining("resume it");
        }
    }

    @Test
    void anUnknownInstanceFailsAsInstanceNotFound() {
        try (Neo4jDatabases dbs = Neo4jDatabases.builder()
                .client(aura)
                .instance("ghost", "99ff99ff", Harness.USER, Harness.PASSWORD)
                .build()) {
            Neo4jDatabaseException e = catchThrowableOfType(Neo4jDatabaseException.class, () -> dbs.session("ghost"));
            assertThat(e.reason()).isEqualTo(Reason.INSTANCE_NOT_FOUND);
            assertThat(e).hasMessageContaining("99ff99ff").hasMessageContaining("'ghost'");
            // not cached: the next use asks Aura again
            int before = fake.journal().count("GET", "/v1/instances/99ff99ff");
            assertThatThrownBy(() -> dbs.driver("ghost")).isInstanceOf(Neo4jDatabaseException.class);
            assertThat(fake.journal().count("GET", "/v1/instances/99ff99ff")).isEqualTo(before + 1);
        }
    }

    @Test
    void toStringShowsNamesAndAddressesButNoPassword() {
        try (Neo4jDatabases dbs = local().build()) {
            assertThat(dbs.toString()).contains("main=" + neo.uri()).doesNotContain(Harness.PASSWORD);
        }
    }

    @Test
    void refusesBadNamesAndDuplicatesBeforeAnyConnection() {
        assertThatThrownBy(() -> Neo4jDatabases.builder().uri(" ", neo.uri(), "neo4j", Harness.PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database name");
        assertThatThrownBy(() -> Neo4jDatabases.builder().uri("a/b", neo.uri(), "neo4j", Harness.PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a/b'");
        assertThatThrownBy(() -> local().uri("main", neo.uri(), "neo4j", Harness.PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already registered");
        assertThatThrownBy(() -> Neo4jDatabases.builder().uri(null, neo.uri(), "neo4j", Harness.PASSWORD))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void refusesUrisThatAreNotBoltOrCarryCredentialsWithoutEchoingThem() {
        assertThatThrownBy(() -> Neo4jDatabases.builder().uri("x", "http://localhost:7474", "neo4j", Harness.PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scheme");
        assertThatThrownBy(() -> Neo4jDatabases.builder().uri("x", "bolt://", "neo4j", Harness.PASSWORD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Neo4jDatabases.builder().uri("x", "", "neo4j", Harness.PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
        IllegalArgumentException e = SecretGuard.observe(catchThrowableOfType(
                IllegalArgumentException.class,
                () -> Neo4jDatabases.builder()
                        .uri("x", "bolt://neo4j:" + Harness.PASSWORD + "@127.0.0.1:7687", "neo4j", Harness.PASSWORD)));
        assertThat(e).hasMessageContaining("must not contain credentials").hasMessageNotContaining(Harness.PASSWORD);
    }

    @Test
    void refusesMissingCredentialsAndMalformedInstanceIds() {
        assertThatThrownBy(() -> Neo4jDatabases.builder().uri("x", neo.uri(), "neo4j", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("password must not be empty");
        assertThatThrownBy(() -> Neo4jDatabases.builder().uri("x", neo.uri(), "neo4j", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("password");
        assertThatThrownBy(() -> Neo4jDatabases.builder().uri("x", neo.uri(), " ", Harness.PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("username");
        assertThatThrownBy(() -> Neo4jDatabases.builder().instance("x", "../etc", "neo4j", Harness.PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("instanceId");
        assertThatThrownBy(() -> Neo4jDatabases.builder().uri("x", neo.uri(), "neo4j", Harness.PASSWORD, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database name");
    }

    @Test
    void needsADatabaseAndAClientForInstanceEntries() {
        assertThatThrownBy(() -> Neo4jDatabases.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least one database");
        assertThatThrownBy(() -> Neo4jDatabases.builder()
                        .instance("x", LINKED, "neo4j", Harness.PASSWORD)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("client(");
    }

    @Test
    void refusesTimeoutsAndSampleSizesOutOfRange() {
        assertThatThrownBy(() -> local().queryTimeout(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("queryTimeout");
        assertThatThrownBy(() -> local().queryTimeout(java.time.Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> local().sampleSize(0)).isInstanceOf(IllegalArgumentException.class);
        try (Neo4jDatabases dbs = local().sampleSize(1)
                .queryTimeout(java.time.Duration.ofSeconds(5))
                .build()) {
            assertThat(dbs.investigate("main").sampleSize()).isEqualTo(1);
        }
    }

    @Test
    void fromEnvironmentNamesWhatIsMissingOrContradictory() {
        java.util.Properties none = new java.util.Properties();
        assertThat(Neo4jDatabases.configuredNames(java.util.Map.of(), none)).isEmpty();
        assertThatThrownBy(() -> Neo4jDatabases.fromEnvironment(java.util.Map.of(), none, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NEO4J_URI");
        assertThatThrownBy(() ->
                        Neo4jDatabases.fromEnvironment(java.util.Map.of("NEO4J_ORDERS_URI", neo.uri()), none, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NEO4J_ORDERS_PASSWORD");
        assertThatThrownBy(() -> Neo4jDatabases.fromEnvironment(
                        java.util.Map.of("NEO4J_INSTANCE_ID", LINKED, "NEO4J_PASSWORD", Harness.PASSWORD), none, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs an AuraClient");
        assertThatThrownBy(() -> Neo4jDatabases.fromEnvironment(
                        java.util.Map.of(
                                "NEO4J_URI",
                                neo.uri(),
                                "NEO4J_INSTANCE_ID",
                                LINKED,
                                "NEO4J_PASSWORD",
                                Harness.PASSWORD),
                        none,
                        aura))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> Neo4jDatabases.configuredNames(java.util.Map.of("NEO4J_DEFAULT_URI", neo.uri()), none))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> Neo4jDatabases.fromEnvironment(
                        java.util.Map.of("NEO4J_URI", "http://x", "NEO4J_PASSWORD", Harness.PASSWORD), none, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fromEnvironmentDefaultsTheUsernameToNeo4j() {
        try (Neo4jDatabases dbs = Neo4jDatabases.fromEnvironment(
                java.util.Map.of("NEO4J_URI", neo.uri(), "NEO4J_PASSWORD", Harness.PASSWORD),
                new java.util.Properties(),
                null)) {
            assertThat(dbs.names()).containsExactly(Neo4jDatabases.DEFAULT_NAME);
            assertThat(dbs.client()).isEmpty();
            assertThat(dbs.healthCheck(Neo4jDatabases.DEFAULT_NAME).reachable()).isTrue();
        }
    }
}
