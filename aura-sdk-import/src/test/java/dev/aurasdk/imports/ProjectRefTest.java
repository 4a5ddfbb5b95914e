package dev.aurasdk.imports;

import static dev.aurasdk.imports.ImportFixtures.ORG;
import static dev.aurasdk.imports.ImportFixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProjectRefTest {

    @Test
    void readsOrganizationAndProjectFromEnvironmentVariables() {
        ProjectRef ref = ProjectRef.fromEnvironment(
                Map.of("AURA_ORGANIZATION_ID", ORG, "AURA_PROJECT_ID", " " + PROJECT + " "), new Properties());

        assertThat(ref).isEqualTo(ProjectRef.of(ORG, PROJECT));
        assertThat(ref.organizationId()).isEqualTo(ORG);
        assertThat(ref.projectId()).isEqualTo(PROJECT);
        assertThat(ref.toString()).contains(ORG).contains(PROJECT);
    }

    @Test
    void fallsBackToSystemProperties() {
        Properties props = new Properties();
        props.setProperty("aura.organizationId", ORG);
        props.setProperty("aura.projectId", PROJECT);

        assertThat(ProjectRef.fromEnvironment(Map.of("AURA_PROJECT_ID", ""), props))
                .isEqualTo(ProjectRef.of(ORG, PROJECT));
    }

    @Test
    void neverGuessesAMissingProject() {
        assertThatThrownBy(() -> ProjectRef.fromEnvironment(Map.of("AURA_ORGANIZATION_ID", ORG), new Properties()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AURA_PROJECT_ID")
                .hasMessageContaining("never guesses");
        assertThatThrownBy(() -> ProjectRef.fromEnvironment(Map.of(), new Properties()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AURA_ORGANIZATION_ID");
    }

    @Test
    void rejectsAMalformedIdFromTheEnvironment() {
        assertThatThrownBy(() -> ProjectRef.fromEnvironment(
                        Map.of("AURA_ORGANIZATION_ID", ORG, "AURA_PROJECT_ID", "../other"), new Properties()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
