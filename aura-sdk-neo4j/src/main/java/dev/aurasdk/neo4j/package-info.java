/**
 * The data side of Aura, on the official Neo4j Java driver (Java 17+): {@link dev.aurasdk.neo4j.Neo4jDatabases}
 * holds named connections to many databases (Aura instance ids or Bolt URIs, one driver each, created on first
 * use), checks their health together with the Aura API, verifies an import job's counts in its database and
 * investigates a database at bounded cost. Failures are {@link dev.aurasdk.neo4j.Neo4jDatabaseException}s naming
 * the database; passwords never appear in messages or {@code toString()}.
 */
package dev.aurasdk.neo4j;
