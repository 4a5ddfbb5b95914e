package dev.aurasdk.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aurasdk.testkit.ContractViolation;
import dev.aurasdk.testkit.FakeClock;
import dev.aurasdk.testkit.JournalEntry;
import java.net.URLDecoder;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
    private final Map<String, TokenInfo> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicLong requestSequence = new AtomicLong();
    private final SecureRandom random = new SecureRandom();
    private final PlatformApi platform;
    private final ImportApi imports;
    private final DataApiApi dataApis;

    private static final class TokenInfo {
        final String clientId;
        final Instant expiresAt;

        TokenInfo(String clientId, Instant expiresAt) {
            this.clientId = clientId;
            this.expiresAt = expiresAt;
        }
    }

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
        this.platform = new PlatformApi(world);
        this.imports = new ImportApi(world, settings);
        this.dataApis = new DataApiApi(world, settings, random);
        Secrets.recordClientCredentials(settings.clientId, settings.clientSecret);
    }

    /** Token requests received so far (any outcome). */
    public int tokenRequestCount() {
        return tokenRequests.get();
    }

    /** Issues a valid token directly, without a token request. */
    public String issueToken(String clientId) {
        String token = newToken(clientId, clock.instant());
        tokens.put(token, new TokenInfo(clientId, clock.instant().plus(settings.tokenTtl)));
        return token;
    }

    /** Forgets every issued token (they become unknown: 401). */
    public void revokeTokens() {
        tokens.clear();
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
        Call call = new Call(request.getMethod(), path, query, headers, body, now);
        recordSecrets(call);
        if (path.equals("/oauth/token")) {
            tokenRequests.incrementAndGet();
        }

        Reply reply;
        Optional<FaultRule> fault = faults.match(call.method, path);
        try {
            reply = fault.map(rule -> injected(rule, call)).orElse(null);
            if (reply == null) {
                reply = handle(call);
                if (fault.isPresent()) {
                    modify(fault.get(), reply);
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
    private static void recordSecrets(Call call) {
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

    private Reply injected(FaultRule rule, Call call) {
        Reply reply;
        switch (rule.action()) {
            case RESPOND:
                if (rule.body() != null) {
                    boolean json = Json.parse(rule.body()).isPresent();
                    reply = Reply.raw(rule.status(), rule.body(), json ? "application/json" : "text/plain");
                } else if (rule.status() == 429) {
                    reply = Reply.error(429, "Too many requests", "rate-limited");
                } else {
                    reply = Reply.error(rule.status(), "Injected fault: HTTP " + rule.status(), "injected-fault");
                }
                break;
            case HTML:
                reply = Reply.raw(
                        rule.status(),
                        "<html><head><title>" + rule.status() + "</title></head><body>" + "<h1>" + rule.status()
                                + " Bad Gateway</h1><hr><center>nginx</center></body></html>",
                        "text/html; charset=utf-8");
                break;
            case EMPTY:
                reply = Reply.raw(rule.status(), "", null);
                break;
            case DROP:
                reply = Reply.raw(500, "", null).delivery(Reply.Delivery.DROP);
                break;
            default:
                return null;
        }
        if (rule.retryAfter() != null) {
            reply.header("Retry-After", rule.retryAfter());
        }
        return reply.injected();
    }

    private static void modify(FaultRule rule, Reply reply) {
        switch (rule.action()) {
            case DROP_AFTER_PROCESSING:
                reply.delivery(Reply.Delivery.DROP);
                break;
            case TRUNCATE:
                reply.delivery(Reply.Delivery.TRUNCATE);
                break;
            case DELAY:
                if (rule.delayHeaders()) {
                    reply.headersDelayMillis(rule.delayMillis());
                } else {
                    reply.bodyDelayMillis(rule.delayMillis());
                }
                break;
            default:
                break;
        }
        if (rule.retryAfter() != null) {
            reply.header("Retry-After", rule.retryAfter());
        }
    }

    private Reply handle(Call call) {
        if (call.path.equals("/oauth/token")) {
            return token(call);
        }
        if (call.path.startsWith("/graphql-endpoints/")) {
            synchronized (world) {
                return dataApis.graphqlEndpoint(call);
            }
        }
        Reply denied = authenticate(call);
        if (denied != null) {
            return denied;
        }
        RateLimiter limiter = settings.rateLimiter;
        if (limiter != null) {
            Optional<Duration> wait = limiter.acquire(call.clientId, call.now);
            if (wait.isPresent()) {
                return Reply.error(429, "Too many requests", "rate-limited")
                        .header("Retry-After", String.valueOf(ceilSeconds(wait.get())));
            }
        }
        if ((call.is("POST") || call.is("PATCH") || call.is("PUT")) && !call.body.isEmpty()) {
            String type = call.header("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                return Reply.error(415, "Content-Type must be application/json", "unsupported-media-type");
            }
        }
        dataApis.prevalidate(call); // the real library's check runs here, not under the world lock
        synchronized (world) {
            return route(call);
        }
    }

    private Reply route(Call call) {
        if (call.size() >= 2) {
            String version = call.seg(0);
            String family = call.seg(1);
            if (version.equals("v1") || version.equals("v1beta5")) {
                if (family.equals("tenants")) {
                    return platform.tenants(call);
                }
                if (family.equals("instances")) {
                    if (call.size() >= 4 && call.seg(3).equals("data-apis")) {
                        return version.equals("v1beta5") ? dataApis.route(call) : Replies.noRoute(call);
                    }
                    return platform.instances(call);
                }
            } else if (version.equals("v2beta1") && family.equals("organizations")) {
                if (call.size() >= 6
                        && call.seg(3).equals("projects")
                        && call.seg(5).equals("import")) {
                    return imports.route(call);
                }
                return platform.organizations(call);
            }
        }
        return Replies.noRoute(call);
    }

    private Reply authenticate(Call call) {
        String auth = call.header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Reply.json(401, middleware("Unauthorized"));
        }
        TokenInfo info = tokens.get(auth.substring(7).trim());
        if (info == null) {
            return Reply.json(401, middleware("Unauthorized"));
        }
        if (!call.now.isBefore(info.expiresAt)) {
            return Reply.json(403, middleware("Access denied: token expired"));
        }
        call.clientId = info.clientId;
        return null;
    }

    private Reply token(Call call) {
        if (!call.is("POST")) {
            return Reply.json(405, oauthError("invalid_request", "Use POST"));
        }
        String clientId = null;
        String secret = null;
        String auth = call.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded =
                        new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon >= 0) {
                    clientId = decoded.substring(0, colon);
                    secret = decoded.substring(colon + 1);
                }
            } catch (IllegalArgumentException e) {
                clientId = null;
            }
        }
        RateLimiter limiter = settings.tokenRateLimiter;
        if (limiter != null) {
            Optional<Duration> wait = limiter.acquire(clientId == null ? "" : clientId, call.now);
            if (wait.isPresent()) {
                return Reply.json(429, oauthError("too_many_requests", "Too many token requests"))
                        .header("Retry-After", String.valueOf(ceilSeconds(wait.get())));
            }
        }
        if (clientId == null || !clientId.equals(settings.clientId) || !settings.clientSecret.equals(secret)) {
            return Reply.json(401, oauthError("access_denied", "Unauthorized"));
        }
        String grant = formField(call.body, "grant_type");
        if (!"client_credentials".equals(grant)) {
            return Reply.json(400, oauthError("unsupported_grant_type", "grant_type must be client_credentials"));
        }
        Duration ttl = settings.tokenTtl;
        String token = newToken(clientId, call.now);
        tokens.put(token, new TokenInfo(clientId, call.now.plus(ttl)));
        ObjectNode body = Json.object();
        body.put("access_token", token);
        body.put("expires_in", ttl.getSeconds());
        body.put("token_type", "bearer");
        return Reply.json(200, body);
    }

    private String newToken(String clientId, Instant now) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        ObjectNode header = Json.object().put("alg", "RS256").put("typ", "JWT");
        ObjectNode claims = Json.object()
                .put("iss", "https://fake-aura.local/")
                .put("sub", clientId)
                .put("iat", now.getEpochSecond())
                .put("exp", now.plus(settings.tokenTtl).getEpochSecond())
                .put("jti", Long.toHexString(random.nextLong()));
        byte[] signature = new byte[32];
        random.nextBytes(signature);
        String token = b64.encodeToString(Json.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(signature);
        Secrets.record(token);
        return token;
    }

    private static String formField(String body, String name) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0
                    && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8)
                            .equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static ObjectNode middleware(String message) {
        return Json.object().put("error", message);
    }

    private static ObjectNode oauthError(String error, String description) {
        return Json.object().put("error", error).put("error_description", description);
    }

    static long ceilSeconds(Duration d) {
        long ms = d.toMillis();
        return Math.max(1, (ms + 999) / 1000);
    }
}
