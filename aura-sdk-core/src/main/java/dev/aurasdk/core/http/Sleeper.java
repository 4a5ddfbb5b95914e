package dev.aurasdk.core.http;

import java.time.Duration;

/** Pauses the calling thread. Injectable so tests record delays instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /**
     * Sleeps.
     *
     * @param duration how long; zero or negative returns at once
     * @throws InterruptedException when interrupted
     */
    void sleep(Duration duration) throws InterruptedException;

    /** The real sleeper ({@link Thread#sleep(long)}). @return the system sleeper */
    static Sleeper system() {
        return d -> {
            if (!d.isNegative() && !d.isZero()) {
                Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
            }
        };
    }
}
