package dev.aurasdk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aurasdk.core.AuraApiException;
import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraDecodingException;
import dev.aurasdk.core.AuraException;
import dev.aurasdk.core.http.RateLimit;
import dev.aurasdk.core.http.RetryPolicy;
import dev.aurasdk.core.model.Instance;
import dev.aurasdk.core.testing.ScriptedAura;
import dev.aurasdk.core.testing.SecretGuard;
import dev.aurasdk.graphql.GraphQLDataApi;
import dev.aurasdk.graphql.GraphQLDataApis;
import dev.aurasdk.imports.ImportJob;
import dev.aurasdk.imports.ImportJobs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded random mutations of recorded Aura responses (the OpenAPI documents' examples), served through the real
 * transport by a MockWebServer: every call either parses or fails with the SDK's own {@link AuraException}, never
 * a raw Jackson exception, a {@code NullPointerException} or another runtime exception. Re-run a failure with
 * {@code -Dfuzz.seed=<seed>}.
 */
class FuzzLiteTest {
    static final long SEED = Long.getLong("fuzz.seed", 20_260_101L);
    static final int MUTATIONS = 1_000;
    /** What the default seed yields; asserted so that the figures in docs/RELIABILITY.md stay true. */
    static final int EXPECTED_PARSED = 286;

    static final int EXPECTED_DECODING = 607;
    static final int EXPECTED_API_ERRORS = 107;
    /** Token responses whose {@code expires_in} overflowed the clock (an ArithmeticException before the fix). */
    static final int EXPECTED_IMPLAUSIBLE_LIFETIMES = 3;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String ORG = "c4ea09e5-44b2-418e-9aae-0c98c37d1f38";
    private static final String JOB = "87d485b4-73fc-4a7f-bb03-720f4672947e";
    private static final String[] EXTRA_NAMES = {
        "zz_extra",
        "status_v2",
        "region",
        "id",
        "data",
        "errors",
        "info",
        "progress",
        "nodes",
        "labels",
        "__proto__",
        "name",
        "percentage_complete"
    };
    private static final String[] WORDS = {
        "weird-state",
        "Deleting",
        "",
        " ",
        "RUNNING",
        "überfall",
        "null",
        "0",
        "1e309",
        "-1",
        "9223372036854775808",
        "2025-13-45T99:99:99Z",
        "true",
        "[]",
        "{}",
        "\u0000",
        "🦄"
    };

    /** One look-up that can be fuzzed: its recorded response and how the SDK is asked for it. */
    record Target(String name, String recording, Function<Calls, Object> call) {}

    /** The clients a call may use; a token request needs a client with an empty token cache. */
    record Calls(AuraClient client, ImportJobs jobs, GraphQLDataApis apis, ScriptedAura aura) {
        Object freshToken() {
            try (AuraClient fresh =
                    aura.clientBuilder().retryPolicy(RetryPolicy.none()).build()) {
                return touch(fresh.tokenProvider().token());
            }
        }
    }

    static final List<Target> TARGETS = List.of(
            new Target("token", "token.json", Calls::freshToken),
            new Target(
                    "instances list",
                    "instances-list.json",
                    c -> c.client().instances().list()),
            new Target(
                    "instance get",
                    "instance-get.json",
                    c -> touch(c.client().instances().get("2f49c2b3"))),
            new Target(
                    "tenants list",
                    "tenants-list.json",
                    c -> c.client().tenants().list()),
            new Target(
                    "tenant get", "tenant-get.json", c -> c.client().tenants().get("6981ace7")),
            new Target(
                    "organizations list",
                    "organizations-list.json",
                    c -> c.client().organizations().list()),
            new Target(
                    "organization get",
                    "organization-get.json",
                    c -> c.client().organizations().get(ORG)),
            new Target(
                    "projects list",
                    "projects-list.json",
                    c -> c.client().organizations().projects(ORG)),
            new Target(
                    "import job get", "import-job-get.json", c -> touch(c.jobs().get(JOB))),
            new Target(
                    "import job get with progress",
                    "import-job-get-progress.json",
                    c -> touch(c.jobs().getWithProgress(JOB))),
            new Target("Data API list", "data-apis-list.json", c -> c.apis().list("2f49c2b3")),
            new Target("Data API get", "data-api-get.json", c -> touch(c.apis().get("2f49c2b3", "2f49c2b3"))));

    @Test
    @Timeout(600)
    void aThousandMutatedResponsesEitherParseOrFailWithTheSdksOwnException() {
        Random random = new Random(SEED);
        Map<String, JsonNode> recordings = new LinkedHashMap<>();
        TARGETS.forEach(t -> recordings.put(t.recording(), load(t.recording())));
        int parsed = 0;
        int decoding = 0;
        int apiErrors = 0;
        int implausible = 0;
        List<String> escaped = new ArrayList<>();
        try (ScriptedAura aura = new ScriptedAura();
                AuraClient client = aura.clientBuilder()
                        .retryPolicy(RetryPolicy.none())
                        .rateLimit(RateLimit.unlimited())
                        .build()) {
            Calls calls = new Calls(client, Fixtures.jobs(client), GraphQLDataApis.create(client), aura);
            SecretGuard.register(
                    recordings.get("token.json").get("access_token").textValue());
            client.tokenProvider().token(); // the shared client's token, before token responses are mutated
            for (int i = 0; i < MUTATIONS; i++) {
                Target target = TARGETS.get(random.nextInt(TARGETS.size()));
                List<String> applied = new ArrayList<>();
                String body = mutate(recordings.get(target.recording()), random, applied);
                int status = random.nextInt(10) == 0 ? new int[] {400, 404, 409, 422}[random.nextInt(4)] : 200;
                mockwebserver3.MockResponse response = new mockwebserver3.MockResponse.Builder()
                        .code(status)
                        .addHeader("Content-Type", "application/json")
                        .addHeader("X-Request-Id", "fuzz-" + i)
                        .body(body)
                        .build();
                if (target.recording().equals("token.json")) {
                    aura.defaultToken(n -> response);
                } else {
                    aura.defaultApi(response);
                }
                try {
                    Object result = target.call().apply(calls);
                    assertThat(String.valueOf(result)).isNotNull();
                    parsed++;
                } catch (AuraDecodingException e) {
                    SecretGuard.observe(e);
                    decoding++;
                    if (e.getMessage().contains("implausibly")) {
                        implausible++;
                    }
                } catch (AuraApiException e) {
                    SecretGuard.observe(e);
                    apiErrors++;
                } catch (RuntimeException | AssertionError e) {
                    escaped.add("#" + i + " " + target.name() + " (HTTP " + status + ", " + applied + "): "
                            + SecretGuard.fullText(e)
                                    .lines()
                                    .limit(6)
                                    .reduce((a, b) -> a + "\n    " + b)
                                    .orElse(""));
                }
            }
        }
        LoadTest.record("fuzz: mutations", MUTATIONS);
        LoadTest.record("fuzz: parsed", parsed);
        LoadTest.record("fuzz: AuraDecodingException", decoding);
        LoadTest.record("fuzz: AuraApiException (error status)", apiErrors);
        LoadTest.record("fuzz: other exceptions", escaped.size());
        LoadTest.record("fuzz: token lifetimes refused as implausible", implausible);

        assertThat(escaped)
                .as("exceptions that are not the SDK's (seed " + SEED + ")")
                .isEmpty();
        assertThat(parsed + decoding + apiErrors).isEqualTo(MUTATIONS);
        if (SEED == 20_260_101L) {
            assertThat(List.of(parsed, decoding, apiErrors, implausible))
                    .as("parsed, decoding failures, API errors, implausible token lifetimes")
                    .containsExactly(
                            EXPECTED_PARSED, EXPECTED_DECODING, EXPECTED_API_ERRORS, EXPECTED_IMPLAUSIBLE_LIFETIMES);
        }
    }

    // ------------------------------------------------------------------ using what parsed

    private static Object touch(dev.aurasdk.core.auth.AccessToken token) {
        token.lifetime();
        token.refreshAt(java.time.Duration.ofMinutes(5));
        token.isValidAt(token.obtainedAt());
        return token;
    }

    private static Object touch(Instance instance) {
        instance.isRunning();
        instance.status().ifPresent(s -> s.isKnown());
        return instance;
    }

    private static Object touch(ImportJob job) {
        job.summary();
        job.rowsProcessed();
        job.rowsTotal();
        job.isTerminal();
        job.succeeded();
        job.progress().ifPresent(p -> {
            p.nodesCreated();
            p.relationshipsCreated();
        });
        return job;
    }

    private static Object touch(GraphQLDataApi api) {
        api.summary();
        api.isReady();
        api.typeDefinitions().ifPresent(t -> t.sha256());
        return api;
    }

    // ------------------------------------------------------------------ mutations

    private static JsonNode load(String name) {
        try (InputStream in = FuzzLiteTest.class.getResourceAsStream("/recorded/" + name)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One to three mutations of a copy of the document; a truncation is always the last. */
    static String mutate(JsonNode recording, Random random, List<String> applied) {
        JsonNode doc = recording.deepCopy();
        int count = 1 + random.nextInt(3);
        for (int m = 0; m < count; m++) {
            int kind = random.nextInt(7);
            if (kind == 6) {
                String text = doc.toString();
                int cut = random.nextInt(Math.max(1, text.length()));
                applied.add("truncated at " + cut + "/" + text.length());
                return text.substring(0, cut);
            }
            List<JsonNode[]> slots = new ArrayList<>(); // {parent, child}
            collect(null, doc, slots);
            JsonNode[] slot = slots.get(random.nextInt(slots.size()));
            JsonNode parent = slot[0];
            JsonNode node = slot[1];
            switch (kind) {
                case 0:
                    applied.add("wrong type at " + describe(node));
                    doc = replace(doc, parent, node, wrongType(node, random));
                    break;
                case 1:
                    applied.add("removed " + describe(node));
                    doc = remove(doc, parent, node);
                    break;
                case 2:
                    JsonNode target = node.isObject() ? node : parent != null && parent.isObject() ? parent : doc;
                    if (target.isObject()) {
                        String name = EXTRA_NAMES[random.nextInt(EXTRA_NAMES.length)];
                        applied.add("extra field " + name);
                        ((ObjectNode) target).set(name, randomValue(random, 2));
                    }
                    break;
                case 5:
                    applied.add("out-of-range number at " + describe(node));
                    doc = replace(doc, parent, node, extremeNumber(random));
                    break;
                case 3:
                    applied.add("unknown value at " + describe(node));
                    doc = replace(
                            doc,
                            parent,
                            node,
                            NODES.textNode(WORDS[random.nextInt(WORDS.length)]
                                    + (random.nextBoolean() ? "-" + random.nextInt(100) : "")));
                    break;
                default:
                    applied.add("null at " + describe(node));
                    doc = replace(doc, parent, node, NODES.nullNode());
                    break;
            }
        }
        return doc.toString();
    }

    private static void collect(JsonNode parent, JsonNode node, List<JsonNode[]> out) {
        out.add(new JsonNode[] {parent, node});
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                collect(node, child, out);
            }
        }
    }

    private static String describe(JsonNode node) {
        String s = node.toString();
        return node.getNodeType() + " " + (s.length() > 30 ? s.substring(0, 30) + "…" : s);
    }

    private static JsonNode replace(JsonNode doc, JsonNode parent, JsonNode node, JsonNode with) {
        if (parent == null) {
            return with;
        }
        if (parent.isObject()) {
            for (Map.Entry<String, JsonNode> e : parent.properties()) {
                if (e.getValue() == node) {
                    ((ObjectNode) parent).set(e.getKey(), with);
                    return doc;
                }
            }
        } else {
            ArrayNode array = (ArrayNode) parent;
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i) == node) {
                    array.set(i, with);
                    return doc;
                }
            }
        }
        return doc;
    }

    private static JsonNode remove(JsonNode doc, JsonNode parent, JsonNode node) {
        if (parent == null) {
            return NODES.objectNode(); // the whole body removed: {}
        }
        if (parent.isObject()) {
            for (Map.Entry<String, JsonNode> e : parent.properties()) {
                if (e.getValue() == node) {
                    ((ObjectNode) parent).remove(e.getKey());
                    return doc;
                }
            }
        } else {
            ArrayNode array = (ArrayNode) parent;
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i) == node) {
                    array.remove(i);
                    return doc;
                }
            }
        }
        return doc;
    }

    private static JsonNode wrongType(JsonNode node, Random random) {
        while (true) {
            JsonNode candidate = randomValue(random, 1);
            if (candidate.getNodeType() != node.getNodeType()) {
                return candidate;
            }
        }
    }

    private static JsonNode extremeNumber(Random random) {
        switch (random.nextInt(4)) {
            case 0:
                return NODES.numberNode(Long.MAX_VALUE);
            case 1:
                return NODES.numberNode(Long.MIN_VALUE);
            case 2:
                return NODES.numberNode(-Double.MAX_VALUE);
            default:
                return NODES.numberNode(new java.math.BigInteger("99999999999999999999999999"));
        }
    }

    private static JsonNode randomValue(Random random, int depth) {
        switch (random.nextInt(depth > 0 ? 9 : 7)) {
            case 0:
                return NODES.textNode(WORDS[random.nextInt(WORDS.length)]);
            case 1:
                return NODES.numberNode(random.nextInt(2001) - 1000);
            case 2:
                return NODES.numberNode(random.nextDouble() * 1e6);
            case 3:
                return NODES.booleanNode(random.nextBoolean());
            case 4:
                return NODES.nullNode();
            case 5:
            case 6:
                return extremeNumber(random);
            case 7:
                ObjectNode o = NODES.objectNode();
                o.set(EXTRA_NAMES[random.nextInt(EXTRA_NAMES.length)], randomValue(random, depth - 1));
                return o;
            default:
                ArrayNode a = NODES.arrayNode();
                a.add(randomValue(random, depth - 1));
                return a;
        }
    }
}
