package dev.aurasdk.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339InstantsTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "2025-08-15T13:12:51Z",
                "2025-08-15T13:12:50.4Z",
                "2025-08-15T13:12:50.499797Z",
                "2025-08-18T12:25:53.469873123Z",
                "1970-01-01T00:00:00Z",
                "2024-02-29T23:59:59.999Z"
            })
    void fastPathAgreesWithInstantParse(String text) {
        assertThat(Rfc3339Instants.parseUtc(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2025-08-15T13:12:51+02:00",
                "2025-08-15 13:12:51Z",
                "2025-02-30T00:00:00Z",
                "2025-08-15T24:00:00Z",
                "2025-08-15T13:12:51.Z",
                "2025-08-15T13:12:51.1234567890Z",
                "not a date at all!!"
            })
    void anythingElseIsLeftToJackson(String text) {
        assertThat(Rfc3339Instants.parseUtc(text)).isNull();
    }

    @Test
    void randomTimestampsMatchInstantParse() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000));
            String text = instant.toString();
            assertThat(Rfc3339Instants.parseUtc(text)).as(text).isEqualTo(instant);
        }
    }

    @Test
    void theMapperUsesItAndStillReadsOffsets() throws Exception {
        JsonNode node = Json.mapper().readTree("[\"2025-08-15T13:12:50.499797Z\",\"2025-08-15T15:12:50+02:00\"]");
        Instant[] parsed = Json.mapper().treeToValue(node, Instant[].class);
        assertThat(parsed)
                .containsExactly(Instant.parse("2025-08-15T13:12:50.499797Z"), Instant.parse("2025-08-15T13:12:50Z"));
    }
}
