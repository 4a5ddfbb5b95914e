package dev.aurasdk.testkit;

import dev.aurasdk.testkit.internal.ServerOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Configures a {@link FakeAuraServer}: {@code FakeAuraServer.builder()...build()}. Not thread-safe.
 */
public final class FakeAuraServerBuilder {
    private final ServerOptions options = new ServerOptions();

    FakeAuraServerBuilder() {}

    /**
     * The port to listen on.
     *
     * @param value 0 (the default) for any free port
     * @return this builder
     */
    public FakeAuraServerBuilder port(int value) {
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException("port out of range: " + value);
        }
        options.port = value;
        return this;
    }

    /**
     * The valid client id (default {@link DemoWorld#CLIENT_ID}).
     *
     * @param value the client id
     * @return this builder
     */
    public FakeAuraServerBuilder clientId(String value) {
        options.clientId = FakeInstance.requireText(value, "clientId");
        return this;
    }

    /**
     * The valid client secret (default {@link DemoWorld#CLIENT_SECRET}).
     *
     * @param value the secret
     * @return this builder
     */
    public FakeAuraServerBuilder clientSecret(String value) {
        options.clientSecret = FakeInstance.requireText(value, "clientSecret");
        return this;
    }

    /**
     * The token lifetime, reported as {@code expires_in} (default one hour).
     *
     * @param value a positive duration
     * @return this builder
     */
    public FakeAuraServerBuilder tokenTtl(Duration value) {
        options.tokenTtl = ServerOptions.positive(value, "tokenTtl");
        return this;
    }

    /**
     * How resources advance (default {@link StepMode#MANUAL}).
     *
     * @param value the mode
     * @return this builder
     */
    public FakeAuraServerBuilder stepMode(StepMode value) {
        options.stepMode = Objects.requireNonNull(value, "stepMode");
        return this;
    }

    /**
     * The duration of one tick (default one second). An import job of a demo model takes 10 ticks; a Data API
     * transition takes {@link #dataApiTransitionTicks(int)} ticks.
     *
     * @param value a positive duration
     * @return this builder
     */
    public FakeAuraServerBuilder tick(Duration value) {
        options.tick = ServerOptions.positive(value, "tick");
        return this;
    }

    /**
     * Ticks each Data API transition ({@code creating}, {@code updating}, {@code pausing}, {@code resuming},
     * {@code deleting}) takes (default 1).
     *
     * @param value at least 1
     * @return this builder
     */
    public FakeAuraServerBuilder dataApiTransitionTicks(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("dataApiTransitionTicks must be at least 1");
        }
        options.dataApiTransitionTicks = value;
        return this;
    }

    /**
     * Where the virtual clock starts (default 2026-01-01T00:00:00Z; ignored in wall-clock mode).
     *
     * @param value the start instant
     * @return this builder
     */
    public FakeAuraServerBuilder startTime(Instant value) {
        options.startTime = Objects.requireNonNull(value, "startTime");
        return this;
    }

    /**
     * Checks every request received and response sent against the official OpenAPI documents: the copies
     * shipped in the testkit jar, unless {@link #openApiDirectory(Path)} or the system property
     * {@code aura.openapi.dir} names a folder holding others; see {@link FakeAuraServer#contractViolations()}.
     *
     * @return this builder
     */
    public FakeAuraServerBuilder contractChecked() {
        return contractChecked(true);
    }

    /**
     * Turns the contract check on or off.
     *
     * @param value whether to check
     * @return this builder
     */
    public FakeAuraServerBuilder contractChecked(boolean value) {
        options.contractChecked = value;
        return this;
    }

    /**
     * A folder holding {@code aura_api_spec_v1beta5.yaml} and {@code aura_api_spec_v2beta1.yaml} to check
     * against instead of the copies shipped in the testkit jar.
     *
     * @param dir the folder
     * @return this builder
     */
    public FakeAuraServerBuilder openApiDirectory(Path dir) {
        options.openApiDir = Objects.requireNonNull(dir, "dir");
        return this;
    }

    /**
     * Turns on Aura's documented rate limit: 125 API requests per 60 seconds per client id.
     *
     * @return this builder
     */
    public FakeAuraServerBuilder rateLimit() {
        return rateLimit(125, Duration.ofSeconds(60));
    }

    /**
     * Turns on a rate limit of API requests per client id (the token endpoint excluded).
     *
     * @param limit requests per window
     * @param window the sliding window, on the fake's clock
     * @return this builder
     */
    public FakeAuraServerBuilder rateLimit(int limit, Duration window) {
        options.rateLimit = limit;
        options.rateWindow = ServerOptions.positive(window, "window");
        return this;
    }

    /**
     * Turns on a rate limit on the token endpoint per client id (Aura documents about 15 per hour).
     *
     * @param limit token requests per window
     * @param window the sliding window, on the fake's clock
     * @return this builder
     */
    public FakeAuraServerBuilder tokenRateLimit(int limit, Duration window) {
        options.tokenRateLimit = limit;
        options.tokenRateWindow = ServerOptions.positive(window, "window");
        return this;
    }

    /**
     * Whether to seed the {@link DemoWorld} (default true).
     *
     * @param value false for an empty world
     * @return this builder
     */
    public FakeAuraServerBuilder demoData(boolean value) {
        options.demoData = value;
        return this;
    }

    /**
     * Validates Data API type definitions with the real Neo4j GraphQL Library: creating or updating a Data API
     * with type definitions the library refuses puts it in {@code error}, with the library's messages as the
     * reason ({@code invalid-type-defs}), as Aura does. Without Node.js or the packages the server falls back
     * to the built-in check and says so ({@link FakeAuraServer#schemaValidationMode()}, a log line). The
     * library runs before the create or update call changes anything and without blocking other calls; when
     * it cannot run (node fails or overruns the validator's timeout), the call is accepted as usual and the
     * Data API (holding the new type definitions) goes to {@code error} with a reason starting
     * {@code The type definitions could not be validated}. Outcomes are kept per type definitions text, so
     * each text is validated once.
     *
     * @param validator the validator (see {@link SchemaValidator} for what it needs)
     * @return this builder
     */
    public FakeAuraServerBuilder realSchemaValidation(SchemaValidator validator) {
        options.schemaValidator = Objects.requireNonNull(validator, "validator");
        return this;
    }

    /**
     * Builds the server (not started).
     *
     * @return the server
     * @throws IllegalStateException when the contract check is on and the documents cannot be read
     */
    public FakeAuraServer build() {
        if (options.rateLimit != null && options.rateLimit < 1
                || options.tokenRateLimit != null && options.tokenRateLimit < 1) {
            throw new IllegalArgumentException("rate limits must allow at least one request");
        }
        return new FakeAuraServer(options);
    }
}
