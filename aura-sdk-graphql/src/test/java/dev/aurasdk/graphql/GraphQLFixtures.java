package dev.aurasdk.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.testing.ScriptedAura;
import dev.aurasdk.core.wait.WaitOptions;
import dev.aurasdk.testkit.StepScheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** Shared test data and helpers. */
final class GraphQLFixtures {
    static final String INSTANCE = "a1b2c3d4";
    static final String API = "2f49c2b3";
    static final String API_URL = "https://2f49c2b3.28be6e4d8d3e8360197cb6c1fa1d25d1.graphql.neo4j.io/graphql";
    static final String PROVIDER = "038ac820-f108-413c-8211-e3720fab36ec";
    static final String JWKS_PROVIDER = "038ac821-f108-413c-8211-e3720fab36ec";
    static final String API_KEY = "BKMeca9adfHf0amTJxag1Idm9fq6ksI4";
    static final String NEW_API_KEY = "Zq81nNWmcuXk0o3pLsT6vYb2RhEaDf7G";
    static final String INSTANCE_PASSWORD = "Inst4nce-Passw0rd-!xyz";
    static final String JWKS_URL = "https://example.eu.auth0.com/.well-known/jwks.json";
    static final String BASE = "/v1beta5/instances/" + INSTANCE + "/data-apis/graphql";
    static final String SCHEMA = "type Movie @node {\n  title: String!\n}\n";

    static final ObjectMapper MAPPER = new ObjectMapper();

    private GraphQLFixtures() {}

    /** Waits without jitter: first poll after 1 s, then 1.5 s, 2.25 s, … */
    static WaitOptions exactWaits() {
        return WaitOptions.builder().jitter(0).build();
    }

    static AuraClient client(ScriptedAura aura) {
        return aura.clientBuilder().waitOptions(exactWaits()).build();
    }

    static AuraClient client(ScriptedAura aura, StepScheduler scheduler) {
        return aura.clientBuilder()
                .waitOptions(exactWaits())
                .scheduler(scheduler)
                .build();
    }

    static String summary(String status) {
        return "{\"id\":\"" + API + "\",\"name\":\"restaurants\",\"status\":\"" + status + "\",\"url\":\"" + API_URL
                + "\"}";
    }

    static String details(String status, String... origins) {
        String list = Arrays.stream(origins).map(o -> "\"" + o + "\"").collect(Collectors.joining(","));
        return "{\"id\":\"" + API + "\",\"name\":\"restaurants\",\"status\":\"" + status + "\",\"url\":\"" + API_URL
                + "\",\"type_definitions\":\"" + TypeDefinitions.of(SCHEMA).toBase64() + "\","
                + "\"features\":{\"subgraph\":false},\"security\":{\"cors_policy\":{\"allowed_origins\":[" + list
                + "]}}}";
    }

    /** A GET of the API's details with this status. */
    static MockResponse get(String status, String... origins) {
        return ScriptedAura.data(details(status, origins));
    }

    /** A 202 answer to a change, with a summary in this status. */
    static MockResponse accepted(String status) {
        return ScriptedAura.json(202, "{\"data\":" + summary(status) + "}");
    }

    static MockResponse notFound() {
        return ScriptedAura.json(
                404,
                "{\"errors\":[{\"message\":\"Data API not found: " + API + "\",\"reason\":\"data-api-not-found\"}]}");
    }

    static String body(RecordedRequest request) {
        return request.getBody() == null ? "" : request.getBody().utf8();
    }

    static JsonNode json(RecordedRequest request) {
        try {
            return MAPPER.readTree(body(request));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String line(RecordedRequest request) {
        return request.getMethod() + " " + request.getUrl().encodedPath();
    }
}
