package dev.aurasdk.graphql.it;

import static dev.aurasdk.graphql.it.Seed.ACME;
import static dev.aurasdk.graphql.it.Seed.other;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurasdk.graphql.GraphQLResponse;
import dev.aurasdk.graphql.it.Seed.Role;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Mutation field of the shipped schema, for every role and both tenants: the permitted role changes the
 * caller's tenant only (checked in the database), the others are refused and change nothing.
 */
class MutationsTest extends StackTest {

    @BeforeEach
    void reseed() {
        Seed.reset(stack);
    }

    private static String name(String tenant) {
        return (String) value("MATCH (t:Tenant {id: '" + tenant + "'}) RETURN t.name");
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("callers")
    void updateTenantsRenamesOnlyTheCallersTenantForAdmins(Role role, String tenant) {
        String query = "mutation { updateTenants(update: { name: { set: \"Renamed\" } }) { tenants { id name } } }";
        String otherName = name(other(tenant));
        if (!role.atLeast(Role.ADMIN)) {
            String before = name(tenant);
            refused(role, tenant, query);
            assertThat(name(tenant)).isEqualTo(before);
        } else {
            assertThat(ok(role, tenant, query).at("/updateTenants/tenants"))
                    .isEqualTo(json("[{'id':'" + tenant + "','name':'Renamed'}]"));
            assertThat(name(tenant)).isEqualTo("Renamed");
        }
        assertThat(name(other(tenant))).isEqualTo(otherName);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"acme", "bistro"})
    void subscribingWithoutEdgeOrSinceIsRejectedAndCreatesNothing(String tenant) {
        // since is DateTime! and not defaulted: the generated connect input requires edge, and edge requires since
        for (String connect : java.util.List.of(
                "{ where: { node: { id: { eq: \"r-delta\" } } } }",
                "{ where: { node: { id: { eq: \"r-delta\" } } }, edge: { plan: \"trial\" } }")) {
            GraphQLResponse r = call(
                    Role.ADMIN,
                    tenant,
                    "mutation { updateTenants(where: { id: { eq: \"" + tenant
                            + "\" } }, update: { restaurants: [{ connect: [" + connect
                            + "] }] }) { tenants { id } } }");
            // a GraphQL validation error names the missing required field: edge, then since
            assertThat(messages(r)).as(connect).contains(connect.contains("edge") ? "since" : "edge");
        }
        assertThat(count("MATCH (:Tenant)-[:SUBSCRIBES_TO]->(:Restaurant {id: 'r-delta'}) RETURN count(*)"))
                .isZero();
        assertThat(count("MATCH ()-[s:SUBSCRIBES_TO]->() WHERE s.since IS NULL RETURN count(s)"))
                .isZero();
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("callers")
    void updateTenantsSubscribesAndUnsubscribesForAdmins(Role role, String tenant) {
        String query = "mutation { updateTenants(where: { id: { eq: \"" + tenant + "\" } }, update: { restaurants: [{"
                + " connect: [{ where: { node: { id: { eq: \"r-delta\" } } }, edge: { since: \"2026-04-01T08:00:00Z\", plan: \"trial\" } }],"
                + " disconnect: [{ where: { node: { id: { eq: \"r-alpha\" } } } }] }] })"
                + " { tenants { restaurants(sort: [{ id: ASC }]) { id } restaurantsConnection(where: { node: { id:"
                + " { eq: \"r-delta\" } } }) { edges { properties { since plan } } } } } }";
        if (!role.atLeast(Role.ADMIN)) {
            // refused by the Tenant validate rule (a relationship field cannot carry @authentication)
            GraphQLResponse r = call(role, tenant, query);
            assertThat(messages(r)).isIn("Forbidden", "Unauthenticated");
            assertThat(count("MATCH (:Tenant {id: '" + tenant + "'})-[:SUBSCRIBES_TO]->(r) RETURN count(r)"))
                    .isEqualTo(2);
            assertThat(count("MATCH (:Tenant)-[:SUBSCRIBES_TO]->(:Restaurant {id: 'r-delta'}) RETURN count(*)"))
                    .isZero();
        } else {
            String kept = tenant.equals(ACME) ? "r-charlie" : "r-bravo";
            JsonNode updated = ok(role, tenant, query).at("/updateTenants/tenants/0");
            assertThat(updated.get("restaurants")).isEqualTo(json("[{'id':'" + kept + "'},{'id':'r-delta'}]"));
            assertThat(updated.at("/restaurantsConnection/edges"))
                    .isEqualTo(json("[{'properties':{'since':'2026-04-01T08:00:00.000Z','plan':'trial'}}]"));
            assertThat(
                            value(
                                    "MATCH (:Tenant {id: '" + tenant
                                            + "'})-[s:SUBSCRIBES_TO]->(:Restaurant {id: 'r-delta'})"
                                            + " RETURN coalesce(s.plan, '-') + '/' + coalesce(toString(s.since = datetime('2026-04-01T08:00:00Z')), '-')"))
                    .isEqualTo("trial/true");
            assertThat(count("MATCH (:Tenant {id: '" + tenant + "'})-[s:SUBSCRIBES_TO]->(:Restaurant {id: 'r-alpha'})"
                            + " RETURN count(s)"))
                    .isZero();
        }
        // the other tenant keeps its subscription to r-alpha and gains nothing
        assertThat(count("MATCH (:Tenant {id: '" + other(tenant) + "'})-[:SUBSCRIBES_TO]->(r) RETURN count(r)"))
                .isEqualTo(2);
        assertThat(count("MATCH (:Tenant {id: '" + other(tenant) + "'})-[:SUBSCRIBES_TO]->(:Restaurant {id: 'r-alpha'})"
                        + " RETURN count(*)"))
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("callers")
    void createUsersAddsAUserToTheCallersTenantForAdmins(Role role, String tenant) {
        String query = "mutation { createUsers(input: [{ tenantId: \"" + tenant + "\", email: \"new@" + tenant
                + ".test\", role: BASIC, displayName: \"New\", tenant: { connect: [{ where: { node: { id: { eq: \""
                + tenant
                + "\" } } } }] } }]) { users { id tenantId email role displayName createdAt tenant { id } } } }";
        long before = count("MATCH (u:User {tenantId: '" + tenant + "'}) RETURN count(u)");
        if (!role.atLeast(Role.ADMIN)) {
            refused(role, tenant, query);
            assertThat(count("MATCH (u:User {tenantId: '" + tenant + "'}) RETURN count(u)"))
                    .isEqualTo(before);
            return;
        }
        JsonNode user = ok(role, tenant, query).at("/createUsers/users/0");
        assertThat(user.get("id").asText()).isNotBlank();
        assertThat(user.get("createdAt").asText()).isNotBlank();
        assertThat(user.get("tenantId").asText()).isEqualTo(tenant);
        assertThat(user.get("tenant")).isEqualTo(json("[{'id':'" + tenant + "'}]"));
        assertThat(count("MATCH (u:User {tenantId: '" + tenant + "'}) RETURN count(u)"))
                .isEqualTo(before + 1);
        assertThat(count("MATCH (u:User {id: '" + user.get("id").asText() + "', email: 'new@" + tenant
                        + ".test'})-[:BELONGS_TO]->(:Tenant {id: '" + tenant
                        + "'}) WHERE u.createdAt IS NOT NULL RETURN count(u)"))
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("callers")
    void deleteUsersDeletesTheCallersUserForAdmins(Role role, String tenant) {
        String query = "mutation { deleteUsers(where: { id: { eq: \"u-" + tenant + "-basic\" } }) { nodesDeleted } }";
        if (!role.atLeast(Role.ADMIN)) {
            refused(role, tenant, query);
            assertThat(count("MATCH (u:User {id: 'u-" + tenant + "-basic'}) RETURN count(u)"))
                    .isEqualTo(1);
            return;
        }
        assertThat(ok(role, tenant, query).at("/deleteUsers/nodesDeleted").asInt())
                .isEqualTo(1);
        assertThat(count("MATCH (u:User {id: 'u-" + tenant + "-basic'}) RETURN count(u)"))
                .isZero();
        assertThat(count("MATCH (u:User {tenantId: '" + other(tenant) + "'}) RETURN count(u)"))
                .isEqualTo(other(tenant).equals(ACME) ? 3 : 2);
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("callers")
    void updateUsersChangesTheCallersUserForAdmins(Role role, String tenant) {
        String query = "mutation { updateUsers(where: { id: { eq: \"u-" + tenant + "-basic\" } }, update: {"
                + " displayName: { set: \"Promoted\" }, role: { set: MANAGER } }) { users { id displayName role } } }";
        if (!role.atLeast(Role.ADMIN)) {
            refused(role, tenant, query);
            assertThat(value("MATCH (u:User {id: 'u-" + tenant + "-basic'}) RETURN u.role"))
                    .isEqualTo("BASIC");
            return;
        }
        assertThat(ok(role, tenant, query).at("/updateUsers/users"))
                .isEqualTo(json("[{'id':'u-" + tenant + "-basic','displayName':'Promoted','role':'MANAGER'}]"));
        assertThat(value("MATCH (u:User {id: 'u-" + tenant + "-basic'}) RETURN u.displayName + '/' + u.role"))
                .isEqualTo("Promoted/MANAGER");
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("callers")
    void createPreferencesAddsPreferencesOfTheCallersTenantForAdmins(Role role, String tenant) {
        String query = "mutation { createPreferences(input: [{ tenantId: \"" + tenant + "\", minimumSeverity: INFO,"
                + " notifyEmails: [\"night@" + tenant + ".test\"], quietHoursStart: \"23:30:00\", tenant: { connect: [{"
                + " where: { node: { id: { eq: \"" + tenant + "\" } } } }] } }])"
                + " { preferences { tenantId minimumSeverity notifyEmails quietHoursStart updatedAt tenant { id } } } }";
        if (!role.atLeast(Role.ADMIN)) {
            refused(role, tenant, query);
            assertThat(count("MATCH (p:Preferences {tenantId: '" + tenant + "'}) RETURN count(p)"))
                    .isEqualTo(1);
            return;
        }
        JsonNode created = ok(role, tenant, query).at("/createPreferences/preferences/0");
        assertThat(created.get("updatedAt").asText()).isNotBlank();
        ((com.fasterxml.jackson.databind.node.ObjectNode) created).remove("updatedAt");
        assertThat(created)
                .isEqualTo(json("{'tenantId':'" + tenant + "','minimumSeverity':'INFO'," + "'notifyEmails':['night@"
                        + tenant + ".test'],'quietHoursStart':'23:30:00','tenant':[{'id':'" + tenant + "'}]}"));
        assertThat(count("MATCH (:Tenant {id: '" + tenant + "'})-[:HAS_PREFERENCES]->(p:Preferences {tenantId: '"
                        + tenant + "'}) RETURN count(p)"))
                .isEqualTo(2);
        assertThat(count("MATCH (p:Preferences {tenantId: '" + other(tenant) + "'}) RETURN count(p)"))
                .isEqualTo(1);
        assertThat(count("MATCH (:Tenant {id: '" + other(tenant) + "'})-[:HAS_PREFERENCES]->(p) RETURN count(p)"))
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("callers")
    void deletePreferencesDeletesOnlyTheCallersForAdmins(Role role, String tenant) {
        String query = "mutation { deletePreferences { nodesDeleted } }";
        if (!role.atLeast(Role.ADMIN)) {
            refused(role, tenant, query);
            assertThat(count("MATCH (p:Preferences) RETURN count(p)")).isEqualTo(2);
            return;
        }
        assertThat(ok(role, tenant, query).at("/deletePreferences/nodesDeleted").asInt())
                .isEqualTo(1);
        assertThat(count("MATCH (p:Preferences {tenantId: '" + tenant + "'}) RETURN count(p)"))
                .isZero();
        assertThat(count("MATCH (p:Preferences {tenantId: '" + other(tenant) + "'}) RETURN count(p)"))
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("callers")
    void updatePreferencesChangesOnlyTheCallersForAdmins(Role role, String tenant) {
        String query = "mutation { updatePreferences(update: { minimumSeverity: { set: INFO },"
                + " notifyEmails: { set: [\"new@" + tenant
                + ".test\"] } }) { preferences { tenantId minimumSeverity notifyEmails } } }";
        String otherBefore =
                (String) value("MATCH (p:Preferences {tenantId: '" + other(tenant) + "'}) RETURN p.minimumSeverity");
        if (!role.atLeast(Role.ADMIN)) {
            refused(role, tenant, query);
            assertThat(value("MATCH (p:Preferences {tenantId: '" + tenant + "'}) RETURN p.minimumSeverity"))
                    .isEqualTo(tenant.equals(ACME) ? "WARNING" : "CRITICAL");
        } else {
            assertThat(ok(role, tenant, query).at("/updatePreferences/preferences"))
                    .isEqualTo(json("[{'tenantId':'" + tenant + "','minimumSeverity':'INFO','notifyEmails':['new@"
                            + tenant + ".test']}]"));
            // @timestamp(operations: [CREATE, UPDATE]) moved updatedAt past the seeded value
            assertThat(count("MATCH (p:Preferences {tenantId: '" + tenant + "', minimumSeverity: 'INFO'})"
                            + " WHERE p.updatedAt > datetime('2026-01-03T00:00:00Z') RETURN count(p)"))
                    .isEqualTo(1);
        }
        assertThat(value("MATCH (p:Preferences {tenantId: '" + other(tenant) + "'}) RETURN p.minimumSeverity"))
                .isEqualTo(otherBefore);
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("callers")
    void acknowledgeAlertAcknowledgesAnOpenAlertOfTheCallersTenantForManagers(Role role, String tenant) {
        String alert = tenant.equals(ACME) ? "a1" : "b1";
        String query = "mutation { acknowledgeAlert(alertId: \"" + alert + "\", note: \"on it\")"
                + " { id tenantId acknowledgedBy note acknowledgedAt } }";
        if (!role.atLeast(Role.MANAGER)) {
            refused(role, tenant, query);
            assertThat(count("MATCH (a:Alert {id: '" + alert + "'}) WHERE a.acknowledgedAt IS NULL RETURN count(a)"))
                    .isEqualTo(1);
            return;
        }
        String sub = "u-" + tenant + "-" + role.name().toLowerCase(Locale.ROOT);
        JsonNode acked = ok(role, tenant, query).get("acknowledgeAlert");
        assertThat(acked.get("acknowledgedAt").asText()).isNotBlank();
        ((com.fasterxml.jackson.databind.node.ObjectNode) acked).remove("acknowledgedAt");
        assertThat(acked)
                .isEqualTo(json("{'id':'" + alert + "','tenantId':'" + tenant + "','acknowledgedBy':'" + sub
                        + "','note':'on it'}"));
        assertThat(value("MATCH (a:Alert {id: '" + alert + "'}) WHERE a.acknowledgedAt IS NOT NULL"
                        + " RETURN a.acknowledgedBy + '/' + a.note"))
                .isEqualTo(sub + "/on it");
        // already acknowledged: null, and the first acknowledgement stays
        assertThat(ok(role, tenant, query).get("acknowledgeAlert").isNull()).isTrue();
        // the open-alert count of the restaurant dropped by one for this tenant only (r-alpha: acme 1 -> 0, bistro 1 ->
        // 0)
        assertThat(count("MATCH (:Restaurant {id: 'r-alpha'})<-[:RAISED_AT]-(a:Alert) WHERE a.acknowledgedAt IS NULL"
                        + " RETURN count(a)"))
                .isEqualTo(1);
    }
}
