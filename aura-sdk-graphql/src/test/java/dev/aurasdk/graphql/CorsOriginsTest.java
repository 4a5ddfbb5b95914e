package dev.aurasdk.graphql;

import static dev.aurasdk.graphql.GraphQLFixtures.API;
import static dev.aurasdk.graphql.GraphQLFixtures.BASE;
import static dev.aurasdk.graphql.GraphQLFixtures.INSTANCE;
import static dev.aurasdk.graphql.GraphQLFixtures.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.testing.CapturedLogs;
import dev.aurasdk.core.testing.ScriptedAura;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.event.Level;

class CorsOriginsTest {
    private static final String A = "https://a.example.com";
    private static final String B = "https://b.example.com";
    private static final String C = "https://c.example.com";

    private ScriptedAura aura;
    private AuraClient client;
    private GraphQLDataApis apis;
    private CorsOrigins cors;

    @BeforeEach
    void setUp() {
        CapturedLogs.clear();
        aura = new ScriptedAura();
        client = GraphQLFixtures.client(aura);
        apis = GraphQLDataApis.create(client);
        cors = apis.cors(INSTANCE, API);
    }

    @AfterEach
    void tearDown() {
        client.close();
        aura.close();
    }

    /** PATCH accepted, then the API goes through updating to ready with these origins. */
    private void patchThenReadyWith(String... origins) {
        aura.enqueue(GraphQLFixtures.accepted("updating"));
        aura.enqueue(GraphQLFixtures.get("updating"));
        aura.enqueue(GraphQLFixtures.get("ready", origins));
    }

    private List<RecordedRequest> patches() {
        return aura.apiRequests.stream()
                .filter(r -> r.getMethod().equals("PATCH"))
                .toList();
    }

    @Test
    void originsReadsTheListAsStored() {
        aura.enqueue(GraphQLFixtures.get("ready", A, B));

        assertThat(cors.origins()).containsExactly(A, B);
    }

    @Test
    void allowReadsComputesTheWholeListPatchesWaitsAndReturnsTheReRead() {
        aura.enqueue(GraphQLFixtures.get("ready", A));
        patchThenReadyWith(A, B);

        List<String> result = cors.allow("HTTPS://B.Example.COM:443/");

        assertThat(result).containsExactly(A, B);
        assertThat(aura.apiRequests)
                .extracting(GraphQLFixtures::line)
                .containsExactly(
                        "GET " + BASE + "/" + API,
                        "PATCH " + BASE + "/" + API,
                        "GET " + BASE + "/" + API,
                        "GET " + BASE + "/" + API);
        assertThat(body(patches().get(0)))
                .isEqualTo("{\"security\":{\"cors_policy\":{\"allowed_origins\":[\"" + A + "\",\"" + B + "\"]}}}");
    }

    @Test
    void notAwaitingReadyPatchesOnceAndReturnsTheListSentWithoutWaiting() {
        aura.enqueue(GraphQLFixtures.get("ready", A));
        aura.enqueue(GraphQLFixtures.accepted("updating"));

        List<String> result = cors.notAwaitingReady().allow(B);

        assertThat(result).containsExactly(A, B);
        assertThat(aura.apiRequests)
                .extracting(GraphQLFixtures::line)
                .containsExactly("GET " + BASE + "/" + API, "PATCH " + BASE + "/" + API);
    }

    @Test
    void awaitingReadyIsTheDefaultAndCanBeRestored() {
        aura.enqueue(GraphQLFixtures.get("ready", A));
        patchThenReadyWith(A, B);

        List<String> result = cors.notAwaitingReady().awaitingReady().allow(B);

        assertThat(result).containsExactly(A, B);
        assertThat(patches()).hasSize(1);
        assertThat(aura.apiRequests).hasSize(4); // GET, PATCH, then the wait's two GETs
    }

    @Test
    void disallowingTheLastOriginSendsTheEmptyListWithTheClisWorkaroundField() {
        aura.enqueue(GraphQLFixtures.get("ready", A));
        patchThenReadyWith();

        List<String> result = cors.disallow(A + "/");

        assertThat(result).isEmpty();
        assertThat(body(patches().get(0)))
                .isEqualTo("{\"security\":{\"cors_policy\":{\"allowed_origins\":[]}},\"test\":\"ignore me\"}");
    }

    @Test
    void disallowKeepsTheOtherOriginsInOrder() {
        aura.enqueue(GraphQLFixtures.get("ready", A, B, C));
        patchThenReadyWith(A, C);

        cors.disallow(B);

        assertThat(body(patches().get(0)))
                .isEqualTo("{\"security\":{\"cors_policy\":{\"allowed_origins\":[\"" + A + "\",\"" + C + "\"]}}}");
    }

    @Test
    void replaceWithAnEmptyListAlsoUsesTheWorkaround() {
        aura.enqueue(GraphQLFixtures.get("ready", A, B));
        patchThenReadyWith();

        assertThat(cors.replace(List.of())).isEmpty();

        assertThat(body(patches().get(0)))
                .isEqualTo("{\"security\":{\"cors_policy\":{\"allowed_origins\":[]}},\"test\":\"ignore me\"}");
    }

    @Test
    void replaceNormalisesAndDropsDuplicates() {
        aura.enqueue(GraphQLFixtures.get("ready", A));
        patchThenReadyWith(B, C);

        cors.replace(List.of("https://B.example.com:443", B + "/", "HTTPS://c.example.com"));

        assertThat(body(patches().get(0)))
                .isEqualTo("{\"security\":{\"cors_policy\":{\"allowed_origins\":[\"" + B + "\",\"" + C + "\"]}}}");
    }

    @Test
    void aNonEmptyListIsSentWithoutTheWorkaroundField() {
        aura.enqueue(GraphQLFixtures.get("ready"));
        patchThenReadyWith(A);

        cors.replace(List.of(A));

        assertThat(body(patches().get(0))).doesNotContain("test");
    }

    @Test
    void aChangeAlreadyInEffectSendsNothing() {
        aura.enqueue(GraphQLFixtures.get("ready", A, B));
        aura.enqueue(GraphQLFixtures.get("ready", A, B));
        aura.enqueue(GraphQLFixtures.get("ready", A, B));

        assertThat(cors.allow(B)).containsExactly(A, B);
        assertThat(cors.disallow(C)).containsExactly(A, B);
        assertThat(cors.replace(List.of(B, A))).containsExactly(A, B);

        assertThat(patches()).isEmpty();
        assertThat(aura.apiRequests).hasSize(3);
    }

    @Test
    void aLostUpdateIsDetectedOnTheReReadAndApplied() {
        aura.enqueue(GraphQLFixtures.get("ready", A));
        patchThenReadyWith(A, C); // another writer replaced the list: B is missing
        patchThenReadyWith(A, C, B);

        List<String> result = cors.allow(B);

        assertThat(result).containsExactly(A, C, B);
        assertThat(patches()).hasSize(2);
        assertThat(body(patches().get(0)))
                .isEqualTo("{\"security\":{\"cors_policy\":{\"allowed_origins\":[\"" + A + "\",\"" + B + "\"]}}}");
        assertThat(body(patches().get(1)))
                .as("applied on top of the concurrent writer's list")
                .isEqualTo("{\"security\":{\"cors_policy\":{\"allowed_origins\":[\"" + A + "\",\"" + C + "\",\"" + B
                        + "\"]}}}");
        assertThat(CapturedLogs.events("dev.aurasdk.graphql")).anySatisfy(e -> {
            assertThat(e.level()).isEqualTo(Level.WARN);
            assertThat(e.message()).contains("lost to a concurrent update");
        });
    }

    @Test
    void aLostDisallowIsRetriedToo() {
        aura.enqueue(GraphQLFixtures.get("ready", A, B));
        patchThenReadyWith(A, B, C); // the removed origin came back with someone else's change
        patchThenReadyWith(A, C);

        assertThat(cors.disallow(B)).containsExactly(A, C);
        assertThat(patches()).hasSize(2);
    }

    @Test
    void aChangeLostThreeTimesEndsInTheTypedException() {
        aura.enqueue(GraphQLFixtures.get("ready", A));
        patchThenReadyWith(A);
        patchThenReadyWith(A);
        patchThenReadyWith(A);

        assertThatThrownBy(() -> cors.allow(B))
                .isInstanceOf(CorsUpdateConflictException.class)
                .hasMessageContaining("3 time(s)")
                .satisfies(e -> {
                    CorsUpdateConflictException ex = (CorsUpdateConflictException) e;
                    assertThat(ex.attempts()).isEqualTo(3);
                    assertThat(ex.lastSeenOrigins()).containsExactly(A);
                });
        assertThat(patches()).hasSize(3);
    }

    @Test
    void theNumberOfAttemptsIsConfigurable() {
        GraphQLDataApis once =
                GraphQLDataApis.builder(client).corsUpdateAttempts(1).build();
        aura.enqueue(GraphQLFixtures.get("ready", A));
        patchThenReadyWith(A);

        assertThatThrownBy(() -> once.cors(INSTANCE, API).allow(B)).isInstanceOf(CorsUpdateConflictException.class);
        assertThat(patches()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "  ",
                "null",
                "*",
                "https://*.example.com",
                "app.example.com",
                "ftp://example.com",
                "https://example.com/path",
                "https://example.com?q=1",
                "https://example.com#frag",
                "https://user:secret@example.com",
                "https://exa mple.com",
                "https://"
            })
    void invalidOriginsAreRejectedBeforeAnyRequest(String origin) {
        assertThatThrownBy(() -> cors.allow(origin))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("secret");
        assertThatThrownBy(() -> cors.replace(List.of(A, origin))).isInstanceOf(IllegalArgumentException.class);
        assertThat(aura.apiRequests).isEmpty();
        assertThat(aura.tokenRequests.get()).isZero();
    }

    @Test
    void allowAndDisallowNeedAtLeastOneOrigin() {
        assertThatThrownBy(() -> cors.allow()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cors.disallow(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(aura.apiRequests).isEmpty();
    }

    @Test
    void aPlainHttpOriginIsWarnedAboutOncePerApi() {
        aura.enqueue(GraphQLFixtures.get("ready"));
        patchThenReadyWith("http://localhost:3000");
        aura.enqueue(GraphQLFixtures.get("ready", "http://localhost:3000"));
        patchThenReadyWith("http://localhost:3000", "http://localhost:4000");

        cors.allow("http://localhost:3000");
        cors.allow("http://localhost:4000");

        List<CapturedLogs.Event> warnings = CapturedLogs.events("dev.aurasdk.graphql").stream()
                .filter(e -> e.level() == Level.WARN && e.message().contains("plain http"))
                .toList();
        assertThat(warnings)
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains(API, "http://localhost:3000"));
    }

    @Test
    void theWaitAfterACorsChangeUsesTheGivenWaitOptions() {
        aura.enqueue(GraphQLFixtures.get("ready", A));
        aura.enqueue(GraphQLFixtures.accepted("updating"));
        aura.defaultApi(GraphQLFixtures.get("updating"));
        CorsOrigins slow = cors.withWaitOptions(dev.aurasdk.core.wait.WaitOptions.builder()
                .jitter(0)
                .timeout(java.time.Duration.ofSeconds(5))
                .build());

        assertThatThrownBy(() -> slow.allow(B)).isInstanceOf(dev.aurasdk.core.AuraTimeoutException.class);
    }
}
