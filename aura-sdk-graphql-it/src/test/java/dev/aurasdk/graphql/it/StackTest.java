package dev.aurasdk.graphql.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurasdk.graphql.GraphQLError;
import dev.aurasdk.graphql.GraphQLResponse;
import dev.aurasdk.graphql.it.Seed.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.provider.Arguments;

/** One real stack (Neo4j, JWKS, node GraphQL server) per test class, seeded with {@link Seed}. */
abstract class StackTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static RealStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = RealStack.start();
        Seed.reset(stack);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }

    /** Every role for both tenants. */
    static Stream<Arguments> callers() {
        return Stream.of(Role.values())
                .flatMap(role -> Stream.of(Seed.ACME, Seed.BISTRO).map(tenant -> Arguments.of(role, tenant)));
    }

    static String token(Role role, String tenant) {
        return stack.jwts.token("u-" + tenant + "-" + role.name().toLowerCase(Locale.ROOT), tenant, role.claims);
    }

    static GraphQLResponse call(Role role, String tenant, String query) {
        return call(role, tenant, query, Map.of());
    }

    static GraphQLResponse call(Role role, String tenant, String query, Map<String, ?> variables) {
        return stack.endpoint(token(role, tenant)).execute(query, variables);
    }

    /** The data of a call that must succeed. */
    static JsonNode ok(Role role, String tenant, String query) {
        GraphQLResponse r = call(role, tenant, query);
        assertThat(r.errors()).as("errors of %s for %s/%s", query, role, tenant).isEmpty();
        return r.data();
    }

    /**
     * Asserts a call was refused by an {@code @authentication} rule (the library answers "Unauthenticated" when
     * the JWT lacks the role), with no data.
     */
    static void refused(Role role, String tenant, String query) {
        GraphQLResponse r = call(role, tenant, query);
        assertThat(messages(r)).as("%s for %s/%s", query, role, tenant).isEqualTo("Unauthenticated");
        JsonNode data = r.data();
        boolean nothing = data == null || data.isNull();
        if (!nothing) {
            nothing = true;
            for (JsonNode field : data) {
                nothing &= field.isNull();
            }
        }
        assertThat(nothing).as("no data beside the error: %s", data).isTrue();
    }

    static String messages(GraphQLResponse r) {
        return r.errors().stream().map(GraphQLError::message).collect(Collectors.joining(" | "));
    }

    /** JSON written with single quotes, for readable expectations. */
    static JsonNode json(String singleQuoted) {
        try {
            return MAPPER.readTree(singleQuoted.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long count(String cypher) {
        return stack.cypher(
                cypher, Map.of(), r -> ((Number) r.next().values().iterator().next()).longValue());
    }

    static Object value(String cypher) {
        return stack.cypher(
                cypher,
                Map.of(),
                r -> r.hasNext() ? r.next().values().iterator().next() : null);
    }
}
