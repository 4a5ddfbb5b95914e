package dev.aurasdk.core.wait;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * When a wait ends: a success predicate, failure rules that turn a state into an exception, whether a
 * 404 means "done" (deletes), and how to describe a state in logs and timeout messages.
 *
 * @param <T> the polled resource
 */
public final class WaitRules<T> {
    private final Predicate<T> success;
    private final List<Failure<T>> failures;
    private final boolean notFoundMeansDone;
    private final Function<T, String> describer;

    private WaitRules(Builder<T> b) {
        this.success = b.success;
        this.failures = List.copyOf(b.failures);
        this.notFoundMeansDone = b.notFoundMeansDone;
        this.describer = b.describer;
    }

    /**
     * Starts rules.
     *
     * @param <T> the polled resource
     * @return a builder
     */
    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /**
     * Whether a state ends the wait successfully.
     *
     * @param value the state
     * @return true when done
     */
    public boolean isSuccess(T value) {
        return success.test(value);
    }

    /**
     * The exception a failed state ends the wait with, or null when the state is not a failure.
     *
     * @param value the state
     * @return the failure or null
     */
    RuntimeException failureFor(T value) {
        for (Failure<T> f : failures) {
            if (f.when.test(value)) {
                return Objects.requireNonNull(f.exception.apply(value), "failure rule returned null");
            }
        }
        return null;
    }

    /** Whether a 404 ends the wait successfully (the resource is gone). */
    public boolean notFoundMeansDone() {
        return notFoundMeansDone;
    }

    /**
     * Describes a state.
     *
     * @param value the state
     * @return a short text such as {@code Running 42%}
     */
    public String describe(T value) {
        return describer.apply(value);
    }

    private static final class Failure<T> {
        final Predicate<T> when;
        final Function<T, ? extends RuntimeException> exception;

        Failure(Predicate<T> when, Function<T, ? extends RuntimeException> exception) {
            this.when = when;
            this.exception = exception;
        }
    }

    /**
     * Builds {@link WaitRules}.
     *
     * @param <T> the polled resource
     */
    public static final class Builder<T> {
        private Predicate<T> success = v -> false;
        private final List<Failure<T>> failures = new ArrayList<>();
        private boolean notFoundMeansDone;
        private Function<T, String> describer = String::valueOf;

        private Builder() {}

        /**
         * The wait succeeds when this holds.
         *
         * @param predicate the success rule
         * @return this builder
         */
        public Builder<T> successWhen(Predicate<T> predicate) {
            this.success = Objects.requireNonNull(predicate, "predicate");
            return this;
        }

        /**
         * The wait fails with {@code exception} when {@code predicate} holds (checked before success).
         *
         * @param predicate the failure rule
         * @param exception builds the exception from the state
         * @return this builder
         */
        public Builder<T> failWhen(Predicate<T> predicate, Function<T, ? extends RuntimeException> exception) {
            failures.add(new Failure<>(
                    Objects.requireNonNull(predicate, "predicate"), Objects.requireNonNull(exception, "exception")));
            return this;
        }

        /** A 404 ends the wait successfully (waiting for a delete). @return this builder */
        public Builder<T> notFoundMeansDone() {
            this.notFoundMeansDone = true;
            return this;
        }

        /**
         * How a state is described in logs and messages.
         *
         * @param describer the description
         * @return this builder
         */
        public Builder<T> describedBy(Function<T, String> describer) {
            this.describer = Objects.requireNonNull(describer, "describer");
            return this;
        }

        /** Builds the rules. @return the rules */
        public WaitRules<T> build() {
            return new WaitRules<>(this);
        }
    }
}
