package dev.aurasdk.imports;

/** An awaited import job ended with exit state {@code Cancelled} (someone cancelled it). */
public class ImportJobCancelledException extends ImportJobException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param job the cancelled job
     */
    public ImportJobCancelledException(ImportJob job) {
        super(
                "import job " + job.id() + " was cancelled"
                        + job.info()
                                .cancellationRequestedTime()
                                .map(t -> " (cancellation requested at " + t + ")")
                                .orElse("")
                        + " [" + job.summary() + "]",
                job);
    }
}
