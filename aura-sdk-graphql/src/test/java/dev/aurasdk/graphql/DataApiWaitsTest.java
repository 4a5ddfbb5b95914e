package dev.aurasdk.graphql;

import static dev.aurasdk.graphql.GraphQLFixtures.API;
import static dev.aurasdk.graphql.GraphQLFixtures.INSTANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraTimeoutException;
import dev.aurasdk.core.testing.ScriptedAura;
import dev.aurasdk.core.wait.PollEvent;
import dev.aurasdk.core.wait.WaitOptions;
import dev.aurasdk.core.wait.WaitOutcome;
import dev.aurasdk.testkit.StepScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every wait scenario runs both synchronously and asynchronously (manual scheduler, no real sleeping). */
class DataApiWaitsTest {
    private static final MockResponse INVALID_SCHEMA = ScriptedAura.json(
            200,
            "{\"data\":"
                    + GraphQLFixtures.details("error") + ",\"errors\":[{\"reason\":\"invalid-type-defs\","
                    + "\"message\":\"Unknown type \\\"Strig\\\". Did you mean \\\"String\\\"?\"}]}");

    /** Runs a wait either on the calling thread or through the async API. */
    abstract static class Mode {
        ScriptedAura aura;
        StepScheduler scheduler;
        AuraClient client;
        GraphQLDataApis apis;

        @BeforeEach
        void setUp() {
            aura = new ScriptedAura();
            scheduler = StepScheduler.manual(aura.clock, aura.clock::advance);
            client = GraphQLFixtures.client(aura, scheduler);
            apis = GraphQLDataApis.create(client);
        }

        @AfterEach
        void tearDown() {
            client.close();
            aura.close();
        }

        abstract GraphQLDataApi ready();

        abstract GraphQLDataApi paused();

        abstract void deleted();

        /** Rethrows what the async form completed with, as the sync form would throw it. */
        <T> T drive(CompletableFuture<T> future) {
            assertThat(future)
                    .as("nothing polled before the scheduler runs: no thread was parked")
                    .isNotDone();
            scheduler.runUntilDone(future);
            try {
                return future.join();
            } catch (CompletionException e) {
                throw (RuntimeException) e.getCause();
            }
        }

        List<String> requestLines() {
            return aura.apiRequests.stream().map(GraphQLFixtures::line).toList();
        }

        long elapsedSeconds() {
            return Duration.between(java.time.Instant.parse("2026-01-01T00:00:00Z"), aura.clock.instant())
                    .toSeconds();
        }

        @Test
        void awaitReadyPollsUntilCreatingBecomesReady() {
            aura.enqueue(GraphQLFixtures.get("creating"));
            aura.enqueue(GraphQLFixtures.get("creating"));
            aura.enqueue(GraphQLFixtures.get("ready"));

            GraphQLDataApi api = ready();

            assertThat(api.isReady()).isTrue();
            assertThat(aura.apiRequests).hasSize(3);
            assertThat(elapsedSeconds()).isEqualTo(4); // polls at 1 s, 2.5 s, 4.75 s
        }

        @Test
        void anInvalidSchemaEndsInTheTypedExceptionWithAurasReasonWithinSeconds() {
            aura.enqueue(GraphQLFixtures.get("creating"));
            aura.enqueue(INVALID_SCHEMA);

            assertThatThrownBy(this::ready)
                    .isInstanceOf(GraphQLDataApiFailedException.class)
                    .hasMessageContaining("invalid-type-defs")
                    .hasMessageContaining("Unknown type \"Strig\"")
                    .satisfies(e -> {
                        GraphQLDataApiFailedException failed = (GraphQLDataApiFailedException) e;
                        assertThat(failed.reason()).contains("invalid-type-defs");
                        assertThat(failed.apiId()).isEqualTo(API);
                        assertThat(failed.api())
                                .hasValueSatisfying(a -> assertThat(a.status()).isEqualTo(GraphQLDataApiStatus.ERROR));
                    });
            assertThat(elapsedSeconds()).isLessThan(5);
        }

        @Test
        void afterAnUpdateAStaleReadyIsNotTrustedUntilUpdatingIsSeen() {
            aura.enqueue(GraphQLFixtures.accepted("updating"));
            aura.enqueue(GraphQLFixtures.get("ready")); // stale: Aura still shows the old state
            aura.enqueue(GraphQLFixtures.get("updating"));
            aura.enqueue(GraphQLFixtures.get("ready"));
            apis.updateTypeDefinitions(INSTANCE, API, TypeDefinitions.of("type A @node { a: String }"));

            GraphQLDataApi api = ready();

            assertThat(api.isReady()).isTrue();
            assertThat(aura.apiRequests).hasSize(4);
        }

        @Test
        void afterAnUpdateWithoutAnyVisibleTransitionReadyIsAcceptedOnceTheSettleTimeHasPassed() {
            aura.enqueue(GraphQLFixtures.accepted("updating"));
            for (int i = 0; i < 4; i++) {
                aura.enqueue(GraphQLFixtures.get("ready"));
            }
            apis.update(
                    INSTANCE,
                    API,
                    UpdateGraphQLDataApi.builder().name("renamed").build());

            ready();

            // polls at 1, 2.5, 4.75 s are inside the 5 s settle time; the one at 8.125 s is trusted
            assertThat(aura.apiRequests).hasSize(5);
            assertThat(elapsedSeconds()).isEqualTo(8);
        }

        @Test
        void fixingABrokenSchemaIgnoresTheStaleErrorRightAfterTheUpdate() {
            aura.enqueue(GraphQLFixtures.accepted("updating"));
            aura.enqueue(INVALID_SCHEMA); // stale error from the previous schema
            aura.enqueue(GraphQLFixtures.get("updating"));
            aura.enqueue(GraphQLFixtures.get("ready"));
            apis.updateTypeDefinitions(INSTANCE, API, TypeDefinitions.of("type Movie @node { title: String }"));

            assertThat(ready().isReady()).isTrue();
        }

        @Test
        void withoutARecentChangeReadyIsAcceptedAtTheFirstPoll() {
            aura.enqueue(GraphQLFixtures.get("ready"));

            ready();

            assertThat(aura.apiRequests).hasSize(1);
        }

        @Test
        void awaitReadyStopsWhenTheApiIsPausedInstead() {
            aura.enqueue(GraphQLFixtures.get("paused"));

            assertThatThrownBy(this::ready)
                    .isInstanceOf(GraphQLDataApiStateException.class)
                    .hasMessageContaining("is paused")
                    .satisfies(e -> assertThat(((GraphQLDataApiStateException) e).status())
                            .isEqualTo(GraphQLDataApiStatus.PAUSED));
        }

        @Test
        void aNewApiThatAnswers404BrieflyIsStillAwaited() {
            aura.enqueue(GraphQLFixtures.notFound());
            aura.enqueue(GraphQLFixtures.get("creating"));
            aura.enqueue(GraphQLFixtures.get("ready"));

            assertThat(ready().isReady()).isTrue();
        }

        @Test
        void awaitPausedPollsUntilPaused() {
            aura.enqueue(GraphQLFixtures.accepted("pausing"));
            aura.enqueue(GraphQLFixtures.get("pausing"));
            aura.enqueue(GraphQLFixtures.get("paused"));
            apis.pause(INSTANCE, API);

            GraphQLDataApi api = paused();

            assertThat(api.status()).isEqualTo(GraphQLDataApiStatus.PAUSED);
            assertThat(requestLines())
                    .containsExactly(
                            "POST " + GraphQLFixtures.BASE + "/" + API + "/pause",
                            "GET " + GraphQLFixtures.BASE + "/" + API,
                            "GET " + GraphQLFixtures.BASE + "/" + API);
        }

        @Test
        void resumeThenAwaitReadyDoesNotTrustAStalePaused() {
            aura.enqueue(GraphQLFixtures.accepted("resuming"));
            aura.enqueue(GraphQLFixtures.get("paused")); // stale
            aura.enqueue(GraphQLFixtures.get("resuming"));
            aura.enqueue(GraphQLFixtures.get("ready"));
            apis.resume(INSTANCE, API);

            assertThat(ready().isReady()).isTrue();
        }

        @Test
        void awaitDeletedEndsWhenTheApiAnswers404() {
            aura.enqueue(GraphQLFixtures.accepted("deleting"));
            aura.enqueue(GraphQLFixtures.get("deleting"));
            aura.enqueue(GraphQLFixtures.notFound());
            apis.delete(INSTANCE, API);

            deleted();

            assertThat(aura.apiRequests).hasSize(3);
        }
    }

    @Nested
    class Sync extends Mode {
        @Override
        GraphQLDataApi ready() {
            return apis.awaitReady(INSTANCE, API);
        }

        @Override
        GraphQLDataApi paused() {
            return apis.awaitPaused(INSTANCE, API);
        }

        @Override
        void deleted() {
            apis.awaitDeleted(INSTANCE, API);
        }

        @Test
        void theWaitSleepsThroughTheClientSleeperWithGrowingIntervals() {
            aura.enqueue(GraphQLFixtures.get("creating"));
            aura.enqueue(GraphQLFixtures.get("creating"));
            aura.enqueue(GraphQLFixtures.get("ready"));

            apis.awaitReady(INSTANCE, API);

            assertThat(aura.sleeper.sleeps())
                    .containsExactly(Duration.ofMillis(1000), Duration.ofMillis(1500), Duration.ofMillis(2250));
        }

        @Test
        void listenerSeesEveryPollAndTimeoutSaysTheOperationGoesOn() {
            aura.defaultApi(GraphQLFixtures.get("creating"));
            List<PollEvent<GraphQLDataApi>> polls = new ArrayList<>();
            WaitOptions options = WaitOptions.builder()
                    .jitter(0)
                    .timeout(Duration.ofSeconds(10))
                    .build();

            assertThatThrownBy(() -> apis.waitForReady(INSTANCE, API)
                            .withOptions(options)
                            .withListener(polls::add)
                            .await())
                    .isInstanceOf(AuraTimeoutException.class)
                    .as("the same timeout family as every wait, import jobs included")
                    .isInstanceOf(dev.aurasdk.core.wait.WaitTimeoutException.class)
                    .hasMessageContaining("creating")
                    .hasMessageContaining("goes on");
            assertThat(polls)
                    .isNotEmpty()
                    .allSatisfy(p -> assertThat(p.value())
                            .hasValueSatisfying(
                                    a -> assertThat(a.status().value()).isEqualTo("creating")));
        }
    }

    @Nested
    class Async extends Mode {
        @Override
        GraphQLDataApi ready() {
            return drive(apis.awaitReadyAsync(INSTANCE, API));
        }

        @Override
        GraphQLDataApi paused() {
            return drive(apis.awaitPausedAsync(INSTANCE, API));
        }

        @Override
        void deleted() {
            drive(apis.awaitDeletedAsync(INSTANCE, API));
        }

        @Test
        void anAsyncTimeoutIsTheSameWaitTimeoutException() {
            aura.defaultApi(GraphQLFixtures.get("creating"));
            CompletableFuture<WaitOutcome<GraphQLDataApi>> wait = apis.waitForReady(INSTANCE, API)
                    .withOptions(WaitOptions.builder()
                            .jitter(0)
                            .timeout(Duration.ofSeconds(10))
                            .build())
                    .awaitAsync();

            assertThatThrownBy(() -> drive(wait))
                    .isExactlyInstanceOf(dev.aurasdk.core.wait.WaitTimeoutException.class)
                    .hasMessageContaining("goes on in Aura");
        }

        @Test
        void pollsAreScheduledOnTheClientSchedulerWithGrowingDelays() {
            aura.enqueue(GraphQLFixtures.get("creating"));
            aura.enqueue(GraphQLFixtures.get("creating"));
            aura.enqueue(GraphQLFixtures.get("ready"));

            ready();

            // zero delays are the hand-backs from the HTTP client's threads, not waits
            assertThat(scheduler.delays().stream().filter(d -> !d.isZero()))
                    .containsExactly(Duration.ofMillis(1000), Duration.ofMillis(1500), Duration.ofMillis(2250));
            assertThat(aura.sleeper.sleeps()).as("the async wait never sleeps").isEmpty();
        }

        @Test
        void cancellingOrTimingOutTheReturnedFutureStopsPolling() {
            aura.defaultApi(GraphQLFixtures.get("creating"));
            java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
            try (AuraClient listened = aura.clientBuilder()
                    .waitOptions(GraphQLFixtures.exactWaits())
                    .scheduler(scheduler)
                    .addRequestListener(new dev.aurasdk.core.http.RequestListener() {
                        @Override
                        public void onAttemptStart(dev.aurasdk.core.http.RequestEvent event) {
                            started.incrementAndGet();
                        }
                    })
                    .build()) {
                GraphQLDataApis listenedApis = GraphQLDataApis.create(listened);
                CompletableFuture<GraphQLDataApi> cancelled = listenedApis.awaitReadyAsync(INSTANCE, API);
                CompletableFuture<Void> deleted = listenedApis.awaitDeletedAsync(INSTANCE, API);
                assertThat(scheduler.pending())
                        .as("both first polls are scheduled")
                        .isEqualTo(2);
                // the timeout only now: a 1 ms timer set earlier could fire before the check above on a busy machine
                CompletableFuture<Void> timedOut = deleted.orTimeout(1, java.util.concurrent.TimeUnit.MILLISECONDS);

                cancelled.cancel(false);
                assertThat(timedOut).failsWithin(Duration.ofSeconds(5));
                assertThat(scheduler.pending()).as("no poll left scheduled").isZero();
                // a poll still scheduled would start now, on this thread (the listener hears it at once)
                scheduler.runUntilIdle();

                assertThat(started.get()).as("no poll after the caller gave up").isZero();
                assertThat(aura.apiRequests).isEmpty();
            }
        }
    }
}
