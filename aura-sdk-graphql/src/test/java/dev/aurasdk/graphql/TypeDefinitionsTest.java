package dev.aurasdk.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TypeDefinitionsTest {
    private static final String SDL = "type Café @node {\n  name: String! # ünïcode\n}\n";

    @TempDir
    Path dir;

    @Test
    void base64IsStandardWithPaddingOverUtf8AndRoundTrips() {
        TypeDefinitions defs = TypeDefinitions.of(SDL);

        assertThat(defs.toBase64()).isEqualTo(Base64.getEncoder().encodeToString(SDL.getBytes(StandardCharsets.UTF_8)));
        assertThat(TypeDefinitions.fromBase64(defs.toBase64())).isEqualTo(defs);
        assertThat(TypeDefinitions.fromBase64(defs.toBase64()).asString()).isEqualTo(SDL);
        assertThat(defs.sizeInBytes()).isEqualTo(SDL.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void readsFromAPathAndFromTheClasspath() throws IOException {
        Path file = dir.resolve("schema.graphql");
        Files.writeString(file, "\uFEFF" + SDL);

        assertThat(TypeDefinitions.fromPath(file).asString()).as("BOM dropped").isEqualTo(SDL);
        assertThat(TypeDefinitions.fromClasspath("schema/restaurants-multitenant.graphql"))
                .isEqualTo(TypeDefinitions.fromClasspath("/schema/restaurants-multitenant.graphql"));
    }

    @Test
    void emptyOrBlankDefinitionsAreRejected() throws IOException {
        Path blank = dir.resolve("blank.graphql");
        Files.writeString(blank, " \n\t");

        assertThatThrownBy(() -> TypeDefinitions.of("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> TypeDefinitions.fromPath(blank)).hasMessageContaining("empty");
        assertThatThrownBy(() -> TypeDefinitions.fromBase64("")).hasMessageContaining("empty");
    }

    @Test
    void definitionsOverOneMebibyteAreRejected() throws IOException {
        String big = "#".repeat(TypeDefinitions.MAX_BYTES) + "\ntype A @node { a: String }";
        Path file = dir.resolve("big.graphql");
        Files.writeString(file, big);

        assertThat(TypeDefinitions.of("#".repeat(TypeDefinitions.MAX_BYTES - 1) + "x")
                        .sizeInBytes())
                .isEqualTo(TypeDefinitions.MAX_BYTES);
        assertThatThrownBy(() -> TypeDefinitions.of(big)).hasMessageContaining("too large");
        assertThatThrownBy(() -> TypeDefinitions.fromPath(file)).hasMessageContaining("too large");
        assertThatThrownBy(() -> TypeDefinitions.fromBase64(
                        Base64.getEncoder().encodeToString(big.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("too large");
    }

    @Test
    void invalidInputIsRejectedWithAClearMessage() throws IOException {
        Path latin1 = dir.resolve("latin1.graphql");
        Files.write(latin1, new byte[] {'t', 'y', 'p', 'e', ' ', (byte) 0xE9});

        assertThatThrownBy(() -> TypeDefinitions.fromPath(latin1)).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> TypeDefinitions.fromBase64("not base64!")).hasMessageContaining("base64");
        assertThatThrownBy(() -> TypeDefinitions.fromBase64("dHlwZS*BB")).hasMessageContaining("base64");
        assertThat(TypeDefinitions.fromBase64("dHlw\nZSBB").asString()).isEqualTo("type A");
        assertThatThrownBy(() -> TypeDefinitions.fromClasspath("/nope.graphql")).hasMessageContaining("not found");
        assertThatThrownBy(() -> TypeDefinitions.fromPath(dir.resolve("missing.graphql")))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void toStringShowsSizeAndDigestNotTheText() {
        TypeDefinitions defs = TypeDefinitions.of(SDL);

        assertThat(defs.toString())
                .doesNotContain("Café")
                .contains(defs.sizeInBytes() + " bytes")
                .contains(defs.sha256().substring(0, 12));
    }
}
