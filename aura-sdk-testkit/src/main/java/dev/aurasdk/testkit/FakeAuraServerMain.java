package dev.aurasdk.testkit;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the fake Aura server standalone, so programs in any language can test against it:
 * {@code java -jar aura-sdk-testkit-<version>-standalone.jar --port 8089}.
 *
 * <p>Seeds the {@link DemoWorld}, uses {@link StepMode#WALL_CLOCK} (an import job takes about {@code --pace}
 * seconds, ten by default), prints {@code export} lines for the base URL, the credentials and the seeded ids (see
 * {@link #summary}), then serves until killed.
 */
public final class FakeAuraServerMain {
    private FakeAuraServerMain() {}

    /**
     * Entry point. A mistake in the arguments, or a port already in use, prints one line on standard error
     * and exits with status 2.
     *
     * @param args {@code --port N} (default 8089, 0 for any), {@code --client-id ID}, {@code --client-secret S},
     *     {@code --token-ttl SECONDS} (default 3600), {@code --pace SECONDS} (duration of an import job of the demo
     *     models, default 10), {@code --help}
     * @throws InterruptedException when interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        quietLogging();
        int code = run(args, System.out, System.err, null);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Parses the arguments, starts the server, prints {@link #summary} and serves until {@code stop} opens.
     *
     * @param args the arguments
     * @param out where the summary goes
     * @param err where a mistake is reported (one line)
     * @param stop when it opens the server stops; null: serve until the JVM shuts down
     * @return the exit status: 0, or 2 for bad arguments or a port that cannot be bound
     * @throws InterruptedException when interrupted while serving
     */
    static int run(String[] args, PrintStream out, PrintStream err, CountDownLatch stop) throws InterruptedException {
        FakeAuraServerBuilder builder =
                FakeAuraServer.builder().stepMode(StepMode.WALL_CLOCK).port(8089);
        int port = 8089;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--help":
                    case "-h":
                        usage(out);
                        return 0;
                    case "--port":
                        port = (int) number(args, ++i, arg, 0, 65535, "a port number from 0 to 65535");
                        builder.port(port);
                        break;
                    case "--client-id":
                        builder.clientId(value(args, ++i, arg));
                        break;
                    case "--client-secret":
                        builder.clientSecret(value(args, ++i, arg));
                        break;
                    case "--token-ttl":
                        builder.tokenTtl(Duration.ofSeconds(number(
                                args, ++i, arg, 1, Long.MAX_VALUE / 1000, "a positive whole number of seconds")));
                        break;
                    case "--pace":
                        String pace = value(args, ++i, arg);
                        double seconds;
                        try {
                            seconds = Double.parseDouble(pace);
                        } catch (NumberFormatException e) {
                            seconds = -1;
                        }
                        if (!(seconds > 0 && seconds < 1e9)) {
                            throw new IllegalArgumentException(
                                    "--pace needs a positive number of seconds, not '" + pace + "'");
                        }
                        builder.tick(Duration.ofMillis(Math.max(1, Math.round(seconds * 1000 / 10))));
                        break;
                    default:
                        throw new IllegalArgumentException("unknown option " + arg);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage() + " (--help lists the options)");
            return 2;
        }

        FakeAuraServer server;
        try {
            server = builder.build().start();
        } catch (UncheckedIOException e) {
            err.println("error: " + cannotListen(port, e));
            return 2;
        }
        CountDownLatch stopped = stop != null ? stop : new CountDownLatch(1);
        if (stop == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "fake-aura-shutdown"));
        }
        try {
            out.print(summary(server));
            out.println("# Press Ctrl+C to stop.");
            out.flush();
            stopped.await();
        } finally {
            server.close();
        }
        return 0;
    }

    /**
     * The one-line reason a fake server could not listen on a port, for command-line programs.
     *
     * @param port the requested port
     * @param e what {@link FakeAuraServer#start()} threw
     * @return the reason, without a stack trace
     */
    public static String cannotListen(int port, UncheckedIOException e) {
        if (e.getCause() instanceof java.net.BindException) {
            return "port " + port + " is already in use: stop what runs there, or pick another with --port "
                    + "(--port 0 picks a free one)";
        }
        return "cannot listen on port " + port + ": " + e.getCause().getMessage();
    }

    /**
     * What a client needs to talk to a running fake, as lines a POSIX shell can run: {@code export} lines for
     * every environment variable the SDK and its example programs read (base URL, token URL, credentials,
     * organization, project, instance and import model ids, the Data API settings), and {@code #} comment lines
     * describing the seeded demo world. Paste them into a shell, or keep only the {@code export} lines with
     * {@code grep '^export '}.
     *
     * @param server a started server seeded with the {@link DemoWorld}
     * @return the text, ending with a line break
     */
    public static String summary(FakeAuraServer server) {
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder();
        out.append("# Fake Aura API server listening on ")
                .append(server.baseUrl())
                .append(nl);
        out.append("# Point a client at it: run these lines in its shell (or eval the export lines).")
                .append(nl);
        export(out, "AURA_BASE_URL", server.baseUrl());
        export(out, "AURA_AUTH_URL", server.baseUrl() + "/oauth/token");
        export(out, "AURA_API_CLIENT_ID", server.clientId());
        export(out, "AURA_API_CLIENT_SECRET", server.clientSecret());
        export(out, "AURA_ORGANIZATION_ID", DemoWorld.ORGANIZATION_ID);
        export(out, "AURA_PROJECT_ID", DemoWorld.PROJECT_ID);
        export(out, "AURA_INSTANCE_ID", DemoWorld.INSTANCE_ID);
        export(out, "AURA_IMPORT_MODEL_ID", DemoWorld.IMPORT_MODEL_ID);
        export(out, "AURA_JWKS_URL", DemoWorld.JWKS_URL);
        export(out, "AURA_INSTANCE_USERNAME", DemoWorld.INSTANCE_USERNAME);
        export(out, "AURA_INSTANCE_PASSWORD", DemoWorld.INSTANCE_PASSWORD);
        out.append('#').append(nl);
        out.append("#  token TTL:             ")
                .append(server.tokenTtl().getSeconds())
                .append(" s")
                .append(nl);
        out.append("#  import job duration:   ~")
                .append(server.tick().multipliedBy(10).toMillis() / 1000.0)
                .append(" s")
                .append(nl);
        out.append("#  organization:          ")
                .append(DemoWorld.ORGANIZATION_ID)
                .append("  (")
                .append(DemoWorld.ORGANIZATION_NAME)
                .append(')')
                .append(nl);
        out.append("#  project / tenant:      ")
                .append(DemoWorld.PROJECT_ID)
                .append("  (Production)")
                .append(nl);
        out.append("#  project / tenant:      ")
                .append(DemoWorld.STAGING_PROJECT_ID)
                .append("  (Staging)")
                .append(nl);
        out.append("#  instance:              ")
                .append(DemoWorld.INSTANCE_ID)
                .append("  (enterprise-db, Production)")
                .append(nl);
        out.append("#  instance:              ")
                .append(DemoWorld.FREE_INSTANCE_ID)
                .append("  (free-db, Production)")
                .append(nl);
        out.append("#  instance:              ")
                .append(DemoWorld.STAGING_INSTANCE_ID)
                .append("  (professional-db, Staging)")
                .append(nl);
        out.append("#  import model:          ")
                .append(DemoWorld.IMPORT_MODEL_ID)
                .append("  (Flights, succeeds)")
                .append(nl);
        out.append("#  import model:          ")
                .append(DemoWorld.FAILING_IMPORT_MODEL_ID)
                .append("  (Customers, fails)")
                .append(nl);
        return out.toString();
    }

    private static void export(StringBuilder out, String name, String value) {
        out.append("export ")
                .append(name)
                .append('=')
                .append(shellQuoted(value))
                .append(System.lineSeparator());
    }

    /** The value as one POSIX shell word: as is when it holds only safe characters, else single-quoted. */
    static String shellQuoted(String value) {
        if (!value.isEmpty() && value.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
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

    private static long number(String[] args, int i, String option, long min, long max, String what) {
        String text = value(args, i, option);
        try {
            long n = Long.parseLong(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs " + what + ", not '" + text + "'");
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
