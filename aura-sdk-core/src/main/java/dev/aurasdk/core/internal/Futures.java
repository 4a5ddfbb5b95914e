package dev.aurasdk.core.internal;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** {@link CompletableFuture} helpers. Not API. */
public final class Futures {
    private Futures() {}

    /**
     * {@code source.thenApply(fn)}, except that when the returned future completes before
     * {@code source} (cancelled, timed out with {@code orTimeout}, completed by hand), {@code source} is
     * cancelled too: a caller who gives up on a mapped result abandons the call behind it.
     *
     * @param source the underlying future (such as an SDK call in flight)
     * @param fn maps its value
     * @param <T> the source's value
     * @param <R> the mapped value
     * @return the mapped future
     */
    public static <T, R> CompletableFuture<R> mapAbandoning(
            CompletableFuture<T> source, Function<? super T, ? extends R> fn) {
        Objects.requireNonNull(fn, "fn");
        CompletableFuture<R> mapped = source.thenApply(fn);
        mapped.whenComplete((value, failure) -> {
            if (!source.isDone()) {
                source.cancel(false);
            }
        });
        return mapped;
    }
}
