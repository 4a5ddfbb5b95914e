package dev.aurasdk.testkit.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/** Finds the official Aura OpenAPI documents used by the contract check. */
public final class OpenApiDocuments {
    /** System property naming the folder that holds the documents. */
    public static final String PROPERTY = "aura.openapi.dir";
    /** The v1beta5 document (tenants, instances, GraphQL Data APIs, auth providers). */
    public static final String V1BETA5 = "aura_api_spec_v1beta5.yaml";
    /** The v2beta1 document (organizations, projects, import jobs). */
    public static final String V2BETA1 = "aura_api_spec_v2beta1.yaml";

    private static final Path RELATIVE = Paths.get("shared", "aura-api", "openapi");

    private OpenApiDocuments() {
    }

    /**
     * The folder: the system property {@value #PROPERTY} if set, else the first {@code shared/aura-api/openapi}
     * found walking up from the working directory. Empty when neither holds both documents.
     */
    public static Optional<Path> locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path dir = Paths.get(configured).toAbsolutePath().normalize();
            return complete(dir) ? Optional.of(dir) : Optional.empty();
        }
        Path dir = Paths.get(System.getProperty("user.dir", ".")).toAbsolutePath().normalize();
        while (dir != null) {
            Path candidate = dir.resolve(RELATIVE);
            if (complete(candidate)) {
                return Optional.of(candidate);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    /** A message explaining where the documents were looked for. */
    public static String notFoundMessage() {
        return "Aura OpenAPI documents not found: set -D" + PROPERTY + "=<folder with " + V1BETA5 + " and "
                + V2BETA1 + ">, or run from a folder below one that contains shared/aura-api/openapi (working"
                + " directory: " + Paths.get(System.getProperty("user.dir", ".")).toAbsolutePath() + ")";
    }

    private static boolean complete(Path dir) {
        return Files.isRegularFile(dir.resolve(V1BETA5)) && Files.isRegularFile(dir.resolve(V2BETA1));
    }
}
