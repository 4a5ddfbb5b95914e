package dev.aurasdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
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
}
