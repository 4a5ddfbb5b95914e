package dev.aurasdk.core.internal.http;

import dev.aurasdk.core.AuraException;
import dev.aurasdk.core.http.Sleeper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Runs a call on the calling thread: prepare, send, decide, sleep, until a decision ends it. The
 * waits (rate limit, retry backoff) go through the client's {@link Sleeper}. Not API.
 */
final class SyncCallRunner {
    private final CallAttempts.Factory attempts;
    private final HttpClient httpClient;
    private final Sleeper sleeper;

    SyncCallRunner(CallAttempts.Factory attempts, HttpClient httpClient, Sleeper sleeper) {
        this.attempts = attempts;
        this.httpClient = httpClient;
        this.sleeper = sleeper;
    }

    /**
     * Runs one logical call.
     *
     * @param call the call
     * @return the successful response
     * @throws AuraException as decided, or when interrupted
     */
    HttpResponse<byte[]> execute(Call call) {
        CallAttempts a = attempts.start(call, false);
        while (true) {
            pause(a.prepare(), call, "rate limit");
            HttpRequest request = a.startAttempt();
            Decision next;
            try {
                next = a.answered(httpClient.send(request, HttpResponse.BodyHandlers.ofByteArray()));
            } catch (IOException e) {
                next = a.failed(e);
            } catch (InterruptedException e) {
                a.endAttempt(e);
                Thread.currentThread().interrupt();
                throw new AuraException(call + " interrupted", e);
            } catch (RuntimeException | Error e) {
                a.endAttempt(e); // listeners hear of every attempt's end (a mapping failure was told already)
                throw e;
            }
            switch (next.kind()) {
                case SUCCESS:
                    return next.response();
                case FAIL:
                    throw next.failure();
                default: // RETRY after its delay, REPLAY at once
                    pause(next.delay(), call, "retry");
            }
        }
    }

    private void pause(Duration delay, Call call, String why) {
        if (delay.isZero()) {
            return;
        }
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuraException(call + " interrupted while waiting (" + why + ")", e);
        }
    }
}
