package dev.aurasdk.core.spi;

import java.time.Duration;
import java.util.Objects;

/** Checks configured durations before any request. SPI: for SDK modules, not for applications (see the package). */
public final class Durations {
    /**
     * Longest duration accepted for any setting (about 100 years): enough to mean "no limit", short enough that
     * deadlines computed from it ({@code Instant.plus}, {@code toMillis()}) cannot overflow, as
     * {@code ChronoUnit.FOREVER.getDuration()} did on the first call.
     */
    public static final Duration MAX = Duration.ofDays(36_500);

    private Durations() {}

    /**
     * Checks that a duration is at most {@link #MAX}.
     *
     * @param name the setting's name, for the message
     * @param value the duration
     * @return the duration
     * @throws NullPointerException when null
     * @throws IllegalArgumentException when longer than {@link #MAX}
     */
    public static Duration requireAtMost(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(MAX) > 0) {
            throw new IllegalArgumentException(name + " is too long: at most " + MAX.toDays()
                    + " days (which already means no limit), got " + value);
        }
        return value;
    }
}
