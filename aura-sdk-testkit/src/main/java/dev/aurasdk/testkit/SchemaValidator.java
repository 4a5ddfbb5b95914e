package dev.aurasdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
    private static final String SCRIPT = "validate.mjs";
    private static final List<String> PROJECT_FILES = List.of("package.json", "package-lock.json", SCRIPT);
    /** Written into an {@link Builder#installInto} directory only after npm ci succeeded: the project's hash. */
    static final String STAMP = ".aura-sdk-installed";
    /** One monitor per install directory: a JVM cannot take the same file lock twice. */
    private static final ConcurrentHashMap<Path, Object> INSTALLS = new ConcurrentHashMap<>();

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
        Result r = run(
                List.of(node, directory.resolve(SCRIPT).toString()),
                directory,
                typeDefinitions.getBytes(StandardCharsets.UTF_8),
                timeout);
        if (r.exit != 0) {
            throw new IllegalStateException("the validation script failed (exit " + r.exit + "): " + tail(r.err));
        }
        try {
            JsonNode out = MAPPER.readTree(r.out);
            return new SchemaValidation(
                    out.path("valid").asBoolean(false),
                    texts(out.path("errors")),
                    texts(out.path("warnings")),
                    out.path("library").asText("?"),
                    out.path("node").asText("?"));
        } catch (IOException e) {
            throw new IllegalStateException("the validation script printed no verdict: " + tail(r.out + r.err));
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
        Result version;
        try {
            version = run(List.of(node, "--version"), null, new byte[0], Duration.ofSeconds(30));
        } catch (IllegalStateException e) {
            return new Availability(
                    null,
                    "Node.js not found (" + node + "): " + e.getMessage() + "; install Node.js " + MIN_NODE_MAJOR
                            + "+ or set the node executable");
        }
        String v = version.out.strip();
        int major = major(v);
        if (version.exit != 0 || major < MIN_NODE_MAJOR) {
            return new Availability(
                    v.isEmpty() ? null : v,
                    "Node.js " + MIN_NODE_MAJOR + "+ is needed, " + node + " is " + (v.isEmpty() ? "not working" : v));
        }
        try {
            if (install) {
                installPackages();
            } else {
                copyScript();
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

    private void copyScript() throws IOException {
        Files.createDirectories(directory);
        writeIfChanged(SCRIPT);
    }

    /**
     * Installs the shipped project unless the stamp says this very project was installed completely. Other
     * validators (this JVM: a monitor; other JVMs: a file lock on {@code <dir>.lock} beside the directory) wait;
     * the stamp is written only after npm ci succeeded, so an install that was interrupted is redone.
     */
    private void installPackages() throws IOException {
        Files.createDirectories(directory);
        Path lockFile = directory.resolveSibling(directory.getFileName() + ".lock");
        synchronized (INSTALLS.computeIfAbsent(directory, d -> new Object())) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                String expected = projectHash();
                Path stamp = directory.resolve(STAMP);
                if (Files.isRegularFile(stamp)
                        && Files.readString(stamp).strip().equals(expected)) {
                    writeIfChanged(SCRIPT);
                    return;
                }
                Files.deleteIfExists(stamp);
                for (String file : PROJECT_FILES) {
                    writeIfChanged(file);
                }
                LOG.info("Installing @neo4j/graphql {} with npm ci into {}", LIBRARY_VERSION, directory);
                Result r = run(
                        List.of(npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"),
                        directory,
                        new byte[0],
                        Duration.ofMinutes(10));
                if (r.exit != 0) {
                    throw new IllegalStateException("npm ci failed (exit " + r.exit + "): " + tail(r.err + r.out));
                }
                writeAtomically(stamp, expected.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** SHA-256 of the shipped package.json and package-lock.json, in hex. */
    private static String projectHash() throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String name : List.of("package.json", "package-lock.json")) {
                digest.update(shipped(name));
                digest.update((byte) 0);
            }
            StringBuilder hex = new StringBuilder();
            for (byte b : digest.digest()) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] shipped(String name) throws IOException {
        try (InputStream in = SchemaValidator.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + RESOURCE_DIR + name);
            }
            return in.readAllBytes();
        }
    }

    /** Writes to a temporary sibling and renames it, so that a reader never sees half a file. */
    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes a shipped file unless the same bytes are there; true when written. */
    private boolean writeIfChanged(String name) throws IOException {
        byte[] shipped = shipped(name);
        Path target = directory.resolve(name);
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), shipped)) {
            return false;
        }
        writeAtomically(target, shipped);
        return true;
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

    private static String tail(String text) {
        String t = text.strip();
        return t.length() <= 2000 ? t : "..." + t.substring(t.length() - 2000);
    }

    /** Runs a process with the input on stdin; stdout and stderr are read to the end. */
    private static Result run(List<String> command, Path dir, byte[] input, Duration timeout) {
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            p = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        try {
            StreamReader out = new StreamReader(p.getInputStream());
            StreamReader err = new StreamReader(p.getErrorStream());
            out.start();
            err.start();
            // on its own thread: a process that never reads its input must not block the caller past the timeout
            Thread writer = new Thread(
                    () -> {
                        try (OutputStream stdin = p.getOutputStream()) {
                            stdin.write(input);
                        } catch (IOException e) {
                            // the process ended without reading its input: its exit code and output tell why
                        }
                    },
                    "aura-sdk-schema-validator-stdin");
            writer.setDaemon(true);
            writer.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(p);
                throw new IllegalStateException(String.join(" ", command.subList(0, Math.min(2, command.size())))
                        + " did not finish within " + timeout.toSeconds() + " s");
            }
            out.join(TimeUnit.SECONDS.toMillis(10));
            err.join(TimeUnit.SECONDS.toMillis(10));
            return new Result(p.exitValue(), out.text(), err.text());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + command.get(0), e);
        } finally {
            kill(p);
        }
    }

    /** Kills the process and everything it started (npm and node start children of their own). */
    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static final class StreamReader extends Thread {
        private final InputStream in;
        private volatile byte[] bytes = new byte[0];

        StreamReader(InputStream in) {
            super("aura-sdk-schema-validator-io");
            setDaemon(true);
            this.in = in;
        }

        @Override
        public void run() {
            try {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static final class Result {
        final int exit;
        final String out;
        final String err;

        Result(int exit, String out, String err) {
            this.exit = exit;
            this.out = out;
            this.err = err;
        }
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
            this.timeout = FakeAuraServer.Builder.positive(value, "timeout");
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
