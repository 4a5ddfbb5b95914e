package dev.aurasdk.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of the fake server for the connection faults the fake cannot inject, because it acts only
 * once it has read a request: a refused connection (nothing listens: the request never leaves the client) and a
 * connection reset after the request was sent but before the server read it (a proxy dying mid-way).
 */
final class TcpFront implements AutoCloseable {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final int targetPort;
    private final int port;
    private final AtomicInteger resetsLeft = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;

    TcpFront(int targetPort) {
        this.targetPort = targetPort;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        acceptLoop(listener);
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Connections accepted so far (refused ones never are). */
    int accepted() {
        return accepted.get();
    }

    /** Stops listening: connections are refused until {@link #open()}. */
    synchronized void refuse() {
        closeQuietly(listener);
        listener = null;
    }

    /** Listens again on the same port (no-op when listening). */
    synchronized void open() {
        if (listener == null) {
            listener = listen(port);
            acceptLoop(listener);
        }
    }

    /**
     * The next {@code n} accepted connections are reset (RST) as soon as the request's first byte arrives, without
     * relaying it: the request has left the client but never reaches the server.
     */
    void resetNext(int n) {
        resetsLeft.set(n);
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(LOOPBACK, port), 64);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
    }

    private void acceptLoop(ServerSocket server) {
        daemon("tcp-front-accept", () -> {
            while (!server.isClosed()) {
                Socket client;
                try {
                    client = server.accept();
                } catch (IOException closed) {
                    return;
                }
                accepted.incrementAndGet();
                if (resetsLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                    try {
                        client.setSoTimeout(2_000);
                        client.getInputStream().read(); // the request has left the client...
                        client.setSoLinger(true, 0); // ...and is answered with RST instead of being relayed
                    } catch (IOException ignored) {
                        // closing below is what matters
                    }
                    closeQuietly(client);
                    continue;
                }
                relay(client);
            }
        });
    }

    private void relay(Socket client) {
        Socket upstream;
        try {
            upstream = new Socket(LOOPBACK, targetPort);
            upstream.setTcpNoDelay(true);
            client.setTcpNoDelay(true);
        } catch (IOException e) {
            closeQuietly(client);
            return;
        }
        sockets.add(client);
        sockets.add(upstream);
        daemon("tcp-front-up", () -> pump(client, upstream));
        daemon("tcp-front-down", () -> pump(upstream, client));
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException done) {
            // either side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (IOException ignored) {
            // best effort
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly(listener);
        listener = null;
        sockets.forEach(TcpFront::closeQuietly);
    }
}
