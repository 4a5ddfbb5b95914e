package dev.aurasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.model.Instance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A fake instance linked to a (here: recording) database, and instances without a connection_url. */
class LinkedDatabaseTest {
    static final String MODEL = "8c1f0a52-3f4e-4b6d-9a1c-2e3f4a5b6c7d";

    static final class Recording implements LinkedDatabase {
        final List<CompletedImport> received = new CopyOnWriteArrayList<>();
        final boolean fail;

        Recording(boolean fail) {
            this.fail = fail;
        }

        @Override
        public String connectionUrl() {
            return "bolt://127.0.0.1:7687";
        }

        @Override
        public void importCompleted(CompletedImport completed) {
            received.add(completed);
            if (fail) {
                throw new IllegalStateException("disk full");
            }
        }
    }

    private static final String JOBS = "/v2beta1/organizations/" + DemoWorld.ORGANIZATION_ID + "/projects/"
            + DemoWorld.PROJECT_ID + "/import/jobs";

    private static String create(RawFakeClient raw) {
        return raw.post(JOBS, "{\"importModelId\":\"" + MODEL + "\",\"auraCredentials\":{\"dbId\":\"abcd0001\"}}")
                .data()
                .get("id")
                .asText();
    }

    private static String get(RawFakeClient raw, String id) {
        return raw.get(JOBS + "/" + id + "?progress=true").body();
    }

    private static FakeAuraServer server(Recording db) {
        FakeAuraServer server = FakeAuraServer.builder().build().start();
        server.seed()
                .instance(FakeInstance.of("abcd0001", DemoWorld.PROJECT_ID).linkedTo(db))
                .instance(FakeInstance.of("abcd0002", DemoWorld.PROJECT_ID)
                        .status("paused")
                        .withoutConnectionUrl())
                .importModel(FakeImportModel.of(MODEL)
                        .node("Person", 40)
                        .node("City", 4)
                        .relationship("LIVES_IN", 40)
                        .durationTicks(3));
        return server;
    }

    @Test
    void aCompletedJobHandsItsCountsToTheLinkedDatabaseOnceBeforeReportingCompletion() {
        Recording db = new Recording(false);
        try (FakeAuraServer server = server(db)) {
            RawFakeClient raw = new RawFakeClient(server).token(server.issueToken());
            String id = create(raw);
            server.advance(Duration.ofSeconds(2));
            assertThat(get(raw, id)).contains("\"Running\"");
            assertThat(db.received).isEmpty();
            server.advance(Duration.ofSeconds(5));
            assertThat(get(raw, id)).contains("\"Success\"");
            get(raw, id);
            assertThat(db.received).singleElement().satisfies(c -> {
                assertThat(c.jobId()).isEqualTo(id);
                assertThat(c.instanceId()).isEqualTo("abcd0001");
                assertThat(c.exitState()).isEqualTo("Success");
                assertThat(c.nodes()).containsExactly(Map.entry("Person", 40L), Map.entry("City", 4L));
                assertThat(c.relationships()).containsEntry("LIVES_IN", 40L);
            });
        }
    }

    @Test
    void aLinkedDatabaseThatThrowsFailsTheJob() {
        Recording db = new Recording(true);
        try (FakeAuraServer server = server(db)) {
            RawFakeClient raw = new RawFakeClient(server).token(server.issueToken());
            String id = create(raw);
            server.advance(Duration.ofSeconds(10));
            String job = get(raw, id);
            assertThat(job)
                    .contains("\"Failure\"")
                    .contains("could not write to the linked database")
                    .contains("IllegalStateException");
            assertThat(get(raw, id)).contains("\"Failure\"");
            assertThat(db.received).hasSize(1);
        }
    }

    @Test
    void theConnectionUrlIsTheLinkedDatabasesOrAbsent() {
        try (FakeAuraServer server = server(new Recording(false));
                AuraClient aura = server.clientBuilder().build()) {
            Instance linked = aura.instances().get("abcd0001");
            Instance paused = aura.instances().get("abcd0002");
            assertThat(linked.connectionUrl()).contains("bolt://127.0.0.1:7687");
            assertThat(paused.connectionUrl()).isEmpty();
            assertThat(paused.status().map(s -> s.value())).contains("paused");
        }
    }
}
