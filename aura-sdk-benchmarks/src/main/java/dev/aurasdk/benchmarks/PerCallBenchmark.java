package dev.aurasdk.benchmarks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.auth.AccessToken;
import dev.aurasdk.core.http.RateLimit;
import dev.aurasdk.core.internal.http.SlidingWindowRateLimiter;
import dev.aurasdk.core.spi.Json;
import dev.aurasdk.graphql.GraphQLDataApi;
import dev.aurasdk.graphql.GraphQLDataApis;
import dev.aurasdk.imports.CreateImportJob;
import dev.aurasdk.imports.CreatedImportJob;
import dev.aurasdk.imports.ImportJob;
import dev.aurasdk.imports.ImportJobs;
import dev.aurasdk.imports.ProjectRef;
import dev.aurasdk.imports.internal.CreateImportJobBody;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measure 2, per-call CPU and allocation (run with {@code -prof gc} for B/op). Three groups:
 *
 * <ul>
 *   <li>{@code *_sdkCall}: a whole SDK call on an {@link InMemoryHttpClient} (request building, token
 *       cache, transport, decoding), next to {@code importJob_rawCall}, the hand-written
 *       {@link RawClient} on the same in-memory client;
 *   <li>decoding and encoding alone: the SDK's mapper binding the model, and plain Jackson into or
 *       out of a {@code Map};
 *   <li>the token cache's and the rate limiter's share of a call.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PerCallBenchmark {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final ObjectMapper plain = new ObjectMapper();
    private AuraClient aura;
    private ImportJobs jobs;
    private GraphQLDataApis dataApis;
    private RawClient raw;
    private byte[] importJobBody;
    private byte[] importJobData;
    private byte[] dataApiBody;
    private CreateImportJob createRequest;
    private Map<String, Object> createBodyMap;
    private SlidingWindowRateLimiter limiter;
    private Instant farDeadline;

    /**
     * Builds the clients and reads the payloads.
     *
     * @throws IOException never (the payloads are valid JSON)
     */
    @Setup
    public void setUp() throws IOException {
        InMemoryHttpClient http = new InMemoryHttpClient();
        aura = BenchSupport.sdkClient("http://127.0.0.1:1").httpClient(http).build();
        jobs = ImportJobs.create(aura, ProjectRef.of(Payloads.ORGANIZATION_ID, Payloads.PROJECT_ID));
        dataApis = GraphQLDataApis.create(aura);
        raw = new RawClient("http://127.0.0.1:1", http).authenticate();
        importJobBody = Payloads.importJob();
        importJobData = plain.writeValueAsBytes(plain.readTree(importJobBody).get("data"));
        dataApiBody = Payloads.dataApi();
        createRequest = CreateImportJob.builder()
                .importModelId(Payloads.IMPORT_MODEL_ID)
                .instanceId(Payloads.INSTANCE_ID)
                .build();
        createBodyMap = Payloads.createJobBodyAsMap();
        limiter = new SlidingWindowRateLimiter(RateLimit.of(10_000, Duration.ofMillis(1)), Clock.systemUTC());
        farDeadline = Instant.now().plus(Duration.ofDays(1));
    }

    /** Closes the client. */
    @TearDown
    public void tearDown() {
        aura.close();
    }

    /** @return an import job with progress, read through the whole SDK (no network) */
    @Benchmark
    public ImportJob importJob_sdkCall() {
        return jobs.getWithProgress(Payloads.JOB_ID);
    }

    /** @return the same call by the hand-written baseline on the same in-memory HTTP client */
    @Benchmark
    public Map<String, Object> importJob_rawCall() {
        return raw.getImportJob();
    }

    /**
     * @return the import job bound by the SDK's mapper straight from bytes (decoding alone)
     * @throws IOException never
     */
    @Benchmark
    public ImportJob importJob_sdkMapperOnly() throws IOException {
        return Json.mapper().readValue(importJobData, ImportJob.class);
    }

    /**
     * @return the import job body parsed by plain Jackson into a map
     * @throws IOException never
     */
    @Benchmark
    public Map<String, Object> importJob_jacksonMap() throws IOException {
        return plain.readValue(importJobBody, MAP);
    }

    /** @return a Data API with type definitions, read through the whole SDK (no network) */
    @Benchmark
    public GraphQLDataApi dataApi_sdkCall() {
        return dataApis.get(Payloads.INSTANCE_ID, Payloads.DATA_API_ID);
    }

    /**
     * @return the Data API body parsed by plain Jackson into a map (type definitions left in base64)
     * @throws IOException never
     */
    @Benchmark
    public Map<String, Object> dataApi_jacksonMap() throws IOException {
        return plain.readValue(dataApiBody, MAP);
    }

    /** @return an import job created through the whole SDK: body encoded, 201 decoded (no network) */
    @Benchmark
    public CreatedImportJob createJob_sdkCall() {
        return jobs.create(createRequest);
    }

    /**
     * @return the create body encoded by the SDK's mapper (encoding alone)
     * @throws IOException never
     */
    @Benchmark
    public byte[] createJob_sdkEncode() throws IOException {
        return Json.mapper().writeValueAsBytes(CreateImportJobBody.of(createRequest));
    }

    /**
     * @return the same body encoded by plain Jackson from a map
     * @throws IOException never
     */
    @Benchmark
    public byte[] createJob_jacksonMap() throws IOException {
        return plain.writeValueAsBytes(createBodyMap);
    }

    /** @return the cached token, as every call looks it up */
    @Benchmark
    public AccessToken tokenCache_hit() {
        return aura.tokenProvider().token();
    }

    /** @return one reservation of a limiter whose budget is never reached */
    @Benchmark
    public Optional<Duration> rateLimiter_reserve() {
        return limiter.reserve(farDeadline);
    }
}
