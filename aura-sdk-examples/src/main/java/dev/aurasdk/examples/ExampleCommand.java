package dev.aurasdk.examples;

import dev.aurasdk.core.AuraException;
import dev.aurasdk.neo4j.Neo4jDatabaseException;
import dev.aurasdk.testkit.FakeAuraServer;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the example programs: opens the {@link ExampleEnvironment} (real Aura or the fake), runs the
 * program, and turns failures into exit codes (1 for an Aura or Neo4j database failure, 2 for bad arguments or
 * settings) with a one-line message instead of a stack trace.
 */
abstract class ExampleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The environment variables (tests replace them). */
    Map<String, String> environment = System.getenv();

    /** The system properties (tests replace them). */
    Properties properties = System.getProperties();

    /** Seeds the built-in fake before the program runs (tests link its instances to a real database). */
    Consumer<FakeAuraServer> seedFake = fake -> {};

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Integer local = runWithoutAura(out, err);
            if (local != null) {
                return local;
            }
            try (ExampleEnvironment env = ExampleEnvironment.open(environment, properties, out, seedFake)) {
                return run(env, out);
            }
        } catch (ExampleEnvironment.UsageException | IllegalArgumentException | NullPointerException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (Neo4jDatabaseException e) {
            // a database name that is not configured is a mistake in the arguments; the rest are failures
            err.println((e.reason() == Neo4jDatabaseException.Reason.UNKNOWN_NAME ? "error: " : "FAILED: ")
                    + Checklist.message(e));
            return e.reason() == Neo4jDatabaseException.Reason.UNKNOWN_NAME ? 2 : 1;
        } catch (AuraException e) {
            err.println("FAILED: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The part of a program that runs before (and then instead of) opening the environment, such as a local
     * check that needs no Aura at all.
     *
     * @param out where it prints
     * @param err where it prints failures
     * @return the exit code, or null to go on with {@link #run(ExampleEnvironment, PrintWriter)}
     */
    Integer runWithoutAura(PrintWriter out, PrintWriter err) {
        return null;
    }

    /**
     * The program.
     *
     * @param env where it runs
     * @param out where it prints
     * @return the exit code
     */
    abstract int run(ExampleEnvironment env, PrintWriter out);

    /**
     * Runs a program from {@code main} and exits with its code.
     *
     * @param command the program
     * @param args the arguments
     */
    static void main(ExampleCommand command, String... args) {
        System.exit(commandLine(command).execute(args));
    }

    /**
     * The command line of a program: a mistake in the arguments prints one line (what is wrong, and that
     * {@code --help} shows the options) and exits with 2.
     *
     * @param command the program (an {@link ExampleCommand}, or any picocli command)
     * @return its command line
     */
    static CommandLine commandLine(Object command) {
        return new CommandLine(command).setParameterExceptionHandler((e, args) -> {
            CommandLine cl = e.getCommandLine();
            cl.getErr().println("error: " + e.getMessage() + " (" + cl.getCommandName() + " --help lists the options)");
            cl.getErr().flush();
            return 2;
        });
    }
}
