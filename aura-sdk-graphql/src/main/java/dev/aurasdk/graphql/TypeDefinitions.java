package dev.aurasdk.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Neo4j GraphQL Library (v7) type definitions of a Data API: the SDL text, at most
 * {@link #MAX_BYTES} bytes of UTF-8 and not blank. The base64 encoding Aura uses on the wire is handled
 * by the SDK; callers work with the text.
 *
 * <pre>{@code
 * TypeDefinitions defs = TypeDefinitions.fromClasspath("/schema/restaurants.graphql");
 * TypeDefinitions inline = TypeDefinitions.of("type Movie @node { title: String! }");
 * }</pre>
 *
 * <p>Instances are immutable; {@link #toString()} shows the size and a digest, not the text.
 */
public final class TypeDefinitions {
    /** Largest accepted size, in bytes of UTF-8 (1 MiB); larger definitions are refused before any request. */
    public static final int MAX_BYTES = 1024 * 1024;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final String text;
    private final int sizeInBytes;

    private TypeDefinitions(String text, int sizeInBytes) {
        this.text = text;
        this.sizeInBytes = sizeInBytes;
    }

    /**
     * Type definitions from text.
     *
     * @param sdl the GraphQL SDL
     * @return the type definitions
     * @throws IllegalArgumentException when blank or larger than {@link #MAX_BYTES}
     */
    public static TypeDefinitions of(String sdl) {
        Objects.requireNonNull(sdl, "type definitions must not be null");
        String text = stripBom(sdl);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        checkSize(utf8.length, "type definitions");
        return create(text, utf8.length, "type definitions");
    }

    /**
     * Type definitions read from a UTF-8 file.
     *
     * @param path the file
     * @return the type definitions
     * @throws IllegalArgumentException when the file is blank, not UTF-8 or larger than {@link #MAX_BYTES}
     * @throws UncheckedIOException when the file cannot be read
     */
    public static TypeDefinitions fromPath(Path path) {
        Objects.requireNonNull(path, "path must not be null");
        try {
            long size = Files.size(path);
            checkSize(size, "type definitions file " + path);
            try (InputStream in = Files.newInputStream(path)) {
                return fromBytes(readBounded(in, "type definitions file " + path), "type definitions file " + path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read type definitions from " + path, e);
        }
    }

    /**
     * Type definitions read from a UTF-8 class-path resource, looked up with the thread's context class
     * loader, then this library's.
     *
     * @param resource the resource name, such as {@code /schema/movies.graphql} (a leading '/' is optional)
     * @return the type definitions
     * @throws IllegalArgumentException when the resource is missing, blank, not UTF-8 or too large
     * @throws UncheckedIOException when the resource cannot be read
     */
    public static TypeDefinitions fromClasspath(String resource) {
        Objects.requireNonNull(resource, "resource must not be null");
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        if (name.isBlank()) {
            throw new IllegalArgumentException("resource name must not be blank");
        }
        URL url = null;
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            url = context.getResource(name);
        }
        if (url == null) {
            ClassLoader own = TypeDefinitions.class.getClassLoader();
            url = own != null ? own.getResource(name) : ClassLoader.getSystemResource(name);
        }
        if (url == null) {
            throw new IllegalArgumentException("class-path resource not found: " + resource);
        }
        String what = "type definitions resource " + resource;
        try (InputStream in = url.openStream()) {
            return fromBytes(readBounded(in, what), what);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what, e);
        }
    }

    /**
     * Type definitions from their base64 form, as Aura sends them.
     *
     * @param base64 standard base64 of the UTF-8 text (whitespace and line breaks ignored)
     * @return the type definitions
     * @throws IllegalArgumentException when not valid base64 of non-blank UTF-8 text within the size limit
     */
    public static TypeDefinitions fromBase64(String base64) {
        Objects.requireNonNull(base64, "base64 must not be null");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(withoutWhitespace(base64));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("type definitions: not valid base64 (" + e.getMessage() + ")");
        }
        checkSize(bytes.length, "type definitions");
        return fromBytes(bytes, "type definitions");
    }

    /**
     * Decodes what Aura sent without the size limit (the limit guards uploads, not reads).
     *
     * @param base64 the wire value
     * @return the type definitions
     * @throws IllegalArgumentException when not base64 of non-blank UTF-8 text
     */
    static TypeDefinitions decodeFromAura(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(withoutWhitespace(base64));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("type definitions: not valid base64 (" + e.getMessage() + ")");
        }
        return fromBytes(bytes, "type definitions");
    }

    /**
     * The SDL text.
     *
     * @return the text, never blank
     */
    public String asString() {
        return text;
    }

    /**
     * The text as standard base64 of its UTF-8 bytes, with padding: the form Aura expects.
     *
     * @return the base64 text
     */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Size of the UTF-8 text in bytes.
     *
     * @return the size
     */
    public int sizeInBytes() {
        return sizeInBytes;
    }

    /**
     * SHA-256 of the UTF-8 text, lowercase hex: handy to compare a deployed schema with a local file.
     *
     * @return the digest
     */
    public String sha256() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(digest.length * 2);
            for (byte b : digest) {
                sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TypeDefinitions && ((TypeDefinitions) other).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** Size and digest prefix, not the text. */
    @Override
    public String toString() {
        return "TypeDefinitions{" + sizeInBytes + " bytes, sha256=" + sha256().substring(0, 12) + "}";
    }

    private static TypeDefinitions fromBytes(byte[] bytes, String what) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(what + ": not valid UTF-8");
        }
        String stripped = stripBom(text);
        int size = stripped.length() == text.length() ? bytes.length : stripped.getBytes(StandardCharsets.UTF_8).length;
        return create(stripped, size, what);
    }

    private static TypeDefinitions create(String text, int size, String what) {
        if (text.isBlank()) {
            throw new IllegalArgumentException(what + ": must not be empty or blank");
        }
        return new TypeDefinitions(text, size);
    }

    private static byte[] readBounded(InputStream in, String what) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        checkSize(bytes.length, what);
        return bytes;
    }

    private static void checkSize(long size, String what) {
        if (size > MAX_BYTES) {
            throw new IllegalArgumentException(what + ": too large ("
                    + (size > MAX_BYTES + 1 ? size + " bytes" : "more than " + MAX_BYTES + " bytes") + "; the limit is "
                    + MAX_BYTES + " bytes, 1 MiB)");
        }
    }

    /** The text without whitespace; the regex only runs when there is some (Aura sends none). */
    private static String withoutWhitespace(String base64) {
        for (int i = 0; i < base64.length(); i++) {
            if (base64.charAt(i) <= ' ') {
                return WHITESPACE.matcher(base64).replaceAll("");
            }
        }
        return base64;
    }

    private static String stripBom(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }
}
