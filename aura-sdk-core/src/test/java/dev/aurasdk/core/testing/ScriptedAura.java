package dev.aurasdk.core.testing;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraCredentials;
import dev.aurasdk.core.http.RateLimit;
import dev.aurasdk.core.http.RetryPolicy;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer with a token endpoint that issues numbered tokens and a queue of scripted API
 * responses, plus a manual clock and a recording sleeper, for core tests. Close it after the test.
 */
public final class ScriptedAura implements AutoCloseable {
    public static final String CLIENT_ID = "test-client-id";
    public static final String CLIENT_SECRET = "s3cr3t-Client-Secret-Value-0123456789";

    public final MockWebServer server = new MockWebServer();
    public final ManualClock clock = new ManualClock();
    public final RecordingSleeper sleeper = new RecordingSleeper(clock);
    public final AtomicInteger tokenRequests = new AtomicInteger();
    public final List<RecordedRequest> apiRequests = new CopyOnWriteArrayList<>();
    public final List<RecordedRequest> tokenRequestLog = new CopyOnWriteArrayList<>();
    private final BlockingQueue<MockResponse> tokenQueue = new LinkedBlockingQueue<>();
    private final BlockingQueue<MockResponse> apiQueue = new LinkedBlockingQueue<>();
    private volatile IntFunction<MockResponse> defaultToken = n -> token(tokenValue(n), 3600);
    private volatile MockResponse defaultApi;
    /** Runs on the server's connection thread once an API request is recorded, before it is answered. */
    public volatile java.util.function.Consumer<RecordedRequest> beforeApiAnswer = request -> {};

    public ScriptedAura() {
        SecretGuard.registerClientCredentials(CLIENT_ID, CLIENT_SECRET);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                rememberSecrets(request);
                if (request.getUrl().encodedPath().equals("/oauth/token")) {
                    int n = tokenRequests.incrementAndGet();
                    tokenRequestLog.add(request);
                    MockResponse scripted = tokenQueue.poll();
                    return scripted != null ? scripted : defaultToken.apply(n);
                }
                apiRequests.add(request);
                beforeApiAnswer.accept(request);
                MockResponse scripted = apiQueue.poll();
                if (scripted != null) {
                    return scripted;
                }
                return defaultApi != null
                        ? defaultApi
                        : json(500, "{\"errors\":[{\"message\":\"no scripted response\",\"reason\":\"test\"}]}");
            }
        });
        // accepted sockets without Nagle's delay: MockWebServer writes head and body separately
        server.setServerSocketFactory(new javax.net.ServerSocketFactory() {
            @Override
            public java.net.ServerSocket createServerSocket() throws IOException {
                return new java.net.ServerSocket() {
                    @Override
                    public java.net.Socket accept() throws IOException {
                        java.net.Socket socket = new java.net.Socket();
                        implAccept(socket);
                        socket.setTcpNoDelay(true);
                        return socket;
                    }
                };
            }

            @Override
            public java.net.ServerSocket createServerSocket(int port) {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.net.ServerSocket createServerSocket(int port, int backlog) {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.net.ServerSocket createServerSocket(int port, int backlog, java.net.InetAddress address) {
                throw new UnsupportedOperationException();
            }
        });
        try {
            server.start(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The access token value of the n-th token request (registered with the {@link SecretGuard}). */
    public static String tokenValue(int n) {
        return SecretGuard.register("eyJ-access-token-" + n + "-abcdefghijklmnopqrstuvwxyz");
    }

    /** The secrets a request carries: secret-named JSON fields, API keys, Authorization values. */
    private static void rememberSecrets(RecordedRequest request) {
        if (request.getBody() != null) {
            SecretGuard.registerJsonSecrets(request.getBody().utf8());
        }
        SecretGuard.register(request.getHeaders().get("x-api-key"));
        String auth = request.getHeaders().get("Authorization");
        if (auth != null && auth.indexOf(' ') > 0) {
            SecretGuard.register(auth.substring(auth.indexOf(' ') + 1));
        }
    }

    public String baseUrl() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    /** A builder wired to this server, the manual clock and sleeper, exact (un-jittered) retries. */
    public AuraClient.Builder clientBuilder() {
        return AuraClient.builder()
                .credentials(AuraCredentials.of(CLIENT_ID, CLIENT_SECRET))
                .baseUrl(baseUrl())
                .clock(clock)
                .sleeper(sleeper)
                .rateLimit(RateLimit.unlimited())
                .retryPolicy(RetryPolicy.builder().jitter(false).build());
    }

    public AuraClient client() {
        return clientBuilder().build();
    }

    public ScriptedAura enqueue(MockResponse response) {
        apiQueue.add(response);
        return this;
    }

    public ScriptedAura enqueueToken(MockResponse response) {
        tokenQueue.add(response);
        return this;
    }

    public ScriptedAura defaultApi(MockResponse response) {
        this.defaultApi = response;
        return this;
    }

    public ScriptedAura defaultToken(IntFunction<MockResponse> responder) {
        this.defaultToken = responder;
        return this;
    }

    /** A JSON response; the values of its secret-named fields are registered with the {@link SecretGuard}. */
    public static MockResponse json(int status, String body) {
        SecretGuard.registerJsonSecrets(body);
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .addHeader("X-Request-Id", "req-" + status + "-" + Integer.toHexString(body.hashCode()))
                .body(body)
                .build();
    }

    public static MockResponse data(String dataJson) {
        return json(200, "{\"data\":" + dataJson + "}");
    }

    public static MockResponse token(String value, long expiresIn) {
        SecretGuard.register(value);
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body("{\"access_token\":\"" + value + "\",\"expires_in\":" + expiresIn + ",\"token_type\":\"bearer\"}")
                .build();
    }

    @Override
    public void close() {
        server.close();
    }
}
