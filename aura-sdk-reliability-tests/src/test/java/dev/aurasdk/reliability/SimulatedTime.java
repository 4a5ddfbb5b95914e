package dev.aurasdk.reliability;

import dev.aurasdk.core.http.Sleeper;
import dev.aurasdk.testkit.FakeAuraServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The fake's virtual time for a fixed set of worker threads, as a discrete-event simulation: the clock moves only
 * when every worker is asleep, and then straight to the earliest wake-up. Work between sleeps (HTTP calls included)
 * takes no virtual time, so a request goes out exactly when the SDK's limiter scheduled it, however slowly the
 * threads really run. Workers call {@link #join()} before their first call and {@link #leave()} after their last.
 */
final class SimulatedTime implements Sleeper {
    private final FakeAuraServer server;
    private final PriorityQueue<Ticket> sleeping = new PriorityQueue<>(Comparator.comparing(t -> t.wakeAt));
    private int awake;

    private static final class Ticket {
        final Instant wakeAt;
        boolean woken;

        Ticket(Instant wakeAt) {
            this.wakeAt = wakeAt;
        }
    }

    SimulatedTime(FakeAuraServer server) {
        this.server = server;
    }

    synchronized void join() {
        awake++;
    }

    synchronized void leave() {
        awake--;
        advanceIfAllAsleep();
    }

    @Override
    public synchronized void sleep(Duration d) throws InterruptedException {
        if (d.isNegative() || d.isZero()) {
            return;
        }
        Ticket ticket = new Ticket(server.clock().instant().plus(d));
        sleeping.add(ticket);
        awake--;
        advanceIfAllAsleep();
        while (!ticket.woken) {
            wait();
        }
    }

    /** When nobody is awake: jump to the earliest wake-up and wake everyone due then (counted awake at once). */
    private void advanceIfAllAsleep() {
        if (awake > 0 || sleeping.isEmpty()) {
            return;
        }
        Instant next = sleeping.peek().wakeAt;
        Duration ahead = Duration.between(server.clock().instant(), next);
        if (!ahead.isNegative() && !ahead.isZero()) {
            server.advance(ahead);
        }
        Instant now = server.clock().instant();
        while (!sleeping.isEmpty() && !sleeping.peek().wakeAt.isAfter(now)) {
            sleeping.poll().woken = true;
            awake++;
        }
        notifyAll();
    }
}
