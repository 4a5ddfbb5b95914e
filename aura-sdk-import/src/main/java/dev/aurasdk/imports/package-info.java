/**
 * Aura import jobs (API {@code v2beta1}): {@link dev.aurasdk.imports.ImportJobs} creates, reads,
 * cancels, awaits and dry-runs jobs of one {@link dev.aurasdk.imports.ProjectRef project};
 * {@link dev.aurasdk.imports.ImportPipeline} runs ordered steps with retries. Models are immutable
 * and never return null. Logging goes to the SLF4J logger {@code dev.aurasdk.imports} at DEBUG, without
 * request bodies or passwords.
 *
 * <p>Models: each package-private {@code AbstractFoo} generates the public immutable {@code Foo} (the API) with
 * {@code Foo.builder()}, through the Immutables style below (the same in every model package of the SDK):
 * {@code Optional} setters accept {@code null}, redacted attributes print as {@code ****}, JSON names follow the
 * mapper's snake_case unless an attribute names its own.
 */
@Value.Style(
        typeAbstract = "Abstract*",
        typeImmutable = "*",
        visibility = Value.Style.ImplementationVisibility.PUBLIC,
        jdkOnly = true,
        optionalAcceptNullable = true,
        redactedMask = "****",
        forceJacksonPropertyNames = false,
        defaults = @Value.Immutable(copy = true))
package dev.aurasdk.imports;

import org.immutables.value.Value;
