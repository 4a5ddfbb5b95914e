package dev.aurasdk.benchmarks;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the calls of a throughput run: successful ones, failed ones and, for the failures, how many of each
 * kind of exception. A failed call is counted and the caller goes on with the next call, so one reset
 * connection does not end a run (nor hide the other variants' results).
 */
final class CallTally {
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Map<String, LongAdder> failureKinds = new ConcurrentHashMap<>();

    /**
     * Makes one call and counts it; a {@link RuntimeException} it throws is counted, not passed on.
     *
     * @param call the call
     */
    void call(Runnable call) {
        try {
            call.run();
            succeeded.increment();
        } catch (RuntimeException e) {
            failed.increment();
            failureKinds.computeIfAbsent(kind(e), k -> new LongAdder()).increment();
        }
    }

    /** @return successful calls so far */
    long succeeded() {
        return succeeded.sum();
    }

    /** @return failed calls so far */
    long failed() {
        return failed.sum();
    }

    /** @return failed calls by kind ({@link #kind}), sorted by kind */
    Map<String, Long> failureKinds() {
        Map<String, Long> out = new TreeMap<>();
        failureKinds.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /**
     * The exception's class and its causes' classes (simple names), such as
     * {@code UncheckedIOException(IOException)}. Never the message: it may quote a request.
     *
     * @param e the exception
     * @return the kind
     */
    static String kind(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName());
        int open = 0;
        for (Throwable c = e.getCause(); c != null && c != e && open < 4; c = c.getCause()) {
            sb.append('(').append(c.getClass().getSimpleName());
            open++;
        }
        return sb.append(")".repeat(open)).toString();
    }
}
