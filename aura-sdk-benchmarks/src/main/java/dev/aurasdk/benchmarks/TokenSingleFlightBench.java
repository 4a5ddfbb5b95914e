package dev.aurasdk.benchmarks;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.imports.ImportJobs;
import dev.aurasdk.imports.ProjectRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Measure 3, token single flight: {@code threads} × {@code calls} {@code getWithProgress} calls, all
 * starting together without a token, on an {@link InMemoryHttpClient} whose tokens live
 * {@code lifetime} seconds and whose token endpoint takes {@code latency} ms, so the run spans several
 * refresh windows. Two scenarios: refresh ahead of expiry (margin = half the lifetime; callers keep
 * the old token while one refreshes) and refresh at expiry (margin 0; every caller needs the new
 * token). Reports token requests per refresh window (target 1) and the most token requests ever in
 * progress at once (single flight: 1).
 *
 * <p>Options: {@code threads=64 calls=10000 lifetime=2 latency=50}.
 */
public final class TokenSingleFlightBench {
    private TokenSingleFlightBench() {}

    /**
     * Runs both scenarios and prints a Markdown table.
     *
     * @param args options, see the class comment
     * @throws InterruptedException when interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> opts = BenchSupport.options(args);
        int threads = BenchSupport.intOption(opts, "threads", 64);
        int calls = BenchSupport.intOption(opts, "calls", 10_000);
        int lifetime = BenchSupport.intOption(opts, "lifetime", 2);
        Duration latency = Duration.ofMillis(BenchSupport.intOption(opts, "latency", 50));
        System.out.println("# Token single flight: " + threads + " threads x " + calls + " calls, token lifetime "
                + lifetime + " s, token endpoint latency " + latency.toMillis() + " ms; " + BenchSupport.machine());
        System.out.println("\n| scenario | calls | elapsed s | refresh every | windows spanned | token requests "
                + "| requests per window | most token requests in flight at once |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        Duration lifetimeDuration = Duration.ofSeconds(lifetime);
        run(
                "refresh ahead (margin = lifetime/2)",
                lifetimeDuration.dividedBy(2),
                lifetimeDuration,
                threads,
                calls,
                latency);
        run("refresh at expiry (margin 0)", Duration.ZERO, lifetimeDuration, threads, calls, latency);
        System.out.println("\nload average at the end: " + BenchSupport.loadAverage());
    }

    private static void run(
            String scenario, Duration margin, Duration lifetime, int threads, int calls, Duration latency)
            throws InterruptedException {
        InMemoryHttpClient http = new InMemoryHttpClient(lifetime.toSeconds(), latency);
        Duration refreshEvery = lifetime.minus(margin);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        try (AuraClient aura = BenchSupport.sdkClient("http://127.0.0.1:1")
                .httpClient(http)
                .tokenRefreshMargin(margin)
                .build()) {
            ImportJobs jobs = ImportJobs.create(aura, ProjectRef.of(Payloads.ORGANIZATION_ID, Payloads.PROJECT_ID));
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Thread t = new Thread(
                        () -> {
                            try {
                                start.await();
                                for (int c = 0; c < calls; c++) {
                                    jobs.getWithProgress(Payloads.JOB_ID);
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            } catch (RuntimeException e) {
                                failure.compareAndSet(null, e);
                            }
                        },
                        "token-caller-" + i);
                workers.add(t);
                t.start();
            }
            long t0 = System.nanoTime();
            start.countDown();
            for (Thread t : workers) {
                t.join();
            }
            double elapsed = (System.nanoTime() - t0) / 1e9;
            if (failure.get() != null) {
                throw new IllegalStateException("a call failed", failure.get());
            }
            // the first token is fetched at the start; each later one when a refresh window has passed
            long windows = 1 + (long) Math.floor(elapsed / (refreshEvery.toMillis() / 1000.0));
            System.out.printf(
                    "| %s | %d | %.1f | %d s | %d | %d | %.2f | %d |%n",
                    scenario,
                    (long) threads * calls,
                    elapsed,
                    refreshEvery.toSeconds(),
                    windows,
                    http.tokenRequests(),
                    http.tokenRequests() / (double) windows,
                    http.maxTokenRequestsInFlight());
        }
    }
}
