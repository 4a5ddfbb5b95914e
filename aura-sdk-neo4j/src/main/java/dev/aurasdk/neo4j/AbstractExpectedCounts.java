package dev.aurasdk.neo4j;

import dev.aurasdk.imports.ImportJob;
import dev.aurasdk.imports.ImportProgress;
import dev.aurasdk.imports.NodeProgress;
import dev.aurasdk.imports.RelationshipProgress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The counts a database should hold after a load: nodes per label and relationships per type. Build one by
 * hand for any load, or take it from a finished import job with {@link #fromImportJob(ImportJob)}.
 *
 * <pre>{@code
 * ExpectedCounts expected = ExpectedCounts.builder()
 *         .putNodeLabels("Person", 1_000).putRelationshipTypes("KNOWS", 4_000).build();
 * }</pre>
 */
@Value.Immutable
abstract class AbstractExpectedCounts {
    /** Nodes expected per label, in insertion order. @return label to count */
    public abstract Map<String, Long> nodeLabels();

    /** Relationships expected per type, in insertion order. @return type to count */
    public abstract Map<String, Long> relationshipTypes();

    /** The import job these counts come from, if any. @return the job id */
    public abstract Optional<String> importJobId();

    @Value.Check
    void check() {
        nodeLabels().forEach((k, v) -> requireValid("label", k, v));
        relationshipTypes().forEach((k, v) -> requireValid("relationship type", k, v));
    }

    private static void requireValid(String what, String name, Long count) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a " + what + " must not be empty");
        }
        if (count < 0) {
            throw new IllegalArgumentException(
                    "the expected count of " + what + " '" + name + "' must not be negative, got " + count);
        }
    }

    /**
     * The counts a successful import job reported: for each label, the nodes created by every node mapping
     * that writes it; for each relationship type, the relationships created by its mappings. Read the job with
     * {@code ImportJobs.getWithProgress} (or {@code awaitCompletion}, which does).
     *
     * @param job a job that ended with exit state {@code Success}, read with its progress
     * @return the expected counts
     * @throws IllegalArgumentException when the job has not succeeded, has no progress, or a mapping lacks its
     *     created count
     */
    public static ExpectedCounts fromImportJob(ImportJob job) {
        java.util.Objects.requireNonNull(job, "job");
        if (!job.isTerminal()) {
            throw new IllegalArgumentException(
                    "import job " + job.id() + " has not finished (" + job.summary() + "): await it first");
        }
        if (!job.succeeded()) {
            throw new IllegalArgumentException("import job " + job.id() + " did not succeed (" + job.summary()
                    + "): only a successful import can be verified");
        }
        ImportProgress progress = job.progress()
                .orElseThrow(() -> new IllegalArgumentException("import job " + job.id()
                        + " was read without its progress: read it with ImportJobs.getWithProgress"));
        Map<String, Long> labels = new LinkedHashMap<>();
        for (NodeProgress n : progress.nodes()) {
            long created = n.createdNodes()
                    .orElseThrow(() -> new IllegalArgumentException("node mapping " + n.id().orElse("?")
                            + " of import job " + job.id() + " reports no created_nodes"));
            for (String label : n.labels()) {
                labels.merge(label, created, Long::sum);
            }
        }
        Map<String, Long> types = new LinkedHashMap<>();
        for (RelationshipProgress r : progress.relationships()) {
            if (r.type().isEmpty()) {
                continue;
            }
            long created = r.createdRelationships()
                    .orElseThrow(() -> new IllegalArgumentException("relationship mapping " + r.id().orElse("?")
                            + " of import job " + job.id() + " reports no created_relationships"));
            types.merge(r.type().get(), created, Long::sum);
        }
        return ExpectedCounts.builder()
                .nodeLabels(labels)
                .relationshipTypes(types)
                .importJobId(job.id())
                .build();
    }
}
