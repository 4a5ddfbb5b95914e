package dev.aurasdk.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.core.testing.SecretGuard;
import dev.aurasdk.testkit.FakeAuraServer;
import dev.aurasdk.testkit.JournalEntry;
import dev.aurasdk.testkit.StepMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;

/**
 * The process holding the refresh lease is killed with SIGKILL ({@code kill -9}) while its token request
 * hangs: the others, which have no token yet, wait for the lease to lapse, then one of them refreshes, and
 * none of their calls fails.
 */
class LeaseHolderKilledTest {
    static final Duration LEASE = Duration.ofSeconds(3);

    @RegisterExtension
    static final RedisServer redis = RedisServer.perClass();

    @Test
    @Timeout(150)
    void anotherProcessRefreshesAfterTheLeaseOfAKilledHolderLapsesAndNoCallFails() throws Exception {
        try (FakeAuraServer fake = FakeAuraServer.builder()
                        .stepMode(StepMode.WALL_CLOCK)
                        .build()
                        .start();
                Workers workers = new Workers();
                Jedis jedis = new Jedis("127.0.0.1", redis.port())) {
            // the first token request hangs: whoever makes it holds the lease when it is killed
            fake.fault().next(1).matching("POST", "/oauth/token").delayHeaders(Duration.ofSeconds(20));
            Map<String, String> env =
                    Map.of("AURA_API_CLIENT_ID", fake.clientId(), "AURA_API_CLIENT_SECRET", fake.clientSecret());
            for (int p = 0; p < 3; p++) {
                workers.start(
                        env,
                        "base=" + fake.baseUrl(),
                        "redis=" + redis.url(),
                        "prefix=kill:",
                        "threads=4",
                        "durationMs=8000",
                        "permits=1000",
                        "windowMs=1000",
                        "leaseMs=" + LEASE.toMillis());
            }
            workers.awaitReady(90);
            for (Workers.Worker w : workers.all) {
                w.go();
            }

            String lease = awaitLeaseHolder(jedis, Duration.ofSeconds(30));
            long pid = Long.parseLong(lease.substring("pid:".length(), lease.indexOf('/')));
            Workers.Worker holder = workers.all.stream()
                    .filter(w -> w.process.pid() == pid)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the lease holder " + pid + " is not one of the workers"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (fake.tokenRequestCount() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10); // until the holder's request reaches the fake and hangs there; bounded
            }
            assertThat(fake.tokenRequestCount())
                    .as("the holder's token request is hanging")
                    .isEqualTo(1);
            new ProcessBuilder("kill", "-9", Long.toString(pid))
                    .inheritIO()
                    .start()
                    .waitFor();

            List<Workers.Worker> survivors =
                    workers.all.stream().filter(w -> w != holder).collect(Collectors.toList());
            workers.awaitExit(survivors, 90);
            assertThat(holder.process.isAlive()).isFalse();
            for (Workers.Worker w : survivors) {
                long[] r = w.result();
                assertThat(r[1])
                        .as("failed calls in process %d:\n%s", w.process.pid(), w.output())
                        .isZero();
                assertThat(r[0]).as("calls of process %d", w.process.pid()).isPositive();
                assertThat(SecretGuard.findLeaks(w.output())).isEmpty();
            }
            List<JournalEntry> tokenRequests = fake.journal().find("POST", "/oauth/token");
            assertThat(tokenRequests)
                    .as("the hung request and one refresh after the lease lapsed")
                    .hasSize(2);
            Duration between = Duration.between(
                    tokenRequests.get(0).receivedAt(), tokenRequests.get(1).receivedAt());
            // the lease was taken just before the first request was sent: the second comes at least a lease later
            assertThat(between).isGreaterThanOrEqualTo(LEASE.minusMillis(500));
        }
    }

    private static String awaitLeaseHolder(Jedis jedis, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Set<String> keys = Set.copyOf(
                    jedis.scan("0", new ScanParams().match("kill:*token-lease*").count(100))
                            .getResult());
            for (String k : keys) {
                String v = jedis.get(k);
                if (v != null) {
                    return v;
                }
            }
            Thread.sleep(20); // polling for the lease to appear, bounded by the deadline
        }
        throw new AssertionError("no process took the refresh lease within " + timeout);
    }
}
