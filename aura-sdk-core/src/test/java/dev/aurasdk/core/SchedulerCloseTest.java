package dev.aurasdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.core.testing.ScriptedAura;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Closing the client lets the steps already due on its scheduler run (an async answer handed back to it
 * completes its future only there) and drops the delayed ones; latches order every step.
 */
class SchedulerCloseTest {
    private final ScriptedAura aura = new ScriptedAura();

    @AfterEach
    void close() {
        aura.close();
    }

    @Test
    void aStepAlreadyDueWhenTheClientClosesStillRunsADelayedOneDoesNot() throws Exception {
        AuraClient client = aura.client();
        ScheduledExecutorService scheduler = client.scheduler();
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        scheduler.execute(
                () -> { // holds the scheduler's one thread
                    busy.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        assertThat(busy.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> handedBack = new CompletableFuture<>();
        scheduler.schedule(() -> handedBack.complete("answer"), 0, TimeUnit.MILLISECONDS); // due, queued
        AtomicBoolean delayedRan = new AtomicBoolean();
        ScheduledFuture<?> delayed = scheduler.schedule(() -> delayedRan.set(true), 1, TimeUnit.HOURS);

        CompletableFuture<Void> closing = CompletableFuture.runAsync(client::close);
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!scheduler.isShutdown() && !closing.isDone() && System.nanoTime() < giveUp) {
            Thread.sleep(1); // until close() reached the scheduler
        }
        assertThat(scheduler.isShutdown()).isTrue();
        release.countDown(); // within the close's grace: the busy step ends by itself

        assertThat(handedBack.get(30, TimeUnit.SECONDS)).isEqualTo("answer");
        closing.get(30, TimeUnit.SECONDS);
        assertThat(scheduler.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(delayedRan).isFalse();
        assertThat(delayed.isCancelled())
                .as("a delayed step is dropped at once, not after a wait")
                .isTrue();
    }
}
