package dev.aurasdk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.http.RateLimit;
import dev.aurasdk.core.http.RequestEvent;
import dev.aurasdk.core.http.RequestListener;
import dev.aurasdk.core.testing.SecretGuard;
import dev.aurasdk.imports.ImportJob;
import dev.aurasdk.imports.ImportJobs;
import dev.aurasdk.testkit.FakeAuraServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Load against the fake, in its virtual time: many threads sharing one client through a token expiry, a rate limit
 * shared by the SDK and the fake, and a thousand asynchronous waits on a handful of threads.
 */
class LoadTest {
    static final int THREADS = 64;
    static final int CALLS_PER_THREAD = 1_000;
    /** Virtual time the token-expiry run spans: past the first token's refresh point (55 min), not the second's. */
    static final Duration TOKEN_RUN_SPAN = Duration.ofMinutes(90);

    static final int MAX_TOKEN_REQUESTS = 2;

    static final int RATE_LIMITED_CALLS_PER_THREAD = 100;
    static final int RATE_LIMIT = 125;
    static final Duration RATE_WINDOW = Duration.ofSeconds(6);
    /** At most this many 429s from the fake's rate limit (the SDK's own limiter should keep them at zero). */
    static final int MAX_429S = 0;
    /** 429s injected at the start of the rate-limited run, so that honouring Retry-After is always exercised. */
    static final int INJECTED_429S = 20;

    static final int ASYNC_WAITS = 1_000;
    static final int MAX_ADDED_THREADS = 4;

    /** Figures measured by the last run of each test (printed, and written to target/reliability-figures.txt). */
    static final Map<String, Object> MEASURED = new java.util.concurrent.ConcurrentSkipListMap<>();

    @Test
    @Timeout(600)
    void sixtyFourThreadsMakeSixtyFourThousandCallsThroughATokenExpiryWithoutAFailureAndAtMostTwoTokenRequests()
            throws Exception {
        long tick = TOKEN_RUN_SPAN.toMillis() / ((long) THREADS * CALLS_PER_THREAD);
        try (FakeAuraServer server = FakeAuraServer.create().start();
                AuraClient client = server.clientBuilder()
                        .rateLimit(RateLimit.unlimited()) // the fake has no rate limit in this run
                        .sleeper(Fixtures.overlappingVirtualSleeper(server))
                        .build()) {
            AtomicInteger ok = new AtomicInteger();
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            Instant start = server.clock().instant();
            long t0 = System.nanoTime();
            runOnThreads(THREADS, () -> {
                for (int i = 0; i < CALLS_PER_THREAD; i++) {
                    try {
                        assertThat(client.tenants().list()).isNotEmpty();
                        ok.incrementAndGet();
                    } catch (RuntimeException | AssertionError e) {
                        failures.add(SecretGuard.observe(e));
                    }
                    server.advance(Duration.ofMillis(tick));
                    if (i % 100 == 99) {
                        server.journal().clear(); // keeps memory flat; the counts below do not need it
                    }
                }
            });
            long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
            Duration virtual = Duration.between(start, server.clock().instant());
            record("token run: calls", ok.get());
            record("token run: failed calls", failures.size());
            record("token run: token requests", server.tokenRequestCount());
            record("token run: virtual time (min)", virtual.toMinutes());
            record("token run: wall time (ms)", elapsedMs);
            record("token run: calls per second", ok.get() * 1000L / Math.max(1, elapsedMs));

            assertThat(failures).as("failed calls").isEmpty();
            assertThat(ok.get()).isEqualTo(THREADS * CALLS_PER_THREAD);
            assertThat(virtual)
                    .as("the run spans the first token's refresh point")
                    .isGreaterThan(Duration.ofMinutes(55));
            assertThat(server.tokenRequestCount())
                    .as("token requests")
                    .isLessThanOrEqualTo(MAX_TOKEN_REQUESTS)
                    .isEqualTo(2); // the expiry did happen mid-run, and cost exactly one refresh
        }
    }

    @Test
    @Timeout(600)
    void sixtyFourThreadsUnderTheFakesRateLimitHonourEvery429AndNoCallFails() throws Exception {
        RecordingHttpClient http = new RecordingHttpClient();
        ConcurrentLinkedQueue<String> dishonoured = new ConcurrentLinkedQueue<>();
        AtomicInteger retriesAfter429 = new AtomicInteger();
        RequestListener honourCheck = new RequestListener() {
            @Override
            public void onRetry(RequestEvent event, Duration delay, String reason) {
                if (reason.equals("HTTP 429")) {
                    retriesAfter429.incrementAndGet();
                    long asked = http.takeRetryAfter().map(Long::parseLong).orElse(0L);
                    if (asked == 0 || delay.compareTo(Duration.ofSeconds(asked)) < 0) {
                        dishonoured.add(event.path() + ": asked " + asked + " s, waited " + delay);
                    }
                }
            }
        };
        try (FakeAuraServer server = FakeAuraServer.create().start().rateLimit(RATE_LIMIT, RATE_WINDOW)) {
            SimulatedTime time = new SimulatedTime(server);
            try (AuraClient client = server.clientBuilder()
                    .httpClient(http)
                    .rateLimit(RateLimit.of(RATE_LIMIT, RATE_WINDOW))
                    .sleeper(time)
                    .addRequestListener(honourCheck)
                    .build()) {
                client.tokenProvider().token(); // the token request is not rate limited: out of the way first
                // besides whatever the rate limit produces, a burst of 429s from the gateway right at the start
                server.fault()
                        .next(INJECTED_429S)
                        .matching("GET", Fixtures.INSTANCE_PATH)
                        .retryAfter(Duration.ofSeconds(2))
                        .respond(429);
                AtomicInteger ok = new AtomicInteger();
                ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
                Instant start = server.clock().instant();
                for (int t = 0; t < THREADS; t++) {
                    time.join();
                }
                runOnThreads(THREADS, () -> {
                    try {
                        for (int i = 0; i < RATE_LIMITED_CALLS_PER_THREAD; i++) {
                            try {
                                client.instances().get(Fixtures.INSTANCE);
                                ok.incrementAndGet();
                            } catch (RuntimeException e) {
                                failures.add(SecretGuard.observe(e));
                            }
                        }
                    } finally {
                        time.leave();
                    }
                });
                Duration virtual = Duration.between(start, server.clock().instant());
                long answered429 = server.journal().entries().stream()
                        .filter(e -> e.status() == 429)
                        .count();
                long injected = server.journal().entries().stream()
                        .filter(e -> e.status() == 429 && e.faultInjected())
                        .count();
                record("rate-limited run: calls", ok.get());
                record("rate-limited run: failed calls", failures.size());
                record("rate-limited run: 429s from the fake's rate limit", answered429 - injected);
                record("rate-limited run: 429s injected", injected);
                record("rate-limited run: virtual time (s)", virtual.toSeconds());

                assertThat(failures).as("failed calls").isEmpty();
                assertThat(ok.get()).isEqualTo(THREADS * RATE_LIMITED_CALLS_PER_THREAD);
                assertThat(injected).isEqualTo(INJECTED_429S);
                assertThat(http.tooManyRequests()).isEqualTo((int) answered429);
                assertThat(retriesAfter429.get()).as("every 429 was retried").isEqualTo((int) answered429);
                assertThat(dishonoured)
                        .as("retries sooner than the server's Retry-After")
                        .isEmpty();
                assertThat(answered429 - injected)
                        .as("429s from the rate limit (the SDK's limiter keeps them away)")
                        .isLessThanOrEqualTo(MAX_429S);
                long windows = (long) Math.ceil((double) THREADS * RATE_LIMITED_CALLS_PER_THREAD / RATE_LIMIT) - 1;
                assertThat(virtual)
                        .as("the calls were spread over the windows the limit requires")
                        .isGreaterThanOrEqualTo(RATE_WINDOW.multipliedBy(windows));
            }
        }
    }

    @Test
    @Timeout(600)
    void aThousandConcurrentAsyncImportWaitsCompleteWhileTheSdkAddsAtMostFourThreads() throws Exception {
        try (FakeAuraServer server = FakeAuraServer.create().start()) {
            Set<Thread> before = liveThreads();
            ThreadSampler sampler = new ThreadSampler(before);
            try (AuraClient client =
                    server.clientBuilder().rateLimit(RateLimit.unlimited()).build()) {
                sampler.start();
                ImportJobs jobs = Fixtures.jobs(client);
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < ASYNC_WAITS; i++) {
                    ids.add(jobs.create(Fixtures.importRequest()).id());
                }
                List<CompletableFuture<ImportJob>> waits =
                        ids.stream().map(jobs::awaitCompletionAsync).collect(Collectors.toList());
                CompletableFuture.allOf(waits.toArray(new CompletableFuture<?>[0]))
                        .get(540, TimeUnit.SECONDS);
                for (CompletableFuture<ImportJob> w : waits) {
                    assertThat(w.join().succeeded()).isTrue();
                }
                sampler.stop();
                long polls = server.journal().count("GET", Fixtures.JOBS_PATH + "/.+");
                record("async waits: completed", waits.size());
                record("async waits: polls", polls);
                record("async waits: most threads added by the SDK", sampler.maxAdded());
                record("async waits: threads added (names)", sampler.addedNames());
                record("async waits: most JDK completion threads alive at once", sampler.maxTransient());

                assertThat(sampler.maxAdded())
                        .as("threads the SDK added (" + sampler.addedNames() + ")")
                        .isLessThanOrEqualTo(MAX_ADDED_THREADS);
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static void runOnThreads(int threads, Runnable body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    start.await();
                    body.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : running) {
                f.get(540, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static void record(String figure, Object value) {
        MEASURED.put(figure, value);
        System.out.println("[figure] " + figure + ": " + value);
        Figures.write(MEASURED);
    }

    private static Set<Thread> liveThreads() {
        return new HashSet<>(Thread.getAllStackTraces().keySet());
    }

    /**
     * The JDK's {@code HttpClient.sendAsync} completes every response once more on
     * {@code CompletableFuture}'s default executor (a no-op stage, see {@code HttpClientImpl.sendAsync});
     * with fewer than 3 CPUs that executor starts a short-lived unnamed thread per task, otherwise it is
     * the common {@code ForkJoinPool}. Neither is the SDK's: counted apart.
     */
    static boolean isJdkAsyncCompletion(String name) {
        return name.matches("Thread-\\d+") || name.startsWith("ForkJoinPool.commonPool-worker-");
    }

    /** Whether a thread belongs to the fake server (MockWebServer's threads, the testkit's virtual-time scheduler). */
    static boolean isFakeServerThread(String name) {
        return name.startsWith("MockWebServer")
                || name.startsWith("aura-testkit-virtual-time")
                || name.contains("TaskRunner");
    }

    /** Samples the live threads every few milliseconds and keeps the most the SDK added at once. */
    private static final class ThreadSampler {
        private final Set<Thread> baseline;
        private final AtomicLong maxAdded = new AtomicLong();
        private final AtomicLong maxTransient = new AtomicLong();
        private final Set<String> names = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private volatile boolean running = true;
        private Thread thread;

        ThreadSampler(Set<Thread> baseline) {
            this.baseline = new HashSet<>(baseline);
        }

        void start() {
            thread = new Thread(
                    () -> {
                        while (running) {
                            sample();
                            try {
                                Thread.sleep(2);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "reliability-thread-sampler");
            thread.setDaemon(true);
            baseline.add(thread);
            thread.start();
        }

        void sample() {
            int added = 0;
            int transientCompletions = 0;
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.isAlive() && !baseline.contains(t) && !isFakeServerThread(t.getName())) {
                    if (isJdkAsyncCompletion(t.getName())) {
                        transientCompletions++;
                        continue;
                    }
                    added++;
                    names.add(t.getName());
                }
            }
            maxAdded.accumulateAndGet(added, Math::max);
            maxTransient.accumulateAndGet(transientCompletions, Math::max);
        }

        long maxTransient() {
            return maxTransient.get();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
            sample();
        }

        long maxAdded() {
            return maxAdded.get();
        }

        String addedNames() {
            return names.stream()
                    .map(n -> n.replaceAll("\\d+", "N"))
                    .distinct()
                    .sorted()
                    .collect(Collectors.joining(", "));
        }
    }
}
