package dev.aurasdk.core.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aurasdk.core.AuraNotFoundException;
import dev.aurasdk.core.AuraServerException;
import dev.aurasdk.core.AuraTimeoutException;
import dev.aurasdk.core.ErrorDetails;
import dev.aurasdk.core.http.RequestListener;
import dev.aurasdk.core.internal.wait.BackoffPlanner;
import dev.aurasdk.core.internal.wait.ClientWaiter;
import dev.aurasdk.core.testing.ManualClock;
import dev.aurasdk.core.testing.ManualTimeScheduler;
import dev.aurasdk.core.testing.RecordingSleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WaiterTest {
    /** SYNC: blocking polls on the caller; ASYNC: blocking polls on the scheduler; ASYNC_POLLS: polls whose
     * stages complete later on another thread, failures wrapped as {@code CompletableFuture} wraps them. */
    enum Mode {
        SYNC,
        ASYNC,
        ASYNC_POLLS
    }

    private final ManualClock clock = new ManualClock();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final ManualTimeScheduler scheduler = new ManualTimeScheduler(clock);
    private final List<String> listenerPolls = new CopyOnWriteArrayList<>();
    private final Waiter waiter = waiter(DelayScheduler.of(scheduler), List.of(new RequestListener() {
        @Override
        public void onWaitPoll(String operation, int poll, String state) {
            listenerPolls.add(poll + ":" + state);
        }
    }));
    private final WaitOptions exact = WaitOptions.builder().jitter(0).build();

    private final java.util.concurrent.ExecutorService pollIo =
            java.util.concurrent.Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        pollIo.shutdownNow();
    }

    private ClientWaiter waiter(DelayScheduler delays, List<RequestListener> listeners) {
        return new ClientWaiter(clock, sleeper, delays, listeners, new BackoffPlanner(), WaitOptions.defaults());
    }

    /** A poll that blocks (or not) on the scheduler's thread and completes inline. */
    private static <T> Supplier<java.util.concurrent.CompletableFuture<T>> inline(Supplier<T> poll) {
        return () -> {
            try {
                return java.util.concurrent.CompletableFuture.completedFuture(poll.get());
            } catch (RuntimeException e) {
                return java.util.concurrent.CompletableFuture.failedFuture(e);
            }
        };
    }

    private static WaitRules<String> doneOrBroken() {
        return WaitRules.<String>builder()
                .successWhen("done"::equals)
                .failWhen("broken"::equals, s -> new IllegalStateException("it broke"))
                .build();
    }

    private static Supplier<String> sequence(Object... states) {
        Iterator<Object> it = List.of(states).iterator();
        return () -> {
            Object next = it.next();
            if (next instanceof RuntimeException) {
                throw (RuntimeException) next;
            }
            return (String) next;
        };
    }

    private <T> WaitOutcome<T> run(
            Mode mode, Supplier<T> poll, WaitRules<T> rules, WaitOptions options, PollListener<T> listener) {
        if (mode == Mode.SYNC) {
            return waiter.await("test op", poll, rules, options, listener);
        }
        try {
            if (mode == Mode.ASYNC_POLLS) {
                return waiter.awaitAsyncPolls(
                                "test op",
                                () -> java.util.concurrent.CompletableFuture.supplyAsync(poll, pollIo),
                                rules,
                                options,
                                listener)
                        .get(60, TimeUnit.SECONDS);
            }
            return waiter.awaitAsyncPolls("test op", inline(poll), rules, options, listener)
                    .get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException
                    ? (RuntimeException) e.getCause()
                    : new CompletionException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static AuraNotFoundException notFound() {
        return new AuraNotFoundException(
                ErrorDetails.builder().method("GET").path("/x").statusCode(404).build());
    }

    private static AuraServerException serverError() {
        return new AuraServerException(
                ErrorDetails.builder().method("GET").path("/x").statusCode(503).build());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void pollsAfterOneSecondThenBacksOffByOneAndAHalf(Mode mode) {
        WaitOutcome<String> outcome =
                run(mode, sequence("a", "b", "c", "done"), doneOrBroken(), exact, PollListener.none());
        assertThat(outcome.value()).contains("done");
        assertThat(outcome.polls()).isEqualTo(4);
        assertThat(outcome.elapsed()).isEqualTo(Duration.ofMillis(1000 + 1500 + 2250 + 3375));
        assertThat(listenerPolls).containsExactly("1:a", "2:b", "3:c", "4:done");
        if (mode == Mode.SYNC) {
            assertThat(sleeper.sleeps())
                    .containsExactly(
                            Duration.ofMillis(1000),
                            Duration.ofMillis(1500),
                            Duration.ofMillis(2250),
                            Duration.ofMillis(3375));
        } else {
            assertThat(sleeper.sleeps()).isEmpty();
            assertThat(scheduler.scheduledCount()).isEqualTo(4);
        }
    }

    @Test
    void intervalIsCappedAtThirtySeconds() {
        Object[] states = new Object[20];
        java.util.Arrays.fill(states, "running");
        states[19] = "done";
        waiter.await("op", sequence(states), doneOrBroken(), exact, PollListener.none());
        assertThat(sleeper.sleeps()).last().isEqualTo(Duration.ofSeconds(30));
        assertThat(sleeper.sleeps()).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(30)));
    }

    @Test
    void jitterStaysWithinTenPercent() {
        Object[] states = new Object[12];
        java.util.Arrays.fill(states, "running");
        states[11] = "done";
        waiter.await("op", sequence(states), doneOrBroken(), WaitOptions.defaults(), PollListener.none());
        List<Duration> sleeps = sleeper.sleeps();
        assertThat(sleeps.get(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(sleeps.get(1).toMillis()).isBetween(1350L, 1650L);
        assertThat(sleeps.get(11 - 1).toMillis()).isBetween(27_000L, 33_000L);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void failureRuleEndsTheWaitWithItsException(Mode mode) {
        assertThatThrownBy(() -> run(mode, sequence("a", "broken", "done"), doneOrBroken(), exact, PollListener.none()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("it broke");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void timeoutSaysTheOperationGoesOn(Mode mode) {
        Supplier<String> forever = () -> "running";
        WaitOptions options =
                WaitOptions.builder().jitter(0).timeout(Duration.ofSeconds(10)).build();
        assertThatThrownBy(() -> run(mode, forever, doneOrBroken(), options, PollListener.none()))
                .isInstanceOf(AuraTimeoutException.class)
                .hasMessageContaining("test op did not finish within 10 s")
                .hasMessageContaining("last state: running")
                .hasMessageContaining("goes on in Aura");
        assertThat(Duration.between(java.time.Instant.parse("2026-01-01T00:00:00Z"), clock.instant()))
                .isEqualTo(Duration.ofSeconds(10));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void notFoundRightAfterCreationIsToleratedWithinTheGracePeriod(Mode mode) {
        List<Boolean> seen = new ArrayList<>();
        WaitOutcome<String> outcome = run(
                mode,
                sequence(notFound(), notFound(), "done"),
                doneOrBroken(),
                exact,
                e -> seen.add(e.value().isPresent()));
        assertThat(outcome.value()).contains("done");
        assertThat(seen).containsExactly(false, false, true);
    }

    @Test
    void notFoundAfterTheGracePeriodFails() {
        WaitOptions options = WaitOptions.builder()
                .jitter(0)
                .notFoundGrace(Duration.ofSeconds(2))
                .build();
        assertThatThrownBy(() -> waiter.await(
                        "op",
                        sequence("running", notFound(), notFound()),
                        doneOrBroken(),
                        options,
                        PollListener.none()))
                .isInstanceOf(AuraNotFoundException.class);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void notFoundEndsAWaitForDeletion(Mode mode) {
        WaitRules<String> deleted =
                WaitRules.<String>builder().notFoundMeansDone().build();
        WaitOutcome<String> outcome = run(mode, sequence("deleting", notFound()), deleted, exact, PollListener.none());
        assertThat(outcome.gone()).isTrue();
        assertThat(outcome.value()).contains("deleting");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void transientPollFailuresAreToleratedUpToThreeInARow(Mode mode) {
        WaitOutcome<String> outcome =
                run(mode, sequence(serverError(), serverError(), "done"), doneOrBroken(), exact, PollListener.none());
        assertThat(outcome.polls()).isEqualTo(3);
        assertThatThrownBy(() -> run(
                        mode,
                        sequence(serverError(), serverError(), serverError(), "done"),
                        doneOrBroken(),
                        exact,
                        PollListener.none()))
                .isInstanceOf(AuraServerException.class);
    }

    @Test
    void cancellingAWaitAbandonsThePollInFlight() throws Exception {
        java.util.concurrent.CompletableFuture<String> inFlight = new java.util.concurrent.CompletableFuture<>();
        var future = waiter.awaitAsyncPolls(
                "op",
                () -> inFlight,
                doneOrBroken(),
                WaitOptions.builder().initialDelay(Duration.ZERO).build(),
                PollListener.none());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (scheduler.getCompletedTaskCount() == 0) { // the first poll starts on the scheduler's thread
            if (System.nanoTime() > until) {
                throw new AssertionError("the first poll did not start within 10 s");
            }
            Thread.onSpinWait();
        }

        future.cancel(false);

        assertThat(inFlight).as("the poll in flight is cancelled with the wait").isCancelled();
        inFlight.obtrudeValue("done"); // a late answer changes nothing
        assertThat(future).isCancelled();
    }

    @Test
    void listenerIsToldWhetherTheStateChanged() {
        List<Boolean> changed = new ArrayList<>();
        waiter.await("op", sequence("a", "a", "b", "done"), doneOrBroken(), exact, e -> changed.add(e.changed()));
        assertThat(changed).containsExactly(true, false, true, true);
    }

    @Test
    void cancellingAnAsyncWaitStopsPollingAndLeavesNoTaskBehind() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        java.util.concurrent.ScheduledThreadPoolExecutor realScheduler =
                new java.util.concurrent.ScheduledThreadPoolExecutor(1);
        realScheduler.setRemoveOnCancelPolicy(true);
        Waiter slowWaiter = waiter(DelayScheduler.of(realScheduler), List.of());
        try {
            WaitOptions options = WaitOptions.builder()
                    .jitter(0)
                    .initialDelay(Duration.ofMillis(10))
                    .maxInterval(Duration.ofHours(1))
                    .multiplier(60_000)
                    .build(); // then 10 min of real time
            java.util.concurrent.CountDownLatch firstPoll = new java.util.concurrent.CountDownLatch(1);
            var future = slowWaiter.awaitAsyncPolls(
                    "op",
                    inline(() -> {
                        polls.incrementAndGet();
                        firstPoll.countDown();
                        return "running";
                    }),
                    doneOrBroken(),
                    options,
                    PollListener.none());
            assertThat(firstPoll.await(5, TimeUnit.SECONDS)).isTrue();
            // the next poll is scheduled 10 min out; cancelling the wait must remove it
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (realScheduler.getQueue().size() != 1 && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            assertThat(realScheduler.getQueue()).hasSize(1);
            future.cancel(false);
            assertThat(realScheduler.getQueue()).isEmpty();
            assertThat(polls.get()).isEqualTo(1);
            assertThat(future).isCancelled();
        } finally {
            realScheduler.shutdownNow();
        }
    }

    @Test
    void closingTheWaiterEndsPendingAsyncWaits() throws Exception {
        java.util.concurrent.ScheduledThreadPoolExecutor realScheduler =
                new java.util.concurrent.ScheduledThreadPoolExecutor(1);
        realScheduler.setRemoveOnCancelPolicy(true);
        ClientWaiter closable = waiter(DelayScheduler.of(realScheduler), List.of());
        try {
            WaitOptions options =
                    WaitOptions.builder().initialDelay(Duration.ofHours(1)).build();
            var future = closable.awaitAsyncPolls(
                    "import job 42 completion", inline(() -> "running"), doneOrBroken(), options, PollListener.none());
            closable.close();
            assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(dev.aurasdk.core.AuraException.class)
                    .hasMessageContaining("closed")
                    .hasMessageContaining("goes on in Aura");
            assertThat(realScheduler.getQueue()).isEmpty();
        } finally {
            realScheduler.shutdownNow();
        }
    }

    @Test
    void invalidOptionsAreRejected() {
        assertThatThrownBy(() -> WaitOptions.builder().timeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeout");
        assertThatThrownBy(() -> WaitOptions.builder().multiplier(0.5).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multiplier");
        assertThatThrownBy(() -> WaitOptions.builder().jitter(1.5).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jitter");
    }
}
