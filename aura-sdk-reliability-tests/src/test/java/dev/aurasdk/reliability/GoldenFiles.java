package dev.aurasdk.reliability;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Golden text files under {@code src/test/resources/<folder>/}: {@link #check} compares a text with its file and
 * fails with a unified diff; with {@code -Djournal.update=true} it rewrites the file instead.
 */
final class GoldenFiles {
    /** The system property that rewrites the golden files. */
    static final String UPDATE_PROPERTY = "journal.update";

    private static final int CONTEXT = 3;

    private final Path folder;

    GoldenFiles(Path folder) {
        this.folder = folder;
    }

    /**
     * The golden files of a folder of this module's {@code src/test/resources}.
     *
     * @param folder the folder name
     * @return the golden files there
     */
    static GoldenFiles inTestResources(String folder) {
        return new GoldenFiles(Path.of(System.getProperty("basedir", "."), "src", "test", "resources", folder));
    }

    /**
     * Compares {@code actual} with the golden file {@code <name>.txt}, or rewrites it when updating.
     *
     * @param name the file name without extension
     * @param actual the text produced now
     */
    void check(String name, String actual) {
        check(name, actual, Boolean.getBoolean(UPDATE_PROPERTY));
    }

    /** {@link #check(String, String)}, with the update switch given. */
    void check(String name, String actual, boolean update) {
        Path file = folder.resolve(name + ".txt");
        if (update) {
            write(file, actual);
            return;
        }
        if (!Files.exists(file)) {
            fail("No golden file " + file + " (record it with -D" + UPDATE_PROPERTY + "=true). Produced:\n" + actual);
        }
        String expected = read(file);
        if (!expected.equals(actual)) {
            fail("The requests differ from the golden file " + file + " (if the change is intended, rewrite it with -D"
                    + UPDATE_PROPERTY + "=true and review the diff):\n"
                    + diff("golden/" + name + ".txt", "actual/" + name + ".txt", expected, actual));
        }
    }

    /**
     * A unified diff (hunks with three lines of context) of two texts.
     *
     * @return the diff, empty when the texts have the same lines
     */
    static String diff(String fromName, String toName, String from, String to) {
        List<String> a = Arrays.asList(from.split("\n", -1));
        List<String> b = Arrays.asList(to.split("\n", -1));
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        // the edit script: ' ', '-' or '+' and the line, with the line numbers in a and b
        List<Character> kinds = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        List<int[]> positions = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                kinds.add(' ');
                lines.add(a.get(i));
                positions.add(new int[] {i++, j++});
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                kinds.add('-');
                lines.add(a.get(i));
                positions.add(new int[] {i++, j});
            } else {
                kinds.add('+');
                lines.add(b.get(j));
                positions.add(new int[] {i, j++});
            }
        }
        StringBuilder out = new StringBuilder("--- " + fromName + "\n+++ " + toName + "\n");
        int k = 0;
        while (k < kinds.size()) {
            if (kinds.get(k) == ' ') {
                k++;
                continue;
            }
            int start = Math.max(0, k - CONTEXT);
            int end = k;
            // extend the hunk while changes are at most 2 * CONTEXT lines apart
            int lastChange = k;
            while (end < kinds.size() && end - lastChange <= 2 * CONTEXT) {
                if (kinds.get(end) != ' ') {
                    lastChange = end;
                }
                end++;
            }
            end = Math.min(kinds.size(), lastChange + CONTEXT + 1);
            int fromCount = 0;
            int toCount = 0;
            for (int h = start; h < end; h++) {
                char kind = kinds.get(h);
                fromCount += kind == '+' ? 0 : 1;
                toCount += kind == '-' ? 0 : 1;
            }
            out.append("@@ -")
                    .append(positions.get(start)[0] + 1)
                    .append(',')
                    .append(fromCount)
                    .append(" +")
                    .append(positions.get(start)[1] + 1)
                    .append(',')
                    .append(toCount)
                    .append(" @@\n");
            for (int h = start; h < end; h++) {
                out.append(kinds.get(h)).append(lines.get(h)).append('\n');
            }
            k = end;
        }
        return out.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
