package dev.aurasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class FakeAuraExtensionTest {
    @RegisterExtension
    final FakeAuraExtension aura = new FakeAuraExtension();

    private FakeAuraServer fromBeforeEach;

    @BeforeEach
    void capture(FakeAuraServer server) {
        fromBeforeEach = server;
    }

    @Test
    void startsAServerAndInjectsTheSameOneIntoLifecycleAndTestMethods(FakeAuraServer server) {
        assertThat(server.isStarted()).isTrue();
        assertThat(server).isSameAs(fromBeforeEach).isSameAs(aura.server());
        assertThat(server.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(new RawFakeClient(server).get("/v1/tenants").status()).isEqualTo(200);
    }

    // ---- classes run through the JUnit engine below (nested classes are not picked up by Surefire)

    static final AtomicReference<FakeAuraServer> LAST = new AtomicReference<>();

    static class LeavesAViolationBehind {
        @RegisterExtension
        final FakeAuraExtension aura = FakeAuraExtension.with(b -> b.contractChecked());

        @Test
        void sendsAnUndocumentedRequest(FakeAuraServer server) {
            new RawFakeClient(server).get("/v1/not-in-the-documents");
        }
    }

    @ExtendWith(FakeAuraExtension.class)
    static class UsesTheDefaultExtension {
        @Test
        void runs(FakeAuraServer server) {
            LAST.set(server);
            assertThat(server.stepMode()).isEqualTo(StepMode.MANUAL);
        }
    }

    static final AtomicBoolean RAN = new AtomicBoolean();

    static class WantsAContractCheck {
        @RegisterExtension
        final FakeAuraExtension aura = FakeAuraExtension.with(b -> b.contractChecked());

        @Test
        void neverRunsWithoutDocuments() {
            RAN.set(true);
        }
    }

    @Test
    void failsATestThatLeavesContractViolations() {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(LeavesAViolationBehind.class))
                .execute()
                .testEvents();

        tests.assertStatistics(s -> s.started(1).failed(1));
        assertThat(tests.failed().stream()
                        .findFirst()
                        .orElseThrow()
                        .getPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .orElseThrow()
                        .getThrowable()
                        .orElseThrow())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 Aura API contract violation")
                .hasMessageContaining("/v1/not-in-the-documents");
    }

    @Test
    void worksWithExtendWithAndStopsTheServerAfterTheTest() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(UsesTheDefaultExtension.class))
                .execute()
                .testEvents()
                .assertStatistics(s -> s.succeeded(1));

        assertThat(LAST.get()).isNotNull();
        assertThat(LAST.get().isStarted()).isFalse();
    }

    @Test
    void failsContractCheckedTestsWithAClearMessageWhenTheDocumentsCannotBeRead() {
        String previous = System.getProperty("aura.openapi.dir");
        System.setProperty("aura.openapi.dir", "/nonexistent/openapi");
        RAN.set(false);
        try {
            Events tests = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(WantsAContractCheck.class))
                    .execute()
                    .testEvents();

            tests.assertStatistics(s -> s.started(1).failed(1).aborted(0).skipped(0));
            assertThat(RAN).isFalse();
            assertThat(tests.failed().stream()
                            .findFirst()
                            .orElseThrow()
                            .getPayload(org.junit.platform.engine.TestExecutionResult.class)
                            .orElseThrow()
                            .getThrowable()
                            .orElseThrow())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Contract check cannot run")
                    .hasMessageContaining("/nonexistent/openapi/aura_api_spec_v1beta5.yaml")
                    .hasMessageContaining("-Daura.openapi.dir");
        } finally {
            if (previous == null) {
                System.clearProperty("aura.openapi.dir");
            } else {
                System.setProperty("aura.openapi.dir", previous);
            }
        }
    }
}
