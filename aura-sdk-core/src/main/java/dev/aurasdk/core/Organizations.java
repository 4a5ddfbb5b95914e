package dev.aurasdk.core;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.aurasdk.core.http.ApiRequest;
import dev.aurasdk.core.http.ApiVersion;
import dev.aurasdk.core.http.AuraHttp;
import dev.aurasdk.core.model.Organization;
import dev.aurasdk.core.model.Project;
import dev.aurasdk.core.spi.Ids;
import java.util.List;

/** Organizations and their projects (v2beta1). Obtain from {@link AuraClient#organizations()}. */
public final class Organizations {
    private static final TypeReference<List<Organization>> ORGS = new TypeReference<>() {};
    private static final TypeReference<List<Project>> PROJECTS = new TypeReference<>() {};

    private final AuraHttp http;

    Organizations(AuraHttp http) {
        this.http = http;
    }

    /**
     * Lists the organizations the credential can see ({@code GET /v2beta1/organizations}).
     *
     * @return the organizations
     */
    public List<Organization> list() {
        return http.send(
                        ApiRequest.get(ApiVersion.V2BETA1).path("organizations").build(), ORGS)
                .data();
    }

    /**
     * Reads one organization.
     *
     * @param organizationId the organization id (a UUID)
     * @return the organization
     * @throws AuraNotFoundException when it does not exist
     */
    public Organization get(String organizationId) {
        Ids.requireUuid("organizationId", organizationId);
        return http.send(
                        ApiRequest.get(ApiVersion.V2BETA1)
                                .path("organizations")
                                .id("organizationId", organizationId)
                                .build(),
                        Organization.class)
                .data();
    }

    /**
     * Lists the projects of an organization ({@code GET /v2beta1/organizations/{id}/projects}).
     *
     * @param organizationId the organization id (a UUID)
     * @return the projects
     */
    public List<Project> projects(String organizationId) {
        Ids.requireUuid("organizationId", organizationId);
        return http.send(
                        ApiRequest.get(ApiVersion.V2BETA1)
                                .path("organizations")
                                .id("organizationId", organizationId)
                                .path("projects")
                                .build(),
                        PROJECTS)
                .data();
    }

    /**
     * Finds one project of an organization by id.
     *
     * @param organizationId the organization id (a UUID)
     * @param projectId the project id (a UUID)
     * @return the project
     * @throws AuraNotFoundException when the organization has no such project
     */
    public Project project(String organizationId, String projectId) {
        Ids.requireUuid("projectId", projectId);
        return projects(organizationId).stream()
                .filter(p -> p.id().equals(projectId))
                .findFirst()
                .orElseThrow(() -> new AuraNotFoundException(ErrorDetails.builder()
                        .method("GET")
                        .path("/v2beta1/organizations/" + organizationId + "/projects")
                        .statusCode(404)
                        .addErrors(AuraError.builder()
                                .message("project " + projectId + " is not in organization " + organizationId)
                                .reason("project-not-found")
                                .build())
                        .build()));
    }
}
