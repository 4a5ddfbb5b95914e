package dev.aurasdk.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraCredentials;
import dev.aurasdk.core.AuraRateLimitedException;
import dev.aurasdk.core.auth.RefreshLease;
import dev.aurasdk.core.http.RateLimit;
import dev.aurasdk.core.http.RetryPolicy;
import dev.aurasdk.testkit.FakeAuraServer;
import dev.aurasdk.testkit.StepMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/**
 * Two fleets on one Redis stand for two processes: they share the token (and its 401 replay), the lease,
 * the budget and the 429 pause.
 */
class SharedStateTest {
    @RegisterExtension
    static final RedisServer redis = RedisServer.perClass();

    FakeAuraServer fake;

    @BeforeEach
    void start() {
        fake = FakeAuraServer.builder().stepMode(StepMode.WALL_CLOCK).build().start();
        try (Jedis jedis = new Jedis("127.0.0.1", redis.port())) {
            jedis.flushAll();
        }
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private RedisFleet.Builder fleet() {
        return RedisFleet.builder()
                .url(redis.url())
                .credentials(AuraCredentials.of(fake.clientId(), fake.clientSecret()));
    }

    @Test
    void twoProcessesUseOneTokenAndA401IsReplayedWithOneRefreshForBoth() {
        try (RedisFleet one = fleet().build();
                RedisFleet two = fleet().build();
                AuraClient a = one.configure(AuraClient.builder().baseUrl(fake.baseUrl()))
                        .build();
                AuraClient b = two.configure(AuraClient.builder().baseUrl(fake.baseUrl()))
                        .build()) {
            a.tenants().list();
            b.tenants().list();
            assertThat(fake.tokenRequestCount()).isEqualTo(1);
            assertThat(b.tokenProvider().token()).isEqualTo(a.tokenProvider().token());

            fake.revokeTokens(); // both hold a token the API now refuses
            a.tenants().list(); // 401, dropped for the fleet, refreshed once, replayed
            b.tenants().list(); // finds the new token in Redis
            assertThat(fake.tokenRequestCount()).isEqualTo(2);
            assertThat(b.tokenProvider().token()).isEqualTo(a.tokenProvider().token());
        }
    }

    @Test
    void theRefreshLeaseGoesToOneHolderAtATimeAndLapses() throws Exception {
        try (RedisFleet one = fleet().refreshLeaseTime(Duration.ofMillis(300)).build();
                RedisFleet two = fleet().build()) {
            Optional<RefreshLease> first = one.tokenStore().tryLeaseRefresh("k");
            assertThat(first).isPresent();
            assertThat(two.tokenStore().tryLeaseRefresh("k"))
                    .as("held by the first")
                    .isEmpty();
            first.get().close();
            Optional<RefreshLease> second = two.tokenStore().tryLeaseRefresh("k");
            assertThat(second).as("given back").isPresent();
            second.get().close();

            RedisFleet dying = fleet().refreshLeaseTime(Duration.ofMillis(300)).build();
            assertThat(dying.tokenStore().tryLeaseRefresh("k")).isPresent();
            dying.close(); // its holder "dies": nobody extends the lease any more
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            Optional<RefreshLease> after = two.tokenStore().tryLeaseRefresh("k");
            while (after.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20); // until the 300 ms lease lapses; bounded
                after = two.tokenStore().tryLeaseRefresh("k");
            }
            assertThat(after).as("taken over after the lease lapsed").isPresent();
            after.get().close();

            Optional<RefreshLease> stalled = one.tokenStore().tryLeaseRefresh("k");
            assertThat(stalled).isPresent();
            try (Jedis admin = new Jedis("127.0.0.1", redis.port())) {
                admin.del(
                        new dev.aurasdk.redis.internal.Keys(RedisFleet.DEFAULT_KEY_PREFIX, fake.clientId()).lease("k"));
            } // as if it had lapsed while its holder stalled
            Optional<RefreshLease> next = two.tokenStore().tryLeaseRefresh("k");
            assertThat(next).isPresent();
            stalled.get().close(); // too late: must not end the new holder's lease
            assertThat(one.tokenStore().tryLeaseRefresh("k"))
                    .as("still held by the new holder")
                    .isEmpty();
            next.get().close();
        }
    }

    @Test
    void aLiveHolderExtendsItsLeaseBeyondTheLeaseTime() throws Exception {
        try (RedisFleet one = fleet().refreshLeaseTime(Duration.ofSeconds(3)).build();
                RedisFleet two = fleet().build();
                Jedis admin = new Jedis("127.0.0.1", redis.port())) {
            String leaseKey =
                    new dev.aurasdk.redis.internal.Keys(RedisFleet.DEFAULT_KEY_PREFIX, fake.clientId()).lease("k");
            Optional<RefreshLease> held = one.tokenStore().tryLeaseRefresh("k"); // a slow token request runs
            assertThat(held).isPresent();
            long start = System.nanoTime();
            long last = admin.pttl(leaseKey);
            int renewals = 0;
            while (renewals < 4
                    || System.nanoTime() - start < Duration.ofSeconds(9).toNanos()) {
                assertThat(System.nanoTime() - start)
                        .as("renewed in time")
                        .isLessThan(Duration.ofSeconds(30).toNanos());
                long ttl = admin.pttl(leaseKey);
                assertThat(ttl)
                        .as("the lease is still there, %d renewals in", renewals)
                        .isPositive();
                if (ttl > last) {
                    renewals++;
                }
                last = ttl;
                Thread.sleep(10); // sampling the expiry; bounded above
            }
            assertThat(two.tokenStore().tryLeaseRefresh("k"))
                    .as("held past three lease times")
                    .isEmpty();
            held.get().close();
            Optional<RefreshLease> after = two.tokenStore().tryLeaseRefresh("k");
            assertThat(after).as("given back").isPresent();
            after.get().close();
            assertThat(admin.exists(leaseKey)).isFalse();
        }
    }

    @Test
    void aStuckHolderStopsExtendingItsLeaseAfterTheMaximumHold() throws Exception {
        try (RedisFleet one = fleet().refreshLeaseTime(Duration.ofMillis(300))
                        .maxRefreshLeaseHold(Duration.ofMillis(600))
                        .build();
                RedisFleet two = fleet().build()) {
            Optional<RefreshLease> stuck = one.tokenStore().tryLeaseRefresh("k"); // its token request hangs
            assertThat(stuck).isPresent();
            Optional<RefreshLease> taken = awaitLease(two, "k"); // lapses about 900 ms in, not never
            assertThat(debugMessages()).anyMatch(m -> m.contains("longer than maxRefreshLeaseHold"));
            stuck.get().close(); // too late: must not end the new holder's lease
            assertThat(one.tokenStore().tryLeaseRefresh("k"))
                    .as("still the second holder's")
                    .isEmpty();
            taken.get().close();
        }
    }

    @Test
    void aHolderStopsExtendingALeaseRedisNoLongerHasForIt() throws Exception {
        try (RedisFleet one = fleet().refreshLeaseTime(Duration.ofMillis(300)).build();
                RedisFleet two = fleet().build();
                Jedis admin = new Jedis("127.0.0.1", redis.port())) {
            Optional<RefreshLease> held = one.tokenStore().tryLeaseRefresh("k");
            assertThat(held).isPresent();
            admin.del(new dev.aurasdk.redis.internal.Keys(RedisFleet.DEFAULT_KEY_PREFIX, fake.clientId()).lease("k"));
            Optional<RefreshLease> other = two.tokenStore().tryLeaseRefresh("k"); // as after a Redis restart
            assertThat(other).isPresent();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (debugMessages().stream().noneMatch(m -> m.contains("lost its lease"))) {
                assertThat(System.nanoTime())
                        .as("the holder notices within 30 s")
                        .isLessThan(deadline);
                Thread.sleep(10); // polling the log; bounded above
            }
            assertThat(debugMessages().stream().filter(m -> m.contains("lost its lease")))
                    .as("logged once")
                    .hasSize(1);
            held.get().close();
            other.get().close();
        }
    }

    @Test
    void givingALeaseBackAfterTheFleetClosedLogsNoWarning() {
        RedisFleet one = fleet().build();
        Optional<RefreshLease> held = one.tokenStore().tryLeaseRefresh("k");
        assertThat(held).isPresent();
        one.close();
        held.get().close(); // the pool is gone: nothing to do, Redis is not "unreachable"
        assertThat(dev.aurasdk.core.testing.CapturedLogs.events("dev.aurasdk.redis"))
                .noneMatch(e -> e.level() == org.slf4j.event.Level.WARN);
    }

    private static Optional<RefreshLease> awaitLease(RedisFleet fleet, String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Optional<RefreshLease> lease = fleet.tokenStore().tryLeaseRefresh(key);
            if (lease.isPresent()) {
                return lease;
            }
            assertThat(System.nanoTime()).as("the lease lapses within 30 s").isLessThan(deadline);
            Thread.sleep(10); // polling; bounded above
        }
    }

    private static java.util.List<String> debugMessages() {
        return dev.aurasdk.core.testing.CapturedLogs.events("dev.aurasdk.redis").stream()
                .filter(e -> e.level() == org.slf4j.event.Level.DEBUG)
                .map(e -> e.message())
                .collect(java.util.stream.Collectors.toList());
    }

    @Test
    void theBudgetIsSharedAndAReservationPastTheDeadlineTakesNothing() {
        RateLimit limit = RateLimit.of(4, Duration.ofSeconds(30));
        try (RedisFleet one = fleet().rateLimit(limit).build();
                RedisFleet two = fleet().rateLimit(limit).build()) {
            Instant soon = Instant.now().plusSeconds(5);
            assertThat(one.requestBudget().reserve(soon)).contains(Duration.ZERO);
            assertThat(two.requestBudget().reserve(soon)).contains(Duration.ZERO);
            assertThat(one.requestBudget().reserve(soon)).contains(Duration.ZERO);
            assertThat(two.requestBudget().reserve(soon)).contains(Duration.ZERO);
            assertThat(one.requestBudget().reserve(soon))
                    .as("the fifth would start 30 s later")
                    .isEmpty();
            assertThat(two.requestBudget().reserve(soon)).isEmpty();
            Optional<Duration> later = two.requestBudget().reserve(Instant.now().plusSeconds(60));
            assertThat(later).isPresent();
            assertThat(later.get()).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30));
        }
    }

    @Test
    void smoothingSpacesTheFleetsRequests() {
        RateLimit limit = RateLimit.of(10, Duration.ofSeconds(10));
        try (RedisFleet one = fleet().rateLimit(limit).smoothing(true).build();
                RedisFleet two = fleet().rateLimit(limit).smoothing(true).build()) {
            Instant deadline = Instant.now().plusSeconds(60);
            assertThat(one.requestBudget().reserve(deadline)).contains(Duration.ZERO);
            Duration second = two.requestBudget().reserve(deadline).orElseThrow();
            Duration third = one.requestBudget().reserve(deadline).orElseThrow();
            assertThat(second).isBetween(Duration.ofMillis(800), Duration.ofSeconds(1));
            assertThat(third).isBetween(Duration.ofMillis(1800), Duration.ofSeconds(2));
        }
    }

    @Test
    void a429WithRetryAfterInOneProcessPausesTheOthers() {
        try (RedisFleet one = fleet().build();
                RedisFleet two = fleet().build();
                AuraClient a = one.configure(AuraClient.builder()
                                .baseUrl(fake.baseUrl())
                                .retryPolicy(
                                        RetryPolicy.builder().maxAttempts(1).build()))
                        .build()) {
            fake.fault()
                    .next(1)
                    .matching("GET", "/v1/tenants")
                    .retryAfter(Duration.ofSeconds(20))
                    .respond(429);
            assertThatThrownBy(() -> a.tenants().list()).isInstanceOf(AuraRateLimitedException.class);
            Optional<Duration> wait = two.requestBudget().reserve(Instant.now().plusSeconds(60));
            assertThat(wait).isPresent();
            assertThat(wait.get())
                    .as("the other process waits out the Retry-After")
                    .isBetween(Duration.ofSeconds(15), Duration.ofSeconds(20));
        }
    }
}
