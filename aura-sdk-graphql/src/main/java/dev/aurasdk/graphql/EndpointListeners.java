package dev.aurasdk.graphql;

import dev.aurasdk.core.http.RequestEvent;
import dev.aurasdk.core.http.RequestListener;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a {@link GraphQLEndpoint}'s requests to the {@link RequestListener}s of the {@code AuraClient} it was built
 * with: each request is one attempt (never retried), path template {@value #PATH_TEMPLATE}.
 */
final class EndpointListeners {
    /** The path template of every GraphQL request (the Data API's id is in its URL). */
    static final String PATH_TEMPLATE = "{dataApiUrl}";

    private static final Logger LOG = LoggerFactory.getLogger("dev.aurasdk.graphql");
    private static final EndpointListeners NONE = new EndpointListeners(List.of());

    private final List<RequestListener> listeners;

    private EndpointListeners(List<RequestListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    static EndpointListeners of(List<RequestListener> listeners) {
        return listeners.isEmpty() ? NONE : new EndpointListeners(listeners);
    }

    /** Tells the listeners a request starts. @return the attempt, to end exactly once */
    Attempt start(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        RequestEvent event = RequestEvent.builder()
                .method("POST")
                .path(path)
                .pathTemplate(PATH_TEMPLATE)
                .attempt(1)
                .build();
        tell(l -> l.onAttemptStart(event));
        return new Attempt(event, System.nanoTime());
    }

    private void tell(Consumer<RequestListener> call) {
        for (RequestListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException | LinkageError e) { // as the client's transport: logged and ignored
                LOG.warn(
                        "RequestListener {} failed: {}",
                        l.getClass().getName(),
                        e.getClass().getName());
            }
        }
    }

    /** One request in flight. */
    final class Attempt {
        private final RequestEvent started;
        private final long startNanos;
        private boolean ended;

        private Attempt(RequestEvent started, long startNanos) {
            this.started = started;
            this.startNanos = startNanos;
        }

        /** The server answered. */
        void answered(HttpResponse<?> response) {
            end(started.withElapsed(elapsed())
                    .withStatusCode(response.statusCode())
                    .withRequestId(response.headers().firstValue("X-Request-Id")));
        }

        /** The request failed without an answer. */
        void failed(Throwable cause) {
            end(started.withElapsed(elapsed()).withFailure(cause.getClass().getSimpleName()));
        }

        private Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - startNanos);
        }

        private synchronized void end(RequestEvent event) {
            if (!ended) {
                ended = true;
                tell(l -> l.onAttemptEnd(event));
            }
        }
    }
}
