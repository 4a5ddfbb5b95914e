package dev.aurasdk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public surface is only the API, checked on the sources of every module of the build (read from the
 * repository, so no module needs the others on its class path):
 *
 * <ul>
 *   <li>a module uses no other module's {@code .internal} packages, in main or test code (shared plumbing lives in
 *       {@code dev.aurasdk.core.spi}); only {@code aura-sdk-benchmarks}, not published, measures internals;
 *   <li>no public type of a published module (one with a {@code .library-module} marker), outside its
 *       {@code .internal} packages, extends or implements a type of an {@code .internal} package;
 *   <li>Immutables abstract types ({@code @Value.Immutable}) are not public: the generated type is the API.
 * </ul>
 */
class ArchitectureTest {
    static final Path ROOT = Path.of("..");

    /** Modules allowed to use other modules' internals: the benchmarks measure them and are not published. */
    static final Set<String> MAY_USE_INTERNALS = Set.of("aura-sdk-benchmarks");

    /**
     * Main files allowed a little over 400 lines, each for a reason: public API whose Javadoc is most of the file.
     * {@code AuraClient} keeps its nested {@code Builder} (moving it would break {@code AuraClient.Builder} for
     * users); {@code Neo4jDatabases} and {@code GraphQLDataApis} are their public API only, their internals are
     * elsewhere.
     */
    static final Map<String, Integer> MAX_MAIN_LINES = Map.of(
            "AuraClient.java", 500,
            "Neo4jDatabases.java", 470,
            "ClientOptions.java", 420,
            "FakeAuraServer.java", 420,
            "GraphQLDataApis.java", 420);

    /** Violations tolerated for now: none (an entry that no longer occurs fails the test). */
    static final Set<String> KNOWN_PUBLIC_TYPES_ON_INTERNALS = Set.of();

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern INTERNAL_REFERENCE = Pattern.compile("\\bdev\\.aurasdk\\.[\\w.]*?\\.internal\\b");

    @Test
    void modulesUseNoOtherModulesInternals() {
        Map<String, String> ownerOfInternalPackage = internalPackages();
        assertThat(ownerOfInternalPackage)
                .as("the scan sees the core's internals")
                .containsEntry("dev.aurasdk.core.internal", "aura-sdk-core");
        List<String> violations = new ArrayList<>();
        for (String module : modules()) {
            if (MAY_USE_INTERNALS.contains(module)) {
                continue;
            }
            for (Path file : javaFiles(ROOT.resolve(module).resolve("src"))) {
                violations.addAll(foreignInternals(module, file, read(file), ownerOfInternalPackage));
            }
        }
        assertThat(violations)
                .as("uses of another module's internals (use the public API or dev.aurasdk.core.spi)")
                .isEmpty();
    }

    @Test
    void noPublicTypeOfAPublishedModuleExtendsAnInternalType() {
        List<String> violations = new ArrayList<>();
        for (String module : publishedModules()) {
            for (Path file : javaFiles(ROOT.resolve(module).resolve("src/main/java"))) {
                violations.addAll(publicTypesOnInternals(module, new JavaSource(read(file))));
            }
        }
        assertThat(violations)
                .as("public types extending or implementing internal types (fixed known entries must be deleted"
                        + " from KNOWN_PUBLIC_TYPES_ON_INTERNALS)")
                .containsExactlyInAnyOrderElementsOf(KNOWN_PUBLIC_TYPES_ON_INTERNALS);
    }

    @Test
    void immutablesAbstractTypesAreNotPublic() {
        List<String> violations = new ArrayList<>();
        int models = 0;
        for (String module : modules()) {
            for (Path file : javaFiles(ROOT.resolve(module).resolve("src/main/java"))) {
                JavaSource source = new JavaSource(read(file));
                if (source.code.contains("@Value.Immutable")) {
                    models++;
                    source.types.stream()
                            .filter(t -> t.isPublic)
                            .forEach(t -> violations.add(module + ": " + source.packageName + "." + t.name));
                }
                if (source.code.contains("@Value.Style")
                        && source.types.stream().anyMatch(t -> t.isPublic)) {
                    violations.add(module + ": public style holder " + file.getFileName());
                }
            }
        }
        assertThat(models).as("Immutables models found").isGreaterThan(40);
        assertThat(violations).as("public Immutables abstract types or styles").isEmpty();
    }

    @Test
    void everyClassNameIsUniqueAcrossModules() {
        Map<String, List<String>> byName = new java.util.TreeMap<>();
        for (String module : modules()) {
            for (Path file : javaFiles(ROOT.resolve(module).resolve("src"))) {
                String name = file.getFileName().toString();
                if (!name.equals("package-info.java")) {
                    byName.computeIfAbsent(name, n -> new ArrayList<>())
                            .add(ROOT.relativize(file).toString());
                }
            }
        }
        assertThat(byName).as("Java files scanned").hasSizeGreaterThan(300);
        byName.values().removeIf(files -> files.size() < 2);
        assertThat(byName)
                .as("simple class names used twice (main or test code)")
                .isEmpty();
    }

    @Test
    void mainClassesStayAroundFourHundredLines() {
        Map<String, Long> tooLong = new java.util.TreeMap<>();
        for (String module : modules()) {
            for (Path file : javaFiles(ROOT.resolve(module).resolve("src/main/java"))) {
                long lines = read(file).lines().count();
                if (lines > MAX_MAIN_LINES.getOrDefault(file.getFileName().toString(), 400)) {
                    tooLong.put(ROOT.relativize(file).toString(), lines);
                }
            }
        }
        assertThat(tooLong).as("main classes over their line limit").isEmpty();
    }

    @Test
    void theRulesCatchWhatTheyForbid() {
        Map<String, String> owners = Map.of(
                "dev.aurasdk.core.internal", "aura-sdk-core", "dev.aurasdk.testkit.internal", "aura-sdk-testkit");
        String user = "package dev.aurasdk.imports;\n"
                + "import dev.aurasdk.core.internal.OwnedThreads; // a comment naming dev.aurasdk.core.internal.X\n"
                + "class A { String s = \"dev.aurasdk.core.internal.Y\"; Object o = new dev.aurasdk.testkit.internal"
                + ".Engine(); }\n";
        assertThat(foreignInternals("aura-sdk-import", Path.of("A.java"), user, owners))
                .containsExactly(
                        "aura-sdk-import: A.java uses dev.aurasdk.core.internal",
                        "aura-sdk-import: A.java uses dev.aurasdk.testkit.internal");
        assertThat(foreignInternals("aura-sdk-core", Path.of("A.java"), "import dev.aurasdk.core.internal.X;", owners))
                .isEmpty();

        JavaSource scheduler = new JavaSource("package dev.aurasdk.testkit;\n"
                + "import dev.aurasdk.testkit.internal.QueuedScheduler;\n"
                + "import java.util.function.Supplier;\n"
                + "/** A {@code class B extends Hidden} in a comment. */\n"
                + "public final class A<T extends Comparable<T>> extends QueuedScheduler implements Supplier<T>,"
                + " dev.aurasdk.core.internal.Marker {\n"
                + "  public static final class Inner implements java.lang.Runnable { }\n"
                + "  static class Hidden extends QueuedScheduler { }\n"
                + "  public record R(int x) implements dev.aurasdk.x.internal.Y { }\n"
                + "}\n");
        assertThat(publicTypesOnInternals("aura-sdk-testkit", scheduler))
                .containsExactly(
                        "aura-sdk-testkit: dev.aurasdk.testkit.A -> dev.aurasdk.testkit.internal.QueuedScheduler",
                        "aura-sdk-testkit: dev.aurasdk.testkit.A -> dev.aurasdk.core.internal.Marker",
                        "aura-sdk-testkit: dev.aurasdk.testkit.R -> dev.aurasdk.x.internal.Y");
        JavaSource insideInternal =
                new JavaSource("package dev.aurasdk.testkit.internal;\npublic class B extends QueuedScheduler {}\n");
        assertThat(publicTypesOnInternals("aura-sdk-testkit", insideInternal)).isEmpty();
    }

    static List<String> foreignInternals(String module, Path file, String text, Map<String, String> owners) {
        String code = JavaSource.stripCommentsAndLiterals(text);
        Set<String> used = new java.util.TreeSet<>();
        Matcher m = INTERNAL_REFERENCE.matcher(code);
        while (m.find()) {
            String owner = owners.get(m.group());
            if (owner == null || !owner.equals(module)) {
                used.add(m.group());
            }
        }
        return used.stream()
                .map(p -> module + ": " + file.getFileName() + " uses " + p)
                .collect(Collectors.toList());
    }

    static List<String> publicTypesOnInternals(String module, JavaSource source) {
        List<String> out = new ArrayList<>();
        if (source.packageName.matches(".*\\.internal(\\..*)?")) {
            return out;
        }
        for (JavaSource.Declared type : source.types) {
            if (!type.isPublic) {
                continue;
            }
            for (String supertype : type.supertypes) {
                String resolved = source.resolve(supertype);
                if (resolved.contains(".internal.") || resolved.startsWith("?")) {
                    out.add(module + ": " + source.packageName + "." + type.name + " -> " + resolved);
                }
            }
        }
        return out;
    }

    /** The modules of the root pom, in build order. */
    static List<String> modules() {
        Matcher m = MODULE.matcher(read(ROOT.resolve("pom.xml")));
        List<String> modules = new ArrayList<>();
        while (m.find()) {
            modules.add(m.group(1).strip());
        }
        assertThat(modules).as("modules of the root pom").contains("aura-sdk-core", "aura-sdk-benchmarks");
        return modules;
    }

    static List<String> publishedModules() {
        List<String> published = modules().stream()
                .filter(m -> Files.exists(ROOT.resolve(m).resolve(".library-module")))
                .collect(Collectors.toList());
        assertThat(published)
                .as("published modules")
                .contains("aura-sdk-core", "aura-sdk-import", "aura-sdk-graphql", "aura-sdk-testkit");
        return published;
    }

    /** Each {@code .internal} package (and sub-package) of main code, with the module that owns it. */
    static Map<String, String> internalPackages() {
        Map<String, String> owners = new TreeMap<>();
        for (String module : modules()) {
            Path main = ROOT.resolve(module).resolve("src/main/java");
            for (Path file : javaFiles(main)) {
                String pkg = main.relativize(file.getParent()).toString().replace(java.io.File.separatorChar, '.');
                Matcher m = Pattern.compile("^(.*?\\.internal)(\\..*)?$").matcher(pkg);
                if (m.matches()) {
                    owners.put(m.group(1), module);
                }
            }
        }
        return owners;
    }

    static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
