package dev.aurasdk.core.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * Base of the SDK's open enumerations: a wire value that the SDK may not know yet is kept as its
 * string instead of failing, because Aura adds states over time.
 */
public abstract class OpenEnum {
    private final String value;
    private final boolean known;

    /**
     * Creates a value.
     *
     * @param value the wire value
     * @param known whether this SDK version knows the value
     */
    protected OpenEnum(String value, boolean known) {
        this.value = Objects.requireNonNull(value, "value");
        this.known = known;
    }

    /** The value exactly as Aura sends it. */
    @JsonValue
    public final String value() {
        return value;
    }

    /** Whether this SDK version knows the value (false for a state Aura added later). */
    public final boolean isKnown() {
        return known;
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((OpenEnum) other).value.equals(value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }

    @Override
    public final String toString() {
        return value;
    }
}
