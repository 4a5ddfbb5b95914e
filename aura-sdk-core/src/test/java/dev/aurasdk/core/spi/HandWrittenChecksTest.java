package dev.aurasdk.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aurasdk.core.http.ApiRequest;
import dev.aurasdk.core.http.ApiVersion;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The id, UUID and path-segment checks and the percent-encoding of ids and query values are written by hand
 * (every call runs them); they accept, refuse and encode exactly what the regular expressions and
 * {@link URLEncoder} they replace did.
 */
class HandWrittenChecksTest {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern LITERAL = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final String UUID_VALUE = "87d485b4-73fc-4a7f-bb03-720f4672947e";

    /** Every character up to U+024F alone, and pairs and triples over characters near the rules' edges. */
    private static List<String> samples() {
        List<String> out = new ArrayList<>();
        for (char c = 0; c <= 0x24f; c++) {
            out.add(String.valueOf(c));
        }
        String edges = "aAzZ09._:-*~+%/ é@`{[\u00ff";
        for (char a : edges.toCharArray()) {
            for (char b : edges.toCharArray()) {
                out.add("" + a + b);
                out.add("" + a + b + 'x');
                out.add("x" + a + b);
            }
        }
        out.add(UUID_VALUE);
        out.add(UUID_VALUE.toUpperCase());
        for (int i = 0; i < UUID_VALUE.length(); i++) {
            for (char c : "0fFgG-x.".toCharArray()) {
                out.add(UUID_VALUE.substring(0, i) + c + UUID_VALUE.substring(i + 1));
            }
        }
        out.add(UUID_VALUE + "0");
        out.add(UUID_VALUE.substring(1));
        out.add("a..b");
        out.add("a.b:c_d-e");
        return out;
    }

    private static boolean accepts(Runnable check) {
        try {
            check.run();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void idsAreAcceptedExactlyAsTheRegularExpressionAccepted() {
        for (String v : samples()) {
            boolean expected = !v.isBlank() && ID.matcher(v).matches() && !v.contains("..");
            assertThat(accepts(() -> Ids.require("id", v))).as("'%s'", v).isEqualTo(expected);
        }
    }

    @Test
    void uuidsAreAcceptedExactlyAsTheRegularExpressionAccepted() {
        int accepted = 0;
        for (String v : samples()) {
            boolean expected =
                    !v.isBlank() && ID.matcher(v).matches() && UUID.matcher(v).matches();
            assertThat(accepts(() -> Ids.requireUuid("id", v))).as("'%s'", v).isEqualTo(expected);
            accepted += expected ? 1 : 0;
        }
        assertThat(accepted).isGreaterThan(10);
    }

    @Test
    void literalSegmentsAreAcceptedExactlyAsTheRegularExpressionAccepted() {
        for (String v : samples()) {
            boolean expected = LITERAL.matcher(v).matches();
            assertThat(accepts(() -> ApiRequest.get(ApiVersion.V1).path(v)))
                    .as("'%s'", v)
                    .isEqualTo(expected);
        }
        assertThatThrownBy(() -> ApiRequest.get(ApiVersion.V1).path((String) null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idsAndQueryValuesAreEncodedAsUrlEncoderEncodedThem() {
        for (String v : samples()) {
            if (accepts(() -> Ids.require("id", v))) {
                assertThat(ApiRequest.get(ApiVersion.V1).id("id", v).build().path())
                        .isEqualTo("/v1/" + encoded(v));
            }
            assertThat(ApiRequest.get(ApiVersion.V1).query("k" + v, v).build().encodedQuery())
                    .as("'%s'", v)
                    .isEqualTo(encoded("k" + v) + "=" + encoded(v));
        }
    }
}
