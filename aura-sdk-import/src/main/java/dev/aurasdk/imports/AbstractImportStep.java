package dev.aurasdk.imports;

import dev.aurasdk.core.spi.Ids;
import org.immutables.value.Value;

/**
 * One step of an {@link ImportPipeline}: a named import job request.
 *
 * <pre>{@code
 * ImportStep orders = ImportStep.online("orders", ordersModelId, instanceId);
 * ImportStep reload = ImportStep.bulkOverwritingAllData("full reload", fullModelId, instanceId);
 * ImportStep free = ImportStep.of("free", CreateImportJob.builder().importModelId(m).instanceId(i)
 *         .instanceUser("neo4j").instancePassword(password).build());
 * }</pre>
 */
@Value.Immutable
abstract class AbstractImportStep {
    /** The step's name, unique within a pipeline (used in reports and listeners). @return the name */
    public abstract String name();

    /** The job to create for each attempt. @return the request */
    public abstract CreateImportJob request();

    /**
     * Whether this step replaces all data in its instance (a bulk import). In a parallel pipeline such a
     * step runs alone: it starts after every earlier step finished, and later steps wait for it.
     *
     * @return true for a bulk step
     */
    public final boolean overwritesAllData() {
        return request().overwritesAllData();
    }

    /**
     * A step from a request.
     *
     * @param name the step name
     * @param request the request
     * @return the step
     */
    public static ImportStep of(String name, CreateImportJob request) {
        return ImportStep.builder().name(name).request(request).build();
    }

    /**
     * An online import step (adds to the existing data).
     *
     * @param name the step name
     * @param importModelId the import model id (a UUID)
     * @param instanceId the target instance id
     * @return the step
     */
    public static ImportStep online(String name, String importModelId, String instanceId) {
        return of(
                name,
                CreateImportJob.builder()
                        .importModelId(importModelId)
                        .instanceId(instanceId)
                        .build());
    }

    /**
     * A bulk import step, which <strong>overwrites all existing data</strong> in the instance; the method
     * name is the acknowledgement.
     *
     * @param name the step name
     * @param importModelId the import model id (a UUID)
     * @param instanceId the target instance id
     * @return the step
     */
    public static ImportStep bulkOverwritingAllData(String name, String importModelId, String instanceId) {
        return of(
                name,
                CreateImportJob.builder()
                        .importModelId(importModelId)
                        .instanceId(instanceId)
                        .importType(ImportType.BULK)
                        .acknowledgeOverwrite(true)
                        .build());
    }

    @Value.Check
    void check() {
        Ids.requireText("name", name());
    }
}
