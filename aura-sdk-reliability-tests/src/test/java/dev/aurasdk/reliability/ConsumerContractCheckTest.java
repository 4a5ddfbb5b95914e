package dev.aurasdk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.testkit.FakeAuraServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer project gets real contract checks from the testkit alone: {@link ConsumerProject} runs in a fresh JVM
 * whose working directory is an empty folder with no {@code shared/aura-api/openapi} above it, without
 * {@code -Daura.openapi.dir}, on this module's test class path (where the testkit is an ordinary dependency: its jar
 * under {@code mvn verify}, its classes folder under {@code mvn test}). The documents must come from the testkit's
 * class path entry, a documented answer must pass and a wrongly shaped one must fail the consumer's test.
 */
class ConsumerContractCheckTest {
    @Test
    void aConsumerProjectChecksAgainstTheDocumentsShippedInTheTestkit(@TempDir Path project) throws Exception {
        for (Path dir = project.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            assertThat(dir.resolve("shared/aura-api/openapi"))
                    .as("no OpenAPI folder above the consumer")
                    .doesNotExist();
        }
        String testkit = FakeAuraServer.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toString();
        Path testkitPath = Paths.get(FakeAuraServer.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        String classPath = System.getProperty("java.class.path");
        assertThat(classPath.split(File.pathSeparator))
                .as("the test class path holds the testkit")
                .anySatisfy(e -> assertThat(Paths.get(e).toAbsolutePath()).isEqualTo(testkitPath));
        Path output = project.resolve("output.txt");
        Process consumer = new ProcessBuilder(
                        Paths.get(System.getProperty("java.home"), "bin", "java")
                                .toString(),
                        "-cp",
                        classPath,
                        ConsumerProject.class.getName())
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        assertThat(consumer.waitFor(5, TimeUnit.MINUTES))
                .as("the consumer JVM ended")
                .isTrue();
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        String all = String.join("\n", lines);
        assertThat(consumer.exitValue()).as(all).isZero();

        assertThat(lines).as(all).contains("property=null", "testkit=" + testkit);
        String documents = value(lines, "documents=");
        assertThat(documents)
                .as("read from the testkit's class path entry")
                .endsWith("dev/aurasdk/testkit/openapi/")
                .contains(testkitPath.toString())
                .doesNotContain("shared/aura-api");
        if (testkit.endsWith(".jar")) {
            assertThat(documents).startsWith("jar:").contains(testkitPath + "!/");
        }
        assertThat(lines)
                .as(all)
                .contains(
                        "correct.started=1 succeeded=1 failed=0 aborted=0 skipped=0",
                        "wrong.started=1 succeeded=0 failed=1 aborted=0 skipped=0");
        assertThat(value(lines, "wrong.failure="))
                .startsWith("java.lang.AssertionError: 1 Aura API contract violation")
                .contains("GET /v1/tenants")
                .contains("validation.response.body.schema.type")
                .contains("/name");
    }

    private static String value(List<String> lines, String prefix) {
        return lines.stream()
                .filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(prefix.length()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line " + prefix + " in " + lines));
    }
}
