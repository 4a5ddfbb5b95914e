package dev.aurasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraCredentials;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The standalone fake's command line: shell-ready settings, and one-line mistakes. */
class FakeAuraServerMainTest {
    /** What one run printed and returned. */
    record Run(int code, String out, String err) {}

    static Run run(String... args) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = FakeAuraServerMain.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new CountDownLatch(0));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Map<String, String> exports(String text) {
        Map<String, String> vars = new LinkedHashMap<>();
        text.lines().filter(l -> l.startsWith("export ")).forEach(l -> {
            String assignment = l.substring("export ".length());
            int eq = assignment.indexOf('=');
            vars.put(assignment.substring(0, eq), assignment.substring(eq + 1));
        });
        return vars;
    }

    @Test
    void printsAnExportLineForEveryVariableAndEveryOtherLineIsAShellComment() throws InterruptedException {
        Run r = run("--port", "0");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines()).allMatch(l -> l.startsWith("export ") || l.startsWith("#"));
        Map<String, String> vars = exports(r.out());
        assertThat(vars.keySet())
                .containsExactly(
                        "AURA_BASE_URL",
                        "AURA_AUTH_URL",
                        "AURA_API_CLIENT_ID",
                        "AURA_API_CLIENT_SECRET",
                        "AURA_ORGANIZATION_ID",
                        "AURA_PROJECT_ID",
                        "AURA_INSTANCE_ID",
                        "AURA_IMPORT_MODEL_ID",
                        "AURA_JWKS_URL",
                        "AURA_INSTANCE_USERNAME",
                        "AURA_INSTANCE_PASSWORD");
        assertThat(vars)
                .containsEntry("AURA_API_CLIENT_ID", DemoWorld.CLIENT_ID)
                .containsEntry("AURA_IMPORT_MODEL_ID", DemoWorld.IMPORT_MODEL_ID)
                .containsEntry("AURA_INSTANCE_ID", DemoWorld.INSTANCE_ID);
        assertThat(vars.get("AURA_BASE_URL")).startsWith("http://127.0.0.1:");
    }

    @Test
    void theExportedSettingsReachTheRunningServer() {
        try (FakeAuraServer server =
                FakeAuraServer.builder().clientSecret("it's a secret").build().start()) {
            Map<String, String> vars = exports(FakeAuraServerMain.summary(server));
            assertThat(vars.get("AURA_API_CLIENT_SECRET")).isEqualTo("'it'\\''s a secret'");
            try (AuraClient aura = AuraClient.builder()
                    .baseUrl(vars.get("AURA_BASE_URL"))
                    .credentials(AuraCredentials.of(vars.get("AURA_API_CLIENT_ID"), "it's a secret"))
                    .build()) {
                assertThat(aura.organizations()
                                .project(vars.get("AURA_ORGANIZATION_ID"), vars.get("AURA_PROJECT_ID"))
                                .name())
                        .isEqualTo("Production");
            }
        }
    }

    @Test
    void aPortThatIsNotANumberIsOneLineAndExitTwo() throws InterruptedException {
        Run r = run("--port", "abc");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines())
                .containsExactly(
                        "error: --port needs a port number from 0 to 65535, not 'abc' (--help lists the options)");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aPortInUseIsOneLineAndExitTwo() throws InterruptedException {
        try (FakeAuraServer busy = FakeAuraServer.create().start()) {
            Run r = run("--port", String.valueOf(busy.port()));
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err().lines())
                    .hasSize(1)
                    .first()
                    .asString()
                    .startsWith("error: port " + busy.port() + " is already in use");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void otherMistakesAreOneLineToo() throws InterruptedException {
        for (String[] args : new String[][] {{"--pace", "soon"}, {"--token-ttl", "-1"}, {"--nope"}, {"--port"}}) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().lines())
                    .as(String.join(" ", args))
                    .hasSize(1)
                    .first()
                    .asString()
                    .startsWith("error: ")
                    .endsWith("(--help lists the options)");
        }
    }
}
