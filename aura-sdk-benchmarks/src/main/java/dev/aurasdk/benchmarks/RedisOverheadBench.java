package dev.aurasdk.benchmarks;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraCredentials;
import dev.aurasdk.core.http.RateLimit;
import dev.aurasdk.imports.ImportJobs;
import dev.aurasdk.imports.ProjectRef;
import dev.aurasdk.redis.RedisFleet;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Measure 7, per-call overhead of the Redis token store and request budget ({@code aura-sdk-redis}) next to
 * the in-process cache and limiter: whole {@code getWithProgress} calls on {@link InMemoryHttpClient} (no
 * network to Aura, so the difference is the Redis work: one {@code GET} of the encrypted token, its
 * decryption when it changed, and one budget script per call), timed one by one with {@code nanoTime}. Both
 * variants have a budget that is never reached (1,000,000 per minute), so nobody waits for a slot. Redis is a
 * {@code redis-server} started by the bench on a loopback port (no persistence), or {@code redis=URL}.
 * In-process and Redis alternate each round, order reversed every other round.
 *
 * <p>Options: {@code threads=1 calls=20000 warmup=20000 rounds=4 redis=} (empty: start one).
 */
public final class RedisOverheadBench {
    private RedisOverheadBench() {}

    /**
     * Runs the rounds and prints a Markdown table.
     *
     * @param args options, see the class comment
     * @throws Exception when Redis cannot be started or a call fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> opts = BenchSupport.options(args);
        int threads = BenchSupport.intOption(opts, "threads", 1);
        int calls = BenchSupport.intOption(opts, "calls", 20_000);
        int warmup = BenchSupport.intOption(opts, "warmup", 20_000);
        int rounds = BenchSupport.intOption(opts, "rounds", 4);
        String url = opts.getOrDefault("redis", "");
        Process server = null;
        if (url.isEmpty()) {
            int port = freePort();
            server = new ProcessBuilder(
                            "redis-server",
                            "--port",
                            Integer.toString(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            awaitPort(port);
            url = "redis://127.0.0.1:" + port;
        }
        try {
            System.out.println("# Redis store + budget vs in-process, per call: " + threads + " thread(s) x " + calls
                    + " calls per round, " + rounds + " rounds, after " + warmup + " warm-up calls each; "
                    + BenchSupport.machine());
            System.out.println("\n| round | variant | p50 µs | p90 µs | p99 µs | p99.9 µs | mean µs |");
            System.out.println("|---:|---|---:|---:|---:|---:|---:|");
            RateLimit never = RateLimit.of(1_000_000, Duration.ofMinutes(1));
            AuraCredentials credentials = AuraCredentials.of(Payloads.CLIENT_ID, Payloads.CLIENT_SECRET);
            try (RedisFleet fleet = RedisFleet.builder()
                            .url(url)
                            .keyPrefix("bench:")
                            .credentials(credentials)
                            .rateLimit(never)
                            .build();
                    AuraClient inProcess = BenchSupport.sdkClient("http://127.0.0.1:1")
                            .httpClient(new InMemoryHttpClient())
                            .rateLimit(never)
                            .build();
                    AuraClient redis = fleet.configure(AuraClient.builder()
                                    .baseUrl("http://127.0.0.1:1")
                                    .httpClient(new InMemoryHttpClient()))
                            .build()) {
                ImportJobs local = jobs(inProcess);
                ImportJobs shared = jobs(redis);
                time(local, threads, warmup);
                time(shared, threads, warmup);
                List<long[]> localAll = new ArrayList<>();
                List<long[]> sharedAll = new ArrayList<>();
                for (int r = 1; r <= rounds; r++) {
                    boolean localFirst = r % 2 == 1;
                    long[] first = time(localFirst ? local : shared, threads, calls);
                    long[] second = time(localFirst ? shared : local, threads, calls);
                    long[] l = localFirst ? first : second;
                    long[] s = localFirst ? second : first;
                    localAll.add(l);
                    sharedAll.add(s);
                    row(Integer.toString(r), "in-process", l);
                    row(Integer.toString(r), "Redis", s);
                }
                row("all", "in-process", concat(localAll));
                row("all", "Redis", concat(sharedAll));
                if (!fleet.isRedisAvailable()) {
                    throw new IllegalStateException("Redis was not in use at the end: the figures are void");
                }
            }
            System.out.println("\nload average at the end: " + BenchSupport.loadAverage());
        } finally {
            if (server != null) {
                server.destroyForcibly();
                server.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static ImportJobs jobs(AuraClient client) {
        return ImportJobs.create(client, ProjectRef.of(Payloads.ORGANIZATION_ID, Payloads.PROJECT_ID));
    }

    /** Per-call latencies in nanoseconds of {@code calls} calls on each of {@code threads} threads. */
    private static long[] time(ImportJobs jobs, int threads, int calls) throws InterruptedException {
        long[][] perThread = new long[threads][calls];
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long[] out = perThread[t];
            Thread th = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < calls; i++) {
                    long t0 = System.nanoTime();
                    jobs.getWithProgress(Payloads.JOB_ID);
                    out[i] = System.nanoTime() - t0;
                }
            });
            workers.add(th);
            th.start();
        }
        start.countDown();
        for (Thread th : workers) {
            th.join();
        }
        return concat(Arrays.asList(perThread));
    }

    private static long[] concat(List<long[]> parts) {
        long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    private static void row(String round, String variant, long[] sorted) {
        double mean = Arrays.stream(sorted).average().orElse(0) / 1000.0;
        System.out.printf(
                "| %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
                round, variant, pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99), pct(sorted, 0.999), mean);
    }

    private static double pct(long[] sorted, double q) {
        long[] s = sorted.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(q * s.length) - 1)] / 1000.0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitPort(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("redis-server did not open port " + port);
    }
}
