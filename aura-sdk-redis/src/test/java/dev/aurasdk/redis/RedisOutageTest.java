package dev.aurasdk.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraCredentials;
import dev.aurasdk.core.auth.RefreshLease;
import dev.aurasdk.core.http.RateLimit;
import dev.aurasdk.core.testing.CapturedLogs;
import dev.aurasdk.core.testing.SecretGuard;
import dev.aurasdk.testkit.FakeAuraServer;
import dev.aurasdk.testkit.StepMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.Level;
import redis.clients.jedis.Jedis;

/**
 * Redis killed mid-run, then restarted empty on the same port; Redis too slow for a while: calls go on
 * throughout, on the in-process state, with one warning each way.
 */
class RedisOutageTest {
    @RegisterExtension
    static final RedisServer redis = RedisServer.perClass("--enable-debug-command", "yes");

    @Test
    @Timeout(120)
    void callsKeepWorkingWhileRedisIsDownAndGoBackToRedisWhenItReturnsWithOneWarningEachWay() throws Exception {
        try (FakeAuraServer fake = FakeAuraServer.builder()
                        .stepMode(StepMode.WALL_CLOCK)
                        .build()
                        .start();
                RedisFleet fleet = RedisFleet.builder()
                        .url(redis.url())
                        .keyPrefix("outage:")
                        .credentials(AuraCredentials.of(fake.clientId(), fake.clientSecret()))
                        .rateLimit(RateLimit.of(400, Duration.ofSeconds(1)))
                        .reconnectInterval(Duration.ofMillis(100))
                        .build();
                AuraClient client = fleet.configure(AuraClient.builder().baseUrl(fake.baseUrl()))
                        .build()) {
            AtomicInteger calls = new AtomicInteger();
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread th = new Thread(() -> {
                    while (!stop.get()) {
                        try {
                            client.tenants().list();
                            calls.incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.add(SecretGuard.observe(e));
                        }
                    }
                });
                th.start();
                threads.add(th);
            }
            try {
                awaitUntil("calls through Redis", () -> calls.get() >= 20);
                assertThat(fleet.isRedisAvailable()).isTrue();

                redis.stop();
                int atStop = calls.get();
                awaitUntil("calls while Redis is down", () -> !fleet.isRedisAvailable() && calls.get() >= atStop + 50);

                redis.restart();
                int atRestart = calls.get();
                awaitUntil("back on Redis", () -> fleet.isRedisAvailable() && calls.get() >= atRestart + 50);
                try (Jedis jedis = new Jedis("127.0.0.1", redis.port())) {
                    awaitUntil(
                            "the restarted Redis holds the budget and the token again",
                            () -> jedis.keys("outage:*budget").size() == 1
                                    && jedis.keys("outage:*:token:*").size() == 1);
                }
            } finally {
                stop.set(true);
                for (Thread th : threads) {
                    th.join(30_000);
                }
            }
            assertThat(failures).as("failed calls").isEmpty();
            List<String> warnings = CapturedLogs.events("dev.aurasdk.redis").stream()
                    .filter(e -> e.level() == Level.WARN)
                    .map(CapturedLogs.Event::message)
                    .collect(Collectors.toList());
            assertThat(warnings).hasSize(2);
            assertThat(warnings.get(0)).contains("is unreachable or too slow").contains(redis.url());
            assertThat(warnings.get(1)).contains("is back");
            assertThat(fake.tokenRequestCount())
                    .as("one token, and one more after Redis came back empty")
                    .isLessThanOrEqualTo(2);
        }
    }

    @Test
    @Timeout(120)
    void aRedisSlowerThanTheTimeoutIsTreatedAsDownUntilItAnswersInTimeAgain() throws Exception {
        try (FakeAuraServer fake = FakeAuraServer.builder()
                        .stepMode(StepMode.WALL_CLOCK)
                        .build()
                        .start();
                RedisFleet fleet = RedisFleet.builder()
                        .url(redis.url())
                        .keyPrefix("slow:")
                        .credentials(AuraCredentials.of(fake.clientId(), fake.clientSecret()))
                        .rateLimit(RateLimit.of(400, Duration.ofSeconds(1)))
                        .timeout(Duration.ofMillis(200))
                        .reconnectInterval(Duration.ofMillis(100))
                        .build();
                AuraClient client = fleet.configure(AuraClient.builder().baseUrl(fake.baseUrl()))
                        .build();
                Jedis admin = new Jedis("127.0.0.1", redis.port(), 10_000)) {
            client.tenants().list();
            assertThat(fleet.isRedisAvailable()).isTrue();
            Thread sleeper = new Thread(() -> admin.sendCommand(
                    (redis.clients.jedis.commands.ProtocolCommand)
                            () -> "DEBUG".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    "SLEEP",
                    "2"));
            sleeper.start(); // the server answers nobody for 2 s
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            try {
                awaitUntil("the fleet notices", () -> {
                    try {
                        client.tenants().list();
                    } catch (RuntimeException e) {
                        failures.add(SecretGuard.observe(e));
                    }
                    return !fleet.isRedisAvailable();
                });
                int during = 0;
                while (!fleet.isRedisAvailable()) {
                    client.tenants().list(); // answered by the in-process state, then the probe finds Redis back
                    during++;
                }
                assertThat(during).as("calls while Redis was too slow").isPositive();
            } finally {
                sleeper.join(30_000);
            }
            assertThat(failures).isEmpty();
            List<String> warnings = CapturedLogs.events("dev.aurasdk.redis").stream()
                    .filter(e -> e.level() == Level.WARN)
                    .map(CapturedLogs.Event::message)
                    .collect(Collectors.toList());
            assertThat(warnings).hasSize(2);
            assertThat(warnings.get(0)).contains("is unreachable or too slow");
            assertThat(warnings.get(1)).contains("is back");
        }
    }

    @Test
    @Timeout(120)
    void aRedisThatRefusesWritesIsTreatedAsDownWithOneWarningEachWay() throws Exception {
        try (FakeAuraServer fake = FakeAuraServer.builder()
                        .stepMode(StepMode.WALL_CLOCK)
                        .build()
                        .start();
                RedisFleet fleet = RedisFleet.builder()
                        .url(redis.url())
                        .keyPrefix("oom:")
                        .credentials(AuraCredentials.of(fake.clientId(), fake.clientSecret()))
                        .rateLimit(RateLimit.of(400, Duration.ofSeconds(1)))
                        .reconnectInterval(Duration.ofMillis(20))
                        .build();
                AuraClient client = fleet.configure(AuraClient.builder().baseUrl(fake.baseUrl()))
                        .build();
                Jedis admin = new Jedis("127.0.0.1", redis.port(), 10_000)) {
            client.tenants().list();
            assertThat(fleet.isRedisAvailable()).isTrue();
            admin.configSet("maxmemory-policy", "noeviction");
            admin.configSet("maxmemory", "1"); // writes that may grow memory are refused with OOM
            try {
                // a refresh needs the lease (SET NX): refused, so this process refreshes for itself
                assertThat(fleet.tokenStore().tryLeaseRefresh("k")).contains(RefreshLease.LOCAL);
                assertThat(fleet.isRedisAvailable())
                        .as("down after a refused write")
                        .isFalse();
                long until = System.nanoTime() + Duration.ofMillis(200).toNanos();
                int during = 0;
                while (System.nanoTime() < until || during < 10) {
                    client.tenants().list(); // in-process; every 20 ms one checks Redis again and is refused
                    during++;
                }
                assertThat(fleet.isRedisAvailable())
                        .as("still refused: still down")
                        .isFalse();
            } finally {
                admin.configSet("maxmemory", "0");
            }
            awaitUntil("back on Redis", () -> {
                client.tenants().list();
                return fleet.isRedisAvailable();
            });
            Optional<RefreshLease> again = fleet.tokenStore().tryLeaseRefresh("k");
            assertThat(again).as("a lease from Redis again").isPresent().get().isNotSameAs(RefreshLease.LOCAL);
            again.get().close();
            List<String> warnings = CapturedLogs.events("dev.aurasdk.redis").stream()
                    .filter(e -> e.level() == Level.WARN)
                    .map(CapturedLogs.Event::message)
                    .collect(Collectors.toList());
            assertThat(warnings).hasSize(2);
            assertThat(warnings.get(0)).contains("refuses operations").contains("refused: OOM");
            assertThat(warnings.get(1)).contains("is back");
        }
    }

    @Test
    @Timeout(120)
    void aRefusalOfOneOperationFallsBackForThatCallWithoutFlappingAndIsLoggedOnce() throws Exception {
        try (FakeAuraServer fake = FakeAuraServer.builder()
                        .stepMode(StepMode.WALL_CLOCK)
                        .build()
                        .start();
                Jedis admin = new Jedis("127.0.0.1", redis.port(), 10_000)) {
            // another program uses the key prefix: the budget key holds a string, so the budget script fails
            // with WRONGTYPE while the probe (a SET on another key) would succeed
            String budgetKey = new dev.aurasdk.redis.internal.Keys("collide:", fake.clientId()).budget();
            admin.set(budgetKey, "not a sorted set");
            try (RedisFleet fleet = RedisFleet.builder()
                            .url(redis.url())
                            .keyPrefix("collide:")
                            .credentials(AuraCredentials.of(fake.clientId(), fake.clientSecret()))
                            .rateLimit(RateLimit.of(400, Duration.ofSeconds(1)))
                            .reconnectInterval(Duration.ofMillis(20))
                            .build();
                    AuraClient client = fleet.configure(AuraClient.builder().baseUrl(fake.baseUrl()))
                            .build()) {
                long start = System.nanoTime();
                int calls = 0;
                // calls spanning at least ten reconnect intervals: a link marked down would be probed (and
                // found up) again and again, two warnings each time
                while (System.nanoTime() - start < Duration.ofMillis(200).toNanos() || calls < 20) {
                    client.tenants().list();
                    calls++;
                    assertThat(fleet.isRedisAvailable())
                            .as("still on Redis after call %d", calls)
                            .isTrue();
                }
                assertThat(admin.keys("collide:*:token:*"))
                        .as("the token is still shared")
                        .hasSize(1);
            }
        }
        List<String> warnings = CapturedLogs.events("dev.aurasdk.redis").stream()
                .filter(e -> e.level() == Level.WARN)
                .map(CapturedLogs.Event::message)
                .collect(Collectors.toList());
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0))
                .contains("refuses an operation")
                .contains("refused: WRONGTYPE")
                .doesNotContain("unreachable");
    }

    static void awaitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(10); // polling a condition, bounded by the deadline
        }
    }
}
