package dev.aurasdk.imports;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * Per-mapping progress of an import job ({@code info.progress}); Aura sends it only when asked
 * ({@link ImportJobs#getWithProgress(String)}).
 */
@Value.Immutable
@JsonSerialize(as = ImportProgress.class)
@JsonDeserialize(as = ImportProgress.class)
abstract class AbstractImportProgress {
    /** Node mappings. @return the node progress entries, in Aura's order */
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    public abstract List<NodeProgress> nodes();

    /** Relationship mappings. @return the relationship progress entries, in Aura's order */
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    public abstract List<RelationshipProgress> relationships();

    /**
     * Source rows processed so far, summed over every node and relationship mapping (absent counts
     * count as 0).
     *
     * @return the sum
     */
    public long rowsProcessed() {
        return nodes().stream().mapToLong(n -> or0(n.processedRows())).sum()
                + relationships().stream()
                        .mapToLong(r -> or0(r.processedRows()))
                        .sum();
    }

    /**
     * Source rows to process, summed over every node and relationship mapping (absent counts count
     * as 0).
     *
     * @return the sum
     */
    public long rowsTotal() {
        return nodes().stream().mapToLong(n -> or0(n.totalRows())).sum()
                + relationships().stream().mapToLong(r -> or0(r.totalRows())).sum();
    }

    /** Nodes created so far, summed over the node mappings. @return the sum */
    public long nodesCreated() {
        return nodes().stream().mapToLong(n -> or0(n.createdNodes())).sum();
    }

    /** Relationships created so far, summed over the relationship mappings. @return the sum */
    public long relationshipsCreated() {
        return relationships().stream()
                .mapToLong(r -> or0(r.createdRelationships()))
                .sum();
    }

    private static long or0(OptionalLong v) {
        return v.orElse(0L);
    }
}
