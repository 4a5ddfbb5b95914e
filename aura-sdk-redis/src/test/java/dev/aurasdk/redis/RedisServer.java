package dev.aurasdk.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code redis-server} on a free loopback port, started by the test (never the machine's service):
 * no persistence, so a restart comes back empty, as after a failover without replication. {@code .ci/run}
 * installs the Debian package when it is missing.
 */
final class RedisServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    private static final long START_DEADLINE_MS = 20_000;

    private final int port;
    private final List<String> extraArgs;
    private Process process;

    private RedisServer(int port, List<String> extraArgs) {
        this.port = port;
        this.extraArgs = extraArgs;
    }

    /**
     * Starts a server.
     *
     * @param extraArgs more options, such as {@code --requirepass x}
     * @return the running server
     */
    static RedisServer start(String... extraArgs) throws IOException, InterruptedException {
        RedisServer server = new RedisServer(freePort(), List.of(extraArgs));
        server.startProcess();
        return server;
    }

    /**
     * A server for one test class: {@code @RegisterExtension static final RedisServer redis = RedisServer.perClass();}
     * starts it before the class's first test and kills it after the last.
     *
     * @param extraArgs more options, such as {@code --requirepass x}
     * @return the server, started by JUnit
     */
    static RedisServer perClass(String... extraArgs) {
        try {
            return new RedisServer(freePort(), List.of(extraArgs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        startProcess();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void startProcess() throws IOException, InterruptedException {
        Path dir = Paths.get("target", "redis-" + port).toAbsolutePath();
        Files.createDirectories(dir);
        List<String> cmd = new ArrayList<>(List.of(
                "redis-server",
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                dir.toString()));
        cmd.addAll(extraArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("redis.log").toFile()));
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot run redis-server (install the Debian package redis-server; " + ".ci/run does): "
                            + e.getMessage(),
                    e);
        }
        long deadline = System.currentTimeMillis() + START_DEADLINE_MS;
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "redis-server exited with " + process.exitValue() + "; see " + dir.resolve("redis.log"));
            }
            if (answersPing()) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("redis-server did not answer PING within " + START_DEADLINE_MS + " ms");
            }
            Thread.sleep(20); // polling for readiness, bounded by the deadline
        }
    }

    /** True once the server answers PING (with PONG, or NOAUTH when it requires a password). */
    private boolean answersPing() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[64];
            int n = in.read(buf);
            String reply = n > 0 ? new String(buf, 0, n, StandardCharsets.US_ASCII) : "";
            return reply.startsWith("+PONG") || reply.startsWith("-NOAUTH");
        } catch (IOException e) {
            return false;
        }
    }

    int port() {
        return port;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Kills the server (SIGKILL: no goodbye to the clients) and waits for it to be gone. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("redis-server did not stop");
            }
        }
    }

    /** Starts it again on the same port, empty. */
    void restart() throws IOException, InterruptedException {
        stop();
        startProcess();
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
