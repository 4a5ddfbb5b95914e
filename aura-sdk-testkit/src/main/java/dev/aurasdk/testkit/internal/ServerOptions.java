package dev.aurasdk.testkit.internal;

import dev.aurasdk.testkit.DemoWorld;
import dev.aurasdk.testkit.SchemaValidator;
import dev.aurasdk.testkit.StepMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** What {@code FakeAuraServerBuilder} collects (checked there), with its defaults. */
public final class ServerOptions {
    /** The port, 0 for any free one. */
    public int port;
    /** The valid client id. */
    public String clientId = DemoWorld.CLIENT_ID;
    /** The valid client secret. */
    public String clientSecret = DemoWorld.CLIENT_SECRET;
    /** Token lifetime. */
    public Duration tokenTtl = Duration.ofHours(1);
    /** How resources advance. */
    public StepMode stepMode = StepMode.MANUAL;
    /** One tick. */
    public Duration tick = Duration.ofSeconds(1);
    /** Ticks each Data API transition takes. */
    public int dataApiTransitionTicks = 1;
    /** Where the virtual clock starts. */
    public Instant startTime = Instant.parse("2026-01-01T00:00:00Z");
    /** Whether to check the contract. */
    public boolean contractChecked;
    /** Other OpenAPI documents, or null. */
    public Path openApiDir;
    /** API rate limit and window, or null. */
    public Integer rateLimit;
    /** API rate limit window. */
    public Duration rateWindow;
    /** Token endpoint rate limit, or null. */
    public Integer tokenRateLimit;
    /** Token endpoint rate limit window. */
    public Duration tokenRateWindow;
    /** Whether to seed the demo world. */
    public boolean demoData = true;
    /** The real type-definition validator, or null. */
    public SchemaValidator schemaValidator;

    /**
     * Checks a positive duration.
     *
     * @param value the duration
     * @param what its name, for the message
     * @return the value
     * @throws IllegalArgumentException when null, zero or negative
     */
    public static Duration positive(Duration value, String what) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
        return value;
    }
}
