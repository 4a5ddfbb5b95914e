package dev.aurasdk.benchmarks;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.http.RateLimit;
import dev.aurasdk.imports.ImportJobs;
import dev.aurasdk.imports.ProjectRef;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToDoubleFunction;

/**
 * Measure 1, throughput: N threads each calling {@code getWithProgress} in a loop against the
 * {@link CannedAuraServer} on loopback, through the SDK (rate limiter off), through the SDK with a
 * limiter whose budget is never reached (its own cost), and through {@link RawClient} on a default
 * {@link HttpClient} ({@code raw}) and on one with a 2-thread executor like the SDK's
 * ({@code raw+pool}, so the ratio to it shows the SDK's own overhead alone). The variants
 * run one after the other in each round, in alternating order, so every ratio compares runs seconds
 * apart; the report gives the median of the per-round ratios.
 *
 * <p>A failed call does not stop the run: each variant's failed calls are counted, by exception class, and
 * reported next to its throughput (calls/s counts successful calls only). The server also counts the
 * connections it accepted during each run, reported per 1,000 calls (a client that keeps its connections alive
 * opens none after its first runs: 0.000).
 *
 * <p>Options: {@code threads=1,8,64 rounds=3 warmup=2 seconds=5} (seconds per run; before the first
 * run every variant runs {@code prewarm=15} seconds on 8 threads for the JIT), and
 * {@code variants=raw,raw+pool,sdk,sdk+limiter} to run only some (for profiling one side).
 */
public final class ThroughputBench {
    private ThroughputBench() {}

    /**
     * One measured run.
     *
     * @param callsPerSecond successful calls per second in the measured window
     * @param cpuMicrosPerCall process CPU per successful call in the measured window (client and server)
     * @param succeeded successful calls of the whole run (warm-up included)
     * @param failed failed calls of the whole run (warm-up included)
     * @param failureKinds failed calls by {@link CallTally#kind exception classes}
     * @param connections connections the server accepted during the run, or -1 when not counted
     */
    record Run(
            double callsPerSecond,
            double cpuMicrosPerCall,
            long succeeded,
            long failed,
            Map<String, Long> failureKinds,
            long connections) {
        Run withConnections(long count) {
            return new Run(callsPerSecond, cpuMicrosPerCall, succeeded, failed, failureKinds, count);
        }

        /** @return connections per 1,000 calls (successful or not) of the run */
        double connectionsPer1000Calls() {
            return connections * 1000.0 / Math.max(1, succeeded + failed);
        }
    }

    /**
     * Runs the measure and prints a Markdown table.
     *
     * @param args options, see the class comment
     * @throws Exception when the server cannot start or a thread is interrupted
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> opts = BenchSupport.options(args);
        int rounds = BenchSupport.intOption(opts, "rounds", 3);
        Duration warmup = Duration.ofSeconds(BenchSupport.intOption(opts, "warmup", 2));
        Duration measure = Duration.ofSeconds(BenchSupport.intOption(opts, "seconds", 5));
        List<Integer> threadCounts = new ArrayList<>();
        for (String t : opts.getOrDefault("threads", "1,8,64").split(",")) {
            threadCounts.add(Integer.parseInt(t.trim()));
        }
        int maxThreads = threadCounts.stream().mapToInt(Integer::intValue).max().orElse(1);
        System.out.println("# Throughput: getWithProgress (" + Payloads.importJob().length + " B body), "
                + BenchSupport.machine());
        try (CannedAuraServer server = new CannedAuraServer(maxThreads + 4, 3600);
                AuraClient sdk = BenchSupport.sdkClient(server.baseUrl()).build();
                AuraClient limited = BenchSupport.sdkClient(server.baseUrl())
                        .rateLimit(RateLimit.of(10_000, Duration.ofMillis(1)))
                        .build()) {
            ProjectRef project = ProjectRef.of(Payloads.ORGANIZATION_ID, Payloads.PROJECT_ID);
            ImportJobs sdkJobs = ImportJobs.create(sdk, project);
            ImportJobs limitedJobs = ImportJobs.create(limited, project);
            RawClient raw = new RawClient(server.baseUrl()).authenticate();
            ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "raw-http-pool");
                t.setDaemon(true);
                return t;
            });
            RawClient rawPooled = new RawClient(
                            server.baseUrl(),
                            HttpClient.newBuilder()
                                    .executor(pool)
                                    .connectTimeout(Duration.ofSeconds(10))
                                    .followRedirects(HttpClient.Redirect.NEVER)
                                    .build())
                    .authenticate();
            Map<String, Runnable> variants = new LinkedHashMap<>();
            variants.put("raw", raw::getImportJob);
            variants.put("raw+pool", rawPooled::getImportJob);
            variants.put("sdk", () -> sdkJobs.getWithProgress(Payloads.JOB_ID));
            variants.put("sdk+limiter", () -> limitedJobs.getWithProgress(Payloads.JOB_ID));
            String chosen = opts.getOrDefault("variants", String.join(",", variants.keySet()));
            variants.keySet().retainAll(List.of(chosen.split(",")));

            // JIT-compile every variant's path first, so no measured run pays for compilation
            int prewarm = BenchSupport.intOption(opts, "prewarm", 15);
            for (Runnable call : variants.values()) {
                measure(call, 8, Duration.ofSeconds(prewarm), Duration.ofMillis(1));
            }
            System.out.println("\n| threads | round | variant | calls/s | CPU µs/call (client+server) | failed calls "
                    + "| new connections per 1,000 calls |");
            System.out.println("|---:|---:|---|---:|---:|---|---:|");
            StringBuilder summary = new StringBuilder();
            summary.append("\n| threads | raw calls/s | SDK calls/s | SDK/raw (median, range) | SDK/raw+pool "
                    + "| SDK+limiter/raw | CPU µs/call raw / SDK |\n|---:|---:|---:|---|---|---|---|\n");
            StringBuilder failures = new StringBuilder();
            failures.append("\n| threads | variant | calls (all rounds) | failed calls | failures by exception "
                    + "| new connections per 1,000 calls (median) |\n|---:|---|---:|---:|---|---:|\n");
            for (int threads : threadCounts) {
                Map<String, List<Run>> runs = new LinkedHashMap<>();
                variants.keySet().forEach(v -> runs.put(v, new ArrayList<>()));
                for (int round = 1; round <= rounds; round++) {
                    List<String> order = new ArrayList<>(variants.keySet());
                    if (round % 2 == 0) {
                        Collections.reverse(order);
                    }
                    for (String name : order) {
                        long connectionsBefore = server.connectionsAccepted();
                        Run r = measure(variants.get(name), threads, warmup, measure)
                                .withConnections(server.connectionsAccepted() - connectionsBefore);
                        runs.get(name).add(r);
                        System.out.printf(
                                "| %d | %d | %s | %.0f | %.1f | %s | %.3f |%n",
                                threads,
                                round,
                                name,
                                r.callsPerSecond(),
                                r.cpuMicrosPerCall(),
                                failedCalls(r.failed(), r.failureKinds()),
                                r.connectionsPer1000Calls());
                    }
                }
                if (runs.keySet().containsAll(List.of("raw", "raw+pool", "sdk", "sdk+limiter"))) {
                    summary.append(summaryRow(threads, runs));
                }
                runs.forEach((name, list) -> failures.append(failureRow(threads, name, list)));
            }
            System.out.print(summary);
            System.out.print(failures);
            System.out.println("\nload average at the end: " + BenchSupport.loadAverage() + "; token requests: "
                    + server.tokenRequests());
            pool.shutdown();
        }
    }

    /**
     * Runs {@code call} on {@code threads} threads for warm-up plus measurement time.
     *
     * @param call one call
     * @param threads concurrent callers
     * @param warmup time before counting
     * @param measure time counted
     * @return calls per second and process CPU per call
     * @throws InterruptedException when interrupted
     */
    static Run measure(Runnable call, int threads, Duration warmup, Duration measure) throws InterruptedException {
        CallTally tally = new CallTally();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch firstCallsMade = new CountDownLatch(threads);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(
                    () -> {
                        tally.call(call);
                        firstCallsMade.countDown();
                        while (!stop.get()) {
                            tally.call(call); // a failed call is counted, and the caller goes on
                        }
                    },
                    "bench-caller-" + i);
            workers.add(t);
            t.start();
        }
        firstCallsMade.await(2, TimeUnit.MINUTES); // every caller is running before the clock starts
        Thread.sleep(warmup.toMillis());
        long c0 = tally.succeeded();
        long cpu0 = BenchSupport.processCpuNanos();
        long t0 = System.nanoTime();
        Thread.sleep(measure.toMillis());
        long c1 = tally.succeeded();
        long cpu1 = BenchSupport.processCpuNanos();
        long t1 = System.nanoTime();
        stop.set(true);
        for (Thread t : workers) {
            t.join();
        }
        long n = Math.max(1, c1 - c0);
        return new Run(
                (c1 - c0) * 1e9 / (t1 - t0),
                (cpu1 - cpu0) / 1e3 / n,
                tally.succeeded(),
                tally.failed(),
                tally.failureKinds(),
                -1);
    }

    /** One line of the failures table: a variant's calls, failures and connections over all rounds. */
    static String failureRow(int threads, String variant, List<Run> runs) {
        long succeeded = 0;
        long failed = 0;
        Map<String, Long> kinds = new TreeMap<>();
        List<Double> connections = new ArrayList<>();
        for (Run r : runs) {
            succeeded += r.succeeded();
            failed += r.failed();
            r.failureKinds().forEach((k, v) -> kinds.merge(k, v, Long::sum));
            if (r.connections() >= 0) {
                connections.add(r.connectionsPer1000Calls());
            }
        }
        return String.format(
                "| %d | %s | %d | %d | %s | %s |%n",
                threads,
                variant,
                succeeded + failed,
                failed,
                kinds.isEmpty() ? "—" : kinds.toString(),
                connections.isEmpty() ? "—" : String.format("%.3f", BenchSupport.median(connections)));
    }

    private static String failedCalls(long failed, Map<String, Long> kinds) {
        return failed == 0 ? "0" : failed + " " + kinds;
    }

    /** One line of the summary: medians, and the median and range of the per-round ratios. */
    private static String summaryRow(int threads, Map<String, List<Run>> runs) {
        List<Run> raw = runs.get("raw");
        List<Run> sdk = runs.get("sdk");
        List<Double> sdkRatio = ratios(sdk, raw);
        List<Double> pooledRatio = ratios(sdk, runs.get("raw+pool"));
        List<Double> limitedRatio = ratios(runs.get("sdk+limiter"), raw);
        return String.format(
                "| %d | %.0f | %.0f | %.2f (%s) | %.2f (%s) | %.2f (%s) | %.1f / %.1f |%n",
                threads,
                medianOf(raw, Run::callsPerSecond),
                medianOf(sdk, Run::callsPerSecond),
                BenchSupport.median(sdkRatio),
                BenchSupport.range(sdkRatio, "%.2f"),
                BenchSupport.median(pooledRatio),
                BenchSupport.range(pooledRatio, "%.2f"),
                BenchSupport.median(limitedRatio),
                BenchSupport.range(limitedRatio, "%.2f"),
                medianOf(raw, Run::cpuMicrosPerCall),
                medianOf(sdk, Run::cpuMicrosPerCall));
    }

    private static List<Double> ratios(List<Run> a, List<Run> b) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            out.add(a.get(i).callsPerSecond() / b.get(i).callsPerSecond());
        }
        return out;
    }

    private static double medianOf(List<Run> runs, ToDoubleFunction<Run> f) {
        List<Double> v = new ArrayList<>();
        runs.forEach(r -> v.add(f.applyAsDouble(r)));
        return BenchSupport.median(v);
    }
}
