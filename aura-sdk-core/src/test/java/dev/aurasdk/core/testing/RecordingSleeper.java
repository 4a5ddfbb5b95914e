package dev.aurasdk.core.testing;

import dev.aurasdk.core.http.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records each requested sleep and advances a {@link ManualClock} instead of sleeping. */
public final class RecordingSleeper implements Sleeper {
    private final ManualClock clock;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    public RecordingSleeper(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        if (duration.isNegative()) {
            return;
        }
        sleeps.add(duration);
        clock.advance(duration);
    }

    /** Every sleep requested, in order. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    public void clear() {
        sleeps.clear();
    }
}
