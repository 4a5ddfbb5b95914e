package dev.aurasdk.core.wait;

import dev.aurasdk.core.AuraNotFoundException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The one poller of the SDK, shared by every module and owned by the {@code AuraClient}
 * ({@code aura.waiter()}). It polls, at the delays the client's poll planner gives within its rate budget
 * (near the predicted end for a resource that reports progress, a growing backoff otherwise), until the rules
 * say success or failure, or
 * the timeout passes; it tolerates a 404 right after a create (for the options' not-found grace) and up
 * to three transient poll failures (5xx, 429, network) in a row. Stopping a wait (timeout, cancelling
 * the future, closing the client) never cancels the operation on Aura.
 *
 * <p>Describe a wait once with {@link #newWait(String, Poll, WaitRules)} and run it with
 * {@link Wait#await()} or {@link Wait#awaitAsync()}.
 */
public interface Waiter {

    /**
     * The options of waits that do not set their own: the client's wait options.
     *
     * @return the default options
     */
    WaitOptions defaultOptions();

    /**
     * Describes a wait with the {@linkplain #defaultOptions() default options} and no listener.
     *
     * @param operation what is awaited, for logs and messages (such as {@code import job 87d4})
     * @param poll reads the resource once, blocking or not
     * @param rules when the wait ends
     * @param <T> the polled resource
     * @return the wait, not started
     */
    default <T> Wait<T> newWait(String operation, Poll<T> poll, WaitRules<T> rules) {
        return new Wait<>(this, operation, poll, rules, defaultOptions(), PollListener.none());
    }

    /**
     * Runs a wait on the calling thread (same as {@link Wait#await()}).
     *
     * @param wait the wait
     * @param <T> the polled resource
     * @return how the wait ended
     * @throws WaitTimeoutException when the timeout passes first
     * @throws RuntimeException the exception a failure rule built, or the poll's own
     */
    <T> WaitOutcome<T> await(Wait<T> wait);

    /**
     * Runs a wait without parking a thread (same as {@link Wait#awaitAsync()}).
     *
     * @param wait the wait
     * @param <T> the polled resource
     * @return completes with the outcome, or exceptionally as {@link #await(Wait)} throws
     */
    <T> CompletableFuture<WaitOutcome<T>> awaitAsync(Wait<T> wait);

    /**
     * Waits on the calling thread with a blocking poll.
     *
     * @param operation what is awaited
     * @param poll reads the resource once (a 404 is an {@link AuraNotFoundException})
     * @param rules when the wait ends
     * @param options intervals and timeout
     * @param listener told about each poll
     * @param <T> the polled resource
     * @return how the wait ended
     */
    default <T> WaitOutcome<T> await(
            String operation, Supplier<T> poll, WaitRules<T> rules, WaitOptions options, PollListener<T> listener) {
        Objects.requireNonNull(poll, "poll");
        Poll<T> blocking = Poll.of(poll, () -> {
            throw new UnsupportedOperationException("a blocking poll");
        });
        return newWait(operation, blocking, rules)
                .withOptions(options)
                .withListener(listener)
                .await();
    }

    /**
     * Waits without parking a thread, with polls that do not block either (such as
     * {@link dev.aurasdk.core.http.AuraHttp#sendAsync}): each poll starts on the client's scheduler and
     * is judged when its stage completes. Cancelling the returned future stops polling and abandons
     * the poll in flight (not the operation on Aura).
     *
     * @param operation what is awaited
     * @param poll starts one read (a 404 completes it with an {@link AuraNotFoundException})
     * @param rules when the wait ends
     * @param options intervals and timeout
     * @param listener told about each poll
     * @param <T> the polled resource
     * @return completes with the outcome, or exceptionally as {@link #await(Wait)} throws
     */
    default <T> CompletableFuture<WaitOutcome<T>> awaitAsyncPolls(
            String operation,
            Supplier<? extends CompletionStage<T>> poll,
            WaitRules<T> rules,
            WaitOptions options,
            PollListener<T> listener) {
        Objects.requireNonNull(poll, "poll");
        Poll<T> async = Poll.of(
                () -> {
                    throw new UnsupportedOperationException("a non-blocking poll");
                },
                poll);
        return newWait(operation, async, rules)
                .withOptions(options)
                .withListener(listener)
                .awaitAsync();
    }
}
