package dev.aurasdk.core.internal.wait;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.core.AuraException;
import dev.aurasdk.core.http.Sleeper;
import dev.aurasdk.core.testing.ManualClock;
import dev.aurasdk.core.wait.DelayScheduler;
import dev.aurasdk.core.wait.Poll;
import dev.aurasdk.core.wait.WaitOptions;
import dev.aurasdk.core.wait.WaitRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Closing the client ends a blocking wait that sleeps between polls at once (its planned delay can be
 * minutes), and never interrupts a poll in flight. Real threads, real sleeps of 10 min that the test
 * never waits out; latches order every step.
 */
class BlockingWaitCloseTest {
    private static final WaitRules<String> RULES =
            WaitRules.<String>builder().successWhen("done"::equals).build();

    /** Plans every poll 10 minutes ahead. */
    private static final PollPlanner TEN_MINUTES = (operation, options, start) -> new PollPlanner.Slot() {
        @Override
        public Duration firstDelay(Instant now) {
            return Duration.ZERO;
        }

        @Override
        public Duration nextDelay(Instant now, OptionalDouble progressPercent) {
            return Duration.ofMinutes(10);
        }

        @Override
        public void close() {}
    };

    private final CountDownLatch sleeping = new CountDownLatch(2); // the first (zero) sleep, then the long one
    private final Sleeper sleeper = d -> {
        sleeping.countDown();
        Sleeper.system().sleep(d);
    };
    private final ClientWaiter waiter = new ClientWaiter(
            new ManualClock(),
            sleeper,
            DelayScheduler.of(java.util.concurrent.Executors.newSingleThreadScheduledExecutor()),
            List.of(),
            TEN_MINUTES,
            WaitOptions.builder().timeout(Duration.ofHours(1)).build());

    @Test
    void closeEndsABlockingWaitSleepingBetweenPolls() throws Exception {
        AtomicBoolean interruptedAfter = new AtomicBoolean(true);
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread waiting = new Thread(() -> {
            try {
                waiter.newWait("job", Poll.of(() -> "running", () -> null), RULES)
                        .await();
                ended.complete(null);
            } catch (Throwable t) {
                interruptedAfter.set(Thread.currentThread().isInterrupted());
                ended.complete(t);
            }
        });
        waiting.start();
        assertThat(sleeping.await(30, TimeUnit.SECONDS)).isTrue(); // in its 10-minute sleep (or about to be)

        waiter.close();

        Throwable failure = ended.get(30, TimeUnit.SECONDS); // long before the 10 minutes
        assertThat(failure).isInstanceOf(AuraException.class).hasMessageContaining("was closed while waiting for job");
        assertThat(interruptedAfter)
                .as("the interrupt close() used is taken back")
                .isFalse();
        waiting.join(30_000);
    }

    @Test
    void closeLeavesAPollInFlightAloneAndTheWaitEndsBeforeItsNextSleep() throws Exception {
        CountDownLatch polling = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interruptedInPoll = new AtomicBoolean();
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread waiting = new Thread(() -> {
            try {
                waiter.newWait(
                                "job",
                                Poll.of(
                                        () -> {
                                            polling.countDown();
                                            try {
                                                release.await();
                                            } catch (InterruptedException e) {
                                                interruptedInPoll.set(true);
                                            }
                                            interruptedInPoll.compareAndSet(false, Thread.interrupted());
                                            return "running";
                                        },
                                        () -> null),
                                RULES)
                        .await();
                ended.complete(null);
            } catch (Throwable t) {
                ended.complete(t);
            }
        });
        waiting.start();
        assertThat(polling.await(30, TimeUnit.SECONDS)).isTrue();

        waiter.close();
        release.countDown();

        assertThat(ended.get(30, TimeUnit.SECONDS))
                .isInstanceOf(AuraException.class)
                .hasMessageContaining("was closed while waiting for job");
        assertThat(interruptedInPoll).as("close() interrupts sleeps only").isFalse();
        waiting.join(30_000);
    }

    @Test
    void aWaitStartedAfterCloseFailsAtOnce() {
        waiter.close();

        CompletableFuture<Object> result = CompletableFuture.supplyAsync(() ->
                waiter.newWait("job", Poll.of(() -> "done", () -> null), RULES).await());

        assertThat(result)
                .failsWithin(Duration.ofSeconds(30))
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(AuraException.class)
                .withMessageContaining("was closed while waiting for job");
    }
}
