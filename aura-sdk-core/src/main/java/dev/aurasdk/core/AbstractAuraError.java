package dev.aurasdk.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** One entry of Aura's error list: {@code {"message", "reason", "field"}}. */
@Value.Immutable
@JsonSerialize(as = AuraError.class)
@JsonDeserialize(as = AuraError.class)
abstract class AbstractAuraError {
    /** Human-readable message, as Aura wrote it. */
    public abstract String message();

    /** Machine-readable reason, such as {@code db-not-found}, when Aura gives one. */
    public abstract Optional<String> reason();

    /** The request-body property the error is about, when Aura names one. */
    public abstract Optional<String> field();
}
