package dev.aurasdk.core.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A factory of named daemon threads that remembers the live ones, so that their owner can wait until they have
 * ended (an executor's termination precedes its threads' end by a little). Not API.
 */
public final class OwnedThreads implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();
    private final Queue<Thread> threads = new ConcurrentLinkedQueue<>();

    /**
     * A factory naming its threads {@code prefix1}, {@code prefix2}, ...
     *
     * @param prefix the name prefix
     */
    public OwnedThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        threads.removeIf(t -> !t.isAlive() && t.getState() != Thread.State.NEW);
        Thread t = new Thread(task, prefix + count.incrementAndGet());
        t.setDaemon(true);
        threads.add(t);
        return t;
    }

    /**
     * Whether a thread was made by this factory.
     *
     * @param thread the thread
     * @return true for this factory's threads
     */
    public boolean owns(Thread thread) {
        return threads.contains(thread);
    }

    /**
     * Waits until every thread made so far has ended, or the deadline passed.
     *
     * @param deadlineNanos the {@link System#nanoTime()} to give up at
     * @return true when all have ended
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean awaitEnd(long deadlineNanos) throws InterruptedException {
        for (Thread t : threads) {
            long leftMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
            if (leftMillis <= 0) {
                return allEnded();
            }
            t.join(leftMillis);
        }
        return allEnded();
    }

    private boolean allEnded() {
        for (Thread t : threads) {
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }
}
