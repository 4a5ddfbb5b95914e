package dev.aurasdk.imports;

import static dev.aurasdk.imports.JobScripts.cancelledFrame;
import static dev.aurasdk.imports.JobScripts.failedFrame;
import static dev.aurasdk.imports.JobScripts.frame;
import static dev.aurasdk.imports.JobScripts.notFoundFrame;
import static dev.aurasdk.imports.JobScripts.rateLimitedFrame;
import static dev.aurasdk.imports.JobScripts.runningFrame;
import static dev.aurasdk.imports.JobScripts.sequence;
import static dev.aurasdk.imports.JobScripts.succeededFrame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraTimeoutException;
import dev.aurasdk.core.testing.ScriptedAura;
import dev.aurasdk.core.wait.WaitOptions;
import dev.aurasdk.testkit.StepScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every long-wait scenario runs twice: synchronously and asynchronously (no real sleeping in either). */
class AwaitCompletionTest {
    private static final WaitOptions EXACT = WaitOptions.builder().jitter(0).build();

    private final ScriptedAura aura = new ScriptedAura();
    private final StepScheduler scheduler = StepScheduler.immediate(aura.clock, aura.clock::advance);
    private final AuraClient client =
            aura.clientBuilder().scheduler(scheduler).waitOptions(EXACT).build();
    private final ImportJobs jobs = ImportFixtures.jobs(client);
    private final JobScripts scripts = JobScripts.install(aura);

    /** How the wait is made. */
    enum Mode {
        SYNC,
        ASYNC;

        ImportJob await(ImportJobs jobs, String id, ImportAwaitOptions options, ProgressListener listener) {
            if (this == SYNC) {
                return jobs.awaitCompletion(id, options, listener);
            }
            CompletableFuture<ImportJob> future = jobs.awaitCompletionAsync(id, options, listener);
            try {
                // polls are real exchanges with the scripted server; only the waits between them are virtual
                return future.get(60, TimeUnit.SECONDS); // a generous bound
            } catch (ExecutionException e) {
                throw (RuntimeException) e.getCause();
            } catch (InterruptedException | TimeoutException e) {
                throw new AssertionError("the async wait did not finish", e);
            }
        }

        /**
         * The delays between polls (and retries), wherever this mode records them. The async mode also
         * schedules a zero-delay step when each response arrives (to leave the HTTP client's threads);
         * those are not waits and are left out.
         */
        List<Duration> pollDelays(AwaitCompletionTest t) {
            return this == SYNC
                    ? t.aura.sleeper.sleeps()
                    : t.scheduler.delays().stream().filter(d -> !d.isZero()).collect(Collectors.toList());
        }
    }

    @AfterEach
    void close() {
        client.close();
        aura.close();
    }

    private String created(JobScripts.Plan plan) {
        scripts.nextJob(plan);
        return jobs.create(ImportFixtures.request()).id();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void returnsTheSucceededJobAndReportsEverySnapshot(Mode mode) {
        String id = created(sequence(runningFrame(10), runningFrame(60), succeededFrame()));
        List<ImportJob> heard = new ArrayList<>();

        ImportJob done = mode.await(jobs, id, ImportAwaitOptions.defaults(), heard::add);

        assertThat(done.succeeded()).isTrue();
        assertThat(done.id()).isEqualTo(id);
        assertThat(done.rowsProcessed()).isEqualTo(1000);
        assertThat(heard).extracting(j -> j.percentComplete().orElse(-1)).containsExactly(10.0, 60.0, 100.0);
        assertThat(heard.get(0).progress()).as("polls ask for progress details").isPresent();
        assertThat(aura.apiRequests.stream().skip(1).map(r -> r.getUrl().queryParameter("progress")))
                .containsOnly("true");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void withoutProgressPollsAfterOneSecondThenBacksOffByHalfUpToThirtySeconds(Mode mode) {
        // a wait that reads no percentage keeps the backoff; with one, the planner polls near the predicted end
        JobScripts.Frame[] frames = new JobScripts.Frame[14];
        for (int i = 0; i < 13; i++) {
            frames[i] = JobScripts.runningFrameWithoutPercentage();
        }
        frames[13] = succeededFrame();
        String id = created(sequence(frames));

        mode.await(jobs, id, ImportAwaitOptions.defaults(), ProgressListener.none());

        assertThat(mode.pollDelays(this))
                .extracting(Duration::toMillis)
                .containsExactly(
                        1000L, 1500L, 2250L, 3375L, 5062L, 7593L, 11389L, 17083L, 25624L, 30000L, 30000L, 30000L,
                        30000L, 30000L);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void pollIntervalsComeFromTheGivenWaitOptions(Mode mode) {
        String id = created(sequence(runningFrame(1), runningFrame(2), runningFrame(3), succeededFrame()));
        WaitOptions fast = WaitOptions.builder()
                .initialDelay(Duration.ofSeconds(5))
                .multiplier(1)
                .maxInterval(Duration.ofSeconds(5))
                .jitter(0)
                .build();

        mode.await(
                jobs,
                id,
                ImportAwaitOptions.builder()
                        .waitOptions(fast)
                        .includeProgress(false)
                        .build(),
                ProgressListener.none());

        assertThat(mode.pollDelays(this)).containsOnly(Duration.ofSeconds(5)).hasSize(4);
        assertThat(aura.apiRequests.stream().skip(1).map(r -> r.getUrl().queryParameter("progress")))
                .containsOnly("false");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aFailedJobThrowsImportJobFailedExceptionWithAurasMessage(Mode mode) {
        String id = created(sequence(runningFrame(20), failedFrame("Could not connect to data source")));

        assertThatThrownBy(() -> mode.await(jobs, id, ImportAwaitOptions.defaults(), ProgressListener.none()))
                .isInstanceOfSatisfying(ImportJobFailedException.class, e -> {
                    assertThat(e.jobId()).isEqualTo(id);
                    assertThat(e.job().failed()).isTrue();
                    assertThat(e.auraMessage()).contains("Could not connect to data source");
                    assertThat(e.getMessage())
                            .contains(id)
                            .contains("failed")
                            .contains("Could not connect to data source");
                });
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aCancelledJobThrowsImportJobCancelledException(Mode mode) {
        String id = created(sequence(runningFrame(20), cancelledFrame()));

        assertThatThrownBy(() -> mode.await(jobs, id, ImportAwaitOptions.defaults(), ProgressListener.none()))
                .isInstanceOfSatisfying(ImportJobCancelledException.class, e -> {
                    assertThat(e.job().cancelled()).isTrue();
                    assertThat(e.job().state()).contains(ImportJobState.COMPLETED);
                    assertThat(e.getMessage()).contains(id).contains("cancelled");
                });
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void anUnknownExitStateEndsTheWaitAsAFailureInsteadOfPollingForever(Mode mode) {
        String id = created(sequence(
                runningFrame(20),
                frame(
                        "{\"id\":\"%s\",\"info\":{\"state\":\"Completed\","
                                + "\"exit_status\":{\"state\":\"PartialSuccess\",\"message\":\"3 rows skipped\"}}}",
                        true)));

        assertThatThrownBy(() -> mode.await(jobs, id, ImportAwaitOptions.defaults(), ProgressListener.none()))
                .isInstanceOfSatisfying(ImportJobFailedException.class, e -> {
                    assertThat(e.getMessage())
                            .contains("exit state 'PartialSuccess'")
                            .contains("3 rows skipped");
                    assertThat(e.auraMessage()).contains("3 rows skipped");
                });
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void timesOutSayingTheJobIsStillRunningOnAura(Mode mode) {
        String id = created(sequence(runningFrame(33)));
        ImportAwaitOptions tenMinutes = ImportAwaitOptions.builder()
                .waitOptions(WaitOptions.builder()
                        .timeout(Duration.ofMinutes(10))
                        .jitter(0)
                        .build())
                .build();

        assertThatThrownBy(() -> mode.await(jobs, id, tenMinutes, ProgressListener.none()))
                .isInstanceOfSatisfying(ImportJobTimeoutException.class, e -> {
                    assertThat(e.jobId()).isEqualTo(id);
                    assertThat(e.timeout()).isEqualTo(Duration.ofMinutes(10));
                    assertThat(e.lastSeen())
                            .hasValueSatisfying(
                                    j -> assertThat(j.percentComplete()).hasValue(33));
                    assertThat(e.getMessage())
                            .contains(id)
                            .contains("still running on Aura")
                            .contains("not cancelled")
                            .contains("Running 33.0%");
                })
                .isInstanceOf(AuraTimeoutException.class);
        assertThat(aura.apiRequests.stream().filter(r -> r.getMethod().equals("POST")))
                .hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aTimeoutIsAWaitTimeoutExceptionAsEveryWaitsTimeoutIs(Mode mode) {
        String id = created(sequence(runningFrame(10)));
        ImportAwaitOptions oneMinute = ImportAwaitOptions.builder()
                .waitOptions(WaitOptions.builder()
                        .timeout(Duration.ofMinutes(1))
                        .jitter(0)
                        .build())
                .build();

        assertThatThrownBy(() -> mode.await(jobs, id, oneMinute, ProgressListener.none()))
                .isInstanceOf(ImportJobTimeoutException.class)
                .isInstanceOf(dev.aurasdk.core.wait.WaitTimeoutException.class)
                .cause()
                .as("the waiter's own timeout, kept as the cause")
                .isExactlyInstanceOf(dev.aurasdk.core.wait.WaitTimeoutException.class);
    }

    @Test
    void theTimeoutReportedIsTheOneTheWaitRanWithAfterWithOptions() {
        String id = created(sequence(runningFrame(10)));
        dev.aurasdk.core.wait.Wait<ImportJob> wait = jobs.waitForCompletion(
                        id, ImportAwaitOptions.defaults(), ProgressListener.none()) // built with the 30 min default
                .withOptions(WaitOptions.builder()
                        .timeout(Duration.ofMinutes(2))
                        .jitter(0)
                        .build());

        assertThatThrownBy(wait::await).isInstanceOfSatisfying(ImportJobTimeoutException.class, e -> {
            assertThat(e.timeout()).isEqualTo(Duration.ofMinutes(2));
            assertThat(e.waitTimeout()).contains(Duration.ofMinutes(2));
            assertThat(e.getMessage()).contains("PT2M").doesNotContain("PT30M");
        });
    }

    @Test
    void theJobsReportedPercentageIsTheWaitsProgress() {
        String id = created(sequence(runningFrame(42)));
        dev.aurasdk.core.wait.Wait<ImportJob> wait =
                jobs.waitForCompletion(id, ImportAwaitOptions.defaults(), ProgressListener.none());
        ImportJob job = jobs.getWithProgress(id);

        assertThat(wait.operation()).isEqualTo("import job " + id);
        assertThat(wait.options()).isEqualTo(EXACT);
        assertThat(wait.rules().progress(job)).hasValue(42);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void toleratesAJobThatAnswers404BrieflyAfterCreation(Mode mode) {
        String id = created(sequence(notFoundFrame(), notFoundFrame(), runningFrame(50), succeededFrame()));
        List<ImportJob> heard = new ArrayList<>();

        ImportJob done = mode.await(jobs, id, ImportAwaitOptions.defaults(), heard::add);

        assertThat(done.succeeded()).isTrue();
        assertThat(scripts.pollsOf(id)).isEqualTo(4);
        assertThat(heard).as("404 polls are not reported as snapshots").hasSize(2);
    }

    @Test
    void aJobStill404AfterTheGracePeriodIsNotFound() {
        String id = created(sequence(notFoundFrame()));

        assertThatThrownBy(() -> jobs.awaitCompletion(id)).isInstanceOf(dev.aurasdk.core.AuraNotFoundException.class);
        assertThat(aura.clock.instant()).isAfterOrEqualTo(java.time.Instant.parse("2026-01-01T00:01:00Z"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void honoursRetryAfterWhenAPollIsRateLimited(Mode mode) {
        String id = created(sequence(runningFrame(10), rateLimitedFrame(7), succeededFrame()));

        ImportJob done = mode.await(jobs, id, ImportAwaitOptions.defaults(), ProgressListener.none());

        assertThat(done.succeeded()).isTrue();
        assertThat(mode.pollDelays(this))
                .as("the poll's retry waits Retry-After")
                .contains(Duration.ofSeconds(7));
        if (mode == Mode.ASYNC) {
            assertThat(aura.sleeper.sleeps())
                    .as("the async wait schedules its retry, never sleeps")
                    .isEmpty();
        }
        assertThat(scripts.pollsOf(id)).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void waitsTwoHoursAcrossTokenExpiryRefreshingTheTokenBeforeAuraRefusesIt(Mode mode) {
        scripts.rejectExpiredTokens();
        String id = created(scripts.runsFor(Duration.ofHours(2)));
        // polls every 2 minutes at most (default: 30 s) only to keep the test quick: ~65 polls over two hours
        ImportAwaitOptions threeHours = ImportAwaitOptions.builder()
                .waitOptions(WaitOptions.builder()
                        .timeout(Duration.ofHours(3))
                        .maxInterval(Duration.ofMinutes(2))
                        .jitter(0)
                        .build())
                .build();

        ImportJob done = mode.await(jobs, id, threeHours, ProgressListener.none());

        assertThat(done.succeeded()).isTrue();
        assertThat(Duration.between(java.time.Instant.parse("2026-01-01T00:00:00Z"), aura.clock.instant()))
                .isGreaterThanOrEqualTo(Duration.ofHours(2));
        assertThat(scripts.refusedExpiredTokens.get())
                .as("no poll used an expired token")
                .isZero();
        assertThat(aura.tokenRequests.get())
                .as("one token per ~55 minutes, no storm")
                .isEqualTo(3);
        String lastAuth =
                aura.apiRequests.get(aura.apiRequests.size() - 1).getHeaders().get("Authorization");
        assertThat(lastAuth).isEqualTo("Bearer " + ScriptedAura.tokenValue(3));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void listenerHearsOnlyChangedSnapshotsWhenAsked(Mode mode) {
        String same10a = ImportFixtures.jobData("%s", "Running", null, null, 10, 100, 1000, "2026-01-01T00:00:01Z");
        String same10b = ImportFixtures.jobData("%s", "Running", null, null, 10, 100, 1000, "2026-01-01T00:00:02Z");
        JobScripts.Plan plan = sequence(
                frame(same10a, false),
                frame(same10b, false),
                runningFrame(50),
                runningFrame(50),
                runningFrame(50),
                succeededFrame());
        String id = created(plan);
        List<ImportJob> changesOnly = new ArrayList<>();

        mode.await(jobs, id, ImportAwaitOptions.builder().onlyOnChange(true).build(), changesOnly::add);

        assertThat(changesOnly).extracting(j -> j.percentComplete().orElse(-1)).containsExactly(10.0, 50.0, 100.0);

        String again = created(plan);
        List<ImportJob> everything = new ArrayList<>();
        mode.await(jobs, again, ImportAwaitOptions.defaults(), everything::add);
        assertThat(everything).hasSize(6);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aThrowingProgressListenerEndsTheWaitWithItsException(Mode mode) {
        String id = created(sequence(runningFrame(10), succeededFrame()));

        assertThatThrownBy(() -> mode.await(jobs, id, ImportAwaitOptions.defaults(), j -> {
                    throw new IllegalStateException("listener broke");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("listener broke");
    }

    @Test
    void asyncWaitParksNoThreadAndPollsOnlyWhenTheSchedulerRuns() {
        StepScheduler stepping = StepScheduler.manual(aura.clock, aura.clock::advance);
        try (AuraClient steppingClient =
                aura.clientBuilder().scheduler(stepping).waitOptions(EXACT).build()) {
            ImportJobs steppingJobs = ImportFixtures.jobs(steppingClient);
            scripts.nextJob(sequence(runningFrame(10), succeededFrame()));
            String id = steppingJobs.create(ImportFixtures.request()).id();

            CompletableFuture<ImportJob> future = steppingJobs.awaitCompletionAsync(id);

            assertThat(future).isNotDone();
            assertThat(scripts.pollsOf(id)).isZero();
            assertThat(stepping.pending()).isEqualTo(1);
            stepping.runNext(); // sends poll 1 and returns: the scheduler does not wait for the answer
            stepping.awaitTask(); // the answer arrived on the HTTP client's thread, handed back
            assertThat(scripts.pollsOf(id)).isEqualTo(1);
            assertThat(future).isNotDone();
            stepping.runNext(); // judges poll 1 (running), schedules poll 2
            assertThat(future).isNotDone();
            stepping.runNext(); // sends poll 2
            stepping.awaitTask();
            assertThat(future).isNotDone();
            stepping.runNext(); // judges poll 2 (succeeded)
            assertThat(future).isCompletedWithValueMatching(ImportJob::succeeded);
            // poll, judge (at once), poll after the planner's delay, judge (at once)
            assertThat(stepping.delays()).hasSize(4);
            assertThat(stepping.delays().get(0)).isEqualTo(Duration.ofSeconds(1));
            assertThat(stepping.delays().get(1)).isZero();
            assertThat(stepping.delays().get(2)).isPositive();
            assertThat(stepping.delays().get(3)).isZero();
            assertThat(aura.sleeper.sleeps()).isEmpty();
        }
    }

    @Test
    void cancellingTheAsyncWaitStopsPollingButNotTheJob() {
        StepScheduler stepping = StepScheduler.manual(aura.clock, aura.clock::advance);
        try (AuraClient steppingClient =
                aura.clientBuilder().scheduler(stepping).waitOptions(EXACT).build()) {
            ImportJobs steppingJobs = ImportFixtures.jobs(steppingClient);
            scripts.nextJob(sequence(runningFrame(10)));
            String id = steppingJobs.create(ImportFixtures.request()).id();
            CompletableFuture<ImportJob> future = steppingJobs.awaitCompletionAsync(id);
            stepping.runNext();
            stepping.awaitTask();

            future.cancel(false);
            while (stepping.pending() > 0) {
                stepping.runNext();
            }

            assertThat(future).isCancelled();
            assertThat(scripts.pollsOf(id)).isEqualTo(1);
            assertThat(stepping.delays()).as("no second poll was scheduled").doesNotContain(Duration.ofMillis(1500));
            assertThat(aura.apiRequests.stream()
                            .map(r -> r.getUrl().encodedPath())
                            .collect(Collectors.toList()))
                    .noneMatch(p -> p.endsWith("/cancellation"));
        }
    }

    @Test
    void cancellingTheAsyncWaitAlsoStopsTheRetryOfItsPollInFlight() {
        // the client's own (real) scheduler: the poll's retry after a 429 waits 30 s there
        try (AuraClient realClient = aura.clientBuilder().waitOptions(EXACT).build()) {
            ImportJobs realJobs = ImportFixtures.jobs(realClient);
            scripts.nextJob(sequence(rateLimitedFrame(30), succeededFrame()));
            String id = realJobs.create(ImportFixtures.request()).id();
            java.util.concurrent.ScheduledThreadPoolExecutor scheduler =
                    (java.util.concurrent.ScheduledThreadPoolExecutor) realClient.scheduler();
            CompletableFuture<ImportJob> future = realJobs.awaitCompletionAsync(
                    id,
                    ImportAwaitOptions.builder()
                            .waitOptions(WaitOptions.builder()
                                    .initialDelay(Duration.ZERO)
                                    .jitter(0)
                                    .build())
                            .build(),
                    ProgressListener.none());
            awaitTrue(
                    () -> scheduler.getQueue().stream()
                            .anyMatch(t -> ((java.util.concurrent.Delayed) t).getDelay(TimeUnit.SECONDS) > 20),
                    "the retry is scheduled");

            future.cancel(false);

            awaitTrue(() -> scheduler.getQueue().isEmpty(), "the poll's retry was cancelled with the wait");
            assertThat(scripts.pollsOf(id)).isEqualTo(1);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    @Test
    void shorthandOverloadsUseTheClientsWaitOptionsAndNoListener() {
        String first = created(sequence(runningFrame(10), succeededFrame()));
        String second = created(sequence(succeededFrame()));

        assertThat(jobs.awaitCompletion(first).succeeded()).isTrue();
        assertThat(jobs.awaitCompletionAsync(second).join().succeeded()).isTrue();
        assertThat(jobs.awaitCompletionAsync(second, ProgressListener.none())
                        .join()
                        .succeeded())
                .isTrue();
    }
}
