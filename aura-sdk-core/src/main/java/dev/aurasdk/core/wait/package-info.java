/**
 * Waiting for a resource to reach a state: {@link dev.aurasdk.core.wait.Waiter}, its
 * {@link dev.aurasdk.core.wait.WaitOptions} and {@link dev.aurasdk.core.wait.WaitTimeoutException}.
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
package dev.aurasdk.core.wait;

import org.immutables.value.Value;
