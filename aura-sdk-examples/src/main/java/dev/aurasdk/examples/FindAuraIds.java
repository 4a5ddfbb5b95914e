package dev.aurasdk.examples;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.model.InstanceSummary;
import dev.aurasdk.core.model.Organization;
import dev.aurasdk.core.model.Project;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * FindAuraIds: the ids every other program needs — organizations, their projects (the v1 tenant id is
 * the project id) and each project's instances — as one table. Read-only.
 */
@Command(
        name = "FindAuraIds",
        mixinStandardHelpOptions = true,
        versionProvider = SdkVersion.class,
        description = "Lists organizations, projects and instances with their ids (read-only).")
public final class FindAuraIds extends ExampleCommand {
    /**
     * Runs the program.
     *
     * @param args command-line arguments ({@code --help})
     */
    public static void main(String[] args) {
        main(new FindAuraIds(), args);
    }

    @Override
    int run(ExampleEnvironment env, PrintWriter out) {
        AuraClient aura = env.aura();
        Table table = new Table(
                "ORGANIZATION", "ORGANIZATION ID", "PROJECT", "PROJECT (TENANT) ID", "INSTANCE", "INSTANCE ID");
        for (Organization org : aura.organizations().list()) {
            List<Project> projects = aura.organizations().projects(org.id());
            if (projects.isEmpty()) {
                table.row(org.name(), org.id());
            }
            for (Project project : projects) {
                List<InstanceSummary> instances = aura.instances().listByTenant(project.id());
                if (instances.isEmpty()) {
                    table.row(org.name(), org.id(), project.name(), project.id());
                }
                for (InstanceSummary i : instances) {
                    table.row(org.name(), org.id(), project.name(), project.id(), i.name(), i.id());
                }
            }
        }
        out.println();
        if (table.isEmpty()) {
            out.println("No organizations are visible to these credentials.");
        } else {
            table.print(out);
        }
        out.println();
        out.println("Use them as AURA_ORGANIZATION_ID, AURA_PROJECT_ID and AURA_INSTANCE_ID "
                + "(or --organization-id, --project-id, --instance-id).");
        return 0;
    }
}
