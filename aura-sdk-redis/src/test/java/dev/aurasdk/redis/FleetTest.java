package dev.aurasdk.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.core.testing.SecretGuard;
import dev.aurasdk.testkit.FakeAuraServer;
import dev.aurasdk.testkit.JournalEntry;
import dev.aurasdk.testkit.StepMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisMonitor;
import redis.clients.jedis.params.ClientKillParams;

/**
 * Eight real JVM processes of eight threads each call the fake Aura (in this JVM, on a loopback port) for
 * 30 s through one Redis: one token for all of them, refreshed once per refresh window, and one request
 * budget.
 *
 * <p>The budget is scaled: 100 requests per 10 s instead of 125 per 60 s. A 60 s window in a 30 s run would
 * show one burst and then nothing; three windows of 10 s in the same 30 s show the limit holding across all
 * processes, window after window. The fleet runs as configured by default, without smoothing, so every
 * window's budget goes in bursts and the sliding-window part of the budget script decides alone. The limit is
 * checked where the budget decides it: a {@code MONITOR} connection records the start time the script reserves
 * for each request (its {@code ZADD} to the budget's sorted set, on the Redis server's clock), and no full
 * 10 s window of those may hold more than 100.
 *
 * <p>The limit is also checked where Aura would count it: the times the requests arrive at the fake (its
 * journal). An arrival comes after the reserved start plus the sender's wake-up on two busy cores and the
 * loopback hop; a process descheduled for a while sends its requests late, next to the on-time requests of the
 * others. The arrival windows checked are therefore {@link #JITTER} (2 s) shorter than the limit's: any 101
 * reserved starts span at least 10 s, so their arrivals span at least 8 s as long as no request arrives more
 * than 2 s after its reserved start. A real overrun, such as each process keeping its own budget, is eight
 * times the limit and fails either way.
 */
class FleetTest {
    static final int PROCESSES = 8;
    static final int THREADS = 8;
    static final Duration RUN = Duration.ofSeconds(30);
    static final int PERMITS = 100;
    static final Duration WINDOW = Duration.ofSeconds(10);
    /** The most a request may arrive at the fake after the start the budget reserved for it. */
    static final Duration JITTER = Duration.ofSeconds(2);
    /** A command the budget script ran: {@code ZADD <prefix>{...}:budget <start ms> <member>}. */
    static final Pattern RESERVATION = Pattern.compile(
            ".*\\[\\d+ lua\\] \"ZADD\" \"fleet:\\{[0-9a-f]+\\}:budget\" \"([0-9.e+]+)\" .*", Pattern.CASE_INSENSITIVE);

    // refreshed at half its lifetime (every 8 s): a process descheduled for seconds still sends a valid token
    static final Duration TOKEN_TTL = Duration.ofSeconds(16);

    @RegisterExtension
    static final RedisServer redis = RedisServer.perClass();

    @Test
    @Timeout(240)
    void eightProcessesOfEightThreadsShareOneTokenAndOneBudgetAndNoCallFails() throws Exception {
        try (FakeAuraServer fake = FakeAuraServer.builder()
                        .stepMode(StepMode.WALL_CLOCK)
                        .tokenTtl(TOKEN_TTL)
                        .build()
                        .start();
                Workers workers = new Workers()) {
            Map<String, String> env =
                    Map.of("AURA_API_CLIENT_ID", fake.clientId(), "AURA_API_CLIENT_SECRET", fake.clientSecret());
            for (int p = 0; p < PROCESSES; p++) {
                workers.start(
                        env,
                        "base=" + fake.baseUrl(),
                        "redis=" + redis.url(),
                        "prefix=fleet:",
                        "threads=" + THREADS,
                        "durationMs=" + RUN.toMillis(),
                        "permits=" + PERMITS,
                        "windowMs=" + WINDOW.toMillis(),
                        "leaseMs=10000");
            }
            workers.awaitReady(90);
            List<Long> reserved = new CopyOnWriteArrayList<>();
            Jedis monitor = new Jedis("127.0.0.1", redis.port(), 10_000);
            long monitorId = monitor.clientId();
            CountDownLatch monitoring = new CountDownLatch(1);
            Thread recorder = new Thread(
                    () -> {
                        try {
                            monitor.monitor(new JedisMonitor() {
                                @Override
                                public void onCommand(String command) {
                                    monitoring.countDown();
                                    Matcher m = RESERVATION.matcher(command);
                                    if (m.matches()) {
                                        reserved.add((long) Double.parseDouble(m.group(1)));
                                    }
                                }
                            });
                        } catch (RuntimeException closed) {
                            // the test killed the connection: recording is over
                        }
                    },
                    "budget-monitor");
            recorder.start();
            Duration elapsed;
            try {
                try (Jedis admin = new Jedis("127.0.0.1", redis.port(), 10_000)) {
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (!monitoring.await(20, TimeUnit.MILLISECONDS)) { // until MONITOR sees a command
                        assertThat(System.nanoTime()).as("MONITOR started").isLessThan(until);
                        admin.ping();
                    }
                }
                long t0 = System.nanoTime();
                for (Workers.Worker w : workers.all) {
                    w.go();
                }
                workers.awaitExit(workers.all, 120);
                elapsed = Duration.ofNanos(System.nanoTime() - t0);
            } finally {
                try (Jedis admin = new Jedis("127.0.0.1", redis.port(), 10_000)) {
                    admin.clientKill(ClientKillParams.clientKillParams().id(Long.toString(monitorId)));
                }
                recorder.join(30_000);
                monitor.close();
            }

            long calls = 0;
            for (Workers.Worker w : workers.all) {
                long[] r = w.result();
                assertThat(r[1])
                        .as("failed calls in process %d:\n%s", w.process.pid(), w.output())
                        .isZero();
                assertThat(r[0]).as("calls of process %d", w.process.pid()).isPositive();
                assertThat(w.process.exitValue()).isZero();
                assertThat(SecretGuard.findLeaks(w.output()))
                        .as("secrets in the output of a process")
                        .isEmpty();
                calls += r[0];
            }

            long refreshWindows = (long) Math.ceil(
                    (double) elapsed.toMillis() / TOKEN_TTL.dividedBy(2).toMillis());
            assertThat(fake.tokenRequestCount())
                    .as("token requests in %s (refresh windows: %d)", elapsed, refreshWindows)
                    .isLessThanOrEqualTo((int) refreshWindows + 1)
                    .as("the run spanned several token lifetimes")
                    .isGreaterThanOrEqualTo(3);

            List<Instant> starts =
                    reserved.stream().sorted().map(Instant::ofEpochMilli).collect(Collectors.toList());
            assertThat(starts)
                    .as("every successful call reserved its start in Redis")
                    .hasSizeGreaterThanOrEqualTo((int) calls);
            int busiest = busiestWindow(starts, WINDOW);
            assertThat(busiest)
                    .as("most reserved starts of all processes in any %d ms window", WINDOW.toMillis())
                    .isLessThanOrEqualTo(PERMITS);

            List<Instant> arrivals = fake.journal().find("GET", "/v1/tenants").stream()
                    .map(JournalEntry::receivedAt)
                    .sorted()
                    .collect(Collectors.toList());
            assertThat(arrivals).as("every successful call reached the fake").hasSizeGreaterThanOrEqualTo((int) calls);
            Duration checked = WINDOW.minus(JITTER);
            assertThat(busiestWindow(arrivals, checked))
                    .as("most requests of all processes arriving at the fake in any %d ms window", checked.toMillis())
                    .isLessThanOrEqualTo(PERMITS);
            long fullWindows = RUN.toMillis() / WINDOW.toMillis();
            assertThat(starts.size())
                    .as("the budget was used, not starved (at least %d full windows)", fullWindows)
                    .isGreaterThanOrEqualTo((int) (PERMITS * (fullWindows - 1)));
        }
    }

    /** The most instants in any window of {@code length} starting at one of them. */
    static int busiestWindow(List<Instant> sorted, Duration length) {
        int best = 0;
        int j = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Instant end = sorted.get(i).plus(length);
            if (j < i) {
                j = i;
            }
            while (j < sorted.size() && sorted.get(j).isBefore(end)) {
                j++;
            }
            best = Math.max(best, j - i);
        }
        return best;
    }
}
