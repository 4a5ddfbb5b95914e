package dev.aurasdk.imports;

/** The result of one preflight check. */
public enum PreflightStatus {
    /** The check passed. */
    PASSED,
    /** The check passed with something worth reading (for example a bulk import that overwrites data). */
    WARNING,
    /** The check failed: creating the job would fail or do harm. */
    FAILED,
    /** The check could not run (an earlier check failed, or Aura offers no way to check it). */
    SKIPPED
}
