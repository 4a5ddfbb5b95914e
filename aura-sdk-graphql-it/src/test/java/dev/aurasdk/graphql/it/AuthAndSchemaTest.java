package dev.aurasdk.graphql.it;

import static dev.aurasdk.graphql.it.Seed.ACME;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurasdk.graphql.GraphQLResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tokens the library must refuse (none, signed by another key, expired, without the needed role), and the schema
 * as the library built it: no error, only the documented warning, and exactly the expected root fields.
 */
class AuthAndSchemaTest extends StackTest {
    /** A read of every tenant-owned type and the two custom queries. */
    private static final List<String> READS = List.of(
            "{ tenants { id } }",
            "{ restaurants { id } }",
            "{ alerts { id } }",
            "{ users { id } }",
            "{ preferences { tenantId } }",
            "{ alertStats(since: \"2020-01-01T00:00:00Z\") { restaurantId } }",
            "{ restaurantCatalogue(city: \"Lyon\") { id } }");

    private static final String ADMIN_WRITE =
            "mutation { updateTenants(update: { name: { set: \"Taken\" } }) { tenants { id } } }";

    static Stream<Arguments> reads() {
        return READS.stream().map(Arguments::of);
    }

    /** Every read returns an error or nothing at all: no node of any tenant. */
    private static void seesNothing(GraphQLResponse r, String query) {
        JsonNode data = r.data();
        if (data != null && !data.isNull()) {
            for (JsonNode field : data) {
                assertThat(field.isNull() || field.isEmpty())
                        .as("%s gave %s", query, data)
                        .isTrue();
            }
        }
    }

    private static Map<String, Object> claims(String tenant, List<String> roles, long exp) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "u-" + tenant + "-admin");
        claims.put("tenantId", tenant);
        claims.put("roles", roles);
        claims.put("exp", exp);
        return claims;
    }

    private static final List<String> ALL_ROLES = Seed.Role.ADMIN.claims;

    @ParameterizedTest(name = "{0}")
    @MethodSource("reads")
    void withoutATokenNothingIsRead(String query) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(stack.url()))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        MAPPER.writeValueAsString(Map.of("query", query))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode body = MAPPER.readTree(response.body());
        JsonNode data = body.get("data");
        if (data != null && !data.isNull()) {
            data.forEach(f -> assertThat(f.isNull() || f.isEmpty())
                    .as("%s gave %s", query, data)
                    .isTrue());
        }
        // every type and custom query has @authentication on reads: refused outright
        assertThat(body.path("errors").toString()).contains("Unauthenticated");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reads")
    void aTokenSignedByAnotherKeyReadsNothing(String query) {
        String forged =
                stack.stranger.sign(claims(ACME, ALL_ROLES, Instant.now().getEpochSecond() + 3600));
        seesNothing(stack.endpoint(forged).execute(query), query);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reads")
    void anExpiredTokenReadsNothing(String query) {
        String expired = stack.jwts.sign(claims(ACME, ALL_ROLES, Instant.now().getEpochSecond() - 120));
        seesNothing(stack.endpoint(expired).execute(query), query);
    }

    @Test
    void forgedAndExpiredAdminTokensWriteNothing() {
        String forged =
                stack.stranger.sign(claims(ACME, ALL_ROLES, Instant.now().getEpochSecond() + 3600));
        String expired = stack.jwts.sign(claims(ACME, ALL_ROLES, Instant.now().getEpochSecond() - 120));
        for (String jwt : List.of(forged, expired)) {
            GraphQLResponse r = stack.endpoint(jwt).execute(ADMIN_WRITE);
            assertThat(messages(r)).isEqualTo("Unauthenticated");
        }
        assertThat(value("MATCH (t:Tenant {id: 'acme'}) RETURN t.name")).isEqualTo("Acme Diners");
    }

    @Test
    void theSameTokenWithTheRightKeyIsAccepted() {
        // the control for the refusals above: same claims, the published key
        String good = stack.jwts.sign(claims(ACME, ALL_ROLES, Instant.now().getEpochSecond() + 3600));
        assertThat(stack.endpoint(good).execute("{ tenants { id } }").data().get("tenants"))
                .isEqualTo(json("[{'id':'acme'}]"));
        assertThat(stack.jwksRequests.get())
                .as("the library fetched the test's JWKS")
                .isPositive();
    }

    @Test
    void aTokenWithoutAnyRoleIsRefusedWhereARoleIsNeeded() {
        String noRole = stack.jwts.sign(claims(ACME, List.of(), Instant.now().getEpochSecond() + 3600));
        List<String> refused = new ArrayList<>();
        // every read field of the schema (see theQueryFieldsAreExactlyTheOnesTestedHere), and two writes
        List<String> queries = List.of(
                "{ tenants { id name } }",
                "{ tenantsConnection { totalCount } }",
                "{ restaurants { id } }",
                "{ restaurantsConnection { totalCount } }",
                "{ alerts { id } }",
                "{ alertsConnection { totalCount } }",
                "{ users { id email role } }",
                "{ usersConnection { totalCount } }",
                "{ preferences { tenantId notifyEmails } }",
                "{ preferencesConnection { totalCount } }",
                "{ alertStats(since: \"2020-01-01T00:00:00Z\") { restaurantId } }",
                "{ restaurantCatalogue(city: \"Lyon\") { id } }",
                ADMIN_WRITE,
                "mutation { acknowledgeAlert(alertId: \"a1\") { id } }");
        for (String query : queries) {
            GraphQLResponse r = stack.endpoint(noRole).execute(query);
            if (messages(r).equals("Unauthenticated")) {
                refused.add(query);
            }
            seesNothing(r, query);
        }
        assertThat(refused).containsExactlyElementsOf(queries);
        assertThat(count("MATCH (a:Alert {id: 'a1'}) WHERE a.acknowledgedAt IS NULL RETURN count(a)"))
                .isEqualTo(1);
    }

    @Test
    void aManagerTokenIsNotAnAdminToken() {
        String manager = stack.jwts.token("u-acme-manager", ACME, Seed.Role.MANAGER.claims);
        assertThat(messages(stack.endpoint(manager).execute(ADMIN_WRITE))).isEqualTo("Unauthenticated");
        assertThat(messages(stack.endpoint(manager)
                        .execute("mutation { createUsers(input: [{ tenantId: \"acme\","
                                + " email: \"x@acme.test\", role: ADMIN }]) { users { id } } }")))
                .isEqualTo("Unauthenticated");
        assertThat(count("MATCH (u:User {tenantId: 'acme'}) RETURN count(u)")).isEqualTo(3);
    }

    @Test
    void aTokenWithoutTenantClaimSeesNoTenantData() {
        Map<String, Object> claims = claims(ACME, ALL_ROLES, Instant.now().getEpochSecond() + 3600);
        claims.remove("tenantId");
        String jwt = stack.jwts.sign(claims);
        for (String query : List.of(
                "{ tenants { id } }",
                "{ alerts { id } }",
                "{ users { id } }",
                "{ restaurants { id } }",
                "{ preferences { tenantId } }")) {
            seesNothing(stack.endpoint(jwt).execute(query), query);
        }
    }

    // ---------------------------------------------------------------- the built schema

    @Test
    void theSchemaBuiltWithOnlyTheDocumentedWarning() {
        // the one warning the library gives is about types without subscription events (see the schema header)
        assertThat(stack.schemaWarnings)
                .containsExactly("'@subscriptionsAuthorization' not found on a type/field"
                        + " which has '@authorization' - subscriptions events are not subject to the authorization rules"
                        + " specified in '@authorization' directives.");
    }

    private static List<String> rootFields(String type) {
        String jwt = stack.jwts.token("u-acme-admin", ACME, ALL_ROLES);
        JsonNode fields = stack.endpoint(jwt)
                .execute("{ __schema { " + type + " { fields { name } } } }")
                .dataOrThrow()
                .at("/__schema/" + type + "/fields");
        List<String> names = new ArrayList<>();
        fields.forEach(f -> names.add(f.get("name").asText()));
        return names;
    }

    @Test
    void theQueryFieldsAreExactlyTheOnesTestedHere() {
        assertThat(rootFields("queryType"))
                .containsExactlyInAnyOrder(
                        "tenants",
                        "tenantsConnection",
                        "restaurants",
                        "restaurantsConnection",
                        "alerts",
                        "alertsConnection",
                        "users",
                        "usersConnection",
                        "preferences",
                        "preferencesConnection",
                        "alertStats",
                        "restaurantCatalogue");
    }

    @Test
    void theMutationFieldsAreExactlyTheOnesTestedHere() {
        // no create/delete of tenants, no mutation of restaurants or alerts but acknowledgeAlert
        assertThat(rootFields("mutationType"))
                .containsExactlyInAnyOrder(
                        "updateTenants",
                        "createUsers",
                        "deleteUsers",
                        "updateUsers",
                        "createPreferences",
                        "deletePreferences",
                        "updatePreferences",
                        "acknowledgeAlert");
    }

    @Test
    void theSubscriptionFieldsExistForAlertsOnly() {
        // Neo4j Community has no change data capture: the events cannot run here, only their schema is checked
        assertThat(rootFields("subscriptionType")).containsExactlyInAnyOrder("alertCreated", "alertUpdated");
    }
}
