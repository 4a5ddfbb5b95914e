package dev.aurasdk.neo4j;

import java.util.List;
import org.immutables.value.Value;

/** A node label in a {@link DatabaseOverview}. */
@Value.Immutable
abstract class AbstractLabelSummary {
    /** The label, unquoted. @return the label */
    public abstract String label();

    /** Nodes with the label (from the count store). @return the count */
    public abstract long count();

    /** Property keys seen on a sample of these nodes, sorted. @return the keys */
    public abstract List<String> propertyKeys();
}
