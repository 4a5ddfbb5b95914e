package dev.aurasdk.neo4j;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** An index or a constraint in a {@link DatabaseOverview} (as {@code SHOW INDEXES} / {@code SHOW CONSTRAINTS}). */
@Value.Immutable
abstract class AbstractSchemaItem {
    /** The name. @return the name */
    public abstract String name();

    /** The type, such as {@code RANGE}, {@code LOOKUP}, {@code UNIQUENESS}. @return the type */
    public abstract String type();

    /** {@code NODE} or {@code RELATIONSHIP}. @return the entity type */
    public abstract String entityType();

    /** The labels or relationship types covered (empty for a lookup index). @return the labels or types */
    public abstract List<String> labelsOrTypes();

    /** The properties covered. @return the property keys */
    public abstract List<String> properties();

    /** An index's state, such as {@code ONLINE} (absent for constraints). @return the state */
    public abstract Optional<String> state();
}
