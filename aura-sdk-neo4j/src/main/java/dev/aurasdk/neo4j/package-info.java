/**
 * The data side of Aura, on the official Neo4j Java driver (Java 17+): {@link dev.aurasdk.neo4j.Neo4jDatabases}
 * holds named connections to many databases (Aura instance ids or Bolt URIs, one driver each, created on first
 * use), checks their health together with the Aura API, verifies an import job's counts in its database and
 * investigates a database at bounded cost. Failures are {@link dev.aurasdk.neo4j.Neo4jDatabaseException}s naming
 * the database; passwords never appear in messages or {@code toString()}.
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
package dev.aurasdk.neo4j;

import org.immutables.value.Value;
