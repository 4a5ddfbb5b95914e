/**
 * GraphQL Data APIs on Aura (API version {@code v1beta5}): {@link dev.aurasdk.graphql.GraphQLDataApis}
 * to create, change, pause, resume, delete and await Data APIs, with their
 * {@link dev.aurasdk.graphql.AuthProviders auth providers} and
 * {@link dev.aurasdk.graphql.CorsOrigins CORS origins}; {@link dev.aurasdk.graphql.GraphQLEndpoint} to
 * call a deployed API with an API key or a JWT.
 *
 * <p>Secrets (instance password, API keys, JWTs) never appear in logs, {@code toString()} or exception
 * messages. Security warnings (plain-http CORS origins, no JWKS provider) are logged at WARN once per
 * API on the {@code dev.aurasdk.graphql} logger.
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
package dev.aurasdk.graphql;

import org.immutables.value.Value;
