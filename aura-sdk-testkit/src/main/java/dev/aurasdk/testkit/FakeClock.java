package dev.aurasdk.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The fake server's clock: token expiry, rate-limit windows, timestamps and resource progress all read it.
 *
 * <p>In {@link StepMode#MANUAL} and {@link StepMode#AUTO} it is virtual: it stands still until {@link #advance}
 * moves it. In {@link StepMode#WALL_CLOCK} it follows the system clock plus the total advanced so far.
 * Thread-safe.
 */
public final class FakeClock extends Clock {
    private final boolean wall;
    private final Instant virtualStart;
    private final Instant wallAnchor;
    private final long nanoAnchor;
    private volatile Duration offset = Duration.ZERO;

    FakeClock(boolean wall, Instant virtualStart) {
        this.wall = wall;
        this.virtualStart = Objects.requireNonNull(virtualStart, "virtualStart");
        this.wallAnchor = Instant.now();
        this.nanoAnchor = System.nanoTime();
    }

    /**
     * Moves the clock forward.
     *
     * @param amount a non-negative duration
     * @return this clock
     */
    public synchronized FakeClock advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("The clock cannot go back: " + amount);
        }
        offset = offset.plus(amount);
        return this;
    }

    /**
     * Whether this clock follows real time.
     *
     * @return true in wall-clock mode
     */
    public boolean isWallClock() {
        return wall;
    }

    /**
     * The current instant.
     *
     * @return now, as the fake sees it
     */
    @Override
    public Instant instant() {
        if (wall) {
            return wallAnchor.plusNanos(System.nanoTime() - nanoAnchor).plus(offset);
        }
        return virtualStart.plus(offset);
    }

    /**
     * Always UTC.
     *
     * @return {@link ZoneOffset#UTC}
     */
    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /**
     * Not supported: the fake has a single clock in UTC.
     *
     * @param zone ignored
     * @return never
     * @throws UnsupportedOperationException always
     */
    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The fake clock is always UTC");
    }

    /**
     * Describes the clock.
     *
     * @return a short description with the current instant
     */
    @Override
    public String toString() {
        return "FakeClock[" + (wall ? "wall" : "virtual") + ", now=" + instant() + "]";
    }
}
