package dev.aurasdk.imports;

import org.immutables.value.Value;

/** One check of {@link ImportJobs#validate(CreateImportJob)}. */
@Value.Immutable
abstract class AbstractPreflightCheck {
    /** What was checked, such as {@code instance running}. @return the name */
    public abstract String name();

    /** The result. @return the status */
    public abstract PreflightStatus status();

    /** A human-readable explanation. @return the detail */
    public abstract String detail();

    /**
     * A check.
     *
     * @param name what was checked
     * @param status the result
     * @param detail the explanation
     * @return the check
     */
    public static PreflightCheck of(String name, PreflightStatus status, String detail) {
        return PreflightCheck.builder().name(name).status(status).detail(detail).build();
    }
}
