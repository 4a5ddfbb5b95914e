package dev.aurasdk.core.http;

import java.time.Duration;

/**
 * Observability hook: bridge the SDK's calls to Micrometer, OpenTelemetry or logs without the SDK
 * depending on them. Methods run on the calling thread and must be quick; an exception thrown by a
 * listener is logged and ignored.
 */
public interface RequestListener {
    /**
     * An attempt is about to be sent.
     *
     * @param event the attempt (no status yet)
     */
    default void onAttemptStart(RequestEvent event) {}

    /**
     * An attempt ended, with a response or a failure.
     *
     * @param event the attempt with status or failure, and elapsed time
     */
    default void onAttemptEnd(RequestEvent event) {}

    /**
     * A failed attempt will be retried.
     *
     * @param event the failed attempt
     * @param delay the pause before the next attempt
     * @param reason why, such as {@code HTTP 503} or {@code ConnectException}
     */
    default void onRetry(RequestEvent event, Duration delay, String reason) {}

    /**
     * An access token was requested.
     *
     * @param success whether a token was obtained
     * @param elapsed how long the token request took
     */
    default void onTokenRefresh(boolean success, Duration elapsed) {}

    /**
     * A waiter polled a resource.
     *
     * @param operation what is awaited, such as {@code import job 87d4... completion}
     * @param poll 1-based poll number
     * @param state the state read, or a description of the failure
     */
    default void onWaitPoll(String operation, int poll, String state) {}
}
