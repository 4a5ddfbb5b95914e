package dev.aurasdk.core.wait;

import dev.aurasdk.core.spi.Futures;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One wait, described once and run either way: what is awaited (for logs and messages), how to read
 * it ({@link Poll}), when it ends ({@link WaitRules}), how often to look ({@link WaitOptions}) and who
 * hears each poll ({@link PollListener}). {@link #await()} blocks the calling thread;
 * {@link #awaitAsync()} parks none. Either way the wait ends with the same outcome or the same
 * exceptions: a rule's failure, a {@link WaitTimeoutException} (or the subclass the rules build) when
 * the timeout passes, or the poll's own exception. Stopping a wait (timeout, cancelling the future,
 * closing the client) stops polling, never the operation on Aura. Immutable; obtain one from
 * {@link Waiter#newWait(String, Poll, WaitRules)}.
 *
 * <pre>{@code
 * WaitOutcome<Instance> done = aura.waiter()
 *         .newWait("instance " + id + " running", Poll.of(aura.http(), request, Instance.class), rules)
 *         .withOptions(WaitOptions.builder().timeout(Duration.ofMinutes(10)).build())
 *         .await();
 * }</pre>
 *
 * @param <T> the polled resource
 */
public final class Wait<T> {
    private final Waiter waiter;
    private final String operation;
    private final Poll<T> poll;
    private final WaitRules<T> rules;
    private final WaitOptions options;
    private final PollListener<T> listener;

    Wait(
            Waiter waiter,
            String operation,
            Poll<T> poll,
            WaitRules<T> rules,
            WaitOptions options,
            PollListener<T> listener) {
        this.waiter = Objects.requireNonNull(waiter, "waiter");
        this.operation = Objects.requireNonNull(operation, "operation");
        this.poll = Objects.requireNonNull(poll, "poll");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** What is awaited, such as {@code import job 87d4}. @return the operation */
    public String operation() {
        return operation;
    }

    /** How the resource is read. @return the poll */
    public Poll<T> poll() {
        return poll;
    }

    /** When the wait ends. @return the rules */
    public WaitRules<T> rules() {
        return rules;
    }

    /** Intervals and timeout (the client's wait options unless changed). @return the options */
    public WaitOptions options() {
        return options;
    }

    /** Who hears each poll. @return the listener */
    public PollListener<T> listener() {
        return listener;
    }

    /**
     * This wait with other options.
     *
     * @param options intervals and timeout
     * @return a new wait
     */
    public Wait<T> withOptions(WaitOptions options) {
        return new Wait<>(waiter, operation, poll, rules, options, listener);
    }

    /**
     * This wait with another listener.
     *
     * @param listener hears each poll
     * @return a new wait
     */
    public Wait<T> withListener(PollListener<T> listener) {
        return new Wait<>(waiter, operation, poll, rules, options, listener);
    }

    /**
     * Waits on the calling thread.
     *
     * @return how the wait ended
     * @throws WaitTimeoutException when the timeout passes first (the operation goes on in Aura)
     * @throws RuntimeException the exception a failure rule built, or the poll's own
     */
    public WaitOutcome<T> await() {
        return waiter.await(this);
    }

    /**
     * Waits without parking a thread: each poll starts on the client's scheduler and is judged when its
     * answer arrives. Cancelling the returned future stops polling (not the operation on Aura).
     *
     * @return completes with the outcome, or exceptionally as {@link #await()} throws
     */
    public CompletableFuture<WaitOutcome<T>> awaitAsync() {
        return waiter.awaitAsync(this);
    }

    /**
     * Waits on the calling thread and turns the outcome into the feature's result.
     *
     * @param finish maps the outcome (may throw, as a failed wait does)
     * @param <R> the result
     * @return the result
     */
    public <R> R await(Function<? super WaitOutcome<T>, ? extends R> finish) {
        Objects.requireNonNull(finish, "finish");
        return finish.apply(await());
    }

    /**
     * Waits without parking a thread and turns the outcome into the feature's result. The returned
     * future fails with the wait's own exception (not wrapped), and cancelling it (or
     * {@code orTimeout}) stops polling.
     *
     * @param finish maps the outcome (may throw, as a failed wait does)
     * @param <R> the result
     * @return completes with the result, or exceptionally as {@link #await(Function)} throws
     */
    public <R> CompletableFuture<R> awaitAsync(Function<? super WaitOutcome<T>, ? extends R> finish) {
        Objects.requireNonNull(finish, "finish");
        CompletableFuture<WaitOutcome<T>> polling = awaitAsync();
        CompletableFuture<R> result = new CompletableFuture<>();
        polling.whenComplete((outcome, error) -> {
            if (error != null) {
                result.completeExceptionally(Futures.unwrap(error));
                return;
            }
            try {
                result.complete(finish.apply(outcome));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        result.whenComplete((value, error) -> {
            if (!polling.isDone()) { // cancelled or timed out by the caller: stop polling
                polling.cancel(false);
            }
        });
        return result;
    }

    @Override
    public String toString() {
        return "Wait{" + operation + ", timeout=" + options.timeout() + "}";
    }
}
