package dev.aurasdk.imports;

import dev.aurasdk.core.spi.Ids;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A request to start an import job: which import model (created in the Aura console's Import tool)
 * to run against which instance. Validated when built, before any request is sent.
 *
 * <pre>{@code
 * CreateImportJob online = CreateImportJob.builder()
 *         .importModelId("e01cdc6d-2f50-4f46-b04b-8ec8fc8de839")   // from …/tools/import/model/<id>
 *         .instanceId("07e49cf5")
 *         .build();
 *
 * // bulk imports overwrite ALL data in the instance: they must be acknowledged explicitly
 * CreateImportJob bulk = CreateImportJob.builder()
 *         .importModelId(modelId).instanceId(instanceId)
 *         .importType(ImportType.BULK).acknowledgeOverwrite(true)
 *         .build();
 * }</pre>
 *
 * <p>Instance credentials are optional (Aura needs them only for Free and VDC instances); when absent
 * they are left out of the request body, never sent as empty strings. The password never appears in
 * {@link #toString()}.
 */
@Value.Immutable
abstract class AbstractCreateImportJob {
    /** The import model id, a UUID (from the console URL {@code …/tools/import/model/<id>}). @return the id */
    public abstract String importModelId();

    /** The target Aura instance id (sent as {@code auraCredentials.dbId}). @return the id */
    public abstract String instanceId();

    /** The database user, for Free and VDC instances only. @return the user */
    public abstract Optional<String> instanceUser();

    /** The database password, for Free and VDC instances only. Never printed. @return the password */
    @Value.Redacted
    public abstract Optional<String> instancePassword();

    /**
     * The import type: {@link ImportType#ONLINE} by default. Any other type (such as
     * {@link ImportType#BULK}, which overwrites all existing data) requires
     * {@link #acknowledgeOverwrite()}.
     *
     * @return the type
     */
    @Value.Default
    public ImportType importType() {
        return ImportType.ONLINE;
    }

    /**
     * Acknowledges that a bulk import overwrites all existing data in the target instance. Required
     * for every import type other than {@code online}; not allowed with {@code online}.
     *
     * @return whether the overwrite was acknowledged
     */
    @Value.Default
    public boolean acknowledgeOverwrite() {
        return false;
    }

    /** Whether this request replaces all data in the instance (any type but online). @return true for bulk */
    public final boolean overwritesAllData() {
        return !ImportType.ONLINE.equals(importType());
    }

    @Value.Check
    void check() {
        Ids.requireUuid("importModelId", importModelId());
        Ids.require("instanceId", instanceId());
        instanceUser().ifPresent(u -> Ids.requireText("instanceUser", u));
        instancePassword().ifPresent(p -> {
            if (p.isBlank()) {
                throw new IllegalArgumentException("instancePassword must not be blank (leave it unset instead)");
            }
        });
        if (instanceUser().isPresent() != instancePassword().isPresent()) {
            throw new IllegalArgumentException(
                    "instanceUser and instancePassword go together: set both (Free/VDC instances) or neither");
        }
        if (importType().value().isBlank()) {
            throw new IllegalArgumentException("importType must not be blank");
        }
        if (overwritesAllData() && !acknowledgeOverwrite()) {
            throw new IllegalArgumentException("a '" + importType().value() + "' import overwrites ALL existing data"
                    + " in instance " + instanceId() + "; confirm with acknowledgeOverwrite(true), or use"
                    + " importType(ImportType.ONLINE)");
        }
        if (!overwritesAllData() && acknowledgeOverwrite()) {
            throw new IllegalArgumentException(
                    "acknowledgeOverwrite(true) applies to bulk imports only; this is an online import");
        }
    }
}
