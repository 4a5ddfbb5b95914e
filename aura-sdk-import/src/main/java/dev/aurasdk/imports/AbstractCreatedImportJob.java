package dev.aurasdk.imports;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * An import job Aura accepted: its id, with what was asked for. Aura answers a create with the id
 * only; read the job with {@link ImportJobs#get(String)} or wait for it with
 * {@link ImportJobs#awaitCompletion(String)}.
 */
@Value.Immutable
abstract class AbstractCreatedImportJob {
    /** The new job's id. @return the id */
    public abstract String id();

    /** The import model that runs. @return the model id */
    public abstract String importModelId();

    /** The target instance. @return the instance id */
    public abstract String instanceId();

    /** The requested import type. @return the type */
    public abstract ImportType importType();

    /** The HTTP status of the create (Aura answers 201; its spec says 200). @return the status */
    public abstract int statusCode();

    /** The {@code X-Request-Id} of the create, to quote to Neo4j support. @return the request id */
    public abstract Optional<String> requestId();
}
