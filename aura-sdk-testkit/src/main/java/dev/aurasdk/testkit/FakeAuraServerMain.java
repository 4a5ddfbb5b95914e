package dev.aurasdk.testkit;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the fake Aura server standalone, so programs in any language can test against it:
 * {@code java -jar aura-sdk-testkit-<version>-standalone.jar --port 8089}.
 *
 * <p>Seeds the {@link DemoWorld}, uses {@link StepMode#WALL_CLOCK} (an import job takes about {@code --pace}
 * seconds, ten by default), prints the base URL, the credentials and the seeded ids, then serves until killed.
 */
public final class FakeAuraServerMain {
    private FakeAuraServerMain() {
    }

    /**
     * Entry point.
     *
     * @param args {@code --port N} (default 8089, 0 for any), {@code --client-id ID}, {@code --client-secret S},
     *     {@code --token-ttl SECONDS} (default 3600), {@code --pace SECONDS} (duration of an import job of the demo
     *     models, default 10), {@code --help}
     * @throws InterruptedException when interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        quietLogging();
        FakeAuraServer.Builder builder = FakeAuraServer.builder().stepMode(StepMode.WALL_CLOCK).port(8089);
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--help":
                    case "-h":
                        usage(System.out);
                        return;
                    case "--port":
                        builder.port(Integer.parseInt(value(args, ++i, arg)));
                        break;
                    case "--client-id":
                        builder.clientId(value(args, ++i, arg));
                        break;
                    case "--client-secret":
                        builder.clientSecret(value(args, ++i, arg));
                        break;
                    case "--token-ttl":
                        builder.tokenTtl(Duration.ofSeconds(Long.parseLong(value(args, ++i, arg))));
                        break;
                    case "--pace":
                        double seconds = Double.parseDouble(value(args, ++i, arg));
                        builder.tick(Duration.ofMillis(Math.max(1, Math.round(seconds * 1000 / 10))));
                        break;
                    default:
                        throw new IllegalArgumentException("Unknown option: " + arg);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }

        FakeAuraServer server = builder.build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "fake-aura-shutdown"));

        PrintStream out = System.out;
        out.println("Fake Aura API server listening on " + server.baseUrl());
        out.println();
        out.println("  AURA_BASE_URL=" + server.baseUrl());
        out.println("  AURA_AUTH_URL=" + server.baseUrl() + "/oauth/token");
        out.println("  AURA_API_CLIENT_ID=" + server.clientId());
        out.println("  AURA_API_CLIENT_SECRET=" + server.clientSecret());
        out.println();
        out.println("  token TTL:             " + server.tokenTtl().getSeconds() + " s");
        out.println("  import job duration:   ~" + server.tick().multipliedBy(10).toMillis() / 1000.0 + " s");
        out.println("  organization:          " + DemoWorld.ORGANIZATION_ID + "  (" + DemoWorld.ORGANIZATION_NAME + ")");
        out.println("  project / tenant:      " + DemoWorld.PROJECT_ID + "  (Production)");
        out.println("  project / tenant:      " + DemoWorld.STAGING_PROJECT_ID + "  (Staging)");
        out.println("  instance:              " + DemoWorld.INSTANCE_ID + "  (enterprise-db, Production)");
        out.println("  instance:              " + DemoWorld.FREE_INSTANCE_ID + "  (free-db, Production)");
        out.println("  instance:              " + DemoWorld.STAGING_INSTANCE_ID + "  (professional-db, Staging)");
        out.println("  import model:          " + DemoWorld.IMPORT_MODEL_ID + "  (Flights, succeeds)");
        out.println("  import model:          " + DemoWorld.FAILING_IMPORT_MODEL_ID + "  (Customers, fails)");
        out.println();
        out.println("Press Ctrl+C to stop.");
        out.flush();
        stopped.await();
    }

    /** Kept so the JUL configuration is not garbage-collected. */
    private static final java.util.logging.Logger MOCK_WEB_SERVER_LOG =
            java.util.logging.Logger.getLogger("mockwebserver3.MockWebServer");

    private static void quietLogging() {
        // MockWebServer logs every exchange at INFO through java.util.logging: keep the console readable.
        MOCK_WEB_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
        // No SLF4J binding ships in the jar: pick the no-op provider instead of printing a warning about it.
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.internal.verbosity", "WARN");
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static void usage(PrintStream out) {
        out.println("Usage: java -jar aura-sdk-testkit-standalone.jar [options]");
        out.println();
        out.println("Runs a fake Neo4j Aura API with demo data on 127.0.0.1.");
        out.println();
        out.println("  --port N              port to listen on (default 8089; 0 = any free port)");
        out.println("  --client-id ID        accepted client id (default " + DemoWorld.CLIENT_ID + ")");
        out.println("  --client-secret S     accepted client secret (default " + DemoWorld.CLIENT_SECRET + ")");
        out.println("  --token-ttl SECONDS   access token lifetime (default 3600)");
        out.println("  --pace SECONDS        how long an import job of the demo models takes (default 10)");
        out.println("  --help                this help");
    }
}
