package dev.aurasdk.examples;

import dev.aurasdk.testkit.FakeAuraServer;
import dev.aurasdk.testkit.FakeAuraServerBuilder;
import dev.aurasdk.testkit.FakeAuraServerMain;
import dev.aurasdk.testkit.StepMode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * RunFakeAura: starts the SDK's fake Aura API on a local port, for the other example programs (so that
 * TriggerImport, ImportStatus and CancelImport share one fake) and for other tools and languages (curl,
 * the Go aura CLI, Python scripts), with demo data and real time: an import job takes about
 * {@code --pace} seconds. Prints {@code export} lines for every variable the examples read.
 */
@Command(
        name = "RunFakeAura",
        mixinStandardHelpOptions = true,
        versionProvider = SdkVersion.class,
        description = "Runs the fake Aura API with demo data on 127.0.0.1 until stopped.")
public final class RunFakeAura implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8089", description = "Port (default: ${DEFAULT-VALUE}; 0 = any).")
    int port;

    @Option(names = "--client-id", description = "Accepted client id (default: the demo id).")
    String clientId;

    @Option(names = "--client-secret", description = "Accepted client secret (default: the demo secret).")
    String clientSecret;

    @Option(
            names = "--token-ttl",
            defaultValue = "3600",
            description = "Token lifetime in seconds (default: ${DEFAULT-VALUE}).")
    long tokenTtlSeconds;

    @Option(
            names = "--pace",
            defaultValue = "10",
            description = "Seconds an import job of the demo models takes (default: ${DEFAULT-VALUE}).")
    double paceSeconds;

    /** Stops right after start-up (for tests). */
    CountDownLatch stop = new CountDownLatch(1);

    /**
     * Runs the program.
     *
     * @param args command-line arguments ({@code --help})
     */
    public static void main(String[] args) {
        System.exit(ExampleCommand.commandLine(new RunFakeAura()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535 || tokenTtlSeconds <= 0 || paceSeconds <= 0) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--port must be 0-65535, --token-ttl and --pace positive");
        }
        FakeAuraServerBuilder builder = FakeAuraServer.builder()
                .stepMode(StepMode.WALL_CLOCK)
                .port(port)
                .tokenTtl(Duration.ofSeconds(tokenTtlSeconds))
                .tick(Duration.ofMillis(Math.max(1, Math.round(paceSeconds * 100))));
        if (clientId != null) {
            builder.clientId(clientId);
        }
        if (clientSecret != null) {
            builder.clientSecret(clientSecret);
        }
        PrintWriter out = spec.commandLine().getOut();
        FakeAuraServer started;
        try {
            started = builder.build().start();
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println("error: " + FakeAuraServerMain.cannotListen(port, e));
            spec.commandLine().getErr().flush();
            return 2;
        }
        try (FakeAuraServer server = started) {
            out.print(FakeAuraServerMain.summary(server));
            out.println("# Then run the examples in that shell, for instance:");
            out.println("#   mvn -q -B -pl aura-sdk-examples exec:java -Dexample=TriggerImport");
            out.println("# Press Ctrl+C to stop.");
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "fake-aura-stop"));
            stop.await();
        }
        return 0;
    }
}
