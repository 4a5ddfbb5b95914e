package dev.aurasdk.imports;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** The Aura database an import job writes to ({@code aura_target}). */
@Value.Immutable
@JsonSerialize(as = ImportTarget.class)
@JsonDeserialize(as = ImportTarget.class)
abstract class AbstractImportTarget {
    /** The database id (today equal to the instance id). @return the id */
    public abstract Optional<String> dbId();

    /** The project id. @return the id */
    public abstract Optional<String> projectId();
}
