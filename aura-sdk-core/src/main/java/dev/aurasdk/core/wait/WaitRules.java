package dev.aurasdk.core.wait;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * When a wait ends: a success predicate, failure rules that turn a state into an exception, whether a
 * 404 means "done" (deletes), and how to describe a state in logs and timeout messages; optionally the
 * progress a state reports (which lets the poll planner look closer near the end) and the
 * {@link WaitTimeoutException} subclass a timeout becomes.
 *
 * @param <T> the polled resource
 */
public final class WaitRules<T> {
    private final Predicate<T> success;
    private final List<Failure<T>> failures;
    private final boolean notFoundMeansDone;
    private final Function<T, String> describer;
    private final Function<T, OptionalDouble> progress;
    private final BiFunction<WaitTimeoutException, Optional<T>, ? extends WaitTimeoutException> timeout;

    private WaitRules(Builder<T> b) {
        this.progress = b.progress;
        this.timeout = b.timeout;
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
     * The exception a failed state ends the wait with.
     *
     * @param value the state
     * @return the failure, empty when the state is not a failure
     */
    public Optional<RuntimeException> failureFor(T value) {
        for (Failure<T> f : failures) {
            if (f.when.test(value)) {
                return Optional.of(Objects.requireNonNull(f.exception.apply(value), "failure rule returned null"));
            }
        }
        return Optional.empty();
    }

    /**
     * The progress a state reports.
     *
     * @param value the state
     * @return a percentage in [0, 100], empty when the resource reports none
     */
    public OptionalDouble progress(T value) {
        OptionalDouble p = Objects.requireNonNull(progress.apply(value), "progress returned null");
        if (p.isPresent() && !(p.getAsDouble() >= 0 && p.getAsDouble() <= 100)) {
            return OptionalDouble.empty(); // a resource's odd number never steers the planner
        }
        return p;
    }

    /**
     * The exception a wait's timeout ends it with.
     *
     * @param timeout the waiter's timeout exception
     * @param lastSeen the last state read, empty when none was
     * @return {@code timeout} itself, or the subclass these rules build
     */
    public WaitTimeoutException timeout(WaitTimeoutException timeout, Optional<T> lastSeen) {
        return Objects.requireNonNull(this.timeout.apply(timeout, lastSeen), "timeout rule returned null");
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
        private Function<T, OptionalDouble> progress = v -> OptionalDouble.empty();
        private BiFunction<WaitTimeoutException, Optional<T>, ? extends WaitTimeoutException> timeout = (e, v) -> e;

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

        /**
         * The progress a state reports, as a percentage in [0, 100] (import jobs report one; Data APIs
         * and instances do not). The poll planner may use it to poll closer to the expected end.
         *
         * @param progress reads the percentage, empty when unknown
         * @return this builder
         */
        public Builder<T> progressFrom(Function<T, OptionalDouble> progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /**
         * The exception a timeout ends the wait with: a {@link WaitTimeoutException} subclass carrying
         * what the feature knows (such as the job id and its last snapshot). By default the waiter's own.
         *
         * @param timeout builds the exception from the waiter's one and the last state read
         * @return this builder
         */
        public Builder<T> timeoutAs(
                BiFunction<WaitTimeoutException, Optional<T>, ? extends WaitTimeoutException> timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Builds the rules. @return the rules */
        public WaitRules<T> build() {
            return new WaitRules<>(this);
        }
    }
}
