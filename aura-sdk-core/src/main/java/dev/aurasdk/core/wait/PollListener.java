package dev.aurasdk.core.wait;

/**
 * Called after each poll of a wait with what was read. Runs on the waiting thread (sync) or the
 * client's scheduler (async): keep it quick. An exception thrown here ends the wait with it.
 *
 * @param <T> the polled resource
 */
@FunctionalInterface
public interface PollListener<T> {
    /**
     * A poll completed.
     *
     * @param event the poll
     */
    void onPoll(PollEvent<T> event);

    /**
     * A listener that does nothing.
     *
     * @param <T> the polled resource
     * @return the no-op listener
     */
    static <T> PollListener<T> none() {
        return e -> {};
    }
}
