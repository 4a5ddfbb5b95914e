package dev.aurasdk.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the suite leaves what it measured (besides the asserted figures): {@code target/reliability-figures.txt},
 * for whoever updates {@code docs/RELIABILITY.md}. The doc itself only states asserted figures.
 */
final class Figures {
    static final Path FILE = Path.of("target", "reliability-figures.txt");

    private Figures() {}

    static synchronized void write(Map<String, Object> measured) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(
                    FILE,
                    measured.entrySet().stream()
                            .map(e -> e.getKey() + ": " + e.getValue())
                            .collect(Collectors.joining("\n", "", "\n")),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
