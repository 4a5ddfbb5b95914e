/**
 * Service provider interface: plumbing shared by the SDK's modules (import, GraphQL, Neo4j, Redis, testkit) and by
 * extensions that add modules of their own: input checks ({@link dev.aurasdk.core.spi.Ids},
 * {@link dev.aurasdk.core.spi.Durations}, {@link dev.aurasdk.core.spi.BaseUrls}), settings lookup
 * ({@link dev.aurasdk.core.spi.EnvLookup}), the SDK's JSON mapper ({@link dev.aurasdk.core.spi.Json}), the
 * User-Agent ({@link dev.aurasdk.core.spi.UserAgent}) and future helpers ({@link dev.aurasdk.core.spi.Futures}).
 *
 * <p>For SDK modules and extensions; applications should not need it. It may change in minor versions (with a
 * CHANGELOG entry). Everything under {@code dev.aurasdk.core.internal} is internal to the core module: other
 * modules do not use it (an architecture test checks this).
 */
package dev.aurasdk.core.spi;
