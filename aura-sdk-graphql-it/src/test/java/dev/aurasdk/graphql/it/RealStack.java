package dev.aurasdk.graphql.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.aurasdk.graphql.GraphQLEndpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * The real parts, started once per test class: an in-process Neo4j (neo4j-harness, Bolt on a loopback port, APOC
 * procedures the library's Cypher calls), a JWKS endpoint on 127.0.0.1 publishing a per-run RSA key, and a Node.js
 * process serving the shipped schema with the real Neo4j GraphQL Library. {@link #close()} stops all three; a
 * shutdown hook does it too when the JVM ends first.
 */
final class RealStack implements AutoCloseable {
    /** Upper bound for the node server to build the schema and listen. */
    static final Duration NODE_START_TIMEOUT = Duration.ofSeconds(90);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    final Neo4j neo4j;
    final Jwts jwts = new Jwts("aura-it-" + System.nanoTime());
    /** A key the JWKS does not publish: its tokens must be refused. */
    final Jwts stranger = new Jwts("stranger");

    final HttpServer jwksServer;
    final AtomicInteger jwksRequests = new AtomicInteger();
    final Process node;
    final int graphqlPort;
    final List<String> schemaWarnings;
    final StringBuffer nodeOutput = new StringBuffer();
    final Duration neo4jStart;
    final Duration nodeStart;
    private final Thread shutdownHook;

    private RealStack(Path typeDefs) throws Exception {
        long t0 = System.nanoTime();
        Neo4j started = null;
        HttpServer jwksStarted = null;
        Process nodeStarted = null;
        shutdownHook = new Thread(this::closeQuietly, "aura-it-stack-stop");
        try {
            started = Neo4jBuilders.newInProcessBuilder()
                    .withDisabledServer()
                    // Netty 4.2 (the parent's netty-bom) cannot register the in-JVM local Bolt channel on epoll
                    .withConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                    .withConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"))
                    .withProcedure(apoc.util.Utils.class)
                    .withFunction(apoc.util.Utils.class)
                    .withFunction(apoc.date.Date.class)
                    .withProcedure(apoc.date.Date.class)
                    .build();
            this.neo4j = started;
            this.neo4jStart = Duration.ofNanos(System.nanoTime() - t0);

            jwksStarted = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] jwksBody = jwts.jwks().getBytes(StandardCharsets.UTF_8);
            jwksStarted.createContext("/.well-known/jwks.json", exchange -> {
                jwksRequests.incrementAndGet();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwksBody.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwksBody);
                }
            });
            jwksStarted.start();
            this.jwksServer = jwksStarted;
            Runtime.getRuntime().addShutdownHook(shutdownHook);

            long t1 = System.nanoTime();
            Path project = nodeProject();
            ProcessBuilder pb = new ProcessBuilder(
                            nodeExecutable(), project.resolve("serve.mjs").toString())
                    .directory(project.toFile())
                    .redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            env.put("AURA_IT_TYPEDEFS", typeDefs.toString());
            env.put("AURA_IT_NEO4J_URI", neo4j.boltURI().toString());
            env.put("AURA_IT_NEO4J_USER", "neo4j");
            env.put("AURA_IT_NEO4J_PASSWORD", "unused-auth-is-off");
            env.put(
                    "AURA_IT_JWKS_URL",
                    "http://127.0.0.1:" + jwksStarted.getAddress().getPort() + "/.well-known/jwks.json");
            nodeStarted = pb.start();
            this.node = nodeStarted;
            CompletableFuture<Integer> ready = new CompletableFuture<>();
            List<String> warnings = new ArrayList<>();
            Process p = nodeStarted;
            Thread reader = new Thread(() -> readOutput(p, ready, warnings), "aura-it-node-output");
            reader.setDaemon(true);
            reader.start();
            try {
                this.graphqlPort = ready.get(NODE_START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException("the node GraphQL server did not print 'ready on port N' within "
                        + NODE_START_TIMEOUT.toSeconds() + " s; its output:\n" + nodeOutput);
            }
            synchronized (warnings) {
                this.schemaWarnings = List.copyOf(warnings);
            }
            this.nodeStart = Duration.ofNanos(System.nanoTime() - t1);
        } catch (Exception | Error e) {
            if (nodeStarted != null) {
                nodeStarted.destroyForcibly();
            }
            if (jwksStarted != null) {
                jwksStarted.stop(0);
            }
            if (started != null) {
                started.close();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException | IllegalArgumentException ignored) {
                // the JVM is stopping, or the hook was never added
            }
            throw e;
        }
        System.out.printf(
                "aura-sdk-graphql-it: Neo4j started in %d ms, node GraphQL server in %d ms%n",
                neo4jStart.toMillis(), nodeStart.toMillis());
    }

    /** Starts the stack serving the shipped multi-tenant schema. */
    static RealStack start() throws Exception {
        return new RealStack(shippedSchema());
    }

    static Path shippedSchema() {
        return Paths.get(System.getProperty(
                "aura.it.schema", "../aura-sdk-examples/src/main/resources/schema/restaurants-multitenant.graphql"));
    }

    /** Where the build ran npm ci (target/node). */
    static Path nodeProject() {
        Path dir = Paths.get(System.getProperty("aura.it.nodeProject", "target/node"));
        if (!Files.isDirectory(dir.resolve("node_modules/@neo4j/graphql"))) {
            throw new IllegalStateException("no npm packages in " + dir.toAbsolutePath()
                    + ": run the Maven build of aura-sdk-graphql-it (it runs npm ci there)");
        }
        return dir;
    }

    static String nodeExecutable() {
        return System.getProperty("aura.it.node", "node");
    }

    private void readOutput(Process p, CompletableFuture<Integer> ready, List<String> warnings) {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                nodeOutput.append(line).append('\n');
                if (line.startsWith("schema-warnings ")) {
                    JsonNode list = MAPPER.readTree(line.substring("schema-warnings ".length()));
                    synchronized (warnings) {
                        list.forEach(w -> warnings.add(w.asText()));
                    }
                } else if (line.startsWith("ready on port ")) {
                    ready.complete(Integer.parseInt(
                            line.substring("ready on port ".length()).trim()));
                }
            }
        } catch (IOException | RuntimeException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("the node GraphQL server ended (exit "
                + (p.isAlive() ? "?" : p.exitValue()) + ") before it was ready; its output:\n" + nodeOutput));
    }

    /** The GraphQL URL of the node server. */
    String url() {
        return "http://127.0.0.1:" + graphqlPort + "/graphql";
    }

    /** The SDK's endpoint, authenticated with a bearer JWT, as a user's service calls a Data API. */
    GraphQLEndpoint endpoint(String jwt) {
        return GraphQLEndpoint.withBearerToken(url(), jwt);
    }

    GraphDatabaseService db() {
        return neo4j.defaultDatabaseService();
    }

    /** Runs Cypher in its own transaction and maps the result. */
    <T> T cypher(String query, Map<String, Object> params, Function<Result, T> map) {
        return db().executeTransactionally(query, params, map::apply);
    }

    void cypher(String query) {
        db().executeTransactionally(query);
    }

    private void closeQuietly() {
        try {
            stopAll();
        } catch (RuntimeException ignored) {
            // best effort at JVM exit
        }
    }

    private boolean stopped;

    private synchronized void stopAll() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (node.isAlive()) {
            node.destroy();
            try {
                if (!node.waitFor(10, TimeUnit.SECONDS)) {
                    node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                node.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        jwksServer.stop(0);
        neo4j.close();
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // the JVM is already stopping
        }
    }
}
