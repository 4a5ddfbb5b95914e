package dev.aurasdk.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an import job on a {@link LinkedDatabase linked} fake instance created, handed over when it completes. */
public final class CompletedImport {
    private final String jobId;
    private final String instanceId;
    private final String importModelId;
    private final String exitState;
    private final Map<String, Long> nodes;
    private final Map<String, Long> relationships;

    CompletedImport(
            String jobId,
            String instanceId,
            String importModelId,
            String exitState,
            Map<String, Long> nodes,
            Map<String, Long> relationships) {
        this.jobId = jobId;
        this.instanceId = instanceId;
        this.importModelId = importModelId;
        this.exitState = exitState;
        this.nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        this.relationships = Collections.unmodifiableMap(new LinkedHashMap<>(relationships));
    }

    /**
     * Creates a description (the fake makes these; public for tests of {@link LinkedDatabase} implementations).
     *
     * @param jobId the job id
     * @param instanceId the instance id
     * @param importModelId the import model id
     * @param exitState {@code Success}, {@code Failure} or {@code Cancelled}
     * @param nodes nodes created per label, in the model's order
     * @param relationships relationships created per type, in the model's order
     * @return the description
     */
    public static CompletedImport of(
            String jobId,
            String instanceId,
            String importModelId,
            String exitState,
            Map<String, Long> nodes,
            Map<String, Long> relationships) {
        return new CompletedImport(
                FakeInstance.requireText(jobId, "jobId"),
                FakeInstance.requireText(instanceId, "instanceId"),
                FakeInstance.requireText(importModelId, "importModelId"),
                FakeInstance.requireText(exitState, "exitState"),
                nodes,
                relationships);
    }

    /** @return the import job id */
    public String jobId() {
        return jobId;
    }

    /** @return the instance the job imported into */
    public String instanceId() {
        return instanceId;
    }

    /** @return the import model id */
    public String importModelId() {
        return importModelId;
    }

    /** @return the exit state: {@code Success}, {@code Failure} (partial counts) or {@code Cancelled} */
    public String exitState() {
        return exitState;
    }

    /** @return nodes created per label, as the job's progress reports them */
    public Map<String, Long> nodes() {
        return nodes;
    }

    /** @return relationships created per type, as the job's progress reports them */
    public Map<String, Long> relationships() {
        return relationships;
    }

    /** @return the job, instance and counts */
    @Override
    public String toString() {
        return "CompletedImport[" + jobId + " on " + instanceId + ", " + exitState + ", nodes " + nodes
                + ", relationships " + relationships + "]";
    }
}
