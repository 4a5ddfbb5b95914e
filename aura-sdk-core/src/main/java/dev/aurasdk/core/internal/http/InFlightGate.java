package dev.aurasdk.core.internal.http;

import dev.aurasdk.core.AuraException;
import dev.aurasdk.core.wait.DelayScheduler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Bounds the asynchronous exchanges in flight (a burst of async calls or waits would otherwise open a
 * connection each). An attempt beyond the bound waits its turn, in order, without a thread; its turn
 * comes on the scheduler, never on the thread that released the permit. Thread-safe. Not API.
 */
final class InFlightGate {
    private final int limit;
    private final DelayScheduler scheduler;
    private final BooleanSupplier closed;
    private final ArrayDeque<Turn> waiting = new ArrayDeque<>();
    private int inFlight; // guarded by this

    InFlightGate(int limit, DelayScheduler scheduler, BooleanSupplier closed) {
        this.limit = limit;
        this.scheduler = scheduler;
        this.closed = closed;
    }

    /** One permit: {@link #release()} gives it back (once; further calls do nothing). */
    final class Permit {
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit() {}

        void release() {
            if (released.compareAndSet(false, true)) {
                passOn();
            }
        }
    }

    private static final class Turn {
        final Object who;
        final CompletableFuture<Permit> permit = new CompletableFuture<>();

        Turn(Object who) {
            this.who = who;
        }
    }

    /**
     * A permit: at once when one is free (completed on this thread), else when one is released
     * (completed on the scheduler). Cancelling the future gives up the turn. When the scheduler refuses
     * the turn (the client is closing), the future fails and nothing is sent.
     *
     * @param who what waits, for messages (such as the call)
     * @return the permit to come
     */
    CompletableFuture<Permit> acquire(Object who) {
        Turn turn;
        synchronized (this) {
            if (inFlight < limit) {
                inFlight++;
                return CompletableFuture.completedFuture(new Permit());
            }
            turn = new Turn(who);
            waiting.add(turn);
        }
        return turn.permit;
    }

    /** A permit came back: it passes to the oldest waiting turn still wanted, else it is free. */
    private void passOn() {
        while (true) {
            Turn next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    inFlight--;
                    return;
                }
            }
            if (next.permit.isDone()) {
                continue; // given up while waiting
            }
            Permit permit = new Permit();
            Turn turn = next;
            try {
                scheduler.schedule(
                        () -> {
                            if (!turn.permit.complete(permit)) {
                                permit.release(); // given up meanwhile
                            }
                        },
                        Duration.ZERO);
                return;
            } catch (RuntimeException rejected) {
                turn.permit.completeExceptionally(new AuraException(
                        turn.who + ": not sent, the scheduler refused it ("
                                + rejected.getClass().getSimpleName()
                                + (closed.getAsBoolean() ? "; the client is closed)" : ")"),
                        rejected));
                // the permit passes on to the following turn
            }
        }
    }
}
