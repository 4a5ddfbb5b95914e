package dev.aurasdk.testkit.internal;

import dev.aurasdk.testkit.FakeClock;
import dev.aurasdk.testkit.SchemaValidation;
import dev.aurasdk.testkit.SchemaValidationMode;
import dev.aurasdk.testkit.SchemaValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of one fake server, wired from its options: settings, virtual clock, world, fault and journal stores,
 * the {@link Engine} (with the contract check when asked) and the MockWebServer it is listening with.
 */
public final class FakeServerCore {
    private static final Logger LOG = LoggerFactory.getLogger("dev.aurasdk.testkit");

    /** The settings, some of them changeable while running. */
    public final Settings settings = new Settings();
    /** The virtual (or wall) clock. */
    public final FakeClock clock;
    /** The fake's state. */
    public final World world = new World();
    /** The fault rules. */
    public final FaultRegistry faultRegistry = new FaultRegistry();
    /** The received requests. */
    public final JournalStore journalStore = new JournalStore();
    /** The request pipeline. */
    public final Engine engine;

    private final int requestedPort;
    private final URI contractDocuments;
    private final SchemaValidationMode schemaValidationMode;
    private MockWebServer server; // guarded by this

    /**
     * Wires a server (not started).
     *
     * @param o the options, already checked
     * @param clock the clock it runs on
     */
    public FakeServerCore(ServerOptions o, FakeClock clock) {
        settings.clientId = o.clientId;
        settings.clientSecret = o.clientSecret;
        settings.tokenTtl = o.tokenTtl;
        settings.stepMode = o.stepMode;
        settings.tick = o.tick;
        settings.dataApiTransitionTicks = o.dataApiTransitionTicks;
        settings.rateLimiter = o.rateLimit == null ? null : new RateLimiter(o.rateLimit, o.rateWindow);
        settings.tokenRateLimiter =
                o.tokenRateLimit == null ? null : new RateLimiter(o.tokenRateLimit, o.tokenRateWindow);
        this.requestedPort = o.port;
        this.clock = clock;
        ContractChecker checker = null;
        URI documents = null;
        if (o.contractChecked) {
            OpenApiDocuments loaded = OpenApiDocuments.load(o.openApiDir);
            documents = loaded.location();
            checker = ContractChecker.forDocuments(loaded);
        }
        this.contractDocuments = documents;
        this.engine = new Engine(world, settings, clock, faultRegistry, journalStore, checker);
        this.schemaValidationMode = schemaValidation(o.schemaValidator);
    }

    private SchemaValidationMode schemaValidation(SchemaValidator validator) {
        if (validator == null) {
            return SchemaValidationMode.BUILT_IN;
        }
        if (!validator.isAvailable()) {
            LOG.warn(
                    "FakeAuraServer validates type definitions with its built-in check: the Neo4j GraphQL Library"
                            + " is not available ({})",
                    validator.unavailableReason().orElse("?"));
            return SchemaValidationMode.BUILT_IN;
        }
        settings.typeDefinitionsCheck = sdl -> {
            SchemaValidation v = validator.validate(sdl);
            return v.isValid() ? Optional.empty() : Optional.of(v.message());
        };
        LOG.info(
                "FakeAuraServer validates type definitions with the Neo4j GraphQL Library {} on Node.js {}",
                SchemaValidator.LIBRARY_VERSION,
                validator.nodeVersion().orElse("?"));
        return SchemaValidationMode.NEO4J_GRAPHQL_LIBRARY;
    }

    /** @return how type definitions are validated */
    public SchemaValidationMode schemaValidationMode() {
        return schemaValidationMode;
    }

    /** @return where the contract documents were read, empty when the check is off */
    public Optional<URI> contractDocuments() {
        return Optional.ofNullable(contractDocuments);
    }

    /**
     * Starts listening on 127.0.0.1.
     *
     * @throws UncheckedIOException when the port cannot be bound
     * @throws IllegalStateException when already started
     */
    public synchronized void start() {
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
    }

    /** Stops listening. Idempotent. */
    public synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** @return whether listening */
    public synchronized boolean isStarted() {
        return server != null;
    }

    /**
     * The port listened on.
     *
     * @return the port
     * @throws IllegalStateException before {@link #start()}
     */
    public synchronized int port() {
        requireStarted();
        return server.getPort();
    }

    /**
     * The base URL.
     *
     * @return e.g. {@code http://127.0.0.1:53211}
     * @throws IllegalStateException before {@link #start()}
     */
    public synchronized String baseUrl() {
        requireStarted();
        return settings.baseUrl;
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("Start the server first");
        }
    }
}
