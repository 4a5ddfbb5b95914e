package dev.aurasdk.reliability;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.http.ApiRequest;
import dev.aurasdk.core.http.ApiVersion;
import dev.aurasdk.testkit.DemoWorld;
import dev.aurasdk.testkit.FakeAuraExtension;
import dev.aurasdk.testkit.FakeAuraServer;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * A consumer's test suite, run in a JVM of its own by {@link ConsumerContractCheckTest}: two test classes that use
 * the testkit as a user would ({@code FakeAuraExtension.with(b -> b.contractChecked())}), one whose fake answers
 * as documented and one that makes the fake answer with a wrong shape. Prints one line per fact for the parent
 * test to check.
 */
final class ConsumerProject {
    static final AtomicReference<String> DOCUMENTS = new AtomicReference<>("none");

    private ConsumerProject() {}

    public static void main(String[] args) {
        System.out.println("property=" + System.getProperty("aura.openapi.dir"));
        System.out.println("testkit="
                + FakeAuraServer.class.getProtectionDomain().getCodeSource().getLocation());
        report(
                "correct",
                EngineTestKit.engine("junit-jupiter")
                        .selectors(selectClass(CorrectShape.class))
                        .execute()
                        .testEvents());
        System.out.println("documents=" + DOCUMENTS.get());
        report(
                "wrong",
                EngineTestKit.engine("junit-jupiter")
                        .selectors(selectClass(WrongShape.class))
                        .execute()
                        .testEvents());
    }

    private static void report(String name, Events tests) {
        System.out.println(name + ".started=" + tests.started().count() + " succeeded="
                + tests.succeeded().count()
                + " failed=" + tests.failed().count() + " aborted="
                + tests.aborted().count()
                + " skipped=" + tests.skipped().count());
        tests.failed().stream()
                .forEach(e -> e.getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable)
                        .ifPresent(t -> System.out.println(
                                name + ".failure=" + t.getClass().getName() + ": "
                                        + String.valueOf(t.getMessage()).replace('\n', ' '))));
    }

    /** A test whose fake answers as Aura documents it: passes. */
    static class CorrectShape {
        @RegisterExtension
        final FakeAuraExtension aura = FakeAuraExtension.with(b -> b.contractChecked());

        @Test
        void listsTenantsAndInstances(FakeAuraServer server) {
            DOCUMENTS.set(String.valueOf(server.contractDocuments().orElse(null)));
            try (AuraClient client = server.clientBuilder().build()) {
                client.tenants().list();
                client.instances().list();
                client.http().send(ApiRequest.get(ApiVersion.V1).path("tenants").build(), JsonNode.class);
            }
        }
    }

    /** A test that scripts a tenant list whose name is a number (the documents say string): fails. */
    static class WrongShape {
        @RegisterExtension
        final FakeAuraExtension aura = FakeAuraExtension.with(b -> b.contractChecked());

        @Test
        void scriptsAWrongTenantList(FakeAuraServer server) {
            server.fault()
                    .next(1)
                    .matching("GET", "/v1/tenants")
                    .respond(200, "{\"data\":[{\"id\":\"" + DemoWorld.PROJECT_ID + "\",\"name\":42}]}");
            try (AuraClient client = server.clientBuilder().build()) {
                client.http().send(ApiRequest.get(ApiVersion.V1).path("tenants").build(), JsonNode.class);
            }
        }
    }
}
