package dev.aurasdk.core;

import static dev.aurasdk.core.testing.ScriptedAura.data;
import static dev.aurasdk.core.testing.ScriptedAura.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurasdk.core.auth.AccessToken;
import dev.aurasdk.core.auth.InMemoryTokenStore;
import dev.aurasdk.core.auth.RefreshLease;
import dev.aurasdk.core.auth.TokenStore;
import dev.aurasdk.core.http.ApiRequest;
import dev.aurasdk.core.http.ApiResponse;
import dev.aurasdk.core.http.ApiVersion;
import dev.aurasdk.core.http.RateLimit;
import dev.aurasdk.core.http.RequestBudget;
import dev.aurasdk.core.http.RetryPolicy;
import dev.aurasdk.core.internal.auth.CachingTokenProvider;
import dev.aurasdk.core.testing.ManualClock;
import dev.aurasdk.core.testing.ScriptedAura;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The seams a shared store plugs into: a pluggable request budget and the token store's refresh lease. */
class SharedStateSeamsTest {
    private final ScriptedAura aura = new ScriptedAura();

    @AfterEach
    void close() {
        aura.close();
    }

    /** A budget that records what the transport asks and answers with scripted waits. */
    static final class RecordingBudget implements RequestBudget {
        final List<Duration> waits = new CopyOnWriteArrayList<>();
        final List<Duration> pauses = new CopyOnWriteArrayList<>();
        final AtomicInteger reserved = new AtomicInteger();

        @Override
        public Optional<Duration> reserve(Instant deadline) {
            int n = reserved.getAndIncrement();
            return Optional.of(n < waits.size() ? waits.get(n) : Duration.ZERO);
        }

        @Override
        public void pause(Duration retryAfter) {
            pauses.add(retryAfter);
        }
    }

    private AuraClient.Builder builder(RequestBudget budget) {
        return AuraClient.builder()
                .credentials(AuraCredentials.of(ScriptedAura.CLIENT_ID, ScriptedAura.CLIENT_SECRET))
                .baseUrl(aura.baseUrl())
                .clock(aura.clock)
                .sleeper(aura.sleeper)
                .retryPolicy(RetryPolicy.builder().jitter(false).build())
                .requestBudget(budget);
    }

    @Test
    void aPluggedBudgetGatesEveryAttemptAndA429WithRetryAfterPausesIt() {
        RecordingBudget budget = new RecordingBudget();
        aura.enqueue(new MockResponse.Builder(json(429, "{\"errors\":[{\"message\":\"slow down\"}]}"))
                .addHeader("Retry-After", "3")
                .build());
        aura.defaultApi(data("[]"));
        try (AuraClient client = builder(budget).build()) {
            assertThat(client.tenants().list()).isEmpty();
        }
        assertThat(budget.reserved.get()).as("both attempts asked the budget").isEqualTo(2);
        assertThat(budget.pauses).containsExactly(Duration.ofSeconds(3));
        assertThat(aura.tokenRequests.get())
                .as("the token endpoint is not gated")
                .isEqualTo(1);
    }

    @Test
    void aBudgetAndARateLimitTogetherAreRefused() {
        assertThatThrownBy(() -> builder(new RecordingBudget())
                        .rateLimit(RateLimit.unlimited())
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not both");
    }

    @Test
    void theTokenIsLookedUpAgainAfterARateLimitWait() {
        aura.defaultToken(n -> ScriptedAura.token(ScriptedAura.tokenValue(n), 120));
        aura.defaultApi(data("[]"));
        RecordingBudget budget = new RecordingBudget();
        budget.waits.addAll(List.of(Duration.ZERO, Duration.ofSeconds(130))); // the second call waits past expiry
        try (AuraClient client = builder(budget).build()) {
            client.tenants().list();
            client.tenants().list();
        }
        assertThat(aura.apiRequests.get(1).getHeaders().get("Authorization"))
                .as("sent with the token valid after the wait, not the one taken before it")
                .isEqualTo("Bearer " + ScriptedAura.tokenValue(2));
    }

    /** A store shared with "other processes": the test decides when the lease is free and what they store. */
    static class SharedStore implements TokenStore {
        final InMemoryTokenStore tokens = new InMemoryTokenStore();
        final List<String> events = new CopyOnWriteArrayList<>();
        volatile boolean leaseFree;
        final AtomicInteger leaseAsked = new AtomicInteger();
        volatile Runnable onLeaseRefused = () -> {};

        @Override
        public Optional<AccessToken> get(String key) {
            return tokens.get(key);
        }

        @Override
        public void put(String key, AccessToken token) {
            events.add("put");
            tokens.put(key, token);
        }

        @Override
        public void remove(String key) {
            tokens.remove(key);
        }

        @Override
        public Optional<RefreshLease> tryLeaseRefresh(String key) {
            leaseAsked.incrementAndGet();
            if (!leaseFree) {
                onLeaseRefused.run();
                return Optional.empty();
            }
            events.add("lease");
            return Optional.of(() -> events.add("release"));
        }

        @Override
        public Duration leaseRetryInterval() {
            return Duration.ofMillis(1);
        }
    }

    private static AccessToken token(String value, Instant obtained, Duration lifetime) {
        return new AccessToken(value, "bearer", obtained, obtained.plus(lifetime));
    }

    private static CachingTokenProvider provider(Supplier<AccessToken> fetcher, TokenStore store, ManualClock clock) {
        return new CachingTokenProvider(
                fetcher, store, "k", clock, Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofMinutes(30));
    }

    @Test
    void whileAnotherProcessHoldsTheLeaseTheStillValidTokenIsUsedAndNothingIsFetched() {
        ManualClock clock = new ManualClock();
        SharedStore store = new SharedStore();
        AccessToken current = token("current-token-0001", clock.instant(), Duration.ofMinutes(60));
        store.put("k", current);
        AtomicInteger fetches = new AtomicInteger();
        CachingTokenProvider provider = provider(
                () -> {
                    fetches.incrementAndGet();
                    return token("fresh-token-00002", clock.instant(), Duration.ofMinutes(60));
                },
                store,
                clock);
        clock.advance(Duration.ofMinutes(56)); // due for refresh, still valid
        assertThat(provider.token()).isEqualTo(current);
        assertThat(provider.token()).isEqualTo(current);
        assertThat(fetches.get()).isZero();
        assertThat(store.leaseAsked.get())
                .as("not asked again within the retry interval")
                .isEqualTo(1);

        store.leaseFree = true;
        clock.advance(Duration.ofSeconds(1));
        assertThat(provider.token().value()).isEqualTo("fresh-token-00002");
        assertThat(fetches.get()).isEqualTo(1);
        assertThat(store.events).as("stored before the lease is given back").endsWith("lease", "put", "release");
    }

    @Test
    void withoutAValidTokenACallerWaitsForTheOtherProcesssRefreshInsteadOfFetching() {
        ManualClock clock = new ManualClock();
        SharedStore store = new SharedStore();
        List<String> fetched = new ArrayList<>();
        CachingTokenProvider provider = provider(
                () -> {
                    fetched.add("fetch");
                    return token("own-token-000003", clock.instant(), Duration.ofMinutes(60));
                },
                store,
                clock);
        AtomicInteger refusals = new AtomicInteger();
        AccessToken theirs = token("their-token-00004", clock.instant(), Duration.ofMinutes(60));
        store.onLeaseRefused = () -> {
            if (refusals.incrementAndGet() == 3) {
                store.tokens.put("k", theirs); // the holder finished its refresh
            }
        };
        assertThat(provider.token()).isEqualTo(theirs);
        assertThat(fetched).isEmpty();
    }

    @Test
    void aLeaseHolderThatFindsAFreshTokenUsesItWithoutFetching() {
        ManualClock clock = new ManualClock();
        AccessToken stale =
                token("stale-token-00005", clock.instant().minus(Duration.ofMinutes(58)), Duration.ofMinutes(60));
        AccessToken fresh = token("fresh-token-00006", clock.instant(), Duration.ofMinutes(60));
        SharedStore racing = new SharedStore() {
            @Override
            public Optional<RefreshLease> tryLeaseRefresh(String key) {
                tokens.put(key, fresh); // the previous holder stored it just before this process got the lease
                return Optional.of(RefreshLease.LOCAL);
            }
        };
        racing.tokens.put("k", stale);
        AtomicInteger fetches = new AtomicInteger();
        CachingTokenProvider provider = provider(
                () -> {
                    fetches.incrementAndGet();
                    return token("own-token-000007", clock.instant(), Duration.ofMinutes(60));
                },
                racing,
                clock);
        assertThat(provider.token()).isEqualTo(fresh);
        assertThat(fetches.get()).isZero();
    }

    @Test
    @Timeout(60)
    void aSyncCallWaitsForAnotherProcesssLeaseOnlyUntilItsDeadline() {
        SharedStore store = new SharedStore(); // no token, and another process holds the lease throughout
        store.onLeaseRefused = () -> aura.clock.advance(Duration.ofSeconds(1));
        aura.defaultApi(data("[]"));
        try (AuraClient client = builder(new RecordingBudget())
                .tokenStore(store)
                .callTimeout(Duration.ofSeconds(20))
                .build()) {
            assertThatThrownBy(() -> client.tenants().list())
                    .isInstanceOf(AuraTimeoutException.class)
                    .hasMessageContaining("refresh lease");
        }
        assertThat(store.leaseAsked.get())
                .as("gave up at the deadline, not at the lease's end")
                .isBetween(19, 22);
        assertThat(aura.tokenRequests.get()).isZero();
        assertThat(aura.apiRequests).isEmpty();
    }

    @Test
    @Timeout(60)
    void anAsyncCallWhoseTokenIsRefreshedByAnotherProcessDoesNotBlockTheScheduler() throws Exception {
        aura.defaultToken(n -> ScriptedAura.token(ScriptedAura.tokenValue(n), 120));
        aura.defaultApi(data("[]"));
        SharedStore store = new SharedStore();
        store.leaseFree = true; // the first token is this process's
        RequestBudget budget = new RequestBudget() {
            @Override
            public Optional<Duration> reserve(Instant deadline) {
                // the wait for a slot outlasts the token, and meanwhile another process took the lease
                store.leaseFree = false;
                aura.clock.advance(Duration.ofSeconds(130));
                return Optional.of(Duration.ofMillis(1));
            }

            @Override
            public void pause(Duration retryAfter) {}
        };
        ApiRequest tenants = ApiRequest.get(ApiVersion.V1).path("tenants").build();
        try (AuraClient client = builder(budget).tokenStore(store).build()) {
            CompletableFuture<ApiResponse<JsonNode>> call = client.http().sendAsync(tenants, JsonNode.class);
            int askedBefore = store.leaseAsked.get();
            CountDownLatch otherTask = new CountDownLatch(1);
            try {
                client.scheduler().schedule(otherTask::countDown, 0, TimeUnit.MILLISECONDS);
                assertThat(otherTask.await(30, TimeUnit.SECONDS))
                        .as("another task ran on the scheduler while the call waited for the lease")
                        .isTrue();
                assertThat(call).isNotDone();
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (store.leaseAsked.get() < askedBefore + 3 && System.nanoTime() < until) {
                    Thread.onSpinWait(); // it asks again from the scheduler
                }
                assertThat(store.leaseAsked.get()).isGreaterThanOrEqualTo(askedBefore + 3);
            } finally {
                store.leaseFree = true; // the other process is done
            }
            call.get(30, TimeUnit.SECONDS);
        }
        assertThat(aura.apiRequests)
                .singleElement()
                .satisfies(r -> assertThat(r.getHeaders().get("Authorization"))
                        .isEqualTo("Bearer " + ScriptedAura.tokenValue(2)));
    }

    @Test
    @Timeout(60)
    void anAsyncCallWaitingForAnInProcessRefreshThatNeverEndsFailsAtItsDeadline() throws Exception {
        aura.defaultToken(n -> ScriptedAura.token(ScriptedAura.tokenValue(n), 3600));
        aura.defaultApi(data("[]"));
        CountDownLatch refreshing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SharedStore store = new SharedStore() {
            @Override
            public Optional<RefreshLease> tryLeaseRefresh(String key) {
                refreshing.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS); // the refreshing thread hangs here
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Optional.of(() -> {});
            }
        };
        ApiRequest tenants = ApiRequest.get(ApiVersion.V1).path("tenants").build();
        try (AuraClient client = builder(new RecordingBudget())
                .tokenStore(store)
                .callTimeout(Duration.ofSeconds(2))
                .build()) {
            Thread leader = new Thread(() -> {
                try {
                    client.tenants().list();
                } catch (RuntimeException ignored) {
                    // its own deadline passed too; only the async call is under test
                }
            });
            leader.start();
            try {
                assertThat(refreshing.await(30, TimeUnit.SECONDS))
                        .as("the in-process refresh started")
                        .isTrue();
                CompletableFuture<ApiResponse<JsonNode>> call = client.http().sendAsync(tenants, JsonNode.class);
                aura.clock.advance(Duration.ofSeconds(3)); // past the async call's deadline; the refresh still hangs
                assertThatThrownBy(() -> call.get(30, TimeUnit.SECONDS)) // an upper bound only
                        .hasCauseInstanceOf(AuraTimeoutException.class)
                        .hasMessageContaining("call deadline");
                assertThat(release.getCount())
                        .as("failed while the refresh was still in progress")
                        .isOne();
            } finally {
                release.countDown();
                leader.join(30_000);
            }
        }
        assertThat(aura.apiRequests).as("the async call sent nothing").hasSizeLessThanOrEqualTo(1);
    }
}
