package dev.aurasdk.core.testing;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Deterministic hand-offs between a test and the threads it starts, without sleeping. */
public final class Threads {
    private Threads() {}

    /**
     * Waits (really, at most 10 s) until {@code thread} is parked (waiting, with or without a timeout)
     * inside {@code type.method}: from then on it waits for someone else, and whatever the test does next
     * happens while it waits, not before it got there.
     *
     * @param thread the thread
     * @param type the class whose method it must wait in
     * @param method that method's name
     */
    public static void awaitParkedIn(Thread thread, Class<?> type, String method) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!parkedIn(thread, type.getName(), method)) {
            if (System.nanoTime() > deadline || !thread.isAlive()) {
                throw new AssertionError(thread.getName() + " did not wait in " + type.getSimpleName() + "." + method
                        + " within 10 s (" + thread.getState() + ")");
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    private static boolean parkedIn(Thread thread, String className, String method) {
        Thread.State state = thread.getState();
        if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
            return false;
        }
        return Arrays.stream(thread.getStackTrace())
                .anyMatch(f ->
                        f.getClassName().equals(className) && f.getMethodName().equals(method));
    }
}
