package dev.aurasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WallClockAndMainTest {
    @Test
    void wallClockModeFinishesAnImportJobByItselfAtTheConfiguredPace() throws InterruptedException {
        try (FakeAuraServer server = FakeAuraServer.builder()
                .stepMode(StepMode.WALL_CLOCK)
                .tick(Duration.ofMillis(30))
                .build()
                .start()) {
            RawFakeClient client = new RawFakeClient(server);
            String id = ImportJobLifecycleTest.create(client, DemoWorld.IMPORT_MODEL_ID);

            String state = "";
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos(); // generous: load slows real time
            while (!state.equals("Completed") && System.nanoTime() < deadline) {
                Thread.sleep(50);
                state = client.get(ImportJobLifecycleTest.JOBS + "/" + id)
                        .data()
                        .get("info")
                        .get("state")
                        .asText();
            }

            assertThat(state).isEqualTo("Completed");
            assertThat(server.clock().isWallClock()).isTrue();
        }
    }

    @Test
    void advanceMovesTheWallClockForwardToo() {
        try (FakeAuraServer server =
                FakeAuraServer.builder().stepMode(StepMode.WALL_CLOCK).build().start()) {
            RawFakeClient client = new RawFakeClient(server);
            server.advance(Duration.ofHours(2));

            assertThat(client.get("/v1/tenants").status()).as("token expired").isEqualTo(403);
        }
    }

    @Test
    void mainPrintsUsageForHelp() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            FakeAuraServerMain.main(new String[] {"--help"});
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            System.setOut(original);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("--port", "--client-id", "--client-secret", "--token-ttl", "--pace");
    }

    @Test
    void switchingIntoWallClockAfterBuildIsRefused() {
        FakeAuraServer server = FakeAuraServer.create();
        try {
            server.stepMode(StepMode.AUTO);
            assertThat(server.stepMode()).isEqualTo(StepMode.AUTO);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> server.stepMode(StepMode.WALL_CLOCK))
                    .isInstanceOf(IllegalArgumentException.class);
        } finally {
            server.close();
        }
    }
}
