package dev.aurasdk.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OriginNormalizationTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "https://app.example.com, https://app.example.com",
        "HTTPS://App.Example.COM, https://app.example.com",
        "https://app.example.com/, https://app.example.com",
        "https://app.example.com:443, https://app.example.com",
        "http://app.example.com:80, http://app.example.com",
        "https://app.example.com:8443, https://app.example.com:8443",
        "http://localhost:3000/, http://localhost:3000",
        "https://app.example.com:80, https://app.example.com:80",
        "'  https://app.example.com  ', https://app.example.com",
        "http://[::1]:8080, http://[::1]:8080",
        "http://127.0.0.1, http://127.0.0.1"
    })
    void originsAreNormalisedToSchemeHostAndNonDefaultPort(String given, String expected) {
        assertThat(CorsOrigins.normalize(given)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://*.example.com", "*"})
    void wildcardsAreRejectedBecauseAuraMatchesExactly(String origin) {
        assertThatThrownBy(() -> CorsOrigins.normalize(origin)).hasMessageContaining("wildcard");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.com/graphql", "https://app.example.com/a/"})
    void pathsAreRejected(String origin) {
        assertThatThrownBy(() -> CorsOrigins.normalize(origin)).hasMessageContaining("path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"app.example.com", "ws://app.example.com", "file:///etc/passwd", "null"})
    void onlyHttpAndHttpsSchemesAreAccepted(String origin) {
        assertThatThrownBy(() -> CorsOrigins.normalize(origin)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.com:99999", "https://app.example.com:0", "http://localhost:65536"})
    void portsOutsideOneTo65535AreRejected(String origin) {
        assertThatThrownBy(() -> CorsOrigins.normalize(origin))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://admin:hunter2@app.example.com", "https://hunter2@app.example.com"})
    void credentialsAreRejectedWithoutBeingEchoed(String origin) {
        assertThatThrownBy(() -> CorsOrigins.normalize(origin))
                .hasMessageContaining("credentials")
                .message()
                .doesNotContain("hunter2");
    }
}
