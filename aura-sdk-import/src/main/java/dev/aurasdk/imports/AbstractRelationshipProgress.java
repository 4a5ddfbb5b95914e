package dev.aurasdk.imports;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/** Progress of one relationship mapping of an import job ({@code info.progress.relationships[]}). */
@Value.Immutable
@JsonSerialize(as = RelationshipProgress.class)
@JsonDeserialize(as = RelationshipProgress.class)
abstract class AbstractRelationshipProgress {
    /** The mapping id, such as {@code r:8}. @return the id */
    public abstract Optional<String> id();

    /** The relationship type written by this mapping. @return the type */
    public abstract Optional<String> type();

    /** Source rows to process. @return the row count */
    public abstract OptionalLong totalRows();

    /** Source rows processed so far. @return the row count */
    public abstract OptionalLong processedRows();

    /** Relationships created so far. @return the count */
    public abstract OptionalLong createdRelationships();

    /** Constraints created. @return the count */
    public abstract OptionalLong createdConstraints();

    /** Indexes created. @return the count */
    public abstract OptionalLong createdIndexes();
}
