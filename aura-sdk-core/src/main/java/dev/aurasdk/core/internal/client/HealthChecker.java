package dev.aurasdk.core.internal.client;

import dev.aurasdk.core.HealthCheckResult;
import dev.aurasdk.core.HealthReport;
import dev.aurasdk.core.auth.TokenProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code AuraClient.healthCheck()}: takes a token and lists tenants (v1) and organizations (v2beta1),
 * timing each; a failure is reported, never thrown. Not API.
 */
public final class HealthChecker {
    private HealthChecker() {}

    /**
     * Runs the three checks, in order.
     *
     * @param tokens the client's token provider
     * @param tenants lists the tenants
     * @param organizations lists the organizations
     * @return one entry per check: token, v1 (tenants), v2beta1 (organizations)
     */
    public static HealthReport check(
            TokenProvider tokens, Supplier<? extends List<?>> tenants, Supplier<? extends List<?>> organizations) {
        List<HealthCheckResult> results = new ArrayList<>();
        results.add(check("token", () -> {
            tokens.token();
            return "access token available";
        }));
        results.add(check("v1 (tenants)", () -> tenants.get().size() + " tenant(s)"));
        results.add(check("v2beta1 (organizations)", () -> organizations.get().size() + " organization(s)"));
        return HealthReport.builder().checks(results).build();
    }

    private static HealthCheckResult check(String name, Supplier<String> body) {
        long t0 = System.nanoTime();
        try {
            String detail = body.get();
            return HealthCheckResult.builder()
                    .name(name)
                    .ok(true)
                    .latency(Duration.ofNanos(System.nanoTime() - t0))
                    .detail(detail)
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResult.builder()
                    .name(name)
                    .ok(false)
                    .latency(Duration.ofNanos(System.nanoTime() - t0))
                    .error(String.valueOf(e.getMessage()))
                    .errorType(e.getClass().getSimpleName())
                    .build();
        }
    }
}
