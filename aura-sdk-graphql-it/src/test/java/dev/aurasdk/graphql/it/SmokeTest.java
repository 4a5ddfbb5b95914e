package dev.aurasdk.graphql.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.graphql.GraphQLResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SmokeTest {
    static RealStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = RealStack.start();
        Seed.reset(stack);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void smoke() {
        String t = stack.jwts.token("u-acme-manager", "acme", Seed.Role.ADMIN.claims);
        GraphQLResponse r = stack.endpoint(t).execute("{ restaurants { id name openAlertCount } alerts { id } tenants { id } alertStats(since: \"2026-03-01T00:00:00Z\") { restaurantId openAlerts acknowledgedAlerts criticalAlerts meanMinutesToAcknowledge } restaurantCatalogue(city: \"Lyon\") { id subscribed } users { id } preferences { tenantId notifyEmails quietHoursStart } }");
        System.out.println("WARN " + stack.schemaWarnings);
        System.out.println("RESP " + r.errors() + " " + r.data());
        assertThat(r.errors()).isEmpty();
    }
}
