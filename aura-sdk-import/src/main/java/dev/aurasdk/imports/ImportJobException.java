package dev.aurasdk.imports;

import dev.aurasdk.core.AuraException;
import java.util.Objects;

/** An import job ended without success; carries the job as last read. */
public class ImportJobException extends AuraException {
    private static final long serialVersionUID = 1L;

    private final transient ImportJob job;

    /**
     * Creates the exception.
     *
     * @param message what happened
     * @param job the job as last read
     */
    protected ImportJobException(String message, ImportJob job) {
        super(message);
        this.job = Objects.requireNonNull(job, "job");
    }

    /** The job as last read (its exit status, times and progress). @return the job */
    public ImportJob job() {
        return job;
    }

    /** The job id. @return the id */
    public String jobId() {
        return job.id();
    }
}
