package dev.aurasdk.imports;

import java.util.List;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * The result of a dry run ({@link ImportJobs#validate(CreateImportJob)}): every check, in order.
 * Nothing was created.
 */
@Value.Immutable
abstract class AbstractPreflightReport {
    /** The request that was checked (its password is redacted in {@code toString()}). @return the request */
    public abstract CreateImportJob request();

    /** The checks, in the order they ran. @return the checks */
    public abstract List<PreflightCheck> checks();

    /** Whether no check failed (warnings allowed). @return true when the job can be created */
    public final boolean ok() {
        return checks().stream().noneMatch(c -> c.status() == PreflightStatus.FAILED);
    }

    /** The failed checks. @return the failures, possibly none */
    public final List<PreflightCheck> failures() {
        return checks().stream()
                .filter(c -> c.status() == PreflightStatus.FAILED)
                .collect(Collectors.toList());
    }

    /** The checks with a warning. @return the warnings, possibly none */
    public final List<PreflightCheck> warnings() {
        return checks().stream()
                .filter(c -> c.status() == PreflightStatus.WARNING)
                .collect(Collectors.toList());
    }

    /**
     * One line per check, such as {@code [FAILED] instance running: instance 07e49cf5 is paused}.
     *
     * @return the text
     */
    public final String describe() {
        return checks().stream()
                .map(c -> "[" + c.status() + "] " + c.name() + ": " + c.detail())
                .collect(Collectors.joining("\n"));
    }
}
