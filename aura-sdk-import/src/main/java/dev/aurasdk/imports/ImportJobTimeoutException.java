package dev.aurasdk.imports;

import dev.aurasdk.core.wait.WaitTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Waiting for an import job stopped at its timeout while the job is still running on Aura. Stopping
 * the wait does not cancel the job: call {@link ImportJobs#cancel(String)} if it is no longer wanted,
 * or wait again. A {@link WaitTimeoutException}, as every wait's timeout in the SDK is.
 */
public class ImportJobTimeoutException extends WaitTimeoutException {
    private static final long serialVersionUID = 1L;

    private final String jobId;
    private final Duration timeout;
    private final transient ImportJob lastSeen;

    /**
     * Creates the exception.
     *
     * @param jobId the job id
     * @param timeout the wait's timeout
     * @param lastSeen the job as last read, or null when it was never read
     * @param cause the waiter's timeout
     */
    public ImportJobTimeoutException(String jobId, Duration timeout, ImportJob lastSeen, Throwable cause) {
        super(
                "import job " + jobId + " is still running on Aura: stopped waiting after " + timeout
                        + " (last seen: " + (lastSeen == null ? "not visible yet" : lastSeen.summary())
                        + "). The job was not cancelled; call ImportJobs.cancel(\"" + jobId + "\") to stop it",
                cause,
                timeout);
        this.jobId = Objects.requireNonNull(jobId, "jobId");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.lastSeen = lastSeen;
    }

    /** The job id. @return the id */
    public String jobId() {
        return jobId;
    }

    /** The timeout that passed. @return the timeout */
    public Duration timeout() {
        return timeout;
    }

    /** The job as last read before the timeout. @return the snapshot, empty if never read */
    public Optional<ImportJob> lastSeen() {
        return Optional.ofNullable(lastSeen);
    }
}
