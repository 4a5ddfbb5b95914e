package dev.aurasdk.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;

/**
 * The official Aura OpenAPI documents used by the contract check: the copies shipped in the testkit jar (class path
 * folder {@value #RESOURCE_FOLDER}), or those of a folder named explicitly.
 */
public final class OpenApiDocuments {
    /** System property naming a folder whose documents replace the shipped copies. */
    public static final String PROPERTY = "aura.openapi.dir";
    /** The v1beta5 document (tenants, instances, GraphQL Data APIs, auth providers). */
    public static final String V1BETA5 = "aura_api_spec_v1beta5.yaml";
    /** The v2beta1 document (organizations, projects, import jobs). */
    public static final String V2BETA1 = "aura_api_spec_v2beta1.yaml";
    /** The class path folder of the shipped copies (with a README giving their source and licence). */
    public static final String RESOURCE_FOLDER = "dev/aurasdk/testkit/openapi/";

    private final URI location;
    private final String v1beta5;
    private final String v2beta1;

    private OpenApiDocuments(URI location, String v1beta5, String v2beta1) {
        this.location = location;
        this.v1beta5 = v1beta5;
        this.v2beta1 = v2beta1;
    }

    /**
     * Loads the documents: from {@code folder} when given, else from the folder of the system property
     * {@value #PROPERTY} when set, else from the testkit's class path.
     *
     * @param folder an explicit folder, or null
     * @return the documents
     * @throws IllegalStateException naming what is missing where, when they cannot be read
     */
    public static OpenApiDocuments load(Path folder) {
        if (folder != null) {
            return fromFolder(folder, "the folder given to openApiDirectory(...)");
        }
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return fromFolder(Paths.get(configured.trim()), "-D" + PROPERTY);
        }
        return fromClassPath();
    }

    /**
     * Where the documents were read: the folder (a {@code file:} URI), or the class path folder (a {@code jar:}
     * URI inside the testkit jar, or a {@code file:} URI of its classes folder).
     *
     * @return the location
     */
    public URI location() {
        return location;
    }

    /** The v1beta5 document. @return its text */
    public String v1beta5() {
        return v1beta5;
    }

    /** The v2beta1 document. @return its text */
    public String v2beta1() {
        return v2beta1;
    }

    private static OpenApiDocuments fromFolder(Path folder, String origin) {
        Path dir = folder.toAbsolutePath().normalize();
        return new OpenApiDocuments(
                dir.toUri(), read(dir.resolve(V1BETA5), origin), read(dir.resolve(V2BETA1), origin));
    }

    private static String read(Path file, String origin) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Contract check cannot run: Aura OpenAPI document " + file
                    + " not found (folder from " + origin + "; it must hold " + V1BETA5 + " and " + V2BETA1
                    + "). Without that setting the copies shipped in the aura-sdk-testkit jar are used.");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Contract check cannot run: cannot read " + file + ": " + e, e);
        }
    }

    private static OpenApiDocuments fromClassPath() {
        URL v1 = resource(V1BETA5);
        String v1Text = read(v1);
        String v2Text = read(resource(V2BETA1));
        String url = v1.toString();
        try {
            return new OpenApiDocuments(new URI(url.substring(0, url.length() - V1BETA5.length())), v1Text, v2Text);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Contract check cannot run: unexpected resource URL " + url, e);
        }
    }

    private static URL resource(String name) {
        URL url = OpenApiDocuments.class.getResource("/" + RESOURCE_FOLDER + name);
        if (url == null) {
            throw new IllegalStateException("Contract check cannot run: the Aura OpenAPI document " + RESOURCE_FOLDER
                    + name + " is missing from the class path of " + codeSource() + " (a repackaged aura-sdk-testkit"
                    + " jar?). Use the published jar, or set -D" + PROPERTY + "=<folder with " + V1BETA5 + " and "
                    + V2BETA1 + ">.");
        }
        return url;
    }

    private static String read(URL url) {
        try (InputStream in = Objects.requireNonNull(url.openStream(), "stream")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Contract check cannot run: cannot read " + url + ": " + e, e);
        }
    }

    private static String codeSource() {
        java.security.CodeSource source =
                OpenApiDocuments.class.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null
                ? "aura-sdk-testkit"
                : source.getLocation().toString();
    }
}
