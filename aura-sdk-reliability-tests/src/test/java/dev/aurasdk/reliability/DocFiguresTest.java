package dev.aurasdk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.core.spi.Durations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/RELIABILITY.md} states exactly the figures the suite asserts: each line below is built from the
 * constants the tests assert with, and must appear in the doc word for word.
 */
class DocFiguresTest {
    static final Path DOC = Path.of("..", "docs", "RELIABILITY.md");

    private static String n(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** The lines of docs/RELIABILITY.md that carry figures. */
    static List<String> figureLines() {
        List<String> lines = new ArrayList<>();
        FaultInjectionTest.CASES.forEach(c -> lines.add(c.docRow()));
        lines.add("| Slow token endpoint | " + FaultInjectionTest.SLOW_TOKEN_THREADS + " threads (half GET, half POST)"
                + " waiting on one token answer held " + FaultInjectionTest.SLOW_TOKEN_DELAY.toMillis() + " ms"
                + " | 1 token request; all " + FaultInjectionTest.SLOW_TOKEN_THREADS + " calls succeed; each of the "
                + FaultInjectionTest.SLOW_TOKEN_THREADS / 2 + " POSTs processed once |");
        lines.add("| Revoked token under concurrency | " + FaultInjectionTest.SLOW_TOKEN_THREADS
                + " threads (half GET, half"
                + " POST) refused with 401 at once | 2 token requests (the first and one refresh); all calls succeed;"
                + " each of the " + FaultInjectionTest.SLOW_TOKEN_THREADS / 2 + " POSTs processed once |");
        lines.add("| Token expiry under load | " + LoadTest.THREADS + " threads × " + n(LoadTest.CALLS_PER_THREAD)
                + " calls = " + n((long) LoadTest.THREADS * LoadTest.CALLS_PER_THREAD) + " calls over "
                + LoadTest.TOKEN_RUN_SPAN.toMinutes() + " virtual minutes, one-hour tokens | 0 failed calls; "
                + LoadTest.MAX_TOKEN_REQUESTS + " token requests (at most " + LoadTest.MAX_TOKEN_REQUESTS + ") |");
        lines.add("| Rate limit shared with the fake | " + LoadTest.THREADS + " threads × "
                + LoadTest.RATE_LIMITED_CALLS_PER_THREAD + " calls = "
                + n((long) LoadTest.THREADS * LoadTest.RATE_LIMITED_CALLS_PER_THREAD) + " calls; fake and SDK both at "
                + LoadTest.RATE_LIMIT + " requests per " + LoadTest.RATE_WINDOW.toSeconds() + " s; "
                + LoadTest.INJECTED_429S + " extra 429s injected | 0 failed calls; " + LoadTest.MAX_429S
                + " 429s from the rate limit; every 429 honoured (retried no sooner than its Retry-After) |");
        lines.add("| Async waits | " + n(LoadTest.ASYNC_WAITS) + " concurrent `awaitCompletionAsync` on one client"
                + " | all complete; at most " + LoadTest.MAX_ADDED_THREADS + " threads added by the SDK |");
        lines.add("| Long run | one import job running " + LongRunTest.JOB_DURATION.toHours()
                + " virtual hours, awaited sync and async, one-hour tokens | completes; " + LongRunTest.TOKEN_REQUESTS
                + " token requests; no 401 or 403; " + LongRunTest.MIN_POLLS + " to " + LongRunTest.MAX_POLLS
                + " polls |");
        lines.add("| Bad input | " + BadInputTest.cases().size() + " cases across the public entry points (at least "
                + BadInputTest.MIN_CASES + ") | each a clear exception before any request: empty journal, 0 token"
                + " requests |");
        lines.add("| Fuzz-lite | " + n(FuzzLiteTest.MUTATIONS) + " seeded mutations (seed " + FuzzLiteTest.SEED
                + ") of " + FuzzLiteTest.TARGETS.size() + " recorded responses | " + FuzzLiteTest.EXPECTED_PARSED
                + " parsed, " + FuzzLiteTest.EXPECTED_DECODING + " AuraDecodingException, "
                + FuzzLiteTest.EXPECTED_API_ERRORS + " AuraApiException (error status), 0 other exceptions; "
                + FuzzLiteTest.EXPECTED_IMPLAUSIBLE_LIFETIMES + " of the decoding failures are token lifetimes beyond"
                + " the clock's range |");
        lines.add("| toString | " + SecretsTest.publicModelAndConfigTypes().size()
                + " public model and configuration types (all of them), built with secret values | no secret"
                + " printed |");
        return lines;
    }

    @Test
    void theReliabilityDocStatesExactlyTheFiguresTheSuiteAsserts() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        List<String> missing =
                figureLines().stream().filter(l -> !doc.contains(l)).collect(Collectors.toList());
        assertThat(missing)
                .as("figure lines missing from " + DOC + " (update the doc with these lines)")
                .isEmpty();
        assertThat(doc)
                .contains("mvn -B -ntp -pl aura-sdk-reliability-tests -am verify")
                .contains("accepts at most " + n(Durations.MAX.toDays()) + " days");
    }
}
