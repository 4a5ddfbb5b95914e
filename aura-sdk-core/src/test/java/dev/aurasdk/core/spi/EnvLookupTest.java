package dev.aurasdk.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EnvLookupTest {
    private static Properties props(String key, String value) {
        Properties p = new Properties();
        p.setProperty(key, value);
        return p;
    }

    @Test
    void theVariableWinsOverThePropertyAndBlankCountsAsMissing() {
        assertThat(EnvLookup.find(Map.of("V", "env"), props("p", "prop"), "V", "p"))
                .contains("env");
        assertThat(EnvLookup.find(Map.of("V", "  "), props("p", "prop"), "V", "p"))
                .contains("prop");
        assertThat(EnvLookup.find(Map.of(), props("p", " "), "V", "p")).isEmpty();
    }

    @Test
    void aMissingSettingNamesBothPlacesToSetIt() {
        assertThatThrownBy(() ->
                        EnvLookup.require(Map.of(), new Properties(), "AURA_X", "aura.x", "Aura thing", "; no default"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Aura thing missing: set the environment variable AURA_X (or the system property aura.x)"
                        + "; no default");
    }
}
