/**
 * A stateful fake of the Neo4j Aura API for tests, and a standalone server.
 *
 * <p>{@link dev.aurasdk.testkit.FakeAuraServer} runs on a local port and behaves like Aura as documented in the
 * project's wire-format reference: OAuth client credentials with expiring tokens, tenants, organizations, projects,
 * instances, import jobs, GraphQL Data APIs with auth providers and CORS, and the real API's status codes and error
 * envelopes. Tests drive time with a virtual clock, inject faults, read a redacted journal of requests, and can
 * check every exchange against the official OpenAPI documents.
 *
 * <pre>{@code
 * @RegisterExtension
 * final FakeAuraExtension aura = FakeAuraExtension.with(b -> b.contractChecked());
 *
 * @Test
 * void importCompletes(FakeAuraServer server) {
 *     MyClient client = new MyClient(server.baseUrl(), server.clientId(), server.clientSecret());
 *     String job = client.createImportJob(DemoWorld.ORGANIZATION_ID, DemoWorld.PROJECT_ID,
 *             DemoWorld.IMPORT_MODEL_ID, DemoWorld.INSTANCE_ID);
 *     server.advance(Duration.ofSeconds(10));
 *     assertThat(client.importJob(job).exitState()).isEqualTo("Success");
 *     assertThat(server.tokenRequestCount()).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>Run standalone with {@code java -jar aura-sdk-testkit-<version>-standalone.jar --port 8089}
 * (see {@link dev.aurasdk.testkit.FakeAuraServerMain}).
 */
package dev.aurasdk.testkit;
