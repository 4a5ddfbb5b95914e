package dev.aurasdk.core.internal.http;

import dev.aurasdk.core.AuraException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * What happens after an attempt, as decided by the {@link AttemptPolicy}: the call succeeded, is
 * retried after a delay (counting against the retry budget), is replayed at once with a fresh token
 * (not counting), or fails. Immutable. Not API.
 */
final class Decision {
    /** The kinds of decision. */
    enum Kind {
        /** A 2xx: the answer is the call's result. */
        SUCCESS,
        /** Another attempt after {@link #delay()}; it counts against the retry budget. */
        RETRY,
        /** The token was refused and replaced: the same attempt again, at once, not counted. */
        REPLAY,
        /** The call ends with {@link #failure()}. */
        FAIL
    }

    private static final Decision REPLAY = new Decision(Kind.REPLAY, null, Duration.ZERO, null, null);

    private final Kind kind;
    private final HttpResponse<byte[]> response;
    private final Duration delay;
    private final String reason;
    private final AuraException failure;

    private Decision(Kind kind, HttpResponse<byte[]> response, Duration delay, String reason, AuraException failure) {
        this.kind = kind;
        this.response = response;
        this.delay = delay;
        this.reason = reason;
        this.failure = failure;
    }

    /**
     * @param response the successful answer
     * @return a success
     */
    static Decision success(HttpResponse<byte[]> response) {
        return new Decision(Kind.SUCCESS, Objects.requireNonNull(response, "response"), Duration.ZERO, null, null);
    }

    /**
     * @param delay how long to wait before the next attempt, not negative
     * @param reason why, for listeners ({@code HTTP 503}, {@code ConnectException})
     * @param failure what the call fails with if it cannot be retried after all (deadline)
     * @return a retry
     */
    static Decision retry(Duration delay, String reason, AuraException failure) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay " + delay);
        }
        return new Decision(
                Kind.RETRY,
                null,
                delay,
                Objects.requireNonNull(reason, "reason"),
                Objects.requireNonNull(failure, "failure"));
    }

    /** @return a replay of the attempt with a fresh token */
    static Decision replayWithFreshToken() {
        return REPLAY;
    }

    /**
     * @param failure what the call fails with
     * @return a final failure
     */
    static Decision fail(AuraException failure) {
        return new Decision(Kind.FAIL, null, Duration.ZERO, null, Objects.requireNonNull(failure, "failure"));
    }

    /** @return the kind */
    Kind kind() {
        return kind;
    }

    /** @return the answer of a {@link Kind#SUCCESS} */
    HttpResponse<byte[]> response() {
        require(Kind.SUCCESS);
        return response;
    }

    /** @return the delay of a {@link Kind#RETRY} (zero for the other kinds) */
    Duration delay() {
        return delay;
    }

    /** @return the reason of a {@link Kind#RETRY} */
    String reason() {
        require(Kind.RETRY);
        return reason;
    }

    /** @return the failure of a {@link Kind#FAIL}, or the one a {@link Kind#RETRY} would end with */
    AuraException failure() {
        if (kind != Kind.FAIL && kind != Kind.RETRY) {
            throw new IllegalStateException("a " + kind + " has no failure");
        }
        return failure;
    }

    /** @return whether the call goes on with another attempt (retry or replay) */
    boolean continues() {
        return kind == Kind.RETRY || kind == Kind.REPLAY;
    }

    private void require(Kind expected) {
        if (kind != expected) {
            throw new IllegalStateException("a " + kind + ", not a " + expected);
        }
    }

    @Override
    public String toString() {
        switch (kind) {
            case RETRY:
                return "RETRY after " + delay.toMillis() + " ms (" + reason + ")";
            case FAIL:
                return "FAIL " + failure.getClass().getSimpleName();
            default:
                return kind.name();
        }
    }
}
