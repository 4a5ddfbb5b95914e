package dev.aurasdk.core.http;

import static dev.aurasdk.core.testing.ScriptedAura.data;
import static dev.aurasdk.core.testing.ScriptedAura.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraCredentials;
import dev.aurasdk.core.testing.ManualTimeScheduler;
import dev.aurasdk.core.testing.ScriptedAura;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the attempts of one call are counted and held: the replay with a fresh token is not a retry, and
 * an async attempt holds its permit of the in-flight bound from its rate-limit wait to its answer.
 */
class AttemptCountingTest {
    private static final ApiRequest TENANTS =
            ApiRequest.get(ApiVersion.V1).path("tenants").build();
    private final ScriptedAura aura = new ScriptedAura();

    @AfterEach
    void close() {
        aura.close();
    }

    private void refusedTokenThenTwoBusyAnswersThenOk() {
        aura.enqueue(json(403, "{\"errors\":[{\"message\":\"token expired\"}]}"))
                .enqueue(json(503, "{\"errors\":[{\"message\":\"busy\"}]}"))
                .enqueue(json(503, "{\"errors\":[{\"message\":\"busy\"}]}"))
                .enqueue(data("[]"));
    }

    private static RequestListener recordingAttempts(List<Integer> attempts) {
        return new RequestListener() {
            @Override
            public void onAttemptStart(RequestEvent event) {
                if (event.path().endsWith("/tenants")) {
                    attempts.add(event.attempt());
                }
            }
        };
    }

    @Test
    void theReplayWithAFreshTokenDoesNotCountAgainstTheRetries() {
        refusedTokenThenTwoBusyAnswersThenOk();
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        try (AuraClient client = aura.clientBuilder()
                .addRequestListener(recordingAttempts(attempts))
                .build()) {
            client.http().send(TENANTS, JsonNode.class);
        }
        // three attempts allowed: the replay, then two retries, each after its backoff
        assertThat(aura.apiRequests).hasSize(4);
        assertThat(attempts).containsExactly(1, 2, 3, 4);
        assertThat(aura.sleeper.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(aura.tokenRequests.get()).isEqualTo(2);
    }

    @Test
    void theAsyncReplayDoesNotCountAgainstTheRetriesEither() throws Exception {
        refusedTokenThenTwoBusyAnswersThenOk();
        ManualTimeScheduler scheduler = new ManualTimeScheduler(aura.clock);
        try (AuraClient client = aura.clientBuilder().scheduler(scheduler).build()) {
            client.http().sendAsync(TENANTS, JsonNode.class).get(60, TimeUnit.SECONDS);
        } finally {
            scheduler.shutdownNow();
        }
        assertThat(aura.apiRequests).hasSize(4);
        assertThat(scheduler.delays())
                .filteredOn(d -> !d.isZero())
                .containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void anAsyncCallAbandonedWhileWaitingForItsSlotGivesItsPermitToTheNextCall() throws Exception {
        aura.defaultApi(data("[]"));
        AtomicInteger reservations = new AtomicInteger();
        RequestBudget secondWaitsAnHour = new RequestBudget() {
            @Override
            public Optional<Duration> reserve(Instant deadline) {
                return Optional.of(reservations.incrementAndGet() == 2 ? Duration.ofHours(1) : Duration.ZERO);
            }

            @Override
            public void pause(Duration retryAfter) {}
        };
        try (AuraClient client = AuraClient.builder() // as aura.clientBuilder(), with a budget for the rate limit
                .credentials(AuraCredentials.of(ScriptedAura.CLIENT_ID, ScriptedAura.CLIENT_SECRET))
                .baseUrl(aura.baseUrl())
                .clock(aura.clock)
                .sleeper(aura.sleeper)
                .requestBudget(secondWaitsAnHour)
                .maxConcurrentAsyncRequests(1)
                .callTimeout(Duration.ofHours(2))
                .build()) {
            client.http().sendAsync(TENANTS, JsonNode.class).get(60, TimeUnit.SECONDS);
            CompletableFuture<ApiResponse<JsonNode>> waiting = client.http().sendAsync(TENANTS, JsonNode.class);
            CompletableFuture<ApiResponse<JsonNode>> queued = client.http().sendAsync(TENANTS, JsonNode.class);
            assertThat(reservations.get())
                    .as("the third call waits at the gate")
                    .isEqualTo(2);

            waiting.cancel(false);

            assertThat(queued.get(60, TimeUnit.SECONDS).data()).isEmpty();
        }
        assertThat(aura.apiRequests).hasSize(2);
    }
}
