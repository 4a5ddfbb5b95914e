package dev.aurasdk.imports;

import dev.aurasdk.core.wait.WaitOptions;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How {@link ImportJobs#awaitCompletion(String, ImportAwaitOptions, ProgressListener)} waits.
 *
 * <pre>{@code
 * ImportAwaitOptions options = ImportAwaitOptions.builder()
 *         .waitOptions(WaitOptions.builder().timeout(Duration.ofHours(4)).build())
 *         .onlyOnChange(true)             // the listener hears only snapshots that differ
 *         .build();
 * }</pre>
 */
@Value.Immutable
abstract class AbstractImportAwaitOptions {
    /**
     * Poll intervals and timeout; when absent, the client's {@code AuraClient#waitOptions()} (first
     * poll after 1 s, ×1.5 up to 30 s, timeout 30 min).
     *
     * @return the wait options
     */
    public abstract Optional<WaitOptions> waitOptions();

    /**
     * Whether each poll asks for per-node/per-relationship progress ({@code progress=true}); true by
     * default.
     *
     * @return whether progress details are requested
     */
    @Value.Default
    public boolean includeProgress() {
        return true;
    }

    /**
     * Whether the progress listener hears only snapshots that differ from the last one it heard
     * (ignoring {@code last_update_time}); false by default (every poll is reported).
     *
     * @return whether to skip unchanged snapshots
     */
    @Value.Default
    public boolean onlyOnChange() {
        return false;
    }

    /** The defaults. @return options with every default */
    public static ImportAwaitOptions defaults() {
        return ImportAwaitOptions.builder().build();
    }
}
