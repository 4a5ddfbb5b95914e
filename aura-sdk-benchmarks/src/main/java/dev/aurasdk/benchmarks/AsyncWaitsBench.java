package dev.aurasdk.benchmarks;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraCredentials;
import dev.aurasdk.core.http.RateLimit;
import dev.aurasdk.imports.CreateImportJob;
import dev.aurasdk.imports.ImportJob;
import dev.aurasdk.imports.ImportJobs;
import dev.aurasdk.imports.ProjectRef;
import dev.aurasdk.testkit.DemoWorld;
import dev.aurasdk.testkit.FakeAuraServer;
import dev.aurasdk.testkit.StepMode;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Measure 4, asynchronous waits at scale: {@code waits} concurrent {@code awaitCompletionAsync} on the
 * {@link FakeAuraServer} (each job takes 10 ticks of one second).
 *
 * <ul>
 *   <li><b>virtual time</b>: the fake in manual step mode and the client's waits on a
 *       {@link DiscreteEventScheduler}, so polls interleave as in real time but nothing sleeps. The heap
 *       retained per wait is measured after GC with every wait started but not yet polled, and again
 *       after every wait has polled once (it then holds its last snapshot).
 *   <li><b>SDK scheduler, real time</b>: the client's own default scheduler and HTTP client, the fake
 *       in auto step mode (each poll advances a job by a quarter), with the default wait options.
 * </ul>
 * Threads are sampled every 10 ms; those started during a scenario and named {@code aura-sdk-*} (the
 * client's scheduler) or {@code HttpClient-*} (the JDK HTTP client the SDK builds) count as created by
 * the SDK.
 *
 * <p>Options: {@code waits=10000 scenario=both|virtual|real}.
 */
public final class AsyncWaitsBench {
    private AsyncWaitsBench() {}

    /**
     * Runs the scenarios and prints the results.
     *
     * @param args options, see the class comment
     * @throws Exception when the fake cannot start or a wait fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> opts = BenchSupport.options(args);
        int waits = BenchSupport.intOption(opts, "waits", 10_000);
        String scenario = opts.getOrDefault("scenario", "both");
        System.out.println("# Async waits: " + waits + " concurrent awaitCompletionAsync; " + BenchSupport.machine());
        if (!scenario.equals("real")) {
            virtualTime(waits);
        }
        if (!scenario.equals("virtual")) {
            realTime(waits);
        }
        System.out.println("\nload average at the end: " + BenchSupport.loadAverage());
    }

    private static void virtualTime(int waits) throws Exception {
        try (FakeAuraServer fake =
                FakeAuraServer.builder().stepMode(StepMode.MANUAL).build().start()) {
            DiscreteEventScheduler scheduler = new DiscreteEventScheduler(fake.clock());
            ThreadSampler threads = ThreadSampler.start();
            try (AuraClient aura = fake.clientBuilder()
                    .rateLimit(RateLimit.unlimited())
                    .scheduler(scheduler)
                    .addRequestListener(scheduler.exchangeCounter())
                    .build()) {
                ImportJobs jobs = importJobs(aura);
                List<String> ids = createJobs(jobs, waits);
                fake.journal().clear();
                long before = usedHeapAfterGc();
                long started = System.nanoTime();
                List<CompletableFuture<ImportJob>> futures = new ArrayList<>();
                for (String id : ids) {
                    futures.add(jobs.awaitCompletionAsync(id));
                }
                long pending = usedHeapAfterGc();
                // every first poll is due after the initial delay (1 s); the second after 2.35 s at the earliest
                Instant t0 = fake.clock().instant();
                int exchangesBefore = scheduler.exchangesStarted();
                scheduler.runUntil(t0.plusSeconds(2));
                fake.journal().clear();
                long polledOnce = usedHeapAfterGc();
                scheduler.runUntil(t0.plus(Duration.ofHours(1)));
                int polls = scheduler.exchangesStarted() - exchangesBefore;
                double seconds = (System.nanoTime() - started) / 1e9;
                long ok = futures.stream()
                        .filter(f -> f.isDone() && !f.isCompletedExceptionally())
                        .count();
                System.out.println("\n## Virtual time (DiscreteEventScheduler, fake in MANUAL step mode)\n");
                System.out.printf(
                        "waits completed successfully: %d of %d, polls: %d, wall time %.1f s, " + "virtual time %d s%n",
                        ok,
                        waits,
                        polls,
                        seconds,
                        Duration.between(t0, fake.clock().instant()).toSeconds());
                System.out.printf(
                        "heap retained per pending wait: %.0f B before its first poll, %.0f B after one "
                                + "poll (holds its last snapshot)%n",
                        (pending - before) / (double) waits, (polledOnce - before) / (double) waits);
            }
            threads.stopAndPrint();
        }
    }

    private static void realTime(int waits) throws Exception {
        try (FakeAuraServer fake =
                FakeAuraServer.builder().stepMode(StepMode.AUTO).build().start()) {
            ThreadSampler threads = ThreadSampler.start();
            try (AuraClient aura = AuraClient.builder()
                    .baseUrl(fake.baseUrl())
                    .credentials(AuraCredentials.of(fake.clientId(), fake.clientSecret()))
                    .rateLimit(RateLimit.unlimited())
                    .build()) {
                ImportJobs jobs = importJobs(aura);
                List<String> ids = createJobs(jobs, waits);
                long started = System.nanoTime();
                List<CompletableFuture<ImportJob>> futures = new ArrayList<>();
                for (String id : ids) {
                    futures.add(jobs.awaitCompletionAsync(id));
                }
                CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
                        .get(10, TimeUnit.MINUTES);
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.println("\n## SDK scheduler, real time (default wait options, fake in AUTO step mode)\n");
                System.out.printf(
                        "waits completed successfully: %d of %d, polls: %d, wall time %.1f s%n",
                        futures.size(), waits, fake.journal().count("GET", ".*/import/jobs/.*"), seconds);
            }
            threads.stopAndPrint();
        }
    }

    private static ImportJobs importJobs(AuraClient aura) {
        return ImportJobs.create(aura, ProjectRef.of(DemoWorld.ORGANIZATION_ID, DemoWorld.PROJECT_ID));
    }

    private static List<String> createJobs(ImportJobs jobs, int count) {
        CreateImportJob request = CreateImportJob.builder()
                .importModelId(DemoWorld.IMPORT_MODEL_ID)
                .instanceId(DemoWorld.INSTANCE_ID)
                .build();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(jobs.create(request).id());
        }
        return ids;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Samples the live threads every 10 ms and remembers those the SDK created. */
    private static final class ThreadSampler implements Runnable {
        private final Set<Thread> preexisting = Set.copyOf(liveThreads());
        private final Set<Thread> seen = ConcurrentHashMap.newKeySet();
        private final long startedBefore = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
        private volatile boolean stop;
        private volatile int peakLive;
        private volatile int peakJdkCompletions;
        private final Set<Thread> seenJdkCompletions = ConcurrentHashMap.newKeySet();
        private Thread thread;

        static ThreadSampler start() {
            ThreadSampler s = new ThreadSampler();
            s.thread = new Thread(s, "bench-thread-sampler");
            s.thread.setDaemon(true);
            s.thread.start();
            return s;
        }

        @Override
        public void run() {
            while (!stop) {
                int live = 0;
                int completions = 0;
                for (Thread t : liveThreads()) {
                    String name = t.getName();
                    if (!preexisting.contains(t) && (name.startsWith("aura-sdk-") || name.startsWith("HttpClient-"))) {
                        seen.add(t);
                        live++;
                    } else if (!preexisting.contains(t) && name.matches("Thread-\\d+")) {
                        // the JDK's sendAsync completes each response once more on CompletableFuture's
                        // default executor: with fewer than 3 CPUs, a new short-lived thread per task
                        seenJdkCompletions.add(t);
                        completions++;
                    }
                }
                peakLive = Math.max(peakLive, live);
                peakJdkCompletions = Math.max(peakJdkCompletions, completions);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stopAndPrint() throws InterruptedException {
            stop = true;
            thread.join();
            long startedInJvm = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - startedBefore - 1;
            Set<String> names = new TreeSet<>();
            seen.forEach(t -> names.add(t.getName()));
            System.out.printf(
                    "threads created by the SDK: %d distinct, at most %d alive at once: %s "
                            + "(threads started in the JVM meanwhile, the fake server's included: %d)%n",
                    seen.size(), peakLive, names, startedInJvm);
            System.out.printf(
                    "JDK completion threads (HttpClient.sendAsync's hop to CompletableFuture's default "
                            + "executor, unnamed Thread-N): %d seen by the sampler, at most %d alive at once%n",
                    seenJdkCompletions.size(), peakJdkCompletions);
        }

        private static List<Thread> liveThreads() {
            ThreadGroup root = Thread.currentThread().getThreadGroup();
            while (root.getParent() != null) {
                root = root.getParent();
            }
            Thread[] all = new Thread[Thread.activeCount() * 2 + 16];
            int n = root.enumerate(all, true);
            return List.of(Arrays.copyOf(all, n));
        }
    }
}
