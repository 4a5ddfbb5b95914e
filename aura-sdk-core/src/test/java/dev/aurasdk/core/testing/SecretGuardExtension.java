package dev.aurasdk.core.testing;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails any test in which a secret (see {@link SecretGuard}) shows up in the SLF4J output captured at TRACE
 * ({@link CapturedLogs}), in the exception the test threw (message, causes, suppressed, stack trace) or in an
 * exception the test handed to {@link SecretGuard#observe(Throwable)}.
 *
 * <p>Registered for every test of every module by JUnit's extension auto-detection: each module's test
 * resources hold {@code junit-platform.properties} with {@code junit.jupiter.extensions.autodetection.enabled=true}
 * and {@code META-INF/services/org.junit.jupiter.api.extension.Extension} naming this class. Log output
 * captured before a test (class set-up, a previous test's background threads) is checked when the test starts,
 * so nothing escapes unchecked. The failure message masks the secret.
 */
public final class SecretGuardExtension implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
        checkAndClear("log output captured before " + context.getDisplayName(), null);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        checkAndClear(
                context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName(),
                context.getExecutionException().orElse(null));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        checkAndClear("class-level set-up or tear-down of " + context.getDisplayName(), null);
    }

    private static void checkAndClear(String where, Throwable thrown) {
        List<CapturedLogs.Event> events = CapturedLogs.events();
        List<Throwable> observed = SecretGuard.observed();
        CapturedLogs.clear();
        SecretGuard.reset();
        List<String> leaks = new ArrayList<>();
        StringBuilder logText = new StringBuilder();
        for (CapturedLogs.Event e : events) {
            logText.append(e.text()).append('\n');
        }
        SecretGuard.findLeaks(logText.toString()).forEach(l -> leaks.add("log output: " + l));
        if (thrown != null) {
            SecretGuard.findLeaks(SecretGuard.fullText(thrown)).forEach(l -> leaks.add("thrown exception: " + l));
        }
        for (Throwable t : observed) {
            SecretGuard.findLeaks(SecretGuard.fullText(t)).forEach(l -> leaks.add("caught exception: " + l));
        }
        if (!leaks.isEmpty()) {
            throw new AssertionError(
                    "SecretGuard: a secret leaked in " + where + ":\n - " + String.join("\n - ", leaks));
        }
    }
}
