/**
 * The Aura API client: {@link dev.aurasdk.core.AuraClient} with its {@link dev.aurasdk.core.Instances},
 * {@link dev.aurasdk.core.Tenants} and {@link dev.aurasdk.core.Organizations} resources, the credentials, and the
 * {@link dev.aurasdk.core.AuraException} family of failures.
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
package dev.aurasdk.core;

import org.immutables.value.Value;
