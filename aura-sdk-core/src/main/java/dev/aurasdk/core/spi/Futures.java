package dev.aurasdk.core.spi;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/** {@link CompletableFuture} helpers. SPI: for SDK modules, not for applications (see the package). */
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

    /**
     * The exception behind a failed stage: strips the {@link CompletionException} and {@link ExecutionException}
     * wrappers that {@code CompletableFuture} adds, so callers see the call's own exception.
     *
     * @param failure the failure as a stage or {@code get()} reports it
     * @return the innermost cause that is not such a wrapper (a wrapper without cause is returned as is)
     */
    public static Throwable unwrap(Throwable failure) {
        Throwable c = Objects.requireNonNull(failure, "failure");
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}
