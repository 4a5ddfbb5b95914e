package dev.aurasdk.testkit;

import dev.aurasdk.testkit.internal.Secrets;
import java.util.List;

/**
 * The secret values the fake servers of this JVM have issued or received so far: their client secrets (and the
 * HTTP Basic form of the credentials), the access tokens they issued, the Data API keys they generated, and the
 * values of secret fields ({@code password}, {@code key}, {@code client_secret}, …) and {@code x-api-key} headers
 * they received. For test suites that check that no secret leaks into log output, exception messages or
 * {@code toString()}: a test should never find any of these values there.
 *
 * <pre>{@code
 * String logs = ...; // everything the code under test logged
 * assertThat(FakeSecrets.all()).noneMatch(logs::contains);
 * }</pre>
 *
 * <p>Kept in memory for the life of the JVM (the most recent 10,000 values). Thread-safe.
 */
public final class FakeSecrets {
    private FakeSecrets() {}

    /**
     * Every secret value seen so far.
     *
     * @return a snapshot, oldest first
     */
    public static List<String> all() {
        return Secrets.snapshot();
    }
}
