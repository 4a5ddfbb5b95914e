package dev.aurasdk.examples;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraCredentials;
import dev.aurasdk.neo4j.Neo4jDatabases;
import dev.aurasdk.testkit.DemoWorld;
import dev.aurasdk.testkit.FakeAuraServer;
import dev.aurasdk.testkit.StepMode;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Where an example runs. With {@code AURA_API_CLIENT_ID} and {@code AURA_API_CLIENT_SECRET} set (or the
 * {@code aura.clientId} / {@code aura.clientSecret} system properties) it talks to the Aura API at
 * {@code AURA_BASE_URL} (default: the real one; a {@code localhost} URL, such as the standalone fake's, needs
 * no {@code --allow-writes}); with neither set (nor {@code AURA_BASE_URL} / {@code AURA_AUTH_URL}) it starts
 * the SDK's fake Aura server in this process, seeded with demo data and running in virtual time, so every
 * example works on a machine with no Aura account. Anything in between is a {@link UsageException} that
 * names what is missing. Examples with optional parts read them with {@link #setting} and report what did
 * not run with {@link #skipped} or {@link Checklist#skipUnlessSet}. The Neo4j databases ({@code NEO4J_URI} or
 * {@code NEO4J_INSTANCE_ID}, {@code NEO4J_USERNAME}, {@code NEO4J_PASSWORD}) are optional: see {@link #neo4j()}.
 */
final class ExampleEnvironment implements AutoCloseable {
    /** MockWebServer logs every exchange at INFO through java.util.logging; kept referenced to stay quiet. */
    private static final java.util.logging.Logger MOCK_WEB_SERVER_LOG =
            java.util.logging.Logger.getLogger("mockwebserver3.MockWebServer");

    private final AuraClient aura;
    private final FakeAuraServer fake;
    private final Map<String, String> env;
    private final Properties properties;
    private final boolean local;
    private Optional<Neo4jDatabases> neo4j;

    private ExampleEnvironment(
            AuraClient aura, FakeAuraServer fake, Map<String, String> env, Properties properties, boolean local) {
        this.aura = aura;
        this.fake = fake;
        this.env = env;
        this.properties = properties;
        this.local = local;
    }

    /** The variables that configure a Neo4j database, for the lines that say what enables a skipped step. */
    static final String[] NEO4J_VARIABLES = {"NEO4J_URI or NEO4J_INSTANCE_ID", "NEO4J_USERNAME", "NEO4J_PASSWORD"};

    /**
     * Opens the environment and says on the first line of output which Aura it uses.
     *
     * @param env the environment variables
     * @param properties the system properties
     * @param out where to say it
     * @return the environment
     * @throws UsageException when the settings are half there (an id without a secret, a base URL without
     *     credentials)
     */
    static ExampleEnvironment open(Map<String, String> env, Properties properties, PrintWriter out) {
        return open(env, properties, out, fake -> {});
    }

    /**
     * As {@link #open(Map, Properties, PrintWriter)}, with a step that seeds the built-in fake (when there is
     * one) before the program talks to it.
     *
     * @param env the environment variables
     * @param properties the system properties
     * @param out where to say which Aura it uses
     * @param seedFake seeds the built-in fake
     * @return the environment
     */
    static ExampleEnvironment open(
            Map<String, String> env, Properties properties, PrintWriter out, Consumer<FakeAuraServer> seedFake) {
        boolean hasId = isSet(env, properties, AuraCredentials.ENV_CLIENT_ID, AuraCredentials.PROP_CLIENT_ID);
        boolean hasSecret =
                isSet(env, properties, AuraCredentials.ENV_CLIENT_SECRET, AuraCredentials.PROP_CLIENT_SECRET);
        if (hasId != hasSecret) {
            String missing = hasId ? AuraCredentials.ENV_CLIENT_SECRET : AuraCredentials.ENV_CLIENT_ID;
            String present = hasId ? AuraCredentials.ENV_CLIENT_ID : AuraCredentials.ENV_CLIENT_SECRET;
            throw new UsageException(present + " is set but " + missing + " is not: set " + missing
                    + " too, or unset both to run against the built-in fake.");
        }
        Optional<String> baseUrl = value(env, "AURA_BASE_URL");
        Optional<String> authUrl = value(env, "AURA_AUTH_URL");
        if (hasId) {
            AuraClient.Builder b = AuraClient.builder().credentials(AuraCredentials.fromEnvironment(env, properties));
            baseUrl.ifPresent(b::baseUrl);
            authUrl.ifPresent(b::authUrl);
            AuraClient aura = b.build();
            boolean local = isLoopback(aura.baseUrl());
            out.println(
                    "Using the Aura API at " + aura.baseUrl() + " (credentials from " + AuraCredentials.ENV_CLIENT_ID
                            + (local ? "; a local server, such as the standalone fake)." : ")."));
            out.flush();
            return new ExampleEnvironment(aura, null, env, properties, local);
        }
        Optional<String> url =
                baseUrl.isPresent() ? baseUrl.map(u -> "AURA_BASE_URL") : authUrl.map(u -> "AURA_AUTH_URL");
        if (url.isPresent()) {
            throw new UsageException(url.get() + " is set but " + AuraCredentials.ENV_CLIENT_ID + " and "
                    + AuraCredentials.ENV_CLIENT_SECRET + " are not: set them too (FakeAuraServer prints all of "
                    + "them), or unset " + url.get() + " to run against the built-in fake.");
        }
        MOCK_WEB_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
        FakeAuraServer fake =
                FakeAuraServer.builder().stepMode(StepMode.AUTO).build().start();
        seedFake.accept(fake);
        AuraClient aura = fake.clientBuilder().build();
        out.println("No " + AuraCredentials.ENV_CLIENT_ID + " set: using the built-in fake Aura server at "
                + fake.baseUrl() + " (demo data, virtual time; it stops when this program ends).");
        out.flush();
        return new ExampleEnvironment(aura, fake, env, properties, true);
    }

    private static boolean isSet(Map<String, String> env, Properties properties, String variable, String property) {
        return value(env, variable).isPresent()
                || Optional.ofNullable(properties.getProperty(property))
                        .filter(s -> !s.isBlank())
                        .isPresent();
    }

    private static Optional<String> value(Map<String, String> env, String variable) {
        return Optional.ofNullable(env.get(variable)).filter(s -> !s.isBlank());
    }

    /** Whether a base URL points at this machine: never the real Aura, so writes need no confirmation. */
    static boolean isLoopback(String baseUrl) {
        String host = URI.create(baseUrl).getHost();
        return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
    }

    /**
     * An optional setting, for checks and steps that run only when it is set (report the others with
     * {@link Checklist#skip} or {@link #skipped}).
     *
     * @param variable the environment variable
     * @return its value, if set and not blank
     */
    Optional<String> setting(String variable) {
        return value(env, variable);
    }

    /**
     * The line that says a step did not run because settings are missing:
     * {@code skipped: <what> (set A and B to enable)}.
     *
     * @param what what did not run
     * @param variables the environment variables that enable it
     * @return the line
     */
    static String skipped(String what, String... variables) {
        return "skipped: " + what + " (" + enableHint(variables) + ")";
    }

    /** {@code set A to enable}, {@code set A and B to enable}, {@code set A, B and C to enable}. */
    static String enableHint(String... variables) {
        StringBuilder sb = new StringBuilder("set ");
        for (int i = 0; i < variables.length; i++) {
            if (i > 0) {
                sb.append(i == variables.length - 1 ? " and " : ", ");
            }
            sb.append(variables[i]);
        }
        return sb.append(" to enable").toString();
    }

    /**
     * The Neo4j databases configured by {@code NEO4J_URI} or {@code NEO4J_INSTANCE_ID}, {@code NEO4J_USERNAME} and
     * {@code NEO4J_PASSWORD} (and {@code NEO4J_<NAME>_...} for more), with this environment's Aura client for
     * instance ids; empty when none is configured. Nothing connects until a database is used; the registry is
     * closed with this environment.
     *
     * @return the databases, if any is configured
     * @throws UsageException when the settings are incomplete or wrong (a URI without a password, a malformed URI)
     */
    Optional<Neo4jDatabases> neo4j() {
        if (neo4j == null) {
            try {
                neo4j = Neo4jDatabases.configuredNames(env, properties).isEmpty()
                        ? Optional.empty()
                        : Optional.of(Neo4jDatabases.fromEnvironment(env, properties, aura));
            } catch (IllegalStateException | IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return neo4j;
    }

    /** The client. */
    AuraClient aura() {
        return aura;
    }

    /** Whether this is the in-process fake (which stops when the program ends). */
    boolean isFake() {
        return fake != null;
    }

    /** Whether this is the in-process fake or a server on this machine (the standalone fake): not the real Aura. */
    boolean isLocal() {
        return local;
    }

    /**
     * Refuses to go on against the real Aura unless the user allowed writes (never needed on a local server).
     *
     * @param allowWrites the {@code --allow-writes} flag
     * @param what what the program would create, change or delete
     */
    void requireWrites(boolean allowWrites, String what) {
        if (!isLocal() && !allowWrites) {
            throw new UsageException(
                    "This program " + what + " on your real Aura account. " + "Re-run with --allow-writes to confirm.");
        }
    }

    /**
     * A required id: the option, else the environment variable, else the demo id on the fake.
     *
     * @param option the command-line value, may be null
     * @param variable the environment variable
     * @param optionName the option's name, for the message
     * @param demo the fake's demo id
     * @return the id
     */
    String id(String option, String variable, String optionName, String demo) {
        return id(option, variable, optionName, demo, "");
    }

    /**
     * As {@link #id(String, String, String, String)}, with where to find the value, for the message.
     *
     * @param option the command-line value, may be null
     * @param variable the environment variable
     * @param optionName the option's name, for the message; null when there is no option
     * @param demo the fake's demo value
     * @param where how to find the value, such as {@code "FindAuraIds lists them"}, or empty
     * @return the value
     */
    String id(String option, String variable, String optionName, String demo, String where) {
        if (option != null && !option.isBlank()) {
            return option;
        }
        Optional<String> fromEnv = value(env, variable);
        if (fromEnv.isPresent()) {
            return fromEnv.get();
        }
        if (isFake()) {
            return demo;
        }
        throw new UsageException(missing(variable, optionName, where));
    }

    /** The message for a missing setting: what to set, and where to find the value. */
    static String missing(String variable, String optionName, String where) {
        return variable + " is not set: set it" + (optionName == null ? "" : " or pass " + optionName)
                + (where.isEmpty() ? "" : " (" + where + ")") + ".";
    }

    /** Where to find an organization, project or instance id. */
    static final String FIND_AURA_IDS = "FindAuraIds lists them";

    /** Where to find an import model id: the API cannot list import models. */
    static final String FIND_IMPORT_MODEL_ID = "open the import model in the Aura console: the id is the last part "
            + "of its URL, .../tools/import/model/<id>";

    String organizationId(String option) {
        return id(option, "AURA_ORGANIZATION_ID", "--organization-id", DemoWorld.ORGANIZATION_ID, FIND_AURA_IDS);
    }

    String projectId(String option) {
        return id(option, "AURA_PROJECT_ID", "--project-id", DemoWorld.PROJECT_ID, FIND_AURA_IDS);
    }

    String instanceId(String option) {
        return id(option, "AURA_INSTANCE_ID", "--instance-id", DemoWorld.INSTANCE_ID, FIND_AURA_IDS);
    }

    String importModelId(String option) {
        return id(option, "AURA_IMPORT_MODEL_ID", "--model-id", DemoWorld.IMPORT_MODEL_ID, FIND_IMPORT_MODEL_ID);
    }

    /**
     * The job to work on: the given id, or on the fake a freshly started demo job (said on {@code out}).
     *
     * @param jobId the {@code --job-id} value, may be null
     * @param jobs the import client
     * @param out where to say that a demo job was started
     * @return the job id
     */
    String jobIdOrDemoJob(String jobId, dev.aurasdk.imports.ImportJobs jobs, PrintWriter out) {
        if (jobId != null) {
            return jobId;
        }
        if (!isFake()) {
            throw new UsageException("Missing --job-id: TriggerImport prints the id of each job it starts "
                    + "(Aura has no endpoint that lists import jobs).");
        }
        String id = jobs.create(dev.aurasdk.imports.CreateImportJob.builder()
                        .importModelId(importModelId(null))
                        .instanceId(instanceId(null))
                        .build())
                .id();
        out.println("No --job-id: started demo job " + id + " on the fake.");
        return id;
    }

    @Override
    public void close() {
        if (neo4j != null) {
            neo4j.ifPresent(Neo4jDatabases::close);
        }
        aura.close();
        if (fake != null) {
            fake.close();
        }
    }

    /** A problem with the arguments or settings: printed as one line, exit code 2. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
