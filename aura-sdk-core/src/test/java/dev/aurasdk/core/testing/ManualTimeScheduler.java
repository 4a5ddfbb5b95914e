package dev.aurasdk.core.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scheduler for async-wait tests: a scheduled task runs at once on a pool thread, and the
 * {@link ManualClock} jumps forward by the requested delay, so async waits neither sleep nor race
 * with wall time. Records how many tasks were scheduled.
 */
public final class ManualTimeScheduler extends ScheduledThreadPoolExecutor {
    private final ManualClock clock;
    private final AtomicInteger scheduled = new AtomicInteger();
    private final java.util.List<Duration> delays = new java.util.concurrent.CopyOnWriteArrayList<>();

    public ManualTimeScheduler(ManualClock clock) {
        super(1, r -> {
            Thread t = new Thread(r, "virtual-time-scheduler");
            t.setDaemon(true);
            return t;
        });
        this.clock = clock;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        scheduled.incrementAndGet();
        delays.add(Duration.ofNanos(unit.toNanos(delay)));
        clock.advance(Duration.ofNanos(unit.toNanos(delay)));
        return super.schedule(command, 0, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        scheduled.incrementAndGet();
        delays.add(Duration.ofNanos(unit.toNanos(delay)));
        clock.advance(Duration.ofNanos(unit.toNanos(delay)));
        return super.schedule(callable, 0, unit);
    }

    /** The delay of every task scheduled so far, zero ones included, in order. */
    public java.util.List<Duration> delays() {
        return java.util.List.copyOf(delays);
    }

    /** Tasks scheduled so far. */
    public int scheduledCount() {
        return scheduled.get();
    }
}
