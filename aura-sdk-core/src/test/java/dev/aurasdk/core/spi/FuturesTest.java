package dev.aurasdk.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FuturesTest {
    @Test
    void mapsTheValue() {
        CompletableFuture<Integer> source = new CompletableFuture<>();
        CompletableFuture<String> mapped = Futures.mapAbandoning(source, i -> "n" + i);

        source.complete(4);

        assertThat(mapped).isCompletedWithValue("n4");
    }

    @Test
    void cancellingTheMappedFutureCancelsTheSource() {
        CompletableFuture<Integer> source = new CompletableFuture<>();
        CompletableFuture<String> mapped = Futures.mapAbandoning(source, i -> "n" + i);

        mapped.cancel(false);

        assertThat(source).isCancelled();
    }

    @Test
    void givingUpOnTheMappedFutureByTimeoutCancelsTheSource() {
        CompletableFuture<Integer> source = new CompletableFuture<>();
        CompletableFuture<String> mapped = Futures.mapAbandoning(source, i -> "n" + i);

        mapped.orTimeout(10, TimeUnit.MILLISECONDS); // completes this same future exceptionally

        assertThat(mapped).failsWithin(java.time.Duration.ofSeconds(5));
        assertThat(source).isCancelled();
    }

    @Test
    void aFailedSourceFailsTheMappedFutureAndIsLeftAlone() {
        CompletableFuture<Integer> source = new CompletableFuture<>();
        CompletableFuture<String> mapped = Futures.mapAbandoning(source, i -> "n" + i);

        source.completeExceptionally(new IllegalStateException("boom"));

        assertThat(mapped).isCompletedExceptionally();
        assertThat(source).isNotCancelled();
    }

    @Test
    void unwrapStripsEveryCompletionAndExecutionWrapper() {
        IllegalStateException cause = new IllegalStateException("boom");
        CompletableFuture<String> failed =
                CompletableFuture.<String>failedFuture(cause).thenApply(s -> s + "!");

        Throwable reported = failed.handle((v, failure) -> failure).join();

        assertThat(reported).isInstanceOf(CompletionException.class);
        assertThat(Futures.unwrap(reported)).isSameAs(cause);
        assertThat(Futures.unwrap(new ExecutionException(new CompletionException(cause))))
                .isSameAs(cause);
    }

    @Test
    void unwrapKeepsOtherExceptionsAndWrappersWithoutCause() {
        IllegalStateException plain = new IllegalStateException("boom");
        CompletionException empty = new CompletionException("no cause", null);

        assertThat(Futures.unwrap(plain)).isSameAs(plain);
        assertThat(Futures.unwrap(empty)).isSameAs(empty);
        assertThat(Futures.unwrap(new RuntimeException(new CompletionException(plain))))
                .isInstanceOf(RuntimeException.class)
                .isNotInstanceOf(CompletionException.class);
    }
}
