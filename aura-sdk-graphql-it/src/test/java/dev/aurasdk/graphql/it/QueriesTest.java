package dev.aurasdk.graphql.it;

import static dev.aurasdk.graphql.it.Seed.ACME;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurasdk.graphql.it.Seed.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Query field of the shipped schema, for every role and both tenants, on the seeded data. The expected
 * values are worked out by hand from the table in {@link Seed}.
 */
class QueriesTest extends StackTest {

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("callers")
    void tenantsShowsOnlyTheCallersTenantWithItsOwnRelations(Role role, String tenant) {
        // every role reads its tenant and subscriptions; users and preferences (emails) are the admins' only
        assertThat(ok(role, tenant, "{ tenants { id name restaurants(sort: [{ id: ASC }]) { id } } }")
                        .get("tenants"))
                .isEqualTo(
                        tenant.equals(ACME)
                                ? json(
                                        "[{'id':'acme','name':'Acme Diners','restaurants':[{'id':'r-alpha'},{'id':'r-charlie'}]}]")
                                : json(
                                        "[{'id':'bistro','name':'Bistro Group','restaurants':[{'id':'r-alpha'},{'id':'r-bravo'}]}]"));
        String withAdminData = "{ tenants { id name restaurants(sort: [{ id: ASC }]) { id }"
                + " users(sort: [{ id: ASC }]) { id } preferences { minimumSeverity } } }";
        if (!role.atLeast(Role.ADMIN)) {
            refused(role, tenant, withAdminData);
            refused(role, tenant, "{ tenants { users { email } } }");
            refused(role, tenant, "{ tenants { preferences { notifyEmails } } }");
            return;
        }
        JsonNode data = ok(role, tenant, withAdminData);
        assertThat(data.get("tenants"))
                .isEqualTo(
                        tenant.equals(ACME)
                                ? json(
                                        "[{'id':'acme','name':'Acme Diners','restaurants':[{'id':'r-alpha'},{'id':'r-charlie'}],"
                                                + "'users':[{'id':'u-acme-admin'},{'id':'u-acme-basic'},{'id':'u-acme-manager'}],"
                                                + "'preferences':[{'minimumSeverity':'WARNING'}]}]")
                                : json(
                                        "[{'id':'bistro','name':'Bistro Group','restaurants':[{'id':'r-alpha'},{'id':'r-bravo'}],"
                                                + "'users':[{'id':'u-bistro-admin'},{'id':'u-bistro-basic'}],"
                                                + "'preferences':[{'minimumSeverity':'CRITICAL'}]}]"));
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("callers")
    void tenantsConnectionCountsOneTenant(Role role, String tenant) {
        JsonNode data = ok(role, tenant, "{ tenantsConnection { totalCount edges { node { id } } } }");
        assertThat(data.get("tenantsConnection"))
                .isEqualTo(json("{'totalCount':1,'edges':[{'node':{'id':'" + tenant + "'}}]}"));
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("callers")
    void restaurantsAreTheSubscribedOnesWithTheTenantsOwnOpenAlertCountAlertsAndSubscription(Role role, String tenant) {
        JsonNode data = ok(
                role,
                tenant,
                "{ restaurants(sort: [{ name: ASC }]) { id name city openAlertCount subscribedByCaller"
                        + " alerts(sort: [{ id: ASC }]) { id } subscribersConnection { edges { properties { plan } node { id } } } } }");
        // openAlertCount: alerts of the caller's tenant at that restaurant with no acknowledgedAt (a1 | a4; b1 | b3,
        // b4)
        assertThat(data.get("restaurants"))
                .isEqualTo(
                        tenant.equals(ACME)
                                ? json(
                                        "[{'id':'r-alpha','name':'Alpha Grill','city':'Lyon','openAlertCount':1,'subscribedByCaller':true,"
                                                + "'alerts':[{'id':'a1'},{'id':'a2'}],"
                                                + "'subscribersConnection':{'edges':[{'properties':{'plan':'pro'},'node':{'id':'acme'}}]}},"
                                                + "{'id':'r-charlie','name':'Charlie Sushi','city':'Paris','openAlertCount':1,'subscribedByCaller':true,"
                                                + "'alerts':[{'id':'a3'},{'id':'a4'}],"
                                                + "'subscribersConnection':{'edges':[{'properties':{'plan':'basic'},'node':{'id':'acme'}}]}}]")
                                : json(
                                        "[{'id':'r-alpha','name':'Alpha Grill','city':'Lyon','openAlertCount':1,'subscribedByCaller':true,"
                                                + "'alerts':[{'id':'b1'}],"
                                                + "'subscribersConnection':{'edges':[{'properties':{'plan':'basic'},'node':{'id':'bistro'}}]}},"
                                                + "{'id':'r-bravo','name':'Bravo Pizza','city':'Lyon','openAlertCount':2,'subscribedByCaller':true,"
                                                + "'alerts':[{'id':'b2'},{'id':'b3'},{'id':'b4'}],"
                                                + "'subscribersConnection':{'edges':[{'properties':{'plan':'pro'},'node':{'id':'bistro'}}]}}]"));
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("callers")
    void restaurantsConnectionCountsTheSubscribedRestaurants(Role role, String tenant) {
        JsonNode data =
                ok(role, tenant, "{ restaurantsConnection(sort: [{ id: ASC }]) { totalCount edges { node { id } } } }");
        assertThat(data.get("restaurantsConnection"))
                .isEqualTo(
                        tenant.equals(ACME)
                                ? json(
                                        "{'totalCount':2,'edges':[{'node':{'id':'r-alpha'}},{'node':{'id':'r-charlie'}}]}")
                                : json(
                                        "{'totalCount':2,'edges':[{'node':{'id':'r-alpha'}},{'node':{'id':'r-bravo'}}]}"));
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("callers")
    void alertsAreTheTenantsOwn(Role role, String tenant) {
        JsonNode data = ok(
                role,
                tenant,
                "{ alerts(sort: [{ id: ASC }]) { id tenantId severity acknowledgedBy" + " restaurant { id } } }");
        assertThat(data.get("alerts"))
                .isEqualTo(
                        tenant.equals(ACME)
                                ? json(
                                        "[{'id':'a1','tenantId':'acme','severity':'CRITICAL','acknowledgedBy':null,'restaurant':[{'id':'r-alpha'}]},"
                                                + "{'id':'a2','tenantId':'acme','severity':'WARNING','acknowledgedBy':'u-acme-manager','restaurant':[{'id':'r-alpha'}]},"
                                                + "{'id':'a3','tenantId':'acme','severity':'INFO','acknowledgedBy':'u-acme-manager','restaurant':[{'id':'r-charlie'}]},"
                                                + "{'id':'a4','tenantId':'acme','severity':'CRITICAL','acknowledgedBy':null,'restaurant':[{'id':'r-charlie'}]}]")
                                : json(
                                        "[{'id':'b1','tenantId':'bistro','severity':'WARNING','acknowledgedBy':null,'restaurant':[{'id':'r-alpha'}]},"
                                                + "{'id':'b2','tenantId':'bistro','severity':'CRITICAL','acknowledgedBy':'u-bistro-manager','restaurant':[{'id':'r-bravo'}]},"
                                                + "{'id':'b3','tenantId':'bistro','severity':'CRITICAL','acknowledgedBy':null,'restaurant':[{'id':'r-bravo'}]},"
                                                + "{'id':'b4','tenantId':'bistro','severity':'INFO','acknowledgedBy':null,'restaurant':[{'id':'r-bravo'}]}]"));
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("callers")
    void alertsConnectionCountsCriticalAlertsOfTheTenant(Role role, String tenant) {
        JsonNode data = ok(
                role,
                tenant,
                "{ alertsConnection(where: { severity: { eq: CRITICAL } }, sort: [{ id: ASC }])"
                        + " { totalCount edges { node { id } } } }");
        assertThat(data.get("alertsConnection"))
                .isEqualTo(
                        tenant.equals(ACME)
                                ? json("{'totalCount':2,'edges':[{'node':{'id':'a1'}},{'node':{'id':'a4'}}]}")
                                : json("{'totalCount':2,'edges':[{'node':{'id':'b2'}},{'node':{'id':'b3'}}]}"));
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("callers")
    void usersAreTheTenantsOwnForAdminsOnly(Role role, String tenant) {
        String query = "{ users(sort: [{ id: ASC }]) { id tenantId email role tenant { id } } }";
        if (!role.atLeast(Role.ADMIN)) {
            refused(role, tenant, query); // admins only
            return;
        }
        JsonNode data = ok(role, tenant, query);
        assertThat(data.get("users"))
                .isEqualTo(
                        tenant.equals(ACME)
                                ? json(
                                        "[{'id':'u-acme-admin','tenantId':'acme','email':'admin@acme.test','role':'ADMIN','tenant':[{'id':'acme'}]},"
                                                + "{'id':'u-acme-basic','tenantId':'acme','email':'basic@acme.test','role':'BASIC','tenant':[{'id':'acme'}]},"
                                                + "{'id':'u-acme-manager','tenantId':'acme','email':'manager@acme.test','role':'MANAGER','tenant':[{'id':'acme'}]}]")
                                : json(
                                        "[{'id':'u-bistro-admin','tenantId':'bistro','email':'admin@bistro.test','role':'ADMIN','tenant':[{'id':'bistro'}]},"
                                                + "{'id':'u-bistro-basic','tenantId':'bistro','email':'basic@bistro.test','role':'BASIC','tenant':[{'id':'bistro'}]}]"));
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("callers")
    void usersConnectionCountsTheTenantsUsers(Role role, String tenant) {
        String query = "{ usersConnection { totalCount } }";
        if (!role.atLeast(Role.ADMIN)) {
            refused(role, tenant, query); // admins only
            return;
        }
        JsonNode data = ok(role, tenant, query);
        assertThat(data.at("/usersConnection/totalCount").asInt()).isEqualTo(tenant.equals(ACME) ? 3 : 2);
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("callers")
    void preferencesAreTheTenantsOwnForAdminsOnly(Role role, String tenant) {
        String query = "{ preferences { tenantId minimumSeverity notifyEmails quietHoursStart"
                + " quietHoursEnd timezone updatedAt } }";
        if (!role.atLeast(Role.ADMIN)) {
            refused(role, tenant, query); // admins only
            return;
        }
        JsonNode data = ok(role, tenant, query);
        assertThat(data.get("preferences"))
                .isEqualTo(
                        tenant.equals(ACME)
                                ? json(
                                        "[{'tenantId':'acme','minimumSeverity':'WARNING','notifyEmails':['ops@acme.test'],"
                                                + "'quietHoursStart':'22:00:00','quietHoursEnd':'06:00:00','timezone':'Europe/Paris',"
                                                + "'updatedAt':'2026-01-01T00:00:00.000Z'}]")
                                : json(
                                        "[{'tenantId':'bistro','minimumSeverity':'CRITICAL',"
                                                + "'notifyEmails':['alerts@bistro.test','chef@bistro.test'],'quietHoursStart':null,"
                                                + "'quietHoursEnd':null,'timezone':'Europe/London','updatedAt':'2026-01-02T00:00:00.000Z'}]"));
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("callers")
    void preferencesConnectionCountsOne(Role role, String tenant) {
        String query = "{ preferencesConnection { totalCount edges { node { tenantId } } } }";
        if (!role.atLeast(Role.ADMIN)) {
            refused(role, tenant, query); // admins only
            return;
        }
        JsonNode data = ok(role, tenant, query);
        assertThat(data.get("preferencesConnection"))
                .isEqualTo(json("{'totalCount':1,'edges':[{'node':{'tenantId':'" + tenant + "'}}]}"));
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("callers")
    void alertStatsAreRightForManagersAndRefusedToBasicUsers(Role role, String tenant) {
        String query = "{ alertStats(since: \"" + Seed.STATS_SINCE + "\") { restaurantId restaurantName openAlerts"
                + " acknowledgedAlerts criticalAlerts meanMinutesToAcknowledge } }";
        if (!role.atLeast(Role.MANAGER)) {
            refused(role, tenant, query);
            return;
        }
        // Since 2026-03-01 (a4 is older). acme: r-alpha a1 open CRITICAL, a2 acked after 30 min; r-charlie a3
        // acked after 90 min. bistro: r-bravo b2 CRITICAL acked after 10 min, b3 open CRITICAL, b4 open;
        // r-alpha b1 open. Ordered by open alerts, then name.
        assertThat(ok(role, tenant, query).get("alertStats"))
                .isEqualTo(
                        tenant.equals(ACME)
                                ? json(
                                        "[{'restaurantId':'r-alpha','restaurantName':'Alpha Grill','openAlerts':1,'acknowledgedAlerts':1,"
                                                + "'criticalAlerts':1,'meanMinutesToAcknowledge':30},"
                                                + "{'restaurantId':'r-charlie','restaurantName':'Charlie Sushi','openAlerts':0,'acknowledgedAlerts':1,"
                                                + "'criticalAlerts':0,'meanMinutesToAcknowledge':90}]")
                                : json(
                                        "[{'restaurantId':'r-bravo','restaurantName':'Bravo Pizza','openAlerts':2,'acknowledgedAlerts':1,"
                                                + "'criticalAlerts':2,'meanMinutesToAcknowledge':10},"
                                                + "{'restaurantId':'r-alpha','restaurantName':'Alpha Grill','openAlerts':1,'acknowledgedAlerts':0,"
                                                + "'criticalAlerts':0,'meanMinutesToAcknowledge':null}]"));
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("callers")
    void restaurantCatalogueMarksTheTenantsSubscriptionsForAdminsOnly(Role role, String tenant) {
        String query = "{ restaurantCatalogue(city: \"Lyon\") { id name city subscribed } }";
        if (!role.atLeast(Role.ADMIN)) {
            refused(role, tenant, query);
            return;
        }
        // Lyon: Alpha (both subscribe), Bravo (bistro), Delta (nobody); by name.
        assertThat(ok(role, tenant, query).get("restaurantCatalogue"))
                .isEqualTo(json("[{'id':'r-alpha','name':'Alpha Grill','city':'Lyon','subscribed':true},"
                        + "{'id':'r-bravo','name':'Bravo Pizza','city':'Lyon','subscribed':" + !tenant.equals(ACME)
                        + "},"
                        + "{'id':'r-delta','name':'Delta Tacos','city':'Lyon','subscribed':false}]"));
    }
}
