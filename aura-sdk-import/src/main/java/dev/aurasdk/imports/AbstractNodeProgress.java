package dev.aurasdk.imports;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/** Progress of one node mapping of an import job ({@code info.progress.nodes[]}). */
@Value.Immutable
@JsonSerialize(as = NodeProgress.class)
@JsonDeserialize(as = NodeProgress.class)
abstract class AbstractNodeProgress {
    /** The mapping id, such as {@code n:1}. @return the id */
    public abstract Optional<String> id();

    /** The node labels written by this mapping. @return the labels */
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    public abstract List<String> labels();

    /** Source rows to process. @return the row count */
    public abstract OptionalLong totalRows();

    /** Source rows processed so far. @return the row count */
    public abstract OptionalLong processedRows();

    /** Nodes created so far. @return the count */
    public abstract OptionalLong createdNodes();

    /** Constraints created. @return the count */
    public abstract OptionalLong createdConstraints();

    /** Indexes created. @return the count */
    public abstract OptionalLong createdIndexes();
}
