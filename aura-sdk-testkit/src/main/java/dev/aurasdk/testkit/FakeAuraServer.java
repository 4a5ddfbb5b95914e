package dev.aurasdk.testkit;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraCredentials;
import dev.aurasdk.testkit.internal.FakeServerCore;
import dev.aurasdk.testkit.internal.RateLimiter;
import dev.aurasdk.testkit.internal.ServerOptions;
import dev.aurasdk.testkit.internal.Settings;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stateful fake of the Neo4j Aura API on a local port, for tests of Aura clients (ours and our users').
 *
 * <p>It emulates the OAuth token endpoint (expiring tokens, request counting, bad credentials), tenants,
 * organizations and projects, instances, import jobs moving {@code Queued → Running → Completed}, GraphQL Data APIs
 * and their auth providers with Aura's status transitions and quirks, a fake GraphQL endpoint per Data API, the
 * error envelopes and status codes of the real API, and an {@code X-Request-Id} on every response. Controls: a
 * virtual {@link #clock()} and {@link StepMode step modes} so tests never sleep, {@link #fault() fault injection},
 * a {@link #journal() journal} of received requests, an optional rate limit, and an optional
 * {@link FakeAuraServerBuilder#contractChecked() contract check} against the official OpenAPI documents (shipped in the testkit
 * jar).
 *
 * <pre>{@code
 * try (FakeAuraServer aura = FakeAuraServer.builder().stepMode(StepMode.MANUAL).build().start()) {
 *     String base = aura.baseUrl();                      // http://127.0.0.1:<port>
 *     // point the client at base, with aura.clientId() / aura.clientSecret()
 *     // ... create an import job for DemoWorld.IMPORT_MODEL_ID on DemoWorld.INSTANCE_ID ...
 *     aura.advance(Duration.ofSeconds(10));              // the job completes
 *     assertThat(aura.tokenRequestCount()).isEqualTo(1);
 *     assertThat(aura.journal().count("GET", "/v2beta1/.+/import/jobs/.+")).isGreaterThan(0);
 * }
 * }</pre>
 *
 * <p>Each Data API's {@code url} points back at this server ({@code <baseUrl>/graphql-endpoints/<id>/graphql}),
 * which answers a GraphQL POST with a small deterministic {@code {"data":{"fakeAura":{...}}}} echoing the operation
 * name and the JWT's {@code tenantId} claim, when the request carries an {@code x-api-key} of an enabled api-key
 * provider of that API, or, if it has an enabled jwks provider, {@code Authorization: Bearer <JWT>}. <strong>The
 * JWT's payload is only base64url-decoded: its signature is NOT verified</strong> (only {@code exp} is checked,
 * against the fake clock), so tests can mint tokens without keys. Anything else is answered 401.
 *
 * <p>Thread-safe. Each instance binds its own port on 127.0.0.1.
 */
public final class FakeAuraServer implements AutoCloseable {
    private final FakeServerCore core;
    private final Settings settings;
    private final FakeClock clock;
    private final Seeder seeder;
    private final Faults faults;
    private final Journal journal;
    private VirtualTimeScheduler virtualScheduler; // guarded by this

    /** Use {@link #builder()}. */
    FakeAuraServer(ServerOptions options) {
        this.core =
                new FakeServerCore(options, new FakeClock(options.stepMode == StepMode.WALL_CLOCK, options.startTime));
        this.settings = core.settings;
        this.clock = core.clock;
        this.seeder = new Seeder(core.world);
        this.faults = new Faults(core.faultRegistry);
        this.journal = new Journal(core.journalStore);
        if (options.demoData) {
            seeder.demoWorld();
        }
    }

    /**
     * How this server validates Data API type definitions: {@link SchemaValidationMode#NEO4J_GRAPHQL_LIBRARY} when
     * built with {@link FakeAuraServerBuilder#realSchemaValidation(SchemaValidator)} and Node.js and the packages were found, else
     * {@link SchemaValidationMode#BUILT_IN} (the reason of a fallback is logged).
     *
     * @return the mode
     */
    public SchemaValidationMode schemaValidationMode() {
        return core.schemaValidationMode();
    }

    /**
     * A builder with the defaults: demo credentials and demo world, tokens valid for one hour, manual step mode,
     * one-second ticks, any free port, no rate limit, no contract check.
     *
     * @return a new builder
     */
    public static FakeAuraServerBuilder builder() {
        return new FakeAuraServerBuilder();
    }

    /**
     * A server with the defaults, not started yet.
     *
     * @return a new server
     */
    public static FakeAuraServer create() {
        return builder().build();
    }

    /**
     * Starts listening on 127.0.0.1.
     *
     * @return this server
     * @throws UncheckedIOException when the port cannot be bound
     * @throws IllegalStateException when already started
     */
    public synchronized FakeAuraServer start() {
        core.start();
        return this;
    }

    /** Stops listening and releases the port. Idempotent. */
    @Override
    public synchronized void close() {
        if (virtualScheduler != null) {
            virtualScheduler.shutdownNow();
            virtualScheduler = null;
        }
        core.stop();
    }

    /**
     * Whether the server is listening.
     *
     * @return true between {@link #start()} and {@link #close()}
     */
    public boolean isStarted() {
        return core.isStarted();
    }

    /**
     * The base URL to give a client in place of {@code https://api.neo4j.io}.
     *
     * @return e.g. {@code http://127.0.0.1:53211}, without a trailing slash
     * @throws IllegalStateException before {@link #start()}
     */
    public String baseUrl() {
        return core.baseUrl();
    }

    /**
     * The port listened on.
     *
     * @return the port
     * @throws IllegalStateException before {@link #start()}
     */
    public int port() {
        return core.port();
    }

    /**
     * The client id the token endpoint accepts.
     *
     * @return the client id
     */
    public String clientId() {
        return settings.clientId;
    }

    /**
     * The client secret the token endpoint accepts.
     *
     * @return the secret
     */
    public String clientSecret() {
        return settings.clientSecret;
    }

    /**
     * The lifetime of issued tokens.
     *
     * @return the {@code expires_in} of token responses
     */
    public Duration tokenTtl() {
        return settings.tokenTtl;
    }

    /**
     * Changes the lifetime of tokens issued from now on.
     *
     * @param ttl a positive duration (whole seconds are reported)
     * @return this server
     */
    public FakeAuraServer tokenTtl(Duration ttl) {
        settings.tokenTtl = ServerOptions.positive(ttl, "tokenTtl");
        return this;
    }

    /**
     * How many requests reached {@code /oauth/token}, whatever their outcome (faulted ones included).
     *
     * @return the count
     */
    public int tokenRequestCount() {
        return core.engine.tokenRequestCount();
    }

    /**
     * Issues a valid access token directly, without a token request (not counted), for tests that call the API
     * with a raw HTTP client.
     *
     * @return a bearer token valid for {@link #tokenTtl()} from now
     */
    public String issueToken() {
        return core.engine.issueToken(settings.clientId);
    }

    /** Revokes every token issued so far: they become unknown and are answered 401. */
    public void revokeTokens() {
        core.engine.revokeTokens();
    }

    /**
     * An {@link AuraClient.Builder} pointed at this server with its credentials, ready to
     * {@code build()} or to configure further. In {@link StepMode#MANUAL} and {@link StepMode#AUTO} the
     * client runs in the fake's virtual time: its clock is {@link #clock()}, its sleeper advances that
     * clock instead of sleeping (backoff, rate-limit waits, synchronous waits) and its asynchronous
     * waits run on a {@link VirtualTimeScheduler}, so tests and demos finish at once. In
     * {@link StepMode#WALL_CLOCK} the client uses real time. Retries keep their jitter; the client-side
     * rate limit is Aura's default.
     *
     * @return a client builder for this server
     * @throws IllegalStateException when the server is not started
     */
    public AuraClient.Builder clientBuilder() {
        AuraClient.Builder b = AuraClient.builder()
                .baseUrl(baseUrl())
                .credentials(AuraCredentials.of(clientId(), clientSecret()))
                .clock(clock);
        if (!clock.isWallClock()) {
            b.sleeper(d -> {
                if (!d.isNegative()) {
                    clock.advance(d);
                }
            });
            VirtualTimeScheduler scheduler = virtualTimeScheduler();
            b.scheduler(scheduler).addRequestListener(scheduler.requestTracker());
        }
        return b;
    }

    /**
     * The scheduler that runs scheduled tasks in due order, moving this server's clock to each one's due
     * time once the requests in flight are answered (shared by every client from {@link #clientBuilder()};
     * stopped by {@link #close()}).
     *
     * @return the scheduler
     */
    public synchronized VirtualTimeScheduler virtualTimeScheduler() {
        if (virtualScheduler == null) {
            virtualScheduler = new VirtualTimeScheduler(clock);
        }
        return virtualScheduler;
    }

    /**
     * The fake's clock.
     *
     * @return the clock
     */
    public FakeClock clock() {
        return clock;
    }

    /**
     * Moves the clock forward: tokens expire, rate-limit windows pass, resources advance (one tick per
     * {@link FakeAuraServerBuilder#tick(Duration)}).
     *
     * @param amount a non-negative duration
     * @return this server
     */
    public FakeAuraServer advance(Duration amount) {
        clock.advance(amount);
        return this;
    }

    /**
     * The step mode.
     *
     * @return how resources advance
     */
    public StepMode stepMode() {
        return settings.stepMode;
    }

    /**
     * Switches between {@link StepMode#MANUAL} and {@link StepMode#AUTO}.
     *
     * @param mode MANUAL or AUTO
     * @return this server
     * @throws IllegalArgumentException when switching into or out of WALL_CLOCK (choose that in the builder)
     */
    public FakeAuraServer stepMode(StepMode mode) {
        if ((mode == StepMode.WALL_CLOCK) != clock.isWallClock()) {
            throw new IllegalArgumentException("WALL_CLOCK can only be chosen when building the server");
        }
        settings.stepMode = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /**
     * The duration of one tick.
     *
     * @return the tick
     */
    public Duration tick() {
        return settings.tick;
    }

    /**
     * Seeds organizations, projects, instances and import models.
     *
     * @return the seeder
     */
    public Seeder seed() {
        return seeder;
    }

    /**
     * Fault injection.
     *
     * @return the fault rules
     */
    public Faults fault() {
        return faults;
    }

    /**
     * The requests received so far.
     *
     * @return the journal
     */
    public Journal journal() {
        return journal;
    }

    /**
     * Turns on a rate limit of {@code limit} API requests per {@code window} per client id (the token endpoint
     * excluded), answered 429 with {@code Retry-After} in seconds.
     *
     * @param limit requests per window
     * @param window the sliding window, on the fake's clock
     * @return this server
     */
    public FakeAuraServer rateLimit(int limit, Duration window) {
        settings.rateLimiter = new RateLimiter(limit, window);
        return this;
    }

    /**
     * Turns the API rate limit off.
     *
     * @return this server
     */
    public FakeAuraServer noRateLimit() {
        settings.rateLimiter = null;
        return this;
    }

    /**
     * Whether requests and responses are checked against the OpenAPI documents.
     *
     * @return true when built with {@link FakeAuraServerBuilder#contractChecked()}
     */
    public boolean isContractChecked() {
        return core.engine.contractChecked();
    }

    /**
     * Where the OpenAPI documents of the contract check were read: the folder of the copies shipped in the testkit
     * jar (a {@code jar:} URI, or a {@code file:} URI when the testkit's classes are a folder), or the folder given
     * with {@link FakeAuraServerBuilder#openApiDirectory(Path)} or {@code -Daura.openapi.dir}.
     *
     * @return the location, empty when the check is off
     */
    public Optional<URI> contractDocuments() {
        return core.contractDocuments();
    }

    /**
     * The contract violations found so far (always empty when the check is off). {@link FakeAuraExtension} fails
     * the test when any remain at its end.
     *
     * @return a snapshot, in order of discovery
     */
    public List<ContractViolation> contractViolations() {
        return core.engine.violations();
    }

    /** Forgets the contract violations found so far (e.g. after asserting on deliberate ones). */
    public void clearContractViolations() {
        core.engine.clearViolations();
    }

    /**
     * Describes the server.
     *
     * @return base URL (or "not started") and mode
     */
    @Override
    public String toString() {
        return "FakeAuraServer[" + (core.isStarted() ? settings.baseUrl : "not started") + ", " + settings.stepMode
                + "]";
    }
}
