package dev.aurasdk.core;

import java.util.List;
import org.immutables.value.Value;

/** The result of {@link AuraClient#healthCheck()}: one entry per check, in order. */
@Value.Immutable
abstract class AbstractHealthReport {
    /** The checks, in the order run. */
    public abstract List<HealthCheckResult> checks();

    /** Whether every check passed. */
    public boolean ok() {
        return checks().stream().allMatch(HealthCheckResult::ok);
    }
}
