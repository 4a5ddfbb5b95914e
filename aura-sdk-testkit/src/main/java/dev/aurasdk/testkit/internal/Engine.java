package dev.aurasdk.testkit.internal;

import dev.aurasdk.testkit.ContractViolation;
import dev.aurasdk.testkit.FakeClock;
import dev.aurasdk.testkit.JournalEntry;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fake's request pipeline: fault injection, the token endpoint, bearer-token checks, rate limiting,
 * content-type checks, routing, then the journal and the contract check.
 */
public final class Engine extends Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger("dev.aurasdk.testkit");
    /** Formats Retry-After dates as IMF-fixdate (RFC 9110), e.g. {@code Thu, 01 Jan 2026 00:01:00 GMT}. */
    public static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private final World world;
    private final Settings settings;
    private final FakeClock clock;
    private final FaultRegistry faults;
    private final JournalStore journal;
    private final ContractChecker checker;
    private final List<ContractViolation> violations = new ArrayList<>();
    private final AtomicLong requestSequence = new AtomicLong();
    private final SecureRandom random = new SecureRandom();
    private final Tokens tokens;
    private final TypeDefinitionCheck typeDefinitions;
    private final FakeGraphQLEndpoint graphqlEndpoint;
    /** The Aura API's routes (behind the token check). */
    private final Router api = new Router();

    /**
     * Creates the engine.
     *
     * @param checker the contract checker, or null when the check is off
     */
    public Engine(
            World world,
            Settings settings,
            FakeClock clock,
            FaultRegistry faults,
            JournalStore journal,
            ContractChecker checker) {
        this.world = world;
        this.settings = settings;
        this.clock = clock;
        this.faults = faults;
        this.journal = journal;
        this.checker = checker;
        this.tokens = new Tokens(settings, random);
        this.typeDefinitions = new TypeDefinitionCheck(settings);
        DataApiStates states = new DataApiStates(world, settings, typeDefinitions);
        this.graphqlEndpoint = new FakeGraphQLEndpoint(world, states);
        new PlatformApi(world).register(api);
        new ImportApi(world, settings).register(api);
        new DataApiApi(world, settings, random, states, typeDefinitions).register(api);
        Secrets.recordClientCredentials(settings.clientId, settings.clientSecret);
    }

    /** Token requests received so far (any outcome). */
    public int tokenRequestCount() {
        return tokens.tokenRequestCount();
    }

    /** Issues a valid token directly, without a token request. */
    public String issueToken(String clientId) {
        return tokens.issueToken(clientId, clock.instant());
    }

    /** Forgets every issued token (they become unknown: 401). */
    public void revokeTokens() {
        tokens.revokeTokens();
    }

    /** The violations collected so far. */
    public List<ContractViolation> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    /** Forgets the violations collected so far. */
    public void clearViolations() {
        synchronized (violations) {
            violations.clear();
        }
    }

    /** Whether the contract check is on. */
    public boolean contractChecked() {
        return checker != null;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        Instant now = clock.instant();
        HttpUrl url = request.getUrl();
        String path = url.encodedPath();
        String rawQuery = url.encodedQuery();
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < url.querySize(); i++) {
            String value = url.queryParameterValue(i);
            query.computeIfAbsent(url.queryParameterName(i), k -> new ArrayList<>())
                    .add(value == null ? "" : value);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Headers h = request.getHeaders();
        for (int i = 0; i < h.size(); i++) {
            headers.computeIfAbsent(h.name(i), k -> new ArrayList<>()).add(h.value(i));
        }
        ByteString bytes = request.getBody();
        String body = bytes == null ? "" : bytes.utf8();
        FakeCall call = new FakeCall(request.getMethod(), path, query, headers, body, now);
        recordSecrets(call);
        if (path.equals("/oauth/token")) {
            tokens.countRequest();
        }

        Reply reply;
        Optional<FaultRule> fault = faults.match(call.method, path);
        try {
            reply = fault.map(rule -> FaultInjection.injected(rule, call)).orElse(null);
            if (reply == null) {
                reply = handle(call);
                if (fault.isPresent()) {
                    FaultInjection.modify(fault.get(), reply);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Fake Aura server failed on {} {}", call.method, path, e);
            reply = Reply.error(500, "Internal error in the fake server: " + e, "internal-error");
        }
        String requestId = String.format(
                Locale.ROOT, "%016x%016x/%d", random.nextLong(), random.nextLong(), requestSequence.incrementAndGet());
        reply.header("X-Request-Id", requestId);

        boolean delivered = reply.delivery() != Reply.Delivery.DROP;
        journal.add(new JournalEntry(
                journal.nextSequence(),
                now,
                call.method,
                path,
                rawQuery,
                Redactor.headers(headers),
                Redactor.body(body),
                delivered ? reply.status() : 0,
                Redactor.body(reply.body()),
                delivered ? requestId : null,
                fault.isPresent()));
        LOG.debug("{} {} -> {}", call.method, path, delivered ? reply.status() : "dropped");

        if (checker != null) {
            boolean bodyIntact = delivered
                    && reply.delivery() == Reply.Delivery.NORMAL
                    && !(reply.isInjected() && fault.get().action() != FaultRule.Action.RESPOND);
            List<ContractViolation> found = checker.check(
                    call.method,
                    path,
                    query,
                    headers,
                    body,
                    reply.status(),
                    reply.headers(),
                    bodyIntact ? reply.body() : null);
            if (!found.isEmpty()) {
                synchronized (violations) {
                    violations.addAll(found);
                }
            }
        }
        return toMockResponse(reply);
    }

    /** Remembers the secrets a request carries (see {@code FakeSecrets}). */
    private static void recordSecrets(FakeCall call) {
        Secrets.recordBody(call.body);
        Secrets.record(call.header("x-api-key"));
        String auth = call.header("Authorization");
        if (auth != null) {
            int space = auth.indexOf(' ');
            Secrets.record(space > 0 ? auth.substring(space + 1).trim() : auth);
            if (auth.regionMatches(true, 0, "Basic ", 0, 6)) {
                try {
                    String decoded = new String(
                            Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
                    int colon = decoded.indexOf(':');
                    Secrets.record(colon >= 0 ? decoded.substring(colon + 1) : decoded);
                } catch (IllegalArgumentException notBase64) {
                    // nothing more to remember
                }
            }
        }
    }

    private static MockResponse toMockResponse(Reply reply) {
        MockResponse.Builder b = new MockResponse.Builder().code(reply.status());
        reply.headers().forEach(b::setHeader);
        b.body(reply.wireBody());
        if (reply.delivery() == Reply.Delivery.DROP) {
            b.onResponseStart(SocketEffect.ShutdownConnection.INSTANCE);
        }
        if (reply.bodyDelayMillis() > 0) {
            b.bodyDelay(reply.bodyDelayMillis(), TimeUnit.MILLISECONDS);
        }
        if (reply.headersDelayMillis() > 0) {
            b.headersDelay(reply.headersDelayMillis(), TimeUnit.MILLISECONDS);
        }
        return b.build();
    }

    private Reply handle(FakeCall call) {
        if (call.path.equals("/oauth/token")) {
            return tokens.token(call);
        }
        if (call.path.startsWith("/graphql-endpoints/")) {
            synchronized (world) {
                return graphqlEndpoint.handle(call);
            }
        }
        Reply denied = tokens.authenticate(call);
        if (denied != null) {
            return denied;
        }
        RateLimiter limiter = settings.rateLimiter;
        if (limiter != null) {
            Optional<Duration> wait = limiter.acquire(call.clientId, call.now);
            if (wait.isPresent()) {
                return Reply.error(429, "Too many requests", "rate-limited")
                        .header("Retry-After", String.valueOf(Tokens.ceilSeconds(wait.get())));
            }
        }
        if ((call.is("POST") || call.is("PATCH") || call.is("PUT")) && !call.body.isEmpty()) {
            String type = call.header("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                return Reply.error(415, "Content-Type must be application/json", "unsupported-media-type");
            }
        }
        typeDefinitions.prevalidate(call); // the real library's check runs here, not under the world lock
        synchronized (world) {
            return api.dispatch(call);
        }
    }
}
