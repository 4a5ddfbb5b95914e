package dev.aurasdk.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The canned wire bodies and ids every benchmark uses, so the SDK and the raw baseline read the same
 * bytes. The import job is the example of the API reference (§6.2) with five node and three
 * relationship mappings (about 2 KB); the Data API (§5) carries about 2 KB of type definitions.
 */
public final class Payloads {
    /** Organization of the import jobs. */
    public static final String ORGANIZATION_ID = "c4ea09e5-44b2-418e-9aae-0c98c37d1f38";
    /** Project of the import jobs. */
    public static final String PROJECT_ID = "9aa289f6-1ccf-47c8-bc90-a0c3cecc82ac";
    /** The import job served. */
    public static final String JOB_ID = "87d485b4-73fc-4a7f-bb03-720f4672947e";
    /** The import model of created jobs. */
    public static final String IMPORT_MODEL_ID = "e01cdc6d-2f50-4f46-b04b-8ec8fc8de839";
    /** The instance behind the import job and the Data API. */
    public static final String INSTANCE_ID = "2f49c2b3";
    /** The Data API served. */
    public static final String DATA_API_ID = "4cd1f6b9";
    /** Client id the servers accept. */
    public static final String CLIENT_ID = "bench-client";
    /** Client secret the servers accept. */
    public static final String CLIENT_SECRET = "bench-secret";
    /** The access token the servers hand out (shaped like a JWT, as Aura's are). */
    public static final String ACCESS_TOKEN = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJzdWIiOiJiZW5jaC1jbGllbnQiLCJleHAiOjE3NTUyNjM1NzF9"
            + ".c2lnbmF0dXJlLW9mLXRoZS1iZW5jaG1hcmstdG9rZW4tbm90LXJlYWxseS1zaWduZWQ";

    /** Path of one import job, with progress. */
    public static final String JOB_PATH =
            "/v2beta1/organizations/" + ORGANIZATION_ID + "/projects/" + PROJECT_ID + "/import/jobs/" + JOB_ID;
    /** Path of the import jobs collection (create). */
    public static final String JOBS_PATH =
            "/v2beta1/organizations/" + ORGANIZATION_ID + "/projects/" + PROJECT_ID + "/import/jobs";
    /** Path of the Data API. */
    public static final String DATA_API_PATH =
            "/v1beta5/instances/" + INSTANCE_ID + "/data-apis/graphql/" + DATA_API_ID;

    private static final byte[] IMPORT_JOB = resource("import-job.json");
    private static final String SCHEMA = new String(resource("library.graphql"), StandardCharsets.UTF_8);
    private static final byte[] DATA_API = ("{\"data\":{\"id\":\"" + DATA_API_ID + "\",\"name\":\"library-api\","
                    + "\"status\":\"ready\",\"url\":\"https://" + DATA_API_ID + ".1a2b3c4d.graphql.neo4j.io/graphql\","
                    + "\"type_definitions\":\""
                    + Base64.getEncoder().encodeToString(SCHEMA.getBytes(StandardCharsets.UTF_8))
                    + "\",\"features\":{\"subgraph\":false},\"security\":{\"cors_policy\":{\"allowed_origins\":"
                    + "[\"https://library.example.com\",\"https://admin.library.example.com\"]}},"
                    + "\"aura_instance\":{\"id\":\"" + INSTANCE_ID + "\"}}}")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] CREATED_JOB =
            ("{\"data\":{\"id\":\"" + JOB_ID + "\"}}").getBytes(StandardCharsets.UTF_8);

    private Payloads() {}

    /** {@code GET …/import/jobs/{jobId}?progress=true}: the 200 body. @return a fresh copy */
    public static byte[] importJob() {
        return IMPORT_JOB.clone();
    }

    /** {@code GET …/data-apis/graphql/{dataApiId}}: the 200 body. @return a fresh copy */
    public static byte[] dataApi() {
        return DATA_API.clone();
    }

    /** {@code POST …/import/jobs}: the 201 body. @return a fresh copy */
    public static byte[] createdJob() {
        return CREATED_JOB.clone();
    }

    /** The Data API's type definitions, as text. @return the SDL */
    public static String schema() {
        return SCHEMA;
    }

    /**
     * {@code POST /oauth/token}: the 200 body.
     *
     * @param expiresInSeconds the token's lifetime
     * @return the body
     */
    public static byte[] token(long expiresInSeconds) {
        return ("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":" + expiresInSeconds
                        + ",\"token_type\":\"bearer\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The body of an import-job create, as a plain map (what a hand-written client would send).
     *
     * @return {@code importModelId}, {@code auraCredentials.dbId}, {@code importConfig.importType}
     */
    public static Map<String, Object> createJobBodyAsMap() {
        return Map.of(
                "importModelId",
                IMPORT_MODEL_ID,
                "auraCredentials",
                Map.of("dbId", INSTANCE_ID),
                "importConfig",
                Map.of("importType", "online"));
    }

    private static byte[] resource(String name) {
        try (InputStream in = Payloads.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
