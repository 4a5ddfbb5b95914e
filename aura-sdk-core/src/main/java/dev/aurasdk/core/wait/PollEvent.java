package dev.aurasdk.core.wait;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One poll of a wait.
 *
 * @param <T> the polled resource
 */
public final class PollEvent<T> {
    private final int poll;
    private final Duration elapsed;
    private final T value;
    private final boolean changed;

    /**
     * Creates an event.
     *
     * @param poll 1-based poll number
     * @param elapsed time since the wait started
     * @param value what the poll read, null when the resource was not found
     * @param changed whether the value differs from the previous poll's
     */
    public PollEvent(int poll, Duration elapsed, T value, boolean changed) {
        this.poll = poll;
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
        this.value = value;
        this.changed = changed;
    }

    /** 1-based poll number. */
    public int poll() {
        return poll;
    }

    /** Time since the wait started. */
    public Duration elapsed() {
        return elapsed;
    }

    /** What the poll read; empty when the resource answered 404. */
    public Optional<T> value() {
        return Optional.ofNullable(value);
    }

    /** Whether the value differs from the previous poll's (always true for the first poll). */
    public boolean changed() {
        return changed;
    }

    @Override
    public String toString() {
        return "PollEvent{poll=" + poll + ", elapsed=" + elapsed + ", changed=" + changed + "}";
    }
}
