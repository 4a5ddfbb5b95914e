package dev.aurasdk.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP server (the JDK's {@link HttpServer} on a thread pool) that answers the few Aura
 * calls the benchmarks make with the canned bodies of {@link Payloads}: the token endpoint, one import
 * job, one Data API and import-job creation. It keeps no state beyond counters, so both the SDK and
 * the raw baseline get identical, cheap answers.
 *
 * <p>It also notes the client address ({@code ip:port}) of every request: each TCP connection has its own client
 * port, so a request from an address not seen before is the first request of a connection the server accepted
 * ({@link #connectionsAccepted()}). Exact unless a client reuses the port of one of its closed connections to
 * this server (then a lower bound).
 */
public final class CannedAuraServer implements AutoCloseable {
    private static final byte[] NOT_FOUND = error("not found", "not-found");
    private static final byte[] UNAUTHORIZED = error("missing token", "unauthorized");

    /** Most idle connections the JDK server keeps open; past them it closes each connection after its response. */
    static final int MAX_IDLE_CONNECTIONS = 4096;

    static {
        // Read once, by the JVM's first HttpServer: set before it exists.
        // Without TCP_NODELAY small responses can stall on delayed ACKs.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // The JDK server's defaults: once 200 connections are idle (the other variants' pooled ones count) it
        // closes every connection after its response, and it closes connections idle for 30 s. The benchmark's
        // four clients at 64 threads keep 256, so one variant paid a new connection per call, and a caller could
        // send on a connection the server was closing (connection reset). Keep every connection of a run instead.
        System.setProperty("sun.net.httpserver.maxIdleConnections", String.valueOf(MAX_IDLE_CONNECTIONS));
        System.setProperty("sun.net.httpserver.idleInterval", "3600"); // seconds
    }

    private final HttpServer server;
    private final ExecutorService pool;
    private final byte[] tokenBody;
    private final byte[] importJob = Payloads.importJob();
    private final byte[] dataApi = Payloads.dataApi();
    private final byte[] createdJob = Payloads.createdJob();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicLong apiRequests = new AtomicLong();
    private final Set<InetSocketAddress> clientAddresses = ConcurrentHashMap.newKeySet();
    private final AtomicLong connectionsAccepted = new AtomicLong();

    /**
     * Starts a server on 127.0.0.1 and a free port.
     *
     * @param threads size of the handler pool (at least the number of concurrent clients)
     * @param tokenLifetimeSeconds {@code expires_in} of the tokens handed out
     * @throws IOException when no port can be bound
     */
    public CannedAuraServer(int threads, long tokenLifetimeSeconds) throws IOException {
        this.tokenBody = Payloads.token(tokenLifetimeSeconds);
        AtomicInteger ids = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "canned-aura-" + ids.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL, {@code http://127.0.0.1:<port>}. @return the URL */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Token requests answered so far. @return the count */
    public int tokenRequests() {
        return tokenRequests.get();
    }

    /** API (non-token) requests answered so far. @return the count */
    public long apiRequests() {
        return apiRequests.get();
    }

    /**
     * Connections accepted so far that sent at least one request (client addresses seen for the first time).
     *
     * @return the count
     */
    public long connectionsAccepted() {
        return connectionsAccepted.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (clientAddresses.add(exchange.getRemoteAddress())) {
                connectionsAccepted.incrementAndGet();
            }
            try (InputStream in = exchange.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            if (method.equals("POST") && path.equals("/oauth/token")) {
                tokenRequests.incrementAndGet();
                reply(exchange, 200, tokenBody);
                return;
            }
            apiRequests.incrementAndGet();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer ")) {
                reply(exchange, 401, UNAUTHORIZED);
            } else if (method.equals("GET") && path.equals(Payloads.JOB_PATH)) {
                reply(exchange, 200, importJob);
            } else if (method.equals("GET") && path.equals(Payloads.DATA_API_PATH)) {
                reply(exchange, 200, dataApi);
            } else if (method.equals("POST") && path.equals(Payloads.JOBS_PATH)) {
                reply(exchange, 201, createdJob);
            } else {
                reply(exchange, 404, NOT_FOUND);
            }
        }
    }

    private static byte[] error(String message, String reason) {
        return ("{\"errors\":[{\"message\":\"" + message + "\",\"reason\":\"" + reason + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("X-Request-Id", "bench-request");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
