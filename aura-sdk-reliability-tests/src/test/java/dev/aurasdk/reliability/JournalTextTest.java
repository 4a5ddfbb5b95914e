package dev.aurasdk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aurasdk.testkit.DemoWorld;
import dev.aurasdk.testkit.JournalEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The golden journal's machinery: what the rendering keeps and hides, the diff, the update switch. */
class JournalTextTest {
    private static final String JOB = "3f7b1c2e-8d4a-4b6f-9e21-5a0c7d9e4b13";
    private static final String API = "a1b2c3d4";

    @Test
    void rendersTheRequestWithPlaceholdersSortedJsonAndNoCredential() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("User-Agent", List.of("aura-sdk-java/9.9.9-SNAPSHOT (Java 17.0.12; Linux amd64) my-app/1"));
        headers.put("Authorization", List.of("Bearer eyJhbGciOi.secret-token"));
        headers.put("Content-Type", List.of("application/json"));
        headers.put("Host", List.of("127.0.0.1:40123"));
        headers.put("Content-Length", List.of("42"));
        headers.put("X-Api-Key", List.of("raw-key-value"));
        String path = "/v1beta5/instances/" + DemoWorld.INSTANCE_ID + "/data-apis/graphql/" + API + "/jobs/" + JOB;
        String body =
                "{\"z\":1,\"a\":{\"y\":\"" + JOB + "\",\"b\":[\"" + API + "\"]},\"long\":\"" + "x".repeat(150) + "\"}";
        String text = JournalText.render(List.of(
                entry(1, "PATCH", path, "progress=true", headers, body, 202),
                entry(2, "GET", "/jobs/" + API, null, Map.of(), "", 0)));

        assertThat(text)
                .isEqualTo("PATCH /v1beta5/instances/<instance>/data-apis/graphql/<id1>/jobs/<id2>?progress=true\n"
                        + "  authorization: Bearer <credential>\n"
                        + "  content-type: application/json\n"
                        + "  user-agent: aura-sdk-java/<version> (Java <java>; <os>) my-app/1\n"
                        + "  x-api-key: <credential>\n"
                        + "  body: {\"a\":{\"b\":[\"<id1>\"],\"y\":\"<id2>\"},\"long\":\"<150 chars, sha256 "
                        + "a09244d54a7ed6e9>\",\"z\":1}\n"
                        + "  -> 202\n\n"
                        + "GET /jobs/<id1>\n"
                        + "  -> dropped\n\n");
        assertThat(text).doesNotContain("secret-token", "raw-key-value", "40123", "17.0.12");
    }

    @Test
    void theDiffShowsRemovedAndAddedLinesWithContext() {
        String golden = "a\nb\nc\nd\ne\nf\ng\nh\n";
        String actual = "a\nb\nc\nD\ne\nf\ng\nh\ni\n";

        assertThat(GoldenFiles.diff("golden", "actual", golden, actual))
                .isEqualTo(
                        "--- golden\n+++ actual\n" + "@@ -1,9 +1,10 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n h\n+i\n \n");
        assertThat(GoldenFiles.diff("golden", "actual", golden, golden)).isEqualTo("--- golden\n+++ actual\n");
    }

    @Test
    void aDifferenceFailsWithTheDiffAndTheUpdateSwitchRewritesTheFile(@TempDir Path dir) throws Exception {
        GoldenFiles files = new GoldenFiles(dir);
        assertThatThrownBy(() -> files.check("flow", "GET /v1/instances\n", false))
                .hasMessageContaining("No golden file")
                .hasMessageContaining("-Djournal.update=true");

        files.check("flow", "GET /v1/instances\n", true);
        assertThat(Files.readString(dir.resolve("flow.txt"))).isEqualTo("GET /v1/instances\n");
        files.check("flow", "GET /v1/instances\n", false);
        assertThatThrownBy(() -> files.check("flow", "GET /v1/tenants\n", false))
                .hasMessageContaining("differ from the golden file")
                .hasMessageContaining("-GET /v1/instances\n+GET /v1/tenants\n");
    }

    private static JournalEntry entry(
            long sequence,
            String method,
            String path,
            String query,
            Map<String, List<String>> headers,
            String body,
            int status) {
        return new JournalEntry(
                sequence,
                Instant.parse("2026-01-01T00:00:00Z"),
                method,
                path,
                query,
                headers,
                body,
                status,
                "",
                null,
                false);
    }
}
