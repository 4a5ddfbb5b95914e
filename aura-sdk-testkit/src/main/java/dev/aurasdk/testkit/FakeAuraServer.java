package dev.aurasdk.testkit;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraCredentials;
import dev.aurasdk.testkit.internal.ContractChecker;
import dev.aurasdk.testkit.internal.Engine;
import dev.aurasdk.testkit.internal.FaultRegistry;
import dev.aurasdk.testkit.internal.JournalStore;
import dev.aurasdk.testkit.internal.NoDelayServerSockets;
import dev.aurasdk.testkit.internal.OpenApiDocuments;
import dev.aurasdk.testkit.internal.RateLimiter;
import dev.aurasdk.testkit.internal.Settings;
import dev.aurasdk.testkit.internal.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stateful fake of the Neo4j Aura API on a local port, for tests of Aura clients (ours and our users').
 *
 * <p>It emulates the OAuth token endpoint (expiring tokens, request counting, bad credentials), tenants,
 * organizations and projects, instances, import jobs moving {@code Queued → Running → Completed}, GraphQL Data APIs
 * and their auth providers with Aura's status transitions and quirks, a fake GraphQL endpoint per Data API, the
 * error envelopes and status codes of the real API, and an {@code X-Request-Id} on every response. Controls: a
 * virtual {@link #clock()} and {@link StepMode step modes} so tests never sleep, {@link #fault() fault injection},
 * a {@link #journal() journal} of received requests, an optional rate limit, and an optional
 * {@link Builder#contractChecked() contract check} against the official OpenAPI documents (shipped in the testkit
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
    private VirtualTimeScheduler virtualScheduler;
    private final Settings settings;
    private final int requestedPort;
    private final FakeClock clock;
    private final World world = new World();
    private final FaultRegistry faultRegistry = new FaultRegistry();
    private final JournalStore journalStore = new JournalStore();
    private final Engine engine;
    private final Seeder seeder;
    private final Faults faults;
    private final Journal journal;
    private final URI contractDocuments;
    private MockWebServer server;
    private final SchemaValidationMode schemaValidationMode;

    private FakeAuraServer(Builder b) {
        this.settings = new Settings();
        settings.clientId = b.clientId;
        settings.clientSecret = b.clientSecret;
        settings.tokenTtl = b.tokenTtl;
        settings.stepMode = b.stepMode;
        settings.tick = b.tick;
        settings.dataApiTransitionTicks = b.dataApiTransitionTicks;
        settings.rateLimiter = b.rateLimit == null ? null : new RateLimiter(b.rateLimit, b.rateWindow);
        settings.tokenRateLimiter =
                b.tokenRateLimit == null ? null : new RateLimiter(b.tokenRateLimit, b.tokenRateWindow);
        this.requestedPort = b.port;
        this.clock = new FakeClock(b.stepMode == StepMode.WALL_CLOCK, b.startTime);
        ContractChecker checker = null;
        URI documents = null;
        if (b.contractChecked) {
            OpenApiDocuments loaded = OpenApiDocuments.load(b.openApiDir);
            documents = loaded.location();
            checker = ContractChecker.forDocuments(loaded);
        }
        this.contractDocuments = documents;
        this.engine = new Engine(world, settings, clock, faultRegistry, journalStore, checker);
        this.seeder = new Seeder(world);
        this.faults = new Faults(faultRegistry);
        this.journal = new Journal(journalStore);
        if (b.demoData) {
            seeder.demoWorld();
        }
        this.schemaValidationMode = schemaValidation(b.schemaValidator);
    }

    private SchemaValidationMode schemaValidation(SchemaValidator validator) {
        if (validator == null) {
            return SchemaValidationMode.BUILT_IN;
        }
        Logger log = LoggerFactory.getLogger("dev.aurasdk.testkit");
        if (!validator.isAvailable()) {
            log.warn(
                    "FakeAuraServer validates type definitions with its built-in check: the Neo4j GraphQL Library"
                            + " is not available ({})",
                    validator.unavailableReason().orElse("?"));
            return SchemaValidationMode.BUILT_IN;
        }
        settings.typeDefinitionsCheck = sdl -> {
            SchemaValidation v = validator.validate(sdl);
            return v.isValid() ? Optional.empty() : Optional.of(v.message());
        };
        log.info(
                "FakeAuraServer validates type definitions with the Neo4j GraphQL Library {} on Node.js {}",
                SchemaValidator.LIBRARY_VERSION,
                validator.nodeVersion().orElse("?"));
        return SchemaValidationMode.NEO4J_GRAPHQL_LIBRARY;
    }

    /**
     * How this server validates Data API type definitions: {@link SchemaValidationMode#NEO4J_GRAPHQL_LIBRARY} when
     * built with {@link Builder#realSchemaValidation(SchemaValidator)} and Node.js and the packages were found, else
     * {@link SchemaValidationMode#BUILT_IN} (the reason of a fallback is logged).
     *
     * @return the mode
     */
    public SchemaValidationMode schemaValidationMode() {
        return schemaValidationMode;
    }

    /**
     * A builder with the defaults: demo credentials and demo world, tokens valid for one hour, manual step mode,
     * one-second ticks, any free port, no rate limit, no contract check.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
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
        if (server != null) {
            throw new IllegalStateException("Already started");
        }
        MockWebServer s = new MockWebServer();
        s.setDispatcher(engine);
        s.setServerSocketFactory(new NoDelayServerSockets());
        try {
            s.start(InetAddress.getByName("127.0.0.1"), requestedPort);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the fake Aura server on port " + requestedPort, e);
        }
        server = s;
        settings.baseUrl = "http://127.0.0.1:" + s.getPort();
        return this;
    }

    /** Stops listening and releases the port. Idempotent. */
    @Override
    public synchronized void close() {
        if (virtualScheduler != null) {
            virtualScheduler.shutdownNow();
            virtualScheduler = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /**
     * Whether the server is listening.
     *
     * @return true between {@link #start()} and {@link #close()}
     */
    public synchronized boolean isStarted() {
        return server != null;
    }

    /**
     * The base URL to give a client in place of {@code https://api.neo4j.io}.
     *
     * @return e.g. {@code http://127.0.0.1:53211}, without a trailing slash
     * @throws IllegalStateException before {@link #start()}
     */
    public synchronized String baseUrl() {
        if (server == null) {
            throw new IllegalStateException("Start the server first");
        }
        return settings.baseUrl;
    }

    /**
     * The port listened on.
     *
     * @return the port
     * @throws IllegalStateException before {@link #start()}
     */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("Start the server first");
        }
        return server.getPort();
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
        settings.tokenTtl = Builder.positive(ttl, "tokenTtl");
        return this;
    }

    /**
     * How many requests reached {@code /oauth/token}, whatever their outcome (faulted ones included).
     *
     * @return the count
     */
    public int tokenRequestCount() {
        return engine.tokenRequestCount();
    }

    /**
     * Issues a valid access token directly, without a token request (not counted), for tests that call the API
     * with a raw HTTP client.
     *
     * @return a bearer token valid for {@link #tokenTtl()} from now
     */
    public String issueToken() {
        return engine.issueToken(settings.clientId);
    }

    /** Revokes every token issued so far: they become unknown and are answered 401. */
    public void revokeTokens() {
        engine.revokeTokens();
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
     * {@link Builder#tick(Duration)}).
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
     * @return true when built with {@link Builder#contractChecked()}
     */
    public boolean isContractChecked() {
        return engine.contractChecked();
    }

    /**
     * Where the OpenAPI documents of the contract check were read: the folder of the copies shipped in the testkit
     * jar (a {@code jar:} URI, or a {@code file:} URI when the testkit's classes are a folder), or the folder given
     * with {@link Builder#openApiDirectory(Path)} or {@code -Daura.openapi.dir}.
     *
     * @return the location, empty when the check is off
     */
    public Optional<URI> contractDocuments() {
        return Optional.ofNullable(contractDocuments);
    }

    /**
     * The contract violations found so far (always empty when the check is off). {@link FakeAuraExtension} fails
     * the test when any remain at its end.
     *
     * @return a snapshot, in order of discovery
     */
    public List<ContractViolation> contractViolations() {
        return engine.violations();
    }

    /** Forgets the contract violations found so far (e.g. after asserting on deliberate ones). */
    public void clearContractViolations() {
        engine.clearViolations();
    }

    /**
     * Describes the server.
     *
     * @return base URL (or "not started") and mode
     */
    @Override
    public synchronized String toString() {
        return "FakeAuraServer[" + (server == null ? "not started" : settings.baseUrl) + ", " + settings.stepMode + "]";
    }

    /** Configures a {@link FakeAuraServer}. */
    public static final class Builder {
        private int port;
        private String clientId = DemoWorld.CLIENT_ID;
        private String clientSecret = DemoWorld.CLIENT_SECRET;
        private Duration tokenTtl = Duration.ofHours(1);
        private StepMode stepMode = StepMode.MANUAL;
        private Duration tick = Duration.ofSeconds(1);
        private int dataApiTransitionTicks = 1;
        private Instant startTime = Instant.parse("2026-01-01T00:00:00Z");
        private boolean contractChecked;
        private Path openApiDir;
        private Integer rateLimit;
        private Duration rateWindow;
        private Integer tokenRateLimit;
        private Duration tokenRateWindow;
        private boolean demoData = true;
        private SchemaValidator schemaValidator;

        private Builder() {}

        /**
         * The port to listen on.
         *
         * @param value 0 (the default) for any free port
         * @return this builder
         */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port out of range: " + value);
            }
            this.port = value;
            return this;
        }

        /**
         * The valid client id (default {@link DemoWorld#CLIENT_ID}).
         *
         * @param value the client id
         * @return this builder
         */
        public Builder clientId(String value) {
            this.clientId = FakeInstance.requireText(value, "clientId");
            return this;
        }

        /**
         * The valid client secret (default {@link DemoWorld#CLIENT_SECRET}).
         *
         * @param value the secret
         * @return this builder
         */
        public Builder clientSecret(String value) {
            this.clientSecret = FakeInstance.requireText(value, "clientSecret");
            return this;
        }

        /**
         * The token lifetime, reported as {@code expires_in} (default one hour).
         *
         * @param value a positive duration
         * @return this builder
         */
        public Builder tokenTtl(Duration value) {
            this.tokenTtl = positive(value, "tokenTtl");
            return this;
        }

        /**
         * How resources advance (default {@link StepMode#MANUAL}).
         *
         * @param value the mode
         * @return this builder
         */
        public Builder stepMode(StepMode value) {
            this.stepMode = Objects.requireNonNull(value, "stepMode");
            return this;
        }

        /**
         * The duration of one tick (default one second). An import job of a demo model takes 10 ticks; a Data API
         * transition takes {@link #dataApiTransitionTicks(int)} ticks.
         *
         * @param value a positive duration
         * @return this builder
         */
        public Builder tick(Duration value) {
            this.tick = positive(value, "tick");
            return this;
        }

        /**
         * Ticks each Data API transition ({@code creating}, {@code updating}, {@code pausing}, {@code resuming},
         * {@code deleting}) takes (default 1).
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder dataApiTransitionTicks(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("dataApiTransitionTicks must be at least 1");
            }
            this.dataApiTransitionTicks = value;
            return this;
        }

        /**
         * Where the virtual clock starts (default 2026-01-01T00:00:00Z; ignored in wall-clock mode).
         *
         * @param value the start instant
         * @return this builder
         */
        public Builder startTime(Instant value) {
            this.startTime = Objects.requireNonNull(value, "startTime");
            return this;
        }

        /**
         * Checks every request received and response sent against the official OpenAPI documents: the copies
         * shipped in the testkit jar, unless {@link #openApiDirectory(Path)} or the system property
         * {@code aura.openapi.dir} names a folder holding others; see {@link FakeAuraServer#contractViolations()}.
         *
         * @return this builder
         */
        public Builder contractChecked() {
            return contractChecked(true);
        }

        /**
         * Turns the contract check on or off.
         *
         * @param value whether to check
         * @return this builder
         */
        public Builder contractChecked(boolean value) {
            this.contractChecked = value;
            return this;
        }

        /**
         * A folder holding {@code aura_api_spec_v1beta5.yaml} and {@code aura_api_spec_v2beta1.yaml} to check
         * against instead of the copies shipped in the testkit jar.
         *
         * @param dir the folder
         * @return this builder
         */
        public Builder openApiDirectory(Path dir) {
            this.openApiDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * Turns on Aura's documented rate limit: 125 API requests per 60 seconds per client id.
         *
         * @return this builder
         */
        public Builder rateLimit() {
            return rateLimit(125, Duration.ofSeconds(60));
        }

        /**
         * Turns on a rate limit of API requests per client id (the token endpoint excluded).
         *
         * @param limit requests per window
         * @param window the sliding window, on the fake's clock
         * @return this builder
         */
        public Builder rateLimit(int limit, Duration window) {
            this.rateLimit = limit;
            this.rateWindow = positive(window, "window");
            return this;
        }

        /**
         * Turns on a rate limit on the token endpoint per client id (Aura documents about 15 per hour).
         *
         * @param limit token requests per window
         * @param window the sliding window, on the fake's clock
         * @return this builder
         */
        public Builder tokenRateLimit(int limit, Duration window) {
            this.tokenRateLimit = limit;
            this.tokenRateWindow = positive(window, "window");
            return this;
        }

        /**
         * Whether to seed the {@link DemoWorld} (default true).
         *
         * @param value false for an empty world
         * @return this builder
         */
        public Builder demoData(boolean value) {
            this.demoData = value;
            return this;
        }

        /**
         * Validates Data API type definitions with the real Neo4j GraphQL Library: creating or updating a Data API
         * with type definitions the library refuses puts it in {@code error}, with the library's messages as the
         * reason ({@code invalid-type-defs}), as Aura does. Without Node.js or the packages the server falls back
         * to the built-in check and says so ({@link FakeAuraServer#schemaValidationMode()}, a log line). The
         * library runs before the create or update call changes anything and without blocking other calls; when
         * it cannot run (node fails or overruns the validator's timeout), the call is accepted as usual and the
         * Data API (holding the new type definitions) goes to {@code error} with a reason starting
         * {@code The type definitions could not be validated}. Outcomes are kept per type definitions text, so
         * each text is validated once.
         *
         * @param validator the validator (see {@link SchemaValidator} for what it needs)
         * @return this builder
         */
        public Builder realSchemaValidation(SchemaValidator validator) {
            this.schemaValidator = Objects.requireNonNull(validator, "validator");
            return this;
        }

        /**
         * Builds the server (not started).
         *
         * @return the server
         * @throws IllegalStateException when the contract check is on and the documents cannot be read
         */
        public FakeAuraServer build() {
            if (rateLimit != null && rateLimit < 1 || tokenRateLimit != null && tokenRateLimit < 1) {
                throw new IllegalArgumentException("rate limits must allow at least one request");
            }
            return new FakeAuraServer(this);
        }

        static Duration positive(Duration value, String what) {
            if (value == null || value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(what + " must be positive");
            }
            return value;
        }
    }
}
