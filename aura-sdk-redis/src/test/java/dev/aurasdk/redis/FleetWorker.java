package dev.aurasdk.redis;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraCredentials;
import dev.aurasdk.core.http.RateLimit;
import dev.aurasdk.core.testing.CapturedLogs;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One replica of a service, run as its own JVM by the tests: builds a {@link RedisFleet} and an
 * {@link AuraClient} on the fake, prints {@code READY}, waits for {@code GO} on stdin, then calls the fake
 * from several threads for a while. Prints {@code FAIL ...} per failed call (first 20),
 * {@code RESULT calls=N failures=M}, and every log event it captured ({@code LOG <level> <logger> <message>})
 * so the test can count warnings and look for secrets. Credentials come from the environment.
 *
 * <p>Arguments ({@code key=value}): {@code base}, {@code redis}, {@code prefix}, {@code threads},
 * {@code durationMs}, {@code permits}, {@code windowMs}, {@code leaseMs}.
 */
public final class FleetWorker {
    private FleetWorker() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        int threads = Integer.parseInt(a.get("threads"));
        long durationMs = Long.parseLong(a.get("durationMs"));
        AuraCredentials credentials = AuraCredentials.fromEnvironment();
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        try (RedisFleet fleet = RedisFleet.builder()
                        .url(a.get("redis"))
                        .keyPrefix(a.get("prefix"))
                        .credentials(credentials)
                        .rateLimit(RateLimit.of(
                                Integer.parseInt(a.get("permits")),
                                Duration.ofMillis(Long.parseLong(a.get("windowMs")))))
                        .smoothing(Boolean.parseBoolean(a.getOrDefault("smooth", "false")))
                        .refreshLeaseTime(Duration.ofMillis(Long.parseLong(a.get("leaseMs"))))
                        .build();
                AuraClient client = fleet.configure(AuraClient.builder().baseUrl(a.get("base")))
                        .build()) {
            System.out.println("READY");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            if (!"GO".equals(line)) {
                System.out.println("RESULT calls=0 failures=1 (no GO)");
                return;
            }
            long end = System.currentTimeMillis() + durationMs;
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                workers[t] = new Thread(
                        () -> {
                            while (System.currentTimeMillis() < end) {
                                try {
                                    client.tenants().list();
                                    calls.incrementAndGet();
                                } catch (RuntimeException e) {
                                    if (failures.incrementAndGet() <= 20) {
                                        System.out.println(
                                                "FAIL " + e.getClass().getName() + ": " + e.getMessage());
                                    }
                                }
                            }
                        },
                        "worker-" + t);
                workers[t].start();
            }
            for (Thread w : workers) {
                w.join();
            }
        }
        for (CapturedLogs.Event e : CapturedLogs.events()) {
            System.out.println(
                    "LOG " + e.level() + " " + e.logger() + " " + e.message().replace('\n', ' ')
                            + (e.throwable() == null
                                    ? ""
                                    : " [" + e.throwable().lines().findFirst().orElse("") + "]"));
        }
        System.out.println("RESULT calls=" + calls.get() + " failures=" + failures.get());
        System.out.flush();
    }
}
