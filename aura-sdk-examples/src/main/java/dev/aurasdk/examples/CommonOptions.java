package dev.aurasdk.examples;

import picocli.CommandLine.Option;

/** Options shared by the programs that create, change or delete resources or need project ids. */
final class CommonOptions {
    @Option(
            names = "--allow-writes",
            description = "Confirm that this program may create, change or delete resources on the real Aura "
                    + "(never needed against the fake).")
    boolean allowWrites;

    @Option(
            names = "--organization-id",
            paramLabel = "UUID",
            description = "Organization id (default: AURA_ORGANIZATION_ID; the demo organization on the fake).")
    String organizationId;

    @Option(
            names = "--project-id",
            paramLabel = "UUID",
            description = "Project id (default: AURA_PROJECT_ID; the demo project on the fake).")
    String projectId;
}
