package dev.aurasdk.testkit.internal;

import dev.aurasdk.testkit.StepMode;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/** The fake's configuration, some of it changeable while running. */
public final class Settings {
    /** The valid client id. */
    public volatile String clientId;
    /** The valid client secret. */
    public volatile String clientSecret;
    /** Token lifetime. */
    public volatile Duration tokenTtl;
    /** How resources advance. */
    public volatile StepMode stepMode;
    /** One tick. */
    public volatile Duration tick;
    /** Ticks each Data API transition takes. */
    public volatile int dataApiTransitionTicks;
    /** API rate limit per client id, or null. */
    public volatile RateLimiter rateLimiter;
    /** Token endpoint rate limit per client id, or null. */
    public volatile RateLimiter tokenRateLimiter;
    /** Type definitions (SDL text) to the error Aura would report, or null for the built-in check. */
    public volatile Function<String, Optional<String>> typeDefinitionsCheck;
    /** Base URL once started, e.g. http://127.0.0.1:8089. */
    public volatile String baseUrl = "http://127.0.0.1";

    long tickMillis() {
        return Math.max(1, tick.toMillis());
    }
}
