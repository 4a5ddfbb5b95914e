package dev.aurasdk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraException;
import dev.aurasdk.core.testing.SecretGuard;
import dev.aurasdk.graphql.AuthProviderSpec;
import dev.aurasdk.graphql.CreateGraphQLDataApi;
import dev.aurasdk.graphql.GraphQLDataApis;
import dev.aurasdk.graphql.InstanceCredentials;
import dev.aurasdk.graphql.TypeDefinitions;
import dev.aurasdk.testkit.DemoWorld;
import dev.aurasdk.testkit.FakeAuraServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.slf4j.LoggerFactory;

/**
 * The SecretGuard fails a test that leaks a secret of any kind through any channel, names the leak without
 * repeating the secret, lets a clean test pass, and is switched on in every module of the build.
 */
class SecretGuardTest {
    /** The fixtures below only run inside {@link #run(Class)} (never on their own in the build). */
    static volatile boolean armed;

    private static final String PASSWORD = "Fixture-Instance-Passw0rd";

    static class LeaksTheClientSecretInADebugLog {
        @Test
        void leaks() {
            Assumptions.assumeTrue(armed);
            LoggerFactory.getLogger("dev.aurasdk.http").debug("sending credentials {}", DemoWorld.CLIENT_SECRET);
        }
    }

    static class LeaksAnIssuedAccessTokenInATraceLog {
        @Test
        void leaks() {
            Assumptions.assumeTrue(armed);
            try (FakeAuraServer server = FakeAuraServer.create().start()) {
                LoggerFactory.getLogger("dev.aurasdk.auth").trace("token: {}", server.issueToken());
            }
        }
    }

    static class ThrowsAnExceptionWhoseCauseHoldsAnInstancePassword {
        @Test
        void leaks() {
            Assumptions.assumeTrue(armed);
            SecretGuard.register(PASSWORD);
            throw new AuraException("create failed", new IllegalStateException("rejected " + PASSWORD));
        }
    }

    static class CatchesAnExceptionWithADataApiKeyInItsMessage {
        @Test
        void leaks() {
            Assumptions.assumeTrue(armed);
            try (FakeAuraServer server = FakeAuraServer.create().start();
                    AuraClient client = server.clientBuilder().build()) {
                String key = GraphQLDataApis.create(client)
                        .create(
                                DemoWorld.INSTANCE_ID,
                                CreateGraphQLDataApi.builder()
                                        .name("movies")
                                        .typeDefinitions(TypeDefinitions.of("type Movie @node { t: String }"))
                                        .instanceCredentials(InstanceCredentials.of("neo4j", PASSWORD))
                                        .addAuthProviders(AuthProviderSpec.apiKey("default"))
                                        .build())
                        .apiKey()
                        .orElseThrow();
                try {
                    throw new IllegalStateException("key " + key + " refused");
                } catch (IllegalStateException e) {
                    SecretGuard.observe(e); // a test that checks a message hands the exception to the guard
                }
            }
        }
    }

    static class LogsAnyJsonWebToken {
        @Test
        void leaks() {
            Assumptions.assumeTrue(armed);
            LoggerFactory.getLogger("dev.aurasdk.graphql")
                    .info("bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9" + ".c2lnbmF0dXJlLWJ5dGVz");
        }
    }

    static class StaysClean {
        @Test
        void clean() {
            Assumptions.assumeTrue(armed);
            try (FakeAuraServer server = FakeAuraServer.create().start();
                    AuraClient client = server.clientBuilder().build()) {
                client.tenants().list();
                assertThatThrownBy(() -> client.instances().get("0000dead"))
                        .isInstanceOf(AuraException.class)
                        .satisfies(e -> SecretGuard.observe(e));
            }
        }
    }

    private static Events run(Class<?> fixture) {
        armed = true;
        try {
            return EngineTestKit.engine("junit-jupiter")
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                    .selectors(selectClass(fixture))
                    .execute()
                    .testEvents();
        } finally {
            armed = false;
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            classes = {
                LeaksTheClientSecretInADebugLog.class,
                LeaksAnIssuedAccessTokenInATraceLog.class,
                ThrowsAnExceptionWhoseCauseHoldsAnInstancePassword.class,
                CatchesAnExceptionWithADataApiKeyInItsMessage.class,
                LogsAnyJsonWebToken.class
            })
    void aTestThatLeaksASecretFailsWithAMessageThatDoesNotRepeatIt(Class<?> fixture) {
        Events events = run(fixture);
        assertThat(events.failed().count()).as("failed tests").isEqualTo(1);
        Event failed = events.failed().list().get(0);
        Throwable failure = failed.getPayload(TestExecutionResult.class)
                .orElseThrow()
                .getThrowable()
                .orElseThrow();
        AssertionError guard =
                failure instanceof AssertionError && failure.getMessage().startsWith("SecretGuard")
                        ? (AssertionError) failure
                        : (AssertionError) List.of(failure.getSuppressed()).stream()
                                .filter(s -> String.valueOf(s.getMessage()).startsWith("SecretGuard"))
                                .findFirst()
                                .orElseThrow(() -> new AssertionError("no SecretGuard failure", failure));
        assertThat(guard.getMessage()).contains("leaked").contains("…\" (");
        assertThat(SecretGuard.findLeaks(guard.getMessage()))
                .as("the guard's own message")
                .isEmpty();
        assertThat(guard.getMessage()).doesNotContain(DemoWorld.CLIENT_SECRET).doesNotContain(PASSWORD);
    }

    @Test
    void aCleanTestThatTalksToTheFakePasses() {
        Events events = run(StaysClean.class);
        assertThat(events.succeeded().count()).isEqualTo(1);
        assertThat(events.failed().count()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "aura-sdk-core",
                "aura-sdk-testkit",
                "aura-sdk-import",
                "aura-sdk-graphql",
                "aura-sdk-reliability-tests"
            })
    void theGuardIsSwitchedOnForEveryTestOfTheModule(String module) throws IOException {
        Path resources = Path.of("..", module, "src", "test", "resources");
        assertThat(Files.readString(resources.resolve("junit-platform.properties")))
                .contains("junit.jupiter.extensions.autodetection.enabled=true");
        assertThat(Files.readString(resources.resolve("META-INF/services/org.junit.jupiter.api.extension.Extension")))
                .contains("dev.aurasdk.core.testing.SecretGuardExtension");
    }
}
