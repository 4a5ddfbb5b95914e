package dev.aurasdk.core;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.aurasdk.core.http.ApiRequest;
import dev.aurasdk.core.http.ApiVersion;
import dev.aurasdk.core.http.AuraHttp;
import dev.aurasdk.core.model.Instance;
import dev.aurasdk.core.model.InstanceSummary;
import dev.aurasdk.core.spi.Ids;
import java.util.List;

/** Instance look-ups (v1). Obtain from {@link AuraClient#instances()}. */
public final class Instances {
    private static final TypeReference<List<InstanceSummary>> LIST = new TypeReference<>() {};

    private final AuraHttp http;

    Instances(AuraHttp http) {
        this.http = http;
    }

    /**
     * Lists every instance the credential can see ({@code GET /v1/instances}).
     *
     * @return the instances
     */
    public List<InstanceSummary> list() {
        return http.send(ApiRequest.get(ApiVersion.V1).path("instances").build(), LIST)
                .data();
    }

    /**
     * Lists the instances of one tenant ({@code GET /v1/instances?tenantId=…}; the query parameter is
     * camelCase on the wire).
     *
     * @param tenantId the tenant (project) id
     * @return the instances
     */
    public List<InstanceSummary> listByTenant(String tenantId) {
        Ids.require("tenantId", tenantId);
        return http.send(
                        ApiRequest.get(ApiVersion.V1)
                                .path("instances")
                                .query("tenantId", tenantId)
                                .build(),
                        LIST)
                .data();
    }

    /**
     * Reads one instance ({@code GET /v1/instances/{instanceId}}).
     *
     * @param instanceId the instance id
     * @return the instance
     * @throws AuraNotFoundException when it does not exist ({@code db-not-found})
     */
    public Instance get(String instanceId) {
        return http.send(
                        ApiRequest.get(ApiVersion.V1)
                                .path("instances")
                                .id("instanceId", instanceId)
                                .build(),
                        Instance.class)
                .data();
    }

    /**
     * Finds instances by name (names are not unique in Aura).
     *
     * @param name the exact name
     * @return matching instances, possibly several
     */
    public List<InstanceSummary> findByName(String name) {
        Ids.requireText("name", name);
        return list().stream().filter(i -> i.name().equals(name)).collect(java.util.stream.Collectors.toList());
    }
}
