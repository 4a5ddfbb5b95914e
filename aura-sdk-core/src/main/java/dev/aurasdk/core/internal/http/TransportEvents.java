package dev.aurasdk.core.internal.http;

import dev.aurasdk.core.http.RequestEvent;
import dev.aurasdk.core.http.RequestListener;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the transport tells the outside: the {@link RequestListener}s' events and the log lines
 * (logger {@code dev.aurasdk.http}). Never logs bodies or the Authorization header. Not API.
 */
final class TransportEvents {
    private static final Logger LOG = LoggerFactory.getLogger("dev.aurasdk.http");
    private static final Set<String> LOGGED_HEADERS =
            Set.of("content-type", "x-request-id", "retry-after", "x-tyk-api-expires", "location");

    private final List<RequestListener> listeners;
    private final Set<String> deprecationWarned = ConcurrentHashMap.newKeySet();

    /** @param listeners the listeners, called in order */
    TransportEvents(List<RequestListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Calls every listener, logging and ignoring their failures.
     *
     * @param action what to call
     */
    void notifyListeners(Consumer<RequestListener> action) {
        for (RequestListener l : listeners) {
            try {
                action.accept(l);
            } catch (RuntimeException | LinkageError e) {
                LOG.warn(
                        "RequestListener {} failed: {}",
                        l.getClass().getName(),
                        e.getClass().getName());
            }
        }
    }

    void attemptStarted(RequestEvent event) {
        notifyListeners(l -> l.onAttemptStart(event));
    }

    void attemptEnded(RequestEvent event) {
        notifyListeners(l -> l.onAttemptEnd(event));
    }

    void retry(RequestEvent event, Duration delay, String reason) {
        LOG.debug("{} {} will be retried in {} ms ({})", event.method(), event.path(), delay.toMillis(), reason);
        notifyListeners(l -> l.onRetry(event, delay, reason));
    }

    void waitsForBudget(Call call, Duration delay) {
        LOG.trace("{} {} waits {} ms for the client rate limit", call.method(), call.path(), delay.toMillis());
    }

    /** An answer: its status line at debug, its headers of interest at trace, a deprecation warning once. */
    void answered(Call call, HttpResponse<byte[]> response, Duration elapsed, int attempt, Optional<String> requestId) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "{} {} -> {} in {} ms (attempt {}, request id {})",
                    call.method(),
                    call.path(),
                    response.statusCode(),
                    elapsed.toMillis(),
                    attempt,
                    requestId.orElse("-"));
        }
        if (LOG.isTraceEnabled()) {
            StringBuilder sb = new StringBuilder();
            response.headers().map().forEach((k, v) -> {
                if (LOGGED_HEADERS.contains(k.toLowerCase(Locale.ROOT))) {
                    sb.append(' ').append(k).append('=').append(v);
                }
            });
            LOG.trace("{} {} response headers:{}", call.method(), call.path(), sb);
        }
        response.headers().firstValue("X-Tyk-Api-Expires").ifPresent(expires -> {
            if (deprecationWarned.add(call.method() + " " + call.template())) {
                LOG.warn(
                        "Aura marks {} {} as deprecated: it expires {}. Upgrade the SDK or move to a newer "
                                + "API version.",
                        call.method(),
                        call.template(),
                        expires);
            }
        });
    }

    void networkFailure(Call call, IOException e, Duration elapsed, int attempt, boolean notSent) {
        LOG.debug(
                "{} {} -> {} after {} ms (attempt {}{})",
                call.method(),
                call.path(),
                e.getClass().getSimpleName(),
                elapsed.toMillis(),
                attempt,
                notSent ? ", not sent" : "");
    }

    void replayingWithFreshToken(Call call, int status) {
        LOG.debug("{} {} -> {}: token refused, replaying once with a fresh token", call.method(), call.path(), status);
    }

    void notResent(Call call, int status) {
        LOG.debug(
                "{} {} -> {}: not resent, a {} may have reached the server",
                call.method(),
                call.path(),
                status,
                call.method());
    }
}
