package dev.aurasdk.core.wait;

import java.time.Duration;
import java.util.Optional;

/**
 * How a successful wait ended.
 *
 * @param <T> the polled resource
 */
public final class WaitOutcome<T> {
    private final T value;
    private final boolean gone;
    private final int polls;
    private final Duration elapsed;

    private WaitOutcome(T value, boolean gone, int polls, Duration elapsed) {
        this.value = value;
        this.gone = gone;
        this.polls = polls;
        this.elapsed = java.util.Objects.requireNonNull(elapsed, "elapsed");
    }

    /**
     * An outcome, as a {@link Waiter} reports it.
     *
     * @param value the last state read, or null when the resource was gone at the first poll
     * @param gone whether the wait ended on a 404 (a finished delete)
     * @param polls polls made
     * @param elapsed time from the start of the wait to its end
     * @param <T> the polled resource
     * @return the outcome
     */
    public static <T> WaitOutcome<T> of(T value, boolean gone, int polls, Duration elapsed) {
        return new WaitOutcome<>(value, gone, polls, elapsed);
    }

    /** The last state read (empty when the resource was gone at the first poll). */
    public Optional<T> value() {
        return Optional.ofNullable(value);
    }

    /** Whether the wait ended because the resource answered 404 (a finished delete). */
    public boolean gone() {
        return gone;
    }

    /** Number of polls made. */
    public int polls() {
        return polls;
    }

    /** Time from the start of the wait to its end. */
    public Duration elapsed() {
        return elapsed;
    }

    @Override
    public String toString() {
        return "WaitOutcome{gone=" + gone + ", polls=" + polls + ", elapsed=" + elapsed + "}";
    }
}
