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
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Eight real JVM processes of eight threads each call the fake Aura (in this JVM, on a loopback port) for
 * 30 s through one Redis: one token for all of them, refreshed once per refresh window, and one request
 * budget.
 *
 * <p>The budget is scaled: 100 requests per 10 s instead of 125 per 60 s. A 60 s window in a 30 s run would
 * show one burst and then nothing (the first 125 requests go at once, the next ones only a minute later, so the
 * run would last more than a minute); three windows of 10 s in the same 30 s show the limit holding across all
 * processes, window after window. What is checked is the same rule: no window holds more than the limit. The
 * fleet's budget is smoothed (one start every 100 ms), as a fleet should run it: a burst of a whole window's
 * budget would reach the fake spread by the senders' scheduling. The fake records when each request arrives,
 * after the sender's sleep, a thread wake-up on two busy cores and the loopback hop; a process descheduled for a
 * while sends its requests late, next to the on-time requests of the others. The windows checked are therefore
 * 2 s shorter than the limit's: with one start per 100 ms this tolerates a process arriving up to about 1.9 s
 * late. A real overrun, such as each process keeping its own budget, is eight times the limit and fails either
 * way.
 */
class FleetTest {
    static final int PROCESSES = 8;
    static final int THREADS = 8;
    static final Duration RUN = Duration.ofSeconds(30);
    static final int PERMITS = 100;
    static final Duration WINDOW = Duration.ofSeconds(10);
    static final Duration JITTER = Duration.ofSeconds(2);
    static final Duration TOKEN_TTL = Duration.ofSeconds(8); // refreshed at half its lifetime: every 4 s

    static RedisServer redis;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    @Test
    @Timeout(240)
    void eightProcessesOfEightThreadsShareOneTokenAndOneBudgetAndNoCallFails() throws Exception {
        try (FakeAuraServer fake = FakeAuraServer.builder().stepMode(StepMode.WALL_CLOCK).tokenTtl(TOKEN_TTL)
                .build().start();
             Workers workers = new Workers()) {
            Map<String, String> env = Map.of("AURA_API_CLIENT_ID", fake.clientId(),
                    "AURA_API_CLIENT_SECRET", fake.clientSecret());
            for (int p = 0; p < PROCESSES; p++) {
                workers.start(env, "base=" + fake.baseUrl(), "redis=" + redis.url(), "prefix=fleet:",
                        "threads=" + THREADS, "durationMs=" + RUN.toMillis(), "permits=" + PERMITS,
                        "windowMs=" + WINDOW.toMillis(), "leaseMs=10000", "smooth=true");
            }
            workers.awaitReady(90);
            long t0 = System.nanoTime();
            for (Workers.Worker w : workers.all) {
                w.go();
            }
            workers.awaitExit(workers.all, 120);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);

            long calls = 0;
            for (Workers.Worker w : workers.all) {
                long[] r = w.result();
                assertThat(r[1]).as("failed calls in process %d:\n%s", w.process.pid(), w.output()).isZero();
                assertThat(r[0]).as("calls of process %d", w.process.pid()).isPositive();
                assertThat(w.process.exitValue()).isZero();
                assertThat(SecretGuard.findLeaks(w.output())).as("secrets in the output of a process").isEmpty();
                calls += r[0];
            }

            long refreshWindows = (long) Math.ceil((double) elapsed.toMillis() / TOKEN_TTL.dividedBy(2).toMillis());
            assertThat(fake.tokenRequestCount()).as("token requests in %s (refresh windows: %d)", elapsed,
                    refreshWindows).isLessThanOrEqualTo((int) refreshWindows + 1)
                    .as("the run spanned several token lifetimes").isGreaterThanOrEqualTo(3);

            List<Instant> arrivals = fake.journal().find("GET", "/v1/tenants").stream()
                    .map(JournalEntry::receivedAt).sorted().collect(Collectors.toList());
            assertThat(arrivals).as("every successful call reached the fake").hasSizeGreaterThanOrEqualTo((int) calls);
            Duration checked = WINDOW.minus(JITTER);
            int busiest = busiestWindow(arrivals, checked);
            assertThat(busiest).as("most requests of all processes in any %d ms window", checked.toMillis())
                    .isLessThanOrEqualTo(PERMITS);
            long fullWindows = RUN.toMillis() / WINDOW.toMillis();
            assertThat(arrivals.size()).as("the budget was used, not starved (at least %d full windows)", fullWindows)
                    .isGreaterThanOrEqualTo((int) (PERMITS * (fullWindows - 1)));
        }
    }

    /** The most arrivals in any window of {@code length} starting at an arrival. */
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
