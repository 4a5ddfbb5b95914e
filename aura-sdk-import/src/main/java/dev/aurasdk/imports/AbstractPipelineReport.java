package dev.aurasdk.imports;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/** The final report of an {@link ImportPipeline} run: one entry per step, in the pipeline's order. */
@Value.Immutable
abstract class AbstractPipelineReport {
    /** One report per step, in the pipeline's order. @return the step reports */
    public abstract List<StepReport> steps();

    /** Time the whole run took. @return the duration */
    public abstract Duration duration();

    /** Whether every step succeeded. @return true when all succeeded */
    public final boolean succeeded() {
        return steps().stream().allMatch(StepReport::succeeded);
    }

    /** The steps that did not succeed (failed, cancelled, timed out or skipped). @return the steps */
    public final List<StepReport> unsuccessfulSteps() {
        return steps().stream().filter(s -> !s.succeeded()).collect(Collectors.toList());
    }

    /** Rows processed, summed over the steps' last jobs. @return the sum */
    public final long rowsProcessed() {
        return steps().stream().mapToLong(StepReport::rowsProcessed).sum();
    }

    /**
     * One line per step, such as {@code orders: SUCCEEDED after 2 attempt(s) in PT3M [jobs a, b] 5000/5000 rows}.
     *
     * @return the text
     */
    public final String describe() {
        return steps().stream()
                .map(s -> s.name() + ": " + s.outcome() + " after " + s.attempts() + " attempt(s) in "
                        + s.duration() + " [jobs " + String.join(", ", s.jobIds()) + "] " + s.rowsProcessed() + "/"
                        + s.rowsTotal() + " rows"
                        + s.failure().map(f -> " - " + f).orElse(""))
                .collect(Collectors.joining("\n"));
    }
}
