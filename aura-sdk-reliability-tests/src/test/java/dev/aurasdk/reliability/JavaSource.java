package dev.aurasdk.reliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of a Java source file for {@link ArchitectureTest}: its package, its imports and the supertypes of
 * each type it declares, read from the text with comments and literals removed (no compiler needed).
 */
final class JavaSource {
    /** A type declared in the file. */
    static final class Declared {
        final String name;
        final boolean isPublic;
        /** Supertypes as written (generics removed), in {@code extends} then {@code implements} order. */
        final List<String> supertypes;

        Declared(String name, boolean isPublic, List<String> supertypes) {
            this.name = name;
            this.isPublic = isPublic;
            this.supertypes = supertypes;
        }
    }

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT =
            Pattern.compile("^\\s*import\\s+(static\\s+)?([\\w.]+?)(\\.\\*)?\\s*;", Pattern.MULTILINE);
    private static final Pattern DECLARATION = Pattern.compile("((?:(?:public|protected|private|static|final|abstract"
            + "|sealed|non-sealed|strictfp)\\s+)*)(?<![.\\w@])(class|interface|enum|record)\\s+(\\w+)([^{;]*)\\{");

    final String packageName;
    /** Simple name to qualified name, from single-type imports. */
    final Map<String, String> imports = new HashMap<>();

    final List<String> wildcardImports = new ArrayList<>();
    final List<Declared> types = new ArrayList<>();
    /** The source without comments, string, text-block and char literals. */
    final String code;

    JavaSource(String text) {
        code = stripCommentsAndLiterals(text);
        Matcher p = PACKAGE.matcher(code);
        packageName = p.find() ? p.group(1) : "";
        Matcher i = IMPORT.matcher(code);
        while (i.find()) {
            if (i.group(1) != null) {
                continue;
            }
            if (i.group(3) != null) {
                wildcardImports.add(i.group(2));
            } else {
                String qualified = i.group(2);
                imports.put(qualified.substring(qualified.lastIndexOf('.') + 1), qualified);
            }
        }
        Matcher d = DECLARATION.matcher(code);
        while (d.find()) {
            boolean isPublic = d.group(1).matches("(?s).*\\bpublic\\b.*");
            types.add(new Declared(d.group(3), isPublic, supertypes(d.group(4))));
        }
    }

    /**
     * The qualified name a supertype as written refers to, as far as the file tells.
     *
     * @param written such as {@code QueuedScheduler}, {@code Outer.Inner} or {@code a.b.C}
     * @return the qualified name; for a name neither imported nor qualified, the same-package name, unless a
     *     wildcard import of an internal package could supply it: then {@code "?" + those packages}
     */
    String resolve(String written) {
        String first = written.contains(".") ? written.substring(0, written.indexOf('.')) : written;
        if (Character.isLowerCase(first.charAt(0))) {
            return written;
        }
        String rest = written.substring(first.length());
        if (imports.containsKey(first)) {
            return imports.get(first) + rest;
        }
        List<String> internalWildcards = new ArrayList<>();
        wildcardImports.stream().filter(w -> w.contains(".internal")).forEach(internalWildcards::add);
        if (!internalWildcards.isEmpty() && !isJavaLang(first)) {
            return "?" + internalWildcards + "." + written;
        }
        return packageName + "." + written;
    }

    private static boolean isJavaLang(String simpleName) {
        try {
            Class.forName("java.lang." + simpleName);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static List<String> supertypes(String header) {
        String h = header;
        for (String previous = null; !h.equals(previous); ) {
            previous = h;
            h = h.replaceAll("<[^<>]*>", "");
        }
        h = h.replaceAll("\\([^()]*\\)", " ") // record components
                .replaceAll("@[\\w.]+", " ")
                .replaceAll("\\bpermits\\b[\\s\\S]*$", "");
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\b(extends|implements)\\b([\\s\\S]*?)(?=\\bimplements\\b|$)")
                .matcher(h);
        while (m.find()) {
            for (String s : m.group(2).split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    static String stripCommentsAndLiterals(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (text.startsWith("\"\"\"", i)) {
                int end = text.indexOf("\"\"\"", i + 3);
                while (end > 0 && text.charAt(end - 1) == '\\') {
                    end = text.indexOf("\"\"\"", end + 1);
                }
                i = end < 0 ? n : end + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && text.charAt(j) != c && text.charAt(j) != '\n') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
