package dev.aurasdk.imports;

import java.util.Optional;

/**
 * An awaited import job ended with exit state {@code Failure} (or an exit state this SDK does not
 * know). {@link #auraMessage()} is Aura's reason.
 */
public class ImportJobFailedException extends ImportJobException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param job the failed job
     */
    public ImportJobFailedException(ImportJob job) {
        super(describe(job), job);
    }

    private static String describe(ImportJob job) {
        String exit = job.exitState().map(s -> s.value()).orElse("none");
        return "import job " + job.id() + (job.failed() ? " failed" : " ended with exit state '" + exit + "'")
                + job.exitMessage().map(m -> ": " + m).orElse(" (Aura gave no message)")
                + " [" + job.summary() + "]";
    }

    /** Aura's failure message ({@code exit_status.message}). @return the message */
    public Optional<String> auraMessage() {
        return job().exitMessage();
    }
}
