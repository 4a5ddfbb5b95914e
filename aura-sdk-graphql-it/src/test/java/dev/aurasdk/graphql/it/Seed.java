package dev.aurasdk.graphql.it;

import java.util.List;

/**
 * The seeded world, and what each tenant must see of it: every expected value in the tests is derived by hand
 * from this data (see the comments), not by running the schema's Cypher.
 *
 * <pre>
 * Restaurants (shared catalogue)     subscribers (plan)
 *   r-alpha   Alpha Grill    Lyon    acme (pro), bistro (basic)
 *   r-bravo   Bravo Pizza    Lyon    bistro (pro)
 *   r-charlie Charlie Sushi  Paris   acme (basic)
 *   r-delta   Delta Tacos    Lyon    nobody
 *
 * Alerts (one node per tenant)  restaurant  severity  raisedAt          acknowledgedAt
 *   a1  acme     r-alpha   CRITICAL  2026-03-01T10:00Z  open
 *   a2  acme     r-alpha   WARNING   2026-03-01T11:00Z  2026-03-01T11:30Z (30 min)
 *   a3  acme     r-charlie INFO      2026-03-02T09:00Z  2026-03-02T10:30Z (90 min)
 *   a4  acme     r-charlie CRITICAL  2026-02-01T08:00Z  open (before the stats window)
 *   b1  bistro   r-alpha   WARNING   2026-03-01T12:00Z  open
 *   b2  bistro   r-bravo   CRITICAL  2026-03-03T12:00Z  2026-03-03T12:10Z (10 min)
 *   b3  bistro   r-bravo   CRITICAL  2026-03-04T00:00Z  open
 *   b4  bistro   r-bravo   INFO      2026-03-05T00:00Z  open
 * </pre>
 */
final class Seed {
    static final String ACME = "acme";
    static final String BISTRO = "bistro";
    static final String STATS_SINCE = "2026-03-01T00:00:00Z";

    private Seed() {}

    static final String CYPHER = String.join(
            "\n",
            "CREATE (acme:Tenant {id: 'acme', name: 'Acme Diners'})",
            "CREATE (bistro:Tenant {id: 'bistro', name: 'Bistro Group'})",
            "CREATE (alpha:Restaurant {id: 'r-alpha', name: 'Alpha Grill', city: 'Lyon', address: '1 Rue A'})",
            "CREATE (bravo:Restaurant {id: 'r-bravo', name: 'Bravo Pizza', city: 'Lyon', address: '2 Rue B'})",
            "CREATE (charlie:Restaurant {id: 'r-charlie', name: 'Charlie Sushi', city: 'Paris'})",
            "CREATE (delta:Restaurant {id: 'r-delta', name: 'Delta Tacos', city: 'Lyon'})",
            "CREATE (acme)-[:SUBSCRIBES_TO {since: datetime('2026-01-10T00:00:00Z'), plan: 'pro'}]->(alpha)",
            "CREATE (acme)-[:SUBSCRIBES_TO {since: datetime('2026-01-11T00:00:00Z'), plan: 'basic'}]->(charlie)",
            "CREATE (bistro)-[:SUBSCRIBES_TO {since: datetime('2026-01-12T00:00:00Z'), plan: 'basic'}]->(alpha)",
            "CREATE (bistro)-[:SUBSCRIBES_TO {since: datetime('2026-01-13T00:00:00Z'), plan: 'pro'}]->(bravo)",
            alert("a1", ACME, "alpha", "CRITICAL", "2026-03-01T10:00:00Z", null),
            alert("a2", ACME, "alpha", "WARNING", "2026-03-01T11:00:00Z", "2026-03-01T11:30:00Z"),
            alert("a3", ACME, "charlie", "INFO", "2026-03-02T09:00:00Z", "2026-03-02T10:30:00Z"),
            alert("a4", ACME, "charlie", "CRITICAL", "2026-02-01T08:00:00Z", null),
            alert("b1", BISTRO, "alpha", "WARNING", "2026-03-01T12:00:00Z", null),
            alert("b2", BISTRO, "bravo", "CRITICAL", "2026-03-03T12:00:00Z", "2026-03-03T12:10:00Z"),
            alert("b3", BISTRO, "bravo", "CRITICAL", "2026-03-04T00:00:00Z", null),
            alert("b4", BISTRO, "bravo", "INFO", "2026-03-05T00:00:00Z", null),
            user("u-acme-basic", ACME, "basic@acme.test", "BASIC"),
            user("u-acme-manager", ACME, "manager@acme.test", "MANAGER"),
            user("u-acme-admin", ACME, "admin@acme.test", "ADMIN"),
            user("u-bistro-basic", BISTRO, "basic@bistro.test", "BASIC"),
            user("u-bistro-admin", BISTRO, "admin@bistro.test", "ADMIN"),
            "CREATE (acme)-[:HAS_PREFERENCES]->(:Preferences {tenantId: 'acme', minimumSeverity: 'WARNING',"
                    + " notifyEmails: ['ops@acme.test'], quietHoursStart: localtime('22:00'),"
                    + " quietHoursEnd: localtime('06:00'), timezone: 'Europe/Paris',"
                    + " updatedAt: datetime('2026-01-01T00:00:00Z')})",
            "CREATE (bistro)-[:HAS_PREFERENCES]->(:Preferences {tenantId: 'bistro', minimumSeverity: 'CRITICAL',"
                    + " notifyEmails: ['alerts@bistro.test', 'chef@bistro.test'], timezone: 'Europe/London',"
                    + " updatedAt: datetime('2026-01-02T00:00:00Z')})");

    private static String alert(
            String id, String tenant, String restaurant, String severity, String raised, String acknowledged) {
        return "CREATE (:Alert {id: '" + id + "', tenantId: '" + tenant + "', severity: '" + severity
                + "', message: 'alert " + id + "', raisedAt: datetime('" + raised + "')"
                + (acknowledged == null
                        ? ""
                        : ", acknowledgedAt: datetime('" + acknowledged + "'), acknowledgedBy: 'u-" + tenant
                                + "-manager'")
                + "})-[:RAISED_AT]->(" + restaurant + ")";
    }

    private static String user(String id, String tenant, String email, String role) {
        return "CREATE (:User {id: '" + id + "', tenantId: '" + tenant + "', email: '" + email
                + "', displayName: '" + id + "', role: '" + role + "', createdAt: datetime('2026-01-05T00:00:00Z')})"
                + "-[:BELONGS_TO]->(" + tenant + ")";
    }

    /** Empties the database and seeds the world again. */
    static void reset(RealStack stack) {
        stack.cypher("MATCH (n) DETACH DELETE n");
        stack.cypher(CYPHER);
    }

    /** The other tenant. */
    static String other(String tenant) {
        return tenant.equals(ACME) ? BISTRO : ACME;
    }

    /** The roles claim of each permission level (cumulative, as the schema documents). */
    enum Role {
        BASIC(List.of("basic")),
        MANAGER(List.of("basic", "manager")),
        ADMIN(List.of("basic", "manager", "admin"));

        final List<String> claims;

        Role(List<String> claims) {
            this.claims = claims;
        }

        boolean atLeast(Role other) {
            return ordinal() >= other.ordinal();
        }
    }
}
