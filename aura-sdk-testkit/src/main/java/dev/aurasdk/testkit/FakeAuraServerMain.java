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
        out.print(summary(server));
        out.println();
        out.println("Press Ctrl+C to stop.");
        out.flush();
        stopped.await();
    }

    /**
     * What a client needs to talk to a running fake: base URL, credentials (as environment variables)
     * and the seeded demo ids, one per line.
     *
     * @param server a started server seeded with the {@link DemoWorld}
     * @return the text, ending with a line break
     */
    public static String summary(FakeAuraServer server) {
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder();
        out.append("Fake Aura API server listening on ").append(server.baseUrl()).append(nl).append(nl);
        out.append("  AURA_BASE_URL=").append(server.baseUrl()).append(nl);
        out.append("  AURA_AUTH_URL=").append(server.baseUrl()).append("/oauth/token").append(nl);
        out.append("  AURA_API_CLIENT_ID=").append(server.clientId()).append(nl);
        out.append("  AURA_API_CLIENT_SECRET=").append(server.clientSecret()).append(nl);
        out.append("  AURA_ORGANIZATION_ID=").append(DemoWorld.ORGANIZATION_ID).append(nl);
        out.append("  AURA_PROJECT_ID=").append(DemoWorld.PROJECT_ID).append(nl).append(nl);
        out.append("  token TTL:             ").append(server.tokenTtl().getSeconds()).append(" s").append(nl);
        out.append("  import job duration:   ~").append(server.tick().multipliedBy(10).toMillis() / 1000.0)
                .append(" s").append(nl);
        out.append("  organization:          ").append(DemoWorld.ORGANIZATION_ID).append("  (")
                .append(DemoWorld.ORGANIZATION_NAME).append(')').append(nl);
        out.append("  project / tenant:      ").append(DemoWorld.PROJECT_ID).append("  (Production)").append(nl);
        out.append("  project / tenant:      ").append(DemoWorld.STAGING_PROJECT_ID).append("  (Staging)").append(nl);
        out.append("  instance:              ").append(DemoWorld.INSTANCE_ID).append("  (enterprise-db, Production)")
                .append(nl);
        out.append("  instance:              ").append(DemoWorld.FREE_INSTANCE_ID).append("  (free-db, Production)")
                .append(nl);
        out.append("  instance:              ").append(DemoWorld.STAGING_INSTANCE_ID)
                .append("  (professional-db, Staging)").append(nl);
        out.append("  import model:          ").append(DemoWorld.IMPORT_MODEL_ID).append("  (Flights, succeeds)")
                .append(nl);
        out.append("  import model:          ").append(DemoWorld.FAILING_IMPORT_MODEL_ID)
                .append("  (Customers, fails)").append(nl);
        return out.toString();
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
