package dev.aurasdk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.http.ApiRequest;
import dev.aurasdk.core.http.ApiVersion;
import dev.aurasdk.core.http.RateLimit;
import dev.aurasdk.core.http.Sleeper;
import dev.aurasdk.core.internal.wait.ClientWaiter;
import dev.aurasdk.core.internal.wait.PollPlanner;
import dev.aurasdk.core.wait.DelayScheduler;
import dev.aurasdk.core.wait.Wait;
import dev.aurasdk.core.wait.Waiter;
import dev.aurasdk.imports.CreateImportJob;
import dev.aurasdk.imports.ImportAwaitOptions;
import dev.aurasdk.imports.ImportJob;
import dev.aurasdk.imports.ImportJobs;
import dev.aurasdk.imports.ProgressListener;
import dev.aurasdk.imports.ProjectRef;
import dev.aurasdk.testkit.DemoWorld;
import dev.aurasdk.testkit.FakeAuraServer;
import dev.aurasdk.testkit.JournalEntry;
import dev.aurasdk.testkit.StepMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One run of {@link WaitBudgetBench}: a fresh {@link FakeAuraServer} (virtual time, its own rate limit
 * of 125 per minute on), the jobs created at one virtual instant (or, with arrivals, spread evenly over a
 * span, each awaited from its creation), then one SDK wait per job through the client and its
 * 125-per-minute limiter, each taking its delays from the poller's slot, and a user call
 * ({@code GET /v1/tenants}) every 10 s, all on a {@link DiscreteEventScheduler} until every job's
 * completion was seen.
 *
 * <p>With arrivals, job i (creation order) is created at {@code t0 + i × span / N} by a separate setup
 * client (no client-side limit, on the same scheduler), the same way for every poller, and its wait starts
 * at that instant. Those creations share the fake's rate-limit key with the measured client (the fake has
 * one credential), so the fake's limit is raised by the most creations any trailing minute holds: they
 * never take a measured request's place. The report's columns count the measured client's requests only
 * (the creations excluded), so "windows > 125" still checks it against 125 exactly.
 */
final class WaitBudgetSimulation {
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int PERMITS = 125;
    static final Duration USER_CALL_EVERY = Duration.ofSeconds(10);

    /** What one run measured. */
    static final class Result {
        final List<Double> lagSeconds = new ArrayList<>();
        final List<Double> userDelaySeconds = new ArrayList<>();
        /** Per job (creation order): seconds from the start to its first poll at the fake. */
        final List<Double> firstLookSeconds = new ArrayList<>();

        int pollsSent;
        final int[] pollsByTenMinutes = new int[13];
        int requestsSent;
        int tooManyRequests;
        int overBudgetWindows;
        int overPollAllowanceWindows;
        long virtualSeconds;
        double wallSeconds;
    }

    private WaitBudgetSimulation() {}

    /**
     * Runs the jobs with one poller, all created at one instant before the run.
     *
     * @param jobs the jobs
     * @param poller builds the poller from the run's completion instants by operation name and the fake
     * @param pollAllowance polls per minute counted as within the poll budget (for the report)
     * @return the measures
     * @throws Exception when the fake fails
     */
    static Result run(List<SimulatedJobs.Job> jobs, Function<Context, PollPlanner> poller, int pollAllowance)
            throws Exception {
        return run(jobs, poller, pollAllowance, Duration.ZERO);
    }

    /**
     * Runs the jobs with one poller.
     *
     * @param jobs the jobs
     * @param poller builds the poller from the run's completion instants by operation name and the fake
     * @param pollAllowance polls per minute counted as within the poll budget (for the report)
     * @param arrivals the span over which the jobs are created (zero: all at once, before the run)
     * @return the measures
     * @throws Exception when the fake fails
     */
    static Result run(
            List<SimulatedJobs.Job> jobs, Function<Context, PollPlanner> poller, int pollAllowance, Duration arrivals)
            throws Exception {
        long wallStart = System.nanoTime();
        Result result = new Result();
        Instant t0;
        boolean spread = !arrivals.isZero();
        try (FakeAuraServer fake =
                FakeAuraServer.builder().stepMode(StepMode.MANUAL).build().start()) {
            List<String> ids;
            long[] offsets = creationOffsets(jobs.size(), arrivals);
            if (spread) {
                for (SimulatedJobs.Job job : jobs) {
                    fake.seed().importModel(job.model(model(job)));
                }
                ids = new ArrayList<>(java.util.Collections.nCopies(jobs.size(), (String) null));
                fake.rateLimit(PERMITS + mostPerWindow(offsets), WINDOW);
            } else {
                ids = create(fake, jobs);
                fake.rateLimit(PERMITS, WINDOW);
            }
            fake.journal().clear();
            t0 = fake.clock().instant();
            Map<String, Instant> completions = new java.util.HashMap<>();
            for (int i = 0; i < ids.size() && !spread; i++) {
                completions.put(operation(ids.get(i)), t0.plusSeconds(jobs.get(i).seconds));
            }
            DiscreteEventScheduler scheduler = new DiscreteEventScheduler(fake.clock());
            try (AuraClient aura = fake.clientBuilder()
                            .rateLimit(RateLimit.of(PERMITS, WINDOW))
                            .callTimeout(Duration.ofHours(6))
                            .scheduler(scheduler)
                            .addRequestListener(scheduler.exchangeCounter())
                            .build();
                    AuraClient setup = spread // creates the jobs as they arrive, the same for every poller
                            ? fake.clientBuilder()
                                    .rateLimit(RateLimit.unlimited())
                                    .scheduler(scheduler)
                                    .addRequestListener(scheduler.exchangeCounter())
                                    .build()
                            : null) {
                PollPlanner planner = poller.apply(new Context(completions, fake));
                Loop loop = new Loop(aura, scheduler, fake, planner, jobs.size());
                if (spread) {
                    ImportJobs creator =
                            ImportJobs.create(setup, ProjectRef.of(DemoWorld.ORGANIZATION_ID, DemoWorld.PROJECT_ID));
                    for (int i = 0; i < jobs.size(); i++) {
                        int index = i;
                        Instant at = t0.plusMillis(offsets[i]);
                        scheduler.schedule(
                                () -> creator.createAsync(CreateImportJob.builder()
                                                .importModelId(model(jobs.get(index)))
                                                .instanceId(DemoWorld.INSTANCE_ID)
                                                .build())
                                        .whenComplete((created, failure) -> {
                                            if (failure != null) {
                                                loop.remaining--;
                                                loop.failures.add(failure);
                                            } else if (!fake.clock().instant().equals(at)) {
                                                loop.remaining--;
                                                loop.failures.add(new IllegalStateException(
                                                        "creating job " + index + " moved virtual time"));
                                            } else {
                                                String id = created.id();
                                                ids.set(index, id);
                                                Instant done = at.plusSeconds(jobs.get(index).seconds);
                                                completions.put(operation(id), done);
                                                loop.start(id);
                                            }
                                        }),
                                offsets[i],
                                TimeUnit.MILLISECONDS);
                    }
                } else {
                    for (String id : ids) {
                        loop.start(id);
                    }
                }
                loop.userCall(result);
                scheduler.runUntil(t0.plus(Duration.ofHours(6)));
                if (loop.remaining > 0 || !loop.failures.isEmpty()) {
                    throw new IllegalStateException(loop.remaining + " job(s) never seen completed, "
                            + loop.failures.size() + " wait(s) failed, first: "
                            + loop.failures.stream()
                                    .findFirst()
                                    .map(Throwable::toString)
                                    .orElse("none"));
                }
                for (int i = 0; i < ids.size(); i++) {
                    Instant seen = loop.detected.get(ids.get(i));
                    result.lagSeconds.add(Duration.between(completions.get(operation(ids.get(i))), seen)
                                    .toMillis()
                            / 1000.0);
                }
                result.virtualSeconds = loop.detected.values().stream()
                        .mapToLong(d -> Duration.between(t0, d).toSeconds())
                        .max()
                        .orElse(0);
            }
            count(fake.journal().entries(), pollAllowance, result, t0);
            Map<String, Double> firstLook = new java.util.HashMap<>();
            for (JournalEntry e : fake.journal().entries()) {
                int at = e.path().indexOf("/import/jobs/");
                if (at >= 0) {
                    firstLook.putIfAbsent(
                            e.path().substring(at + "/import/jobs/".length()),
                            Duration.between(t0, e.receivedAt()).toMillis() / 1000.0);
                }
            }
            for (int i = 0; i < ids.size(); i++) { // from the job's creation
                result.firstLookSeconds.add(firstLook.getOrDefault(ids.get(i), Double.NaN) - offsets[i] / 1000.0);
            }
        }
        result.wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        return result;
    }

    /** The operation of the SDK's wait for a job (what the oracle looks completions up by). */
    static String operation(String id) {
        return "import job " + id;
    }

    /** What a poller may know: the completions (for the oracle) and the fake (for its clock). */
    static final class Context {
        final Map<String, Instant> completions;
        final FakeAuraServer fake;

        Context(Map<String, Instant> completions, FakeAuraServer fake) {
            this.completions = completions;
            this.fake = fake;
        }
    }

    /**
     * When each job is created, in ms after the start: job i at {@code i × span / n} (all 0 for no span).
     *
     * @param n jobs
     * @param span the arrival span
     * @return the offsets, non-decreasing
     */
    static long[] creationOffsets(int n, Duration span) {
        long[] offsets = new long[n];
        for (int i = 0; i < n; i++) {
            offsets[i] = i * span.toMillis() / n;
        }
        return offsets;
    }

    /** The most offsets any window {@code (t − 60 s, t]} holds. */
    static int mostPerWindow(long[] sortedOffsets) {
        int most = 0;
        int from = 0;
        for (int i = 0; i < sortedOffsets.length; i++) {
            while (sortedOffsets[from] <= sortedOffsets[i] - WINDOW.toMillis()) {
                from++;
            }
            most = Math.max(most, i - from + 1);
        }
        return most;
    }

    private static String model(SimulatedJobs.Job job) {
        return String.format("00000000-0000-4000-8000-%012d", job.index);
    }

    private static List<String> create(FakeAuraServer fake, List<SimulatedJobs.Job> jobs) {
        Instant before = fake.clock().instant();
        List<String> ids = new ArrayList<>();
        try (AuraClient setup =
                fake.clientBuilder().rateLimit(RateLimit.unlimited()).build()) {
            ImportJobs api = ImportJobs.create(setup, ProjectRef.of(DemoWorld.ORGANIZATION_ID, DemoWorld.PROJECT_ID));
            for (SimulatedJobs.Job job : jobs) {
                String model = model(job);
                fake.seed().importModel(job.model(model));
                ids.add(api.create(CreateImportJob.builder()
                                .importModelId(model)
                                .instanceId(DemoWorld.INSTANCE_ID)
                                .build())
                        .id());
            }
        }
        if (!fake.clock().instant().equals(before)) {
            throw new IllegalStateException("creating the jobs moved virtual time");
        }
        return ids;
    }

    /** Counts what the fake saw: polls, requests, 429s and windows over the budget. */
    private static void count(List<JournalEntry> entries, int pollAllowance, Result result, Instant t0) {
        List<Instant> api = new ArrayList<>();
        List<Instant> polls = new ArrayList<>();
        for (JournalEntry e : entries) {
            if (!e.path().startsWith("/v1/") && !e.path().startsWith("/v2beta1/")) {
                continue; // token requests have their own limit
            }
            if (e.method().equals("POST") && e.path().endsWith("/import/jobs")) {
                continue; // a creation by the setup client (arrivals), not the measured client's
            }
            api.add(e.receivedAt());
            if (e.status() == 429) {
                result.tooManyRequests++;
            }
            if (e.path().contains("/import/jobs/")) {
                polls.add(e.receivedAt());
                int bucket =
                        (int) Math.min(12, Duration.between(t0, e.receivedAt()).toMinutes() / 10);
                result.pollsByTenMinutes[bucket]++;
            }
        }
        result.requestsSent = api.size();
        result.pollsSent = polls.size();
        result.overBudgetWindows = windowsOver(api, PERMITS);
        result.overPollAllowanceWindows = windowsOver(polls, pollAllowance);
    }

    /** How many requests ended a window of one minute (t − 60 s, t] holding more than {@code limit}. */
    static int windowsOver(List<Instant> times, int limit) {
        List<Instant> sorted = new ArrayList<>(times);
        sorted.sort(null);
        int over = 0;
        int from = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Instant horizon = sorted.get(i).minus(WINDOW);
            while (!sorted.get(from).isAfter(horizon)) {
                from++;
            }
            if (i - from + 1 > limit) {
                over++;
            }
        }
        return over;
    }

    /**
     * The waits and the user calls, all run on the scheduler's (the caller's) thread. Each job is awaited
     * with the SDK's own {@code ImportJobs.waitForCompletion(...).awaitAsync()}: for the planner on the
     * client's own waiter (its default {@code BudgetPollPlanner}), for a baseline on a {@link ClientWaiter}
     * built like the client's but with the baseline's planner.
     */
    private static final class Loop {
        final AuraClient aura;
        final DiscreteEventScheduler scheduler;
        final FakeAuraServer fake;
        final ImportJobs jobs;
        final Waiter waiter;
        final Map<String, Instant> detected = new java.util.HashMap<>();
        final List<Throwable> failures = new ArrayList<>();
        int remaining;

        Loop(AuraClient aura, DiscreteEventScheduler scheduler, FakeAuraServer fake, PollPlanner planner, int jobs) {
            this.aura = aura;
            this.scheduler = scheduler;
            this.fake = fake;
            this.jobs = ImportJobs.create(aura, ProjectRef.of(DemoWorld.ORGANIZATION_ID, DemoWorld.PROJECT_ID));
            this.waiter = planner == null
                    ? aura.waiter()
                    : new ClientWaiter(
                            fake.clock(),
                            Sleeper.system(),
                            DelayScheduler.of(scheduler),
                            List.of(),
                            planner,
                            aura.waitOptions());
            this.remaining = jobs;
        }

        void start(String id) {
            Wait<ImportJob> sdk = jobs.waitForCompletion(id, ImportAwaitOptions.defaults(), ProgressListener.none());
            waiter.newWait(sdk.operation(), sdk.poll(), sdk.rules())
                    .withOptions(BenchPollers.options())
                    .awaitAsync()
                    .whenComplete((outcome, failure) -> {
                        remaining--;
                        if (failure != null) {
                            failures.add(failure);
                        } else {
                            detected.put(id, fake.clock().instant());
                        }
                    });
        }

        void userCall(Result result) {
            if (remaining == 0) {
                return;
            }
            Instant asked = fake.clock().instant();
            aura.http()
                    .sendAsync(ApiRequest.get(ApiVersion.V1).path("tenants").build(), JsonNode.class)
                    .whenComplete((r, e) -> result.userDelaySeconds.add(
                            Duration.between(asked, fake.clock().instant()).toMillis() / 1000.0));
            scheduler.schedule(() -> userCall(result), USER_CALL_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
