package dev.aurasdk.core.internal.wait;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Completion-stage helpers of the waits. Not API. */
public final class Stages {
    private Stages() {}

    /**
     * The exception behind a failed stage: a poll's own exception, not the stage machinery's wrapper.
     *
     * @param t what a stage failed with
     * @return the first cause that is not a {@link CompletionException} or {@link ExecutionException}
     */
    public static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}
