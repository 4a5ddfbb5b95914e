package dev.aurasdk.graphql.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The mapper for GraphQL request variables and responses of a deployed Data API: field names are kept
 * as written (no snake_case: GraphQL is camelCase), dates are ISO-8601 strings. Not API.
 */
public final class GraphQLJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private GraphQLJson() {}

    /** The shared, thread-safe mapper. @return the mapper */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
