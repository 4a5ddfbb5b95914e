package dev.aurasdk.imports;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** How a finished import job ended ({@code info.exit_status}): a state and Aura's message. */
@Value.Immutable
@JsonSerialize(as = ImportExitStatus.class)
@JsonDeserialize(as = ImportExitStatus.class)
abstract class AbstractImportExitStatus {
    /** Success, Failure or Cancelled (open: unknown values kept). @return the state */
    public abstract Optional<ImportExitState> state();

    /** Aura's message; on failure, the reason. @return the message */
    public abstract Optional<String> message();
}
