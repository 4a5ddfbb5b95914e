package dev.aurasdk.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aurasdk.core.AuraDecodingException;
import dev.aurasdk.core.AuraError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wire bodies of the Data API endpoints and the mapping of a Data API's details. Not API. */
final class DataApiJson {
    private static final Logger LOG = LoggerFactory.getLogger("dev.aurasdk.graphql");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The extra field the official CLI sends so that Aura accepts a PATCH with an empty origin list. */
    static final String EMPTY_LIST_WORKAROUND_FIELD = "test";

    static final String EMPTY_LIST_WORKAROUND_VALUE = "ignore me";

    private DataApiJson() {}

    static ObjectNode createBody(CreateGraphQLDataApi request) {
        ObjectNode body = NODES.objectNode();
        body.put("name", request.name());
        body.putObject("aura_instance")
                .put("username", request.instanceCredentials().username())
                .put("password", request.instanceCredentials().password());
        body.put("type_definitions", request.typeDefinitions().toBase64());
        request.subgraph().ifPresent(s -> body.putObject("features").put("subgraph", s));
        ObjectNode security = body.putObject("security");
        if (!request.corsOrigins().isEmpty()) {
            ArrayNode origins = security.putObject("cors_policy").putArray("allowed_origins");
            request.corsOrigins().forEach(origins::add);
        }
        ArrayNode providers = security.putArray("authentication_providers");
        request.authProviders().forEach(p -> providers.add(providerBody(p)));
        return body;
    }

    static ObjectNode updateBody(UpdateGraphQLDataApi request) {
        ObjectNode body = NODES.objectNode();
        request.name().ifPresent(n -> body.put("name", n));
        request.typeDefinitions().ifPresent(t -> body.put("type_definitions", t.toBase64()));
        if (request.changesInstanceCredentials()) {
            ObjectNode aura = body.putObject("aura_instance");
            request.instanceUsername().ifPresent(u -> aura.put("username", u));
            request.instancePassword().ifPresent(p -> aura.put("password", p));
        }
        request.subgraph().ifPresent(s -> body.putObject("features").put("subgraph", s));
        return body;
    }

    /**
     * The CORS PATCH body. Aura rejects a body whose only content is an empty list, so an empty list
     * carries the extra top-level field the official CLI sends ({@code "test":"ignore me"}).
     */
    static ObjectNode corsBody(List<String> origins) {
        ObjectNode body = NODES.objectNode();
        ArrayNode list = body.putObject("security").putObject("cors_policy").putArray("allowed_origins");
        origins.forEach(list::add);
        if (origins.isEmpty()) {
            body.put(EMPTY_LIST_WORKAROUND_FIELD, EMPTY_LIST_WORKAROUND_VALUE);
        }
        return body;
    }

    static ObjectNode providerBody(AuthProviderSpec spec) {
        ObjectNode p = NODES.objectNode();
        p.put("name", spec.name());
        p.put("type", spec.type().value());
        p.put("enabled", spec.enabled());
        spec.url().ifPresent(u -> p.put("url", u));
        return p;
    }

    /** Top-level fields, as the schema and the CLI send them (not wrapped in {@code data}). */
    static ObjectNode providerUpdateBody(UpdateAuthProvider change) {
        ObjectNode p = NODES.objectNode();
        change.name().ifPresent(n -> p.put("name", n));
        change.enabled().ifPresent(e -> p.put("enabled", e));
        change.url().ifPresent(u -> p.put("url", u));
        return p;
    }

    static GraphQLDataApi toDataApi(JsonNode data, List<AuraError> errors, String path) {
        if (!data.isObject()) {
            throw new AuraDecodingException("could not read the response of GET " + path + ": 'data' is not an object");
        }
        String id = text(data, "id").orElseThrow(() -> missing(path, "id"));
        GraphQLDataApi.Builder b = GraphQLDataApi.builder()
                .id(id)
                .name(text(data, "name").orElse(""))
                .status(GraphQLDataApiStatus.of(text(data, "status").orElseThrow(() -> missing(path, "status"))))
                .url(text(data, "url"))
                .auraInstanceId(text(data.path("aura_instance"), "id"))
                .errors(errors);
        text(data, "type_definitions").filter(t -> !t.isBlank()).ifPresent(t -> {
            try {
                b.typeDefinitions(TypeDefinitions.decodeFromAura(t));
            } catch (IllegalArgumentException e) {
                LOG.debug("GraphQL Data API {}: type definitions not readable ({}); left out", id, e.getMessage());
            }
        });
        JsonNode subgraph = data.path("features").path("subgraph");
        if (subgraph.isBoolean()) {
            b.subgraph(subgraph.booleanValue());
        }
        b.allowedOrigins(origins(data));
        return b.build();
    }

    static List<String> origins(JsonNode data) {
        List<String> out = new ArrayList<>();
        JsonNode list = data.path("security").path("cors_policy").path("allowed_origins");
        if (list.isArray()) {
            for (JsonNode o : list) {
                if (o.isTextual()) {
                    out.add(o.textValue());
                }
            }
        }
        return out;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? Optional.of(v.textValue()) : Optional.empty();
    }

    private static AuraDecodingException missing(String path, String field) {
        return new AuraDecodingException("could not read the response of GET " + path + ": no '" + field + "'");
    }
}
