package dev.aurasdk.imports;

import dev.aurasdk.core.AuraBadRequestException;
import dev.aurasdk.core.ErrorDetails;
import java.util.Objects;

/**
 * Cancelling an import job whose cancellation was already requested: Aura answers 400 with reason
 * {@code Requested}. It is an {@link AuraBadRequestException}, so code that catches that keeps working.
 */
public class ImportJobAlreadyCancelledException extends AuraBadRequestException {
    private static final long serialVersionUID = 1L;

    private final String jobId;

    /**
     * Creates the exception from Aura's refusal.
     *
     * @param jobId the job id
     * @param refusal the 400 Aura answered
     */
    public ImportJobAlreadyCancelledException(String jobId, AuraBadRequestException refusal) {
        super(
                refusal.details() // as Aura sent it (retryAfter included); rebuilt only for a deserialised refusal
                        .orElseGet(() -> ErrorDetails.builder()
                                .method(refusal.method())
                                .path(refusal.path())
                                .statusCode(refusal.statusCode())
                                .errors(refusal.errors())
                                .requestId(refusal.requestId())
                                .attempts(refusal.attempts())
                                .build()));
        this.jobId = Objects.requireNonNull(jobId, "jobId");
        initCause(refusal);
    }

    /** The job id. @return the id */
    public String jobId() {
        return jobId;
    }

    @Override
    public String getMessage() {
        return "import job " + jobId + " was already asked to cancel: " + super.getMessage();
    }
}
