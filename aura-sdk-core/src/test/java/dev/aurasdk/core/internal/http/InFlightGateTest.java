package dev.aurasdk.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.core.AuraException;
import dev.aurasdk.core.wait.DelayScheduler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** {@link InFlightGate}: a bound, turns in order, handed over on the scheduler, each permit given back once. */
class InFlightGateTest {
    private final Queue<Runnable> scheduled = new ArrayDeque<>();
    private boolean refusing;
    private final DelayScheduler scheduler = (task, delay) -> {
        if (refusing) {
            throw new RejectedExecutionException("shut down");
        }
        FutureTask<Void> future = new FutureTask<>(task, null);
        scheduled.add(future);
        return future;
    };

    private void runScheduled() {
        while (!scheduled.isEmpty()) {
            scheduled.poll().run();
        }
    }

    @Test
    void beyondTheBoundACallWaitsItsTurnWhichComesOnTheSchedulerInOrder() throws Exception {
        InFlightGate gate = new InFlightGate(1, scheduler, () -> false);
        CompletableFuture<InFlightGate.Permit> first = gate.acquire("first");
        CompletableFuture<InFlightGate.Permit> second = gate.acquire("second");
        CompletableFuture<InFlightGate.Permit> third = gate.acquire("third");
        assertThat(first).isDone();
        assertThat(second).isNotDone();

        first.get().release();

        assertThat(second).as("never handed over on the releasing thread").isNotDone();
        runScheduled();
        assertThat(second).isDone();
        assertThat(third).isNotDone();
    }

    @Test
    void aPermitReleasedTwiceIsGivenBackOnce() throws Exception {
        InFlightGate gate = new InFlightGate(1, scheduler, () -> false);
        InFlightGate.Permit permit = gate.acquire("first").get();
        permit.release();
        permit.release();

        assertThat(gate.acquire("second")).isDone();
        assertThat(gate.acquire("third")).as("the bound still holds").isNotDone();
    }

    @Test
    void aTurnGivenUpPassesThePermitToTheNext() throws Exception {
        InFlightGate gate = new InFlightGate(1, scheduler, () -> false);
        InFlightGate.Permit permit = gate.acquire("first").get();
        CompletableFuture<InFlightGate.Permit> abandoned = gate.acquire("abandoned");
        CompletableFuture<InFlightGate.Permit> next = gate.acquire("next");

        abandoned.cancel(false);
        permit.release();
        runScheduled();

        assertThat(next).isDone();
        assertThat(abandoned).isCancelled();
    }

    @Test
    void aTurnGivenUpAfterItWasScheduledGivesThePermitBack() throws Exception {
        InFlightGate gate = new InFlightGate(1, scheduler, () -> false);
        InFlightGate.Permit permit = gate.acquire("first").get();
        CompletableFuture<InFlightGate.Permit> late = gate.acquire("late");
        permit.release(); // the turn is scheduled
        late.cancel(false); // and given up before it runs

        runScheduled();

        assertThat(gate.acquire("next")).as("the permit came back").isDone();
    }

    @Test
    void whenTheSchedulerRefusesTheWaitingTurnsFailAndNothingLeaks() throws Exception {
        InFlightGate gate = new InFlightGate(1, scheduler, () -> true);
        InFlightGate.Permit permit = gate.acquire("first").get();
        CompletableFuture<InFlightGate.Permit> second = gate.acquire("GET /v1/tenants");
        CompletableFuture<InFlightGate.Permit> third = gate.acquire("third");

        refusing = true;
        permit.release();

        assertThat(second).isCompletedExceptionally();
        assertThat(third).isCompletedExceptionally();
        assertThat(second)
                .failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(AuraException.class)
                .withMessage("GET /v1/tenants: not sent, the scheduler refused it "
                        + "(RejectedExecutionException; the client is closed)");
        refusing = false;
        assertThat(gate.acquire("after")).as("the permit is free again").isDone();
    }
}
