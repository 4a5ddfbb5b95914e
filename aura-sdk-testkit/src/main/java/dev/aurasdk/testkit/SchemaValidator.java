package dev.aurasdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurasdk.testkit.internal.NpmProject;
import dev.aurasdk.testkit.internal.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates GraphQL type definitions locally with the real Neo4j GraphQL Library, the version Aura's GraphQL
 * Data APIs run ({@value #LIBRARY_VERSION}), in a Node.js process: Aura reports invalid type definitions only after
 * the Data API was created, this tells before anything is sent. The library builds the schema as a Data API does
 * (subscriptions on, JWTs checked with a JWKS); its error messages are returned as they are.
 *
 * <pre>{@code
 * SchemaValidator validator = SchemaValidator.builder()
 *         .installInto(Path.of(System.getProperty("user.home"), ".cache", "aura-sdk", "neo4j-graphql"))
 *         .build();
 * if (!validator.isAvailable()) {
 *     System.err.println(validator.unavailableReason().orElseThrow());   // e.g. Node.js not found
 * } else {
 *     SchemaValidation v = validator.validate(Files.readString(Path.of("schema.graphql")));
 *     if (!v.isValid()) System.err.println(v.message());
 * }
 * }</pre>
 *
 * <p><b>What it needs.</b> Node.js {@value #MIN_NODE_MAJOR} or newer ({@code node} on the PATH, or
 * {@link Builder#nodeExecutable(String)}), and the pinned npm packages. This jar ships the npm project
 * ({@code package.json} and {@code package-lock.json} under {@value #RESOURCE_DIR}); either
 * {@link Builder#packagesDirectory(Path) point at a directory} where it was installed ({@code npm ci}), or let the
 * validator {@link Builder#installInto(Path) install it into a cache directory} on first use (npm and the npm
 * registry needed once). Nothing here is needed for the rest of the testkit.
 *
 * <p>Each {@link #validate(String)} runs one node process (about a second). Thread-safe.
 */
public final class SchemaValidator {
    /** The {@code @neo4j/graphql} version pinned in the shipped package-lock.json. */
    public static final String LIBRARY_VERSION = "7.6.3";
    /** The oldest Node.js major version the library supports. */
    public static final int MIN_NODE_MAJOR = 20;
    /** Class-path directory of the shipped npm project and validation script. */
    public static final String RESOURCE_DIR = "/dev/aurasdk/testkit/neo4j-graphql/";
    /** Default bound of one validation (node start included). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger("dev.aurasdk.testkit");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SCRIPT = NpmProject.SCRIPT;
    /** Written into an {@link Builder#installInto} directory only after npm ci succeeded: the project's hash. */
    static final String STAMP = NpmProject.STAMP;

    private final String node;
    private final String npm;
    private final Path directory;
    private final boolean install;
    private final Duration timeout;
    private volatile Availability availability;

    private SchemaValidator(Builder b) {
        this.node = b.node;
        this.npm = b.npm;
        this.directory = b.directory;
        this.install = b.install;
        this.timeout = b.timeout;
    }

    /**
     * A builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether Node.js and the packages are there (checked once, then remembered; an {@link Builder#installInto}
     * validator installs the packages here when needed).
     *
     * @return true when {@link #validate(String)} can run
     */
    public boolean isAvailable() {
        return availability().reason == null;
    }

    /**
     * Why the validator cannot run, such as {@code Node.js not found (node): ...}.
     *
     * @return the reason, empty when available
     */
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(availability().reason);
    }

    /**
     * The Node.js version found.
     *
     * @return such as {@code v20.20.2}, empty when Node.js was not found
     */
    public Optional<String> nodeVersion() {
        return Optional.ofNullable(availability().nodeVersion);
    }

    /**
     * Validates type definitions with the library.
     *
     * @param typeDefinitions the GraphQL SDL
     * @return the library's verdict
     * @throws IllegalArgumentException when the text is blank
     * @throws IllegalStateException when the validator is not available ({@link #unavailableReason()}), or the
     *     node process failed or took longer than the timeout
     */
    public SchemaValidation validate(String typeDefinitions) {
        Objects.requireNonNull(typeDefinitions, "typeDefinitions must not be null");
        if (typeDefinitions.isBlank()) {
            throw new IllegalArgumentException("type definitions must not be blank");
        }
        Availability a = availability();
        if (a.reason != null) {
            throw new IllegalStateException("cannot validate with the Neo4j GraphQL Library: " + a.reason);
        }
        Processes.Result r = Processes.run(
                List.of(node, directory.resolve(SCRIPT).toString()),
                directory,
                typeDefinitions.getBytes(StandardCharsets.UTF_8),
                timeout);
        if (r.exit() != 0) {
            throw new IllegalStateException(
                    "the validation script failed (exit " + r.exit() + "): " + Processes.tail(r.err()));
        }
        try {
            JsonNode out = MAPPER.readTree(r.out());
            return new SchemaValidation(
                    out.path("valid").asBoolean(false),
                    texts(out.path("errors")),
                    texts(out.path("warnings")),
                    out.path("library").asText("?"),
                    out.path("node").asText("?"));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the validation script printed no verdict: " + Processes.tail(r.out() + r.err()));
        }
    }

    @Override
    public String toString() {
        return "SchemaValidator{node=" + node + ", packages=" + directory + (install ? " (installed on demand)" : "")
                + "}";
    }

    private Availability availability() {
        Availability a = availability;
        if (a == null) {
            synchronized (this) {
                a = availability;
                if (a == null) {
                    a = check();
                    availability = a;
                    if (a.reason == null) {
                        LOG.info(
                                "Schema validation with the Neo4j GraphQL Library {} on Node.js {} ({})",
                                LIBRARY_VERSION,
                                a.nodeVersion,
                                directory);
                    } else {
                        LOG.info("Schema validation with the Neo4j GraphQL Library is not available: {}", a.reason);
                    }
                }
            }
        }
        return a;
    }

    private Availability check() {
        Processes.Result version;
        try {
            version = Processes.run(List.of(node, "--version"), null, new byte[0], Duration.ofSeconds(30));
        } catch (IllegalStateException e) {
            return new Availability(
                    null,
                    "Node.js not found (" + node + "): " + e.getMessage() + "; install Node.js " + MIN_NODE_MAJOR
                            + "+ or set the node executable");
        }
        String v = version.out().strip();
        int major = major(v);
        if (version.exit() != 0 || major < MIN_NODE_MAJOR) {
            return new Availability(
                    v.isEmpty() ? null : v,
                    "Node.js " + MIN_NODE_MAJOR + "+ is needed, " + node + " is " + (v.isEmpty() ? "not working" : v));
        }
        try {
            NpmProject project = new NpmProject(directory, RESOURCE_DIR, LIBRARY_VERSION);
            if (install) {
                project.install(npm);
            } else {
                project.copyScript();
            }
        } catch (IOException | IllegalStateException e) {
            return new Availability(
                    v, "the npm packages could not be installed in " + directory + ": " + e.getMessage());
        }
        if (!Files.isRegularFile(directory.resolve("node_modules/@neo4j/graphql/package.json"))) {
            return new Availability(
                    v,
                    "no @neo4j/graphql in " + directory.resolve("node_modules")
                            + ": run npm ci there with the package.json and package-lock.json of " + RESOURCE_DIR);
        }
        return new Availability(v, null);
    }

    private static int major(String version) {
        String v = version.startsWith("v") ? version.substring(1) : version;
        int dot = v.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? v : v.substring(0, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(e -> out.add(e.asText()));
        return out;
    }

    private static final class Availability {
        final String nodeVersion;
        final String reason;

        Availability(String nodeVersion, String reason) {
            this.nodeVersion = nodeVersion;
            this.reason = reason;
        }
    }

    /** Builds a {@link SchemaValidator}: {@link #packagesDirectory(Path)} or {@link #installInto(Path)} is required. */
    public static final class Builder {
        private String node = "node";
        private String npm = "npm";
        private Path directory;
        private boolean install;
        private Duration timeout = DEFAULT_TIMEOUT;

        private Builder() {}

        /**
         * The Node.js executable (default {@code node}, looked up on the PATH).
         *
         * @param executable a command name or a path
         * @return this builder
         */
        public Builder nodeExecutable(String executable) {
            this.node = requireText(executable, "node executable");
            return this;
        }

        /**
         * The npm executable used by {@link #installInto(Path)} (default {@code npm}).
         *
         * @param executable a command name or a path
         * @return this builder
         */
        public Builder npmExecutable(String executable) {
            this.npm = requireText(executable, "npm executable");
            return this;
        }

        /**
         * A directory where the shipped npm project was installed ({@code node_modules/@neo4j/graphql} inside);
         * the validation script is written there.
         *
         * @param dir the directory
         * @return this builder
         */
        public Builder packagesDirectory(Path dir) {
            this.directory = Objects.requireNonNull(dir, "dir").toAbsolutePath();
            this.install = false;
            return this;
        }

        /**
         * A cache directory where the validator writes the shipped {@code package.json} and
         * {@code package-lock.json} and runs {@code npm ci} on first use (again only when they change). The
         * install holds a lock on {@code <dir>.lock} beside the directory (validators in other JVMs wait), and the
         * cache counts as installed only when the stamp written after a successful {@code npm ci} matches the
         * shipped project, so an interrupted install is redone.
         *
         * @param dir the directory, created when missing
         * @return this builder
         */
        public Builder installInto(Path dir) {
            this.directory = Objects.requireNonNull(dir, "dir").toAbsolutePath();
            this.install = true;
            return this;
        }

        /**
         * Bound of one validation (default 60 s).
         *
         * @param value the timeout
         * @return this builder
         */
        public Builder timeout(Duration value) {
            this.timeout = dev.aurasdk.testkit.internal.ServerOptions.positive(value, "timeout");
            return this;
        }

        /**
         * Builds the validator; nothing runs until it is used.
         *
         * @return the validator
         * @throws IllegalStateException when no directory was given
         */
        public SchemaValidator build() {
            if (directory == null) {
                throw new IllegalStateException("SchemaValidator needs packagesDirectory(...) or installInto(...)");
            }
            return new SchemaValidator(this);
        }

        private static String requireText(String value, String what) {
            Objects.requireNonNull(value, what + " must not be null");
            if (value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return value;
        }
    }
}
