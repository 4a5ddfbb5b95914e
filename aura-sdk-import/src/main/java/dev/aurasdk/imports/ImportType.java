package dev.aurasdk.imports;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.aurasdk.core.model.OpenEnum;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The type of an import job (open: a value this SDK does not know is kept as its string).
 *
 * <p>In a {@link CreateImportJob} request Aura accepts {@link #ONLINE} (the default) and {@link #BULK}.
 * <strong>A bulk import overwrites all existing data in the target database</strong>, so a request
 * with any type other than {@code online} must also say {@code acknowledgeOverwrite(true)}.
 * In responses Aura reports the job's type as {@code import_type}; values seen there include
 * {@link #CLOUD}, {@link #INITIAL} and {@link #ONLINE}.
 */
public final class ImportType extends OpenEnum {
    private static final Map<String, ImportType> KNOWN = new ConcurrentHashMap<>();

    /** Online import into the existing data (the default for new jobs). */
    public static final ImportType ONLINE = known("online");
    /** Bulk import: fast, but <strong>overwrites all existing data</strong> in the target database. */
    public static final ImportType BULK = known("bulk");
    /** Reported by Aura in responses for online (cloud) jobs. */
    public static final ImportType CLOUD = known("cloud");
    /** Reported by Aura in responses for initial (bulk) jobs. */
    public static final ImportType INITIAL = known("initial");

    private ImportType(String value, boolean known) {
        super(value, known);
    }

    private static ImportType known(String value) {
        ImportType type = new ImportType(value, true);
        KNOWN.put(value, type);
        return type;
    }

    /**
     * The type for a wire value.
     *
     * @param value the wire value, not null
     * @return the known constant, or a new unknown value that keeps the string
     */
    @JsonCreator
    public static ImportType of(String value) {
        ImportType type = KNOWN.get(Objects.requireNonNull(value, "value"));
        return type != null ? type : new ImportType(value, false);
    }
}
