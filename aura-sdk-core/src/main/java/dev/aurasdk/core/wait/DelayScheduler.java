package dev.aurasdk.core.wait;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a task after a delay; async waits use it so that no thread is parked while waiting. */
@FunctionalInterface
public interface DelayScheduler {
    /**
     * Schedules a task.
     *
     * @param task the task
     * @param delay the delay
     * @return a handle to cancel it
     */
    Future<?> schedule(Runnable task, Duration delay);

    /**
     * A scheduler backed by an executor.
     *
     * @param executor the executor
     * @return the scheduler
     */
    static DelayScheduler of(ScheduledExecutorService executor) {
        return (task, delay) -> executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }
}
