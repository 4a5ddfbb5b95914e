/**
 * The Aura API's resources as immutable values (instances, tenants, organizations, projects), tolerant of
 * unknown fields.
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
package dev.aurasdk.core.model;

import org.immutables.value.Value;
