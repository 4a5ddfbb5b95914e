package dev.aurasdk.reliability;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.http.Sleeper;
import dev.aurasdk.imports.CreateImportJob;
import dev.aurasdk.imports.ImportJobs;
import dev.aurasdk.imports.ProjectRef;
import dev.aurasdk.testkit.DemoWorld;
import dev.aurasdk.testkit.FakeAuraServer;
import dev.aurasdk.testkit.JournalEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Ids and helpers shared by the reliability tests; everything runs against the testkit's demo world. */
final class Fixtures {
    static final String ORG = DemoWorld.ORGANIZATION_ID;
    static final String PROJECT = DemoWorld.PROJECT_ID;
    static final String INSTANCE = DemoWorld.INSTANCE_ID;
    static final String MODEL = DemoWorld.IMPORT_MODEL_ID;
    /** The path of an instance read (the GET of the fault matrix). */
    static final String INSTANCE_PATH = "/v1/instances/" + INSTANCE;
    /** The path of an import-job create (the POST of the fault matrix). */
    static final String JOBS_PATH = "/v2beta1/organizations/" + ORG + "/projects/" + PROJECT + "/import/jobs";

    static final String TOKEN_PATH = "/oauth/token";

    private Fixtures() {}

    static ImportJobs jobs(AuraClient client) {
        return ImportJobs.create(client, ProjectRef.of(ORG, PROJECT));
    }

    static CreateImportJob importRequest() {
        return CreateImportJob.builder()
                .importModelId(MODEL)
                .instanceId(INSTANCE)
                .build();
    }

    /**
     * A sleeper in the fake's virtual time for many threads at once: a thread that sleeps until T moves the clock to
     * T if it is not there yet (concurrent sleeps overlap, as in real time, instead of adding up).
     */
    static Sleeper overlappingVirtualSleeper(FakeAuraServer server) {
        return d -> {
            if (d.isNegative() || d.isZero()) {
                return;
            }
            Instant target = server.clock().instant().plus(d);
            synchronized (server.clock()) {
                Duration behind = Duration.between(server.clock().instant(), target);
                if (!behind.isNegative() && !behind.isZero()) {
                    server.advance(behind);
                }
            }
        };
    }

    /**
     * POSTs of import-job creates that the fake processed: those whose (redacted) answer carried a job id, whether or
     * not that answer reached the client.
     */
    static long processedCreates(FakeAuraServer server) {
        return server.journal().find("POST", JOBS_PATH).stream()
                .filter(Fixtures::createdAJob)
                .count();
    }

    private static boolean createdAJob(JournalEntry e) {
        return e.responseBody().contains("\"id\"");
    }

    static List<JournalEntry> received(FakeAuraServer server, String method, String path) {
        return server.journal().find(method, path);
    }
}
