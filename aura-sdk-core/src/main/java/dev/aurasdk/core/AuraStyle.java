package dev.aurasdk.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style shared by every model of the SDK.
 *
 * <p>An abstract {@code AbstractFoo} generates the public immutable {@code Foo} with a
 * {@code Foo.builder()}; collections are JDK-only; {@code Optional} setters accept {@code null};
 * attributes marked {@code @Value.Redacted} print as {@code ****}; Jackson property names follow the
 * mapper's naming strategy (snake_case) unless an attribute names its own.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
        typeAbstract = "Abstract*",
        typeImmutable = "*",
        visibility = Value.Style.ImplementationVisibility.PUBLIC,
        jdkOnly = true,
        optionalAcceptNullable = true,
        redactedMask = "****",
        forceJacksonPropertyNames = false,
        defaults = @Value.Immutable(copy = true))
public @interface AuraStyle {}
