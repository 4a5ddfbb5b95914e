package dev.aurasdk.imports;

import static dev.aurasdk.core.testing.ScriptedAura.data;
import static dev.aurasdk.core.testing.ScriptedAura.json;

import dev.aurasdk.core.testing.ScriptedAura;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A stateful stand-in for the import-job endpoints on top of a {@link ScriptedAura}: each created job
 * follows a {@link Plan} (the responses to its GETs), jobs get sequential UUIDs, cancellation works,
 * concurrency is measured, and expired tokens can be refused with 403. Everything else (the token
 * endpoint, instances) goes to the ScriptedAura's own dispatcher.
 */
final class JobScripts extends Dispatcher {
    private static final Pattern JOB =
            Pattern.compile("/v2beta1/organizations/[^/]+/projects/[^/]+/import/jobs(?:/([^/]+)(/cancellation)?)?");
    private static final Pattern TOKEN = Pattern.compile("Bearer eyJ-access-token-(\\d+)-.*");

    /** One answer to a GET of a job; {@code terminal} marks the job as finished for concurrency counting. */
    record Frame(Function<String, MockResponse> response, boolean terminal) {}

    /** The answers to a job's GETs, by poll number (1-based). */
    interface Plan {
        Frame frame(String jobId, int poll);
    }

    private final ScriptedAura aura;
    private final Dispatcher fallback;
    private final ConcurrentLinkedQueue<Object> createScripts = new ConcurrentLinkedQueue<>();
    private volatile Plan defaultPlan = sequence(succeededFrame());
    private final Map<String, Plan> plans = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
    private final Map<String, Boolean> cancelled = new ConcurrentHashMap<>();
    private final Map<String, Boolean> finished = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger maxActive = new AtomicInteger();
    final List<String> createdIds = new CopyOnWriteArrayList<>();
    final List<String> createdBodies = new CopyOnWriteArrayList<>();
    /** "create <id> <importType> active=<n>" and "end <id>" in the order they happened. */
    final List<String> events = Collections.synchronizedList(new ArrayList<>());

    final List<Instant> tokenIssuedAt = new CopyOnWriteArrayList<>();
    final AtomicInteger refusedExpiredTokens = new AtomicInteger();
    private volatile boolean rejectExpiredTokens;

    private JobScripts(ScriptedAura aura) {
        this.aura = aura;
        this.fallback = aura.server.getDispatcher();
    }

    static JobScripts install(ScriptedAura aura) {
        JobScripts scripts = new JobScripts(aura);
        aura.server.setDispatcher(scripts);
        return scripts;
    }

    /** The next created job follows this plan. */
    JobScripts nextJob(Plan plan) {
        createScripts.add(plan);
        return this;
    }

    /** The next create is answered with this response (no job is created). */
    JobScripts nextCreateAnswers(MockResponse response) {
        createScripts.add(response);
        return this;
    }

    /** Jobs created without a queued plan follow this one. */
    JobScripts defaultPlan(Plan plan) {
        this.defaultPlan = plan;
        return this;
    }

    /** Refuses (403) an access token older than its 3600 s lifetime, as Aura does. */
    JobScripts rejectExpiredTokens() {
        this.rejectExpiredTokens = true;
        return this;
    }

    int maxConcurrentJobs() {
        return maxActive.get();
    }

    int pollsOf(String jobId) {
        return polls.getOrDefault(jobId, new AtomicInteger()).get();
    }

    static String jobId(int n) {
        return String.format("00000000-0000-4000-8000-%012d", n);
    }

    // ---- plans and frames ----

    /** Frames in order; the last one repeats. */
    static Plan sequence(Frame... frames) {
        return (id, poll) -> frames[Math.min(poll, frames.length) - 1];
    }

    static Frame runningFrame(double percent) {
        return new Frame(id -> data(ImportFixtures.running(id, percent)), false);
    }

    /** A running job whose answer carries no {@code percentage_complete} (its wait keeps the backoff). */
    static Frame runningFrameWithoutPercentage() {
        return new Frame(id -> data(ImportFixtures.running(id, 0).replace(",\"percentage_complete\":0.00", "")), false);
    }

    static Frame succeededFrame() {
        return new Frame(id -> data(ImportFixtures.succeeded(id)), true);
    }

    static Frame failedFrame(String message) {
        return new Frame(id -> data(ImportFixtures.failed(id, message)), true);
    }

    static Frame cancelledFrame() {
        return new Frame(id -> data(ImportFixtures.cancelled(id)), true);
    }

    static Frame notFoundFrame() {
        return new Frame(
                id -> json(
                        404,
                        "{\"errors\":[{\"message\":\"The job " + id + " does not exist\","
                                + "\"reason\":\"Requested\"}]}"),
                false);
    }

    static Frame rateLimitedFrame(int retryAfterSeconds) {
        return new Frame(
                id -> new MockResponse.Builder(json(429, "{\"error\":\"Too many requests\"}"))
                        .addHeader("Retry-After", String.valueOf(retryAfterSeconds))
                        .build(),
                false);
    }

    /** A frame from a {@code data} template in which {@code %s} stands for the job id. */
    static Frame frame(String dataTemplate, boolean terminal) {
        return new Frame(id -> data(dataTemplate.replace("%s", id)), terminal);
    }

    /** Running until {@code duration} after the job's first poll, then successful. */
    Plan runsFor(Duration duration) {
        Map<String, Instant> firstPoll = new ConcurrentHashMap<>();
        return (id, poll) -> {
            Instant start = firstPoll.computeIfAbsent(id, k -> aura.clock.instant());
            Duration elapsed = Duration.between(start, aura.clock.instant());
            if (elapsed.compareTo(duration) >= 0) {
                return succeededFrame();
            }
            return runningFrame(Math.min(99.0, 100.0 * elapsed.toMillis() / duration.toMillis()));
        };
    }

    // ---- dispatching ----

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        String path = request.getUrl().encodedPath();
        if (path.equals("/oauth/token")) {
            tokenIssuedAt.add(aura.clock.instant());
            return fallback.dispatch(request);
        }
        Matcher m = JOB.matcher(path);
        if (!m.matches()) {
            return fallback.dispatch(request);
        }
        aura.apiRequests.add(request);
        MockResponse refused = refuseExpiredToken(request);
        if (refused != null) {
            return refused;
        }
        String jobId = m.group(1);
        boolean cancellation = m.group(2) != null;
        if (jobId == null && request.getMethod().equals("POST")) {
            return create(request);
        }
        if (jobId != null && cancellation && request.getMethod().equals("POST")) {
            return cancel(jobId);
        }
        if (jobId != null && !cancellation && request.getMethod().equals("GET")) {
            return get(jobId);
        }
        return json(405, "{\"errors\":[{\"message\":\"method not allowed\",\"reason\":\"test\"}]}");
    }

    private MockResponse refuseExpiredToken(RecordedRequest request) {
        if (!rejectExpiredTokens) {
            return null;
        }
        String auth = request.getHeaders().get("Authorization");
        Matcher t = auth == null ? null : TOKEN.matcher(auth);
        if (t == null || !t.matches()) {
            return json(401, "{\"error\":\"Unauthorized\"}");
        }
        int n = Integer.parseInt(t.group(1));
        Instant issued = tokenIssuedAt.get(n - 1);
        if (!aura.clock.instant().isBefore(issued.plusSeconds(3600))) {
            refusedExpiredTokens.incrementAndGet();
            return json(403, "{\"error\":\"The access token has expired\"}");
        }
        return null;
    }

    private MockResponse create(RecordedRequest request) {
        Object script = createScripts.poll();
        if (script instanceof MockResponse response) {
            return response;
        }
        Plan plan = script instanceof Plan p ? p : defaultPlan;
        String id = jobId(sequence.incrementAndGet());
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        createdBodies.add(body);
        plans.put(id, plan);
        polls.put(id, new AtomicInteger());
        int now = active.incrementAndGet();
        maxActive.accumulateAndGet(now, Math::max);
        String type = body.contains("\"importType\":\"bulk\"") ? "bulk" : "online";
        events.add("create " + id + " " + type + " active-before=" + (now - 1));
        createdIds.add(id);
        return json(201, "{\"data\":{\"id\":\"" + id + "\"}}");
    }

    private MockResponse get(String jobId) {
        Plan plan = plans.get(jobId);
        if (plan == null) {
            return notFoundFrame().response().apply(jobId);
        }
        int poll = polls.get(jobId).incrementAndGet();
        Frame frame = cancelled.containsKey(jobId) ? cancelledFrame() : plan.frame(jobId, poll);
        if (frame.terminal() && finished.putIfAbsent(jobId, true) == null) {
            active.decrementAndGet();
            events.add("end " + jobId);
        }
        return frame.response().apply(jobId);
    }

    private MockResponse cancel(String jobId) {
        if (!plans.containsKey(jobId)) {
            return notFoundFrame().response().apply(jobId);
        }
        if (cancelled.putIfAbsent(jobId, true) != null) {
            return json(
                    400,
                    "{\"errors\":[{\"message\":\"The job " + jobId + " has requested to cancel\","
                            + "\"reason\":\"Requested\"}]}");
        }
        return json(200, "{\"data\":{\"id\":\"" + jobId + "\"}}");
    }
}
