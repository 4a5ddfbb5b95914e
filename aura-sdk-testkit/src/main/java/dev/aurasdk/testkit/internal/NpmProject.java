package dev.aurasdk.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The npm project the schema validator runs (shipped on the class path): copied into a directory and, when asked,
 * installed there with {@code npm ci}, once per project hash (a stamp file), one installer at a time.
 */
public final class NpmProject {
    /** The validation script. */
    public static final String SCRIPT = "validate.mjs";
    /** Written into the directory only after npm ci succeeded: the project's hash. */
    public static final String STAMP = ".aura-sdk-installed";

    private static final Logger LOG = LoggerFactory.getLogger("dev.aurasdk.testkit");
    private static final List<String> PROJECT_FILES = List.of("package.json", "package-lock.json", SCRIPT);
    /** One monitor per install directory: a JVM cannot take the same file lock twice. */
    private static final ConcurrentHashMap<Path, Object> INSTALLS = new ConcurrentHashMap<>();

    private final Path directory;
    private final String resourceDir;
    private final String libraryVersion;

    /**
     * A project for a directory.
     *
     * @param directory where it is installed
     * @param resourceDir the class-path directory of the shipped files
     * @param libraryVersion the library version, for the log
     */
    public NpmProject(Path directory, String resourceDir, String libraryVersion) {
        this.directory = directory;
        this.resourceDir = resourceDir;
        this.libraryVersion = libraryVersion;
    }

    /** Copies the validation script into the directory (packages installed by the user). @throws IOException on failure */
    public void copyScript() throws IOException {
        Files.createDirectories(directory);
        writeIfChanged(SCRIPT);
    }

    /**
     * Installs the shipped project unless the stamp says this very project was installed completely. Other
     * validators (this JVM: a monitor; other JVMs: a file lock on {@code <dir>.lock} beside the directory) wait;
     * the stamp is written only after npm ci succeeded, so an install that was interrupted is redone.
     *
     * @param npm the npm executable
     * @throws IOException when the files cannot be written
     * @throws IllegalStateException when npm ci fails
     */
    public void install(String npm) throws IOException {
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
                LOG.info("Installing @neo4j/graphql {} with npm ci into {}", libraryVersion, directory);
                Processes.Result r = Processes.run(
                        List.of(npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"),
                        directory,
                        new byte[0],
                        Duration.ofMinutes(10));
                if (r.exit() != 0) {
                    throw new IllegalStateException(
                            "npm ci failed (exit " + r.exit() + "): " + Processes.tail(r.err() + r.out()));
                }
                writeAtomically(stamp, expected.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** SHA-256 of the shipped package.json and package-lock.json, in hex. */
    private String projectHash() throws IOException {
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

    private byte[] shipped(String name) throws IOException {
        try (InputStream in = NpmProject.class.getResourceAsStream(resourceDir + name)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + resourceDir + name);
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
}
