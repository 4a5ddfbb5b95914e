package dev.aurasdk.imports;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** The data source an import job reads ({@code data_source}). */
@Value.Immutable
@JsonSerialize(as = ImportDataSource.class)
@JsonDeserialize(as = ImportDataSource.class)
abstract class AbstractImportDataSource {
    /** The data source id. @return the id */
    public abstract Optional<String> id();

    /** The source kind, such as {@code postgresql}. @return the type */
    public abstract Optional<String> type();

    /** The data source's name in the console. @return the name */
    public abstract Optional<String> name();
}
