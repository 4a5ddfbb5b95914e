package dev.aurasdk.testkit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler for tests in virtual time: a task scheduled with a delay runs at once on the
 * scheduler's single daemon thread, and the {@link FakeClock} jumps forward by that delay. Give it to
 * {@code AuraClient.Builder#scheduler} so asynchronous waits neither sleep nor depend on wall time
 * ({@link FakeAuraServer#clientBuilder()} does this).
 */
public final class VirtualTimeScheduler extends ScheduledThreadPoolExecutor {
    private final FakeClock clock;

    /**
     * Creates a scheduler.
     *
     * @param clock the clock to advance
     */
    public VirtualTimeScheduler(FakeClock clock) {
        super(1, r -> {
            Thread t = new Thread(r, "aura-testkit-virtual-time");
            t.setDaemon(true);
            return t;
        });
        this.clock = clock;
        setRemoveOnCancelPolicy(true);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        advance(delay, unit);
        return super.schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        advance(delay, unit);
        return super.schedule(callable, 0, TimeUnit.NANOSECONDS);
    }

    private void advance(long delay, TimeUnit unit) {
        if (delay > 0) {
            clock.advance(Duration.ofNanos(unit.toNanos(delay)));
        }
    }
}
