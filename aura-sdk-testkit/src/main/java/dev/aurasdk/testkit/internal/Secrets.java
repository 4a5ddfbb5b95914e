package dev.aurasdk.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The secret values every fake server of this JVM issued or received; see {@code FakeSecrets}. */
public final class Secrets {
    /** Most values kept; the oldest are forgotten first. */
    static final int CAPACITY = 10_000;

    private static final Set<String> VALUES = new LinkedHashSet<>();

    private Secrets() {}

    /** Records a secret value (blank ones are ignored). */
    public static void record(String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        synchronized (VALUES) {
            VALUES.remove(value);
            VALUES.add(value);
            if (VALUES.size() > CAPACITY) {
                VALUES.remove(VALUES.iterator().next());
            }
        }
    }

    /** Records a client secret and its HTTP Basic form. */
    public static void recordClientCredentials(String clientId, String clientSecret) {
        record(clientSecret);
        if (clientId != null && clientSecret != null) {
            record(Base64.getEncoder()
                    .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** The values of secret fields in a request body (JSON or form). */
    public static void recordBody(String body) {
        Redactor.secretValues(body).forEach(Secrets::record);
    }

    /** A snapshot, oldest first. */
    public static List<String> snapshot() {
        synchronized (VALUES) {
            return new ArrayList<>(VALUES);
        }
    }
}
