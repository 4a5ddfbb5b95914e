package dev.aurasdk.core.http;

import static dev.aurasdk.core.testing.ScriptedAura.data;
import static dev.aurasdk.core.testing.ScriptedAura.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraServerException;
import dev.aurasdk.core.testing.ManualTimeScheduler;
import dev.aurasdk.core.testing.ScriptedAura;
import dev.aurasdk.core.wait.PollListener;
import dev.aurasdk.core.wait.WaitOptions;
import dev.aurasdk.core.wait.WaitOutcome;
import dev.aurasdk.core.wait.WaitRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link AuraHttp#sendAsync}: the same behaviour as {@code send}, with no thread waiting on the network. */
class AsyncTransportTest {
    private static final ApiRequest TENANTS =
            ApiRequest.get(ApiVersion.V1).path("tenants").build();

    private static final ThreadLocal<String> DIAGNOSTIC = ThreadLocal.withInitial(() -> "");
    private final ScriptedAura aura = new ScriptedAura();

    @AfterEach
    void close() {
        aura.close();
    }

    private static ApiRequest createSomething() {
        return ApiRequest.post(ApiVersion.V1)
                .path("instances")
                .body(Map.of("name", "x"))
                .build();
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(60, TimeUnit.SECONDS); // a generous bound
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what + DIAGNOSTIC.get());
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    @Test
    void decodesAndRunsListenersOnTheClientsSchedulerNeverOnTheHttpClientsThreads() throws Exception {
        aura.enqueue(data("[{\"id\":\"t1\",\"name\":\"team\"}]"));
        List<String> threads = new CopyOnWriteArrayList<>();
        RequestListener listener = new RequestListener() {
            @Override
            public void onAttemptEnd(RequestEvent event) {
                if (event.path().endsWith("/tenants")) { // not the token request, made synchronously first
                    threads.add(Thread.currentThread().getName());
                }
            }
        };
        try (AuraClient client =
                aura.clientBuilder().addRequestListener(listener).build()) {
            ApiResponse<JsonNode> response = get(client.http().sendAsync(TENANTS, JsonNode.class));

            assertThat(response.data().get(0).get("id").asText()).isEqualTo("t1");
            assertThat(response.requestId()).isPresent();
        }
        assertThat(threads).singleElement().asString().startsWith("aura-sdk-").contains("-scheduler-");
    }

    @Test
    void retriesAGetOnTheSchedulerWithoutSleeping() throws Exception {
        aura.enqueue(json(503, "{\"errors\":[{\"message\":\"busy\"}]}"))
                .enqueue(json(503, "{\"errors\":[{\"message\":\"busy\"}]}"))
                .enqueue(data("[]"));
        ManualTimeScheduler scheduler = new ManualTimeScheduler(aura.clock);
        try (AuraClient client = aura.clientBuilder().scheduler(scheduler).build()) {
            get(client.http().sendAsync(TENANTS, JsonNode.class));
        } finally {
            scheduler.shutdownNow();
        }
        assertThat(aura.apiRequests).hasSize(3);
        assertThat(scheduler.delays())
                .filteredOn(d -> !d.isZero())
                .containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(aura.sleeper.sleeps()).isEmpty();
    }

    @Test
    void aPostAnswered503IsNotResent() {
        aura.enqueue(json(503, "{\"errors\":[{\"message\":\"busy\"}]}")).enqueue(data("{}"));
        try (AuraClient client = aura.client()) {
            assertThatThrownBy(() -> get(client.http().sendAsync(createSomething(), JsonNode.class)))
                    .isInstanceOfSatisfying(
                            AuraServerException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(503));
        }
        assertThat(aura.apiRequests).hasSize(1);
    }

    @Test
    void aRefusedTokenIsRefreshedAndTheCallReplayedOnce() throws Exception {
        aura.enqueue(json(403, "{\"errors\":[{\"message\":\"token expired\"}]}"))
                .enqueue(data("[]"));
        try (AuraClient client = aura.client()) {
            get(client.http().sendAsync(TENANTS, JsonNode.class));
        }
        assertThat(aura.tokenRequests.get()).isEqualTo(2);
        assertThat(aura.apiRequests)
                .extracting(r -> r.getHeaders().get("Authorization"))
                .containsExactly("Bearer " + ScriptedAura.tokenValue(1), "Bearer " + ScriptedAura.tokenValue(2));
    }

    @Test
    void cancellingTheFutureCancelsTheScheduledRetry() throws Exception {
        aura.enqueue(new MockResponse.Builder(json(503, "{\"errors\":[{\"message\":\"busy\"}]}"))
                .addHeader("Retry-After", "30")
                .build());
        try (AuraClient client = aura.client()) {
            CompletableFuture<ApiResponse<JsonNode>> future = client.http().sendAsync(TENANTS, JsonNode.class);
            ScheduledThreadPoolExecutor scheduler = (ScheduledThreadPoolExecutor) client.scheduler();
            awaitTrue(
                    () -> scheduler.getQueue().stream()
                            .anyMatch(task -> ((Delayed) task).getDelay(TimeUnit.SECONDS) > 10),
                    "the retry is scheduled 30 s out");

            DIAGNOSTIC.set("");
            future.cancel(false);
            DIAGNOSTIC.set(" requests=" + aura.apiRequests.size() + " queue="
                    + scheduler.getQueue().stream()
                            .map(t -> ((Delayed) t).getDelay(TimeUnit.MILLISECONDS) + "ms")
                            .collect(java.util.stream.Collectors.toList()));

            // the step that scheduled the retry may still be finishing on the scheduler: it cancels it then
            awaitTrue(() -> scheduler.getQueue().isEmpty(), "no retry left behind");
            assertThat(future).isCancelled();
            assertThat(aura.apiRequests).hasSize(1);
        }
    }

    @Test
    void closingTheClientEndsCallsInFlight() {
        aura.enqueue(new MockResponse.Builder(data("[]"))
                .headersDelay(30, TimeUnit.SECONDS)
                .build());
        AuraClient client = aura.client();
        CompletableFuture<ApiResponse<JsonNode>> future = client.http().sendAsync(TENANTS, JsonNode.class);
        awaitTrue(() -> aura.apiRequests.size() == 1, "the request reached the server");

        client.close();

        assertThatThrownBy(() -> get(future))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void aBodyThatCannotBeWrittenIsRefusedBeforeAnyRequest() {
        ApiRequest unwritable = ApiRequest.post(ApiVersion.V1)
                .path("instances")
                .body(new Object())
                .build();
        try (AuraClient client = aura.client()) {
            assertThatThrownBy(() -> client.http().sendAsync(unwritable, JsonNode.class))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cannot be written as JSON");
        }
        assertThat(aura.apiRequests).isEmpty();
        assertThat(aura.tokenRequests.get()).isZero();
    }

    /**
     * Eight async waits on the default one-thread scheduler, each poll answered only after 30 s: all
     * eight polls reach the server while none is answered. With polls that block the scheduler's thread,
     * the second poll would be sent only after the first answer.
     */
    @Test
    void oneSchedulerThreadKeepsManyPollsInFlight() {
        aura.defaultApi(new MockResponse.Builder(data("{\"status\":\"done\"}"))
                .headersDelay(30, TimeUnit.SECONDS)
                .build());
        WaitOptions now = WaitOptions.builder().initialDelay(Duration.ZERO).build();
        WaitRules<JsonNode> done =
                WaitRules.<JsonNode>builder().successWhen(n -> true).build();
        try (AuraClient client = aura.client()) {
            List<CompletableFuture<WaitOutcome<JsonNode>>> waits = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                waits.add(client.waiter()
                        .awaitAsyncPolls(
                                "wait " + i,
                                () -> client.http()
                                        .sendAsync(TENANTS, JsonNode.class)
                                        .thenApply(ApiResponse::data),
                                done,
                                now,
                                PollListener.none()));
            }

            awaitTrue(() -> aura.apiRequests.size() == 8, "eight polls in flight at once");

            assertThat(waits).noneMatch(CompletableFuture::isDone);
            assertThat(((ScheduledThreadPoolExecutor) client.scheduler()).getCorePoolSize())
                    .isEqualTo(1);
        }
    }

    @Test
    void asyncRequestsInFlightAreBoundedAndTheOthersWaitTheirTurn() throws Exception {
        aura.defaultApi(data("[]"));
        // the n-th call is answered only once the next one reached the server: with a bound of 2 the
        // calls overlap in pairs, whatever the load; with a bound of 1 no answer would come for 10 s
        java.util.concurrent.atomic.AtomicInteger arrived = new java.util.concurrent.atomic.AtomicInteger();
        aura.beforeApiAnswer = request -> {
            int n = arrived.incrementAndGet();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (n < 6 && arrived.get() <= n && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000);
            }
        };
        java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        RequestListener counter = new RequestListener() {
            @Override
            public void onAttemptStart(RequestEvent event) {
                if (event.path().endsWith("/tenants")) {
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                }
            }

            @Override
            public void onAttemptEnd(RequestEvent event) {
                if (event.path().endsWith("/tenants")) {
                    inFlight.decrementAndGet();
                }
            }
        };
        try (AuraClient client = aura.clientBuilder()
                .addRequestListener(counter)
                .maxConcurrentAsyncRequests(2)
                .build()) {
            List<CompletableFuture<ApiResponse<JsonNode>>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(client.http().sendAsync(TENANTS, JsonNode.class));
            }
            for (CompletableFuture<ApiResponse<JsonNode>> call : calls) {
                get(call);
            }
        }
        assertThat(aura.apiRequests).hasSize(6);
        assertThat(most.get())
                .as("never more than 2 exchanges at once, and the bound is used")
                .isEqualTo(2);
        assertThatThrownBy(() -> aura.clientBuilder().maxConcurrentAsyncRequests(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    @Test
    void givingUpOnTheFutureWithOrTimeoutAbandonsTheCallToo() throws Exception {
        aura.enqueue(new MockResponse.Builder(json(503, "{\"errors\":[{\"message\":\"busy\"}]}"))
                .addHeader("Retry-After", "30")
                .build());
        try (AuraClient client = aura.client()) {
            ScheduledThreadPoolExecutor scheduler = (ScheduledThreadPoolExecutor) client.scheduler();
            CompletableFuture<ApiResponse<JsonNode>> future = client.http().sendAsync(TENANTS, JsonNode.class);
            awaitTrue(
                    () -> scheduler.getQueue().stream()
                            .anyMatch(task -> ((Delayed) task).getDelay(TimeUnit.SECONDS) > 10),
                    "the retry is scheduled 30 s out");

            future.orTimeout(1, TimeUnit.MILLISECONDS); // the caller gives up while the retry waits

            assertThatThrownBy(() -> get(future)).isInstanceOf(java.util.concurrent.TimeoutException.class);
            awaitTrue(() -> scheduler.getQueue().isEmpty(), "the retry 30 s out was cancelled");
            assertThat(aura.apiRequests).hasSize(1);
        }
    }

    @Test
    void asyncCallsKeepToTheClientsRateLimitWithoutSleeping() throws Exception {
        ManualTimeScheduler scheduler = new ManualTimeScheduler(aura.clock);
        aura.defaultApi(data("[]"));
        try (AuraClient client = aura.clientBuilder()
                .scheduler(scheduler)
                .rateLimit(RateLimit.of(2, Duration.ofMinutes(1)))
                .build()) {
            for (int i = 0; i < 3; i++) {
                get(client.http().sendAsync(TENANTS, JsonNode.class));
            }
        } finally {
            scheduler.shutdownNow();
        }
        assertThat(aura.apiRequests).hasSize(3);
        assertThat(scheduler.delays())
                .as("the third call waits for the window, on the scheduler")
                .anyMatch(d -> d.compareTo(Duration.ofSeconds(59)) > 0 && d.compareTo(Duration.ofSeconds(61)) < 0);
        assertThat(aura.sleeper.sleeps()).isEmpty();
    }

    @Test
    void listenersHearTheEndOfEveryAsyncAttemptAndARetryAfterATimeout() throws Exception {
        // the first answer comes long after the attempt timeout (an IOException for the SDK), the second at once
        aura.enqueue(new MockResponse.Builder(data("[]"))
                        .headersDelay(30, TimeUnit.SECONDS)
                        .build())
                .enqueue(data("[]"));
        java.util.concurrent.atomic.AtomicInteger starts = new java.util.concurrent.atomic.AtomicInteger();
        List<String> ends = new CopyOnWriteArrayList<>();
        RequestListener listener = new RequestListener() {
            @Override
            public void onAttemptStart(RequestEvent event) {
                if (event.path().endsWith("/tenants")) {
                    starts.incrementAndGet();
                }
            }

            @Override
            public void onAttemptEnd(RequestEvent event) {
                if (event.path().endsWith("/tenants")) {
                    ends.add(event.failure().orElse("HTTP " + event.statusCode().orElse(0)));
                }
            }
        };
        try (AuraClient client = aura.clientBuilder()
                .addRequestListener(listener)
                // long enough for the second, immediate answer on a loaded machine; far below the 30 s delay
                .requestTimeout(Duration.ofSeconds(5))
                .build()) {
            get(client.http().sendAsync(TENANTS, JsonNode.class));
        }
        assertThat(starts.get()).isEqualTo(2);
        assertThat(ends).hasSize(2).last().isEqualTo("HTTP 200");
        assertThat(ends.get(0)).isEqualTo("HttpTimeoutException");
        assertThat(aura.sleeper.sleeps())
                .as("the backoff was scheduled, not slept")
                .isEmpty();
    }

    @Test
    void closingTheClientEndsAnAsyncWaitAsClosedEvenWithAPollInFlight() {
        aura.defaultApi(new MockResponse.Builder(data("{}"))
                .headersDelay(30, TimeUnit.SECONDS)
                .build());
        AuraClient client = aura.client();
        CompletableFuture<WaitOutcome<JsonNode>> wait = client.waiter()
                .awaitAsyncPolls(
                        "import job 42",
                        () -> client.http().sendAsync(TENANTS, JsonNode.class).thenApply(ApiResponse::data),
                        WaitRules.<JsonNode>builder().successWhen(n -> true).build(),
                        WaitOptions.builder().initialDelay(Duration.ZERO).build(),
                        PollListener.none());
        awaitTrue(() -> aura.apiRequests.size() == 1, "the poll is in flight");

        client.close();

        assertThatThrownBy(() -> get(wait))
                .isInstanceOf(dev.aurasdk.core.AuraException.class)
                .hasMessageContaining("closed")
                .hasMessageContaining("goes on in Aura");
    }

    @Test
    void aSchedulerThatRefusesWorkNeitherHangsCallsNorLeaksPermits() throws Exception {
        ScheduledThreadPoolExecutor own = new ScheduledThreadPoolExecutor(1);
        aura.enqueue(data("[]"))
                .enqueue(json(503, "{\"errors\":[{\"message\":\"busy\"}]}"))
                .enqueue(data("[]"));
        java.util.concurrent.CountDownLatch schedulerGone = new java.util.concurrent.CountDownLatch(1);
        aura.beforeApiAnswer = request -> { // the first answer leaves the server only once the scheduler is gone
            if (aura.apiRequests.size() == 1) {
                try {
                    schedulerGone.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (AuraClient client = aura.clientBuilder()
                .scheduler(own)
                .maxConcurrentAsyncRequests(1)
                .build()) {
            CompletableFuture<ApiResponse<JsonNode>> answered = client.http().sendAsync(TENANTS, JsonNode.class);
            own.shutdownNow(); // the user's scheduler goes away while the client is open
            schedulerGone.countDown();

            // the answer is handled where it arrived
            assertThat(get(answered).data()).isEmpty();
            // a retry cannot be scheduled: the call fails, it does not hang
            assertThatThrownBy(() -> get(client.http().sendAsync(TENANTS, JsonNode.class)))
                    .isInstanceOf(dev.aurasdk.core.AuraException.class)
                    .hasMessageContaining("could not schedule");
            // the only permit came back each time: a third call is sent instead of queuing forever
            assertThat(get(client.http().sendAsync(TENANTS, JsonNode.class)).data())
                    .isEmpty();
            assertThat(aura.apiRequests).hasSize(3);
        } finally {
            own.shutdownNow();
        }
    }

    @Test
    void closingSendsNothingThatWasQueuedAndEndsEveryWaitAsClosed() throws Exception {
        aura.defaultApi(new MockResponse.Builder(data("{}"))
                .headersDelay(30, TimeUnit.SECONDS)
                .build());
        java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
        RequestListener starts = new RequestListener() {
            @Override
            public void onAttemptStart(RequestEvent event) {
                if (!event.path().contains("oauth")) { // an attempt starts right before it is handed to the HTTP client
                    started.incrementAndGet();
                }
            }
        };
        AuraClient client = aura.clientBuilder()
                .addRequestListener(starts)
                .maxConcurrentAsyncRequests(1)
                .build();
        List<CompletableFuture<WaitOutcome<JsonNode>>> waits = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waits.add(client.waiter()
                    .awaitAsyncPolls(
                            "import job " + i,
                            () -> client.http()
                                    .sendAsync(TENANTS, JsonNode.class)
                                    .thenApply(ApiResponse::data),
                            WaitRules.<JsonNode>builder().successWhen(n -> true).build(),
                            WaitOptions.builder().initialDelay(Duration.ZERO).build(),
                            PollListener.none()));
        }
        List<CompletableFuture<ApiResponse<JsonNode>>> posts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            posts.add(client.http().sendAsync(createSomething(), JsonNode.class));
        }
        awaitTrue(() -> aura.apiRequests.size() == 1, "one poll in flight, the rest queued at the gate");
        java.util.concurrent.ScheduledExecutorService scheduler = client.scheduler();

        client.close();

        for (CompletableFuture<WaitOutcome<JsonNode>> wait : waits) {
            assertThatThrownBy(() -> get(wait))
                    .isInstanceOf(dev.aurasdk.core.AuraException.class)
                    .hasMessageContaining("closed")
                    .hasMessageContaining("goes on in Aura");
        }
        for (CompletableFuture<ApiResponse<JsonNode>> post : posts) {
            assertThatThrownBy(() -> get(post)).hasMessageContaining("closed");
        }
        // every later step runs on the client's scheduler: once it has stopped, nothing more can start
        assertThat(scheduler.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(started.get()).as("nothing queued was sent while closing").isEqualTo(1);
        assertThat(aura.apiRequests).hasSize(1);
    }
}
