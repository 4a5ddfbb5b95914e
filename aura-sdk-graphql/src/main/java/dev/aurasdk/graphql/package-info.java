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
 */
package dev.aurasdk.graphql;
