package dev.aurasdk.reliability;

import dev.aurasdk.core.http.RequestEvent;
import dev.aurasdk.core.http.RequestListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the attempts the SDK starts, as its {@link RequestListener} reports them. */
final class Attempts implements RequestListener {
    private final List<RequestEvent> started = new CopyOnWriteArrayList<>();

    @Override
    public void onAttemptStart(RequestEvent event) {
        started.add(event);
    }

    /** Attempts the SDK started for calls whose path matches the regex (the token endpoint has its own path). */
    int count(String method, String pathRegex) {
        return (int) started.stream()
                .filter(e -> e.method().equals(method) && e.path().matches(pathRegex))
                .count();
    }
}
