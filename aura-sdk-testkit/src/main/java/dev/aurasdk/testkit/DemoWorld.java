package dev.aurasdk.testkit;

/**
 * The ids and credentials of the ready-made demo world a {@link FakeAuraServer} seeds by default (see
 * {@link FakeAuraServerBuilder#demoData(boolean)}). Stable across runs, so examples and docs can print them.
 *
 * <ul>
 *   <li>organization {@value #ORGANIZATION_ID} "Demo Org" with projects (= v1 tenants)
 *       {@value #PROJECT_ID} "Production" and {@value #STAGING_PROJECT_ID} "Staging";</li>
 *   <li>instances {@value #INSTANCE_ID} (enterprise-db, running) and {@value #FREE_INSTANCE_ID} (free-db) in
 *       Production, {@value #STAGING_INSTANCE_ID} (professional-db) in Staging;</li>
 *   <li>import models {@value #IMPORT_MODEL_ID} "Flights" (succeeds) and {@value #FAILING_IMPORT_MODEL_ID}
 *       "Customers (broken)" (fails half way).</li>
 * </ul>
 */
public final class DemoWorld {
    /** The demo client id. */
    public static final String CLIENT_ID = "demo-client-id";
    /** The demo client secret. */
    public static final String CLIENT_SECRET = "demo-client-secret";
    /** The demo organization. */
    public static final String ORGANIZATION_ID = "c4ea09e5-44b2-418e-9aae-0c98c37d1f38";
    /** The demo organization's name. */
    public static final String ORGANIZATION_NAME = "Demo Org";
    /** The "Production" project, also the v1 tenant id. */
    public static final String PROJECT_ID = "9aa289f6-1ccf-47c8-bc90-a0c3cecc82ac";
    /** The "Staging" project, also a v1 tenant id. */
    public static final String STAGING_PROJECT_ID = "da045ab3-3b89-4f45-8b96-528f2e47cd13";
    /** A running enterprise-db instance in Production (Data APIs and imports allowed). */
    public static final String INSTANCE_ID = "2f49c2b3";
    /** A free-db instance in Production (Data APIs refused). */
    public static final String FREE_INSTANCE_ID = "b51dc964";
    /** A professional-db instance in Staging. */
    public static final String STAGING_INSTANCE_ID = "432392ae";
    /** An import model whose jobs succeed (3 node and 3 relationship mappings). */
    public static final String IMPORT_MODEL_ID = "e01cdc6d-2f50-4f46-b04b-8ec8fc8de839";
    /** An import model whose jobs fail half way. */
    public static final String FAILING_IMPORT_MODEL_ID = "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b";
    /** A JWKS URL for demo Data API auth providers (the fake never fetches it). */
    public static final String JWKS_URL = "https://login.example.com/.well-known/jwks.json";
    /** A database user for creating demo Data APIs (the fake accepts any). */
    public static final String INSTANCE_USERNAME = "neo4j";
    /** A database password for creating demo Data APIs (the fake accepts any). */
    public static final String INSTANCE_PASSWORD = "demo-instance-password";

    private DemoWorld() {}
}
