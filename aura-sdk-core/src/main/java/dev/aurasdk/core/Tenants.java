package dev.aurasdk.core;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.aurasdk.core.http.ApiRequest;
import dev.aurasdk.core.http.ApiVersion;
import dev.aurasdk.core.http.AuraHttp;
import dev.aurasdk.core.model.Tenant;
import dev.aurasdk.core.model.TenantSummary;
import java.util.List;

/** Tenants (v1; a tenant is a console project). Obtain from {@link AuraClient#tenants()}. */
public final class Tenants {
    private static final TypeReference<List<TenantSummary>> LIST = new TypeReference<>() {};

    private final AuraHttp http;

    Tenants(AuraHttp http) {
        this.http = http;
    }

    /**
     * Lists the tenants the credential can see ({@code GET /v1/tenants}).
     *
     * @return the tenants
     */
    public List<TenantSummary> list() {
        return http.send(ApiRequest.get(ApiVersion.V1).path("tenants").build(), LIST)
                .data();
    }

    /**
     * Reads one tenant with its instance configurations ({@code GET /v1/tenants/{tenantId}}).
     *
     * @param tenantId the tenant (project) id
     * @return the tenant
     * @throws AuraNotFoundException when it does not exist
     */
    public Tenant get(String tenantId) {
        return http.send(
                        ApiRequest.get(ApiVersion.V1)
                                .path("tenants")
                                .id("tenantId", tenantId)
                                .build(),
                        Tenant.class)
                .data();
    }
}
