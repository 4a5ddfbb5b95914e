package dev.aurasdk.examples;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraCredentials;
import dev.aurasdk.testkit.DemoWorld;
import dev.aurasdk.testkit.FakeAuraServer;
import dev.aurasdk.testkit.StepMode;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where an example runs. With {@code AURA_API_CLIENT_ID} and {@code AURA_API_CLIENT_SECRET} set (or the
 * {@code aura.clientId} / {@code aura.clientSecret} system properties) it talks to the real Aura;
 * without them it starts the SDK's fake Aura server in this process, seeded with demo data and running
 * in virtual time, so every example works on a machine with no Aura account.
 */
final class ExampleEnvironment implements AutoCloseable {
    /** MockWebServer logs every exchange at INFO through java.util.logging; kept referenced to stay quiet. */
    private static final java.util.logging.Logger MOCK_WEB_SERVER_LOG =
            java.util.logging.Logger.getLogger("mockwebserver3.MockWebServer");

    private final AuraClient aura;
    private final FakeAuraServer fake;
    private final Map<String, String> env;

    private ExampleEnvironment(AuraClient aura, FakeAuraServer fake, Map<String, String> env) {
        this.aura = aura;
        this.fake = fake;
        this.env = env;
    }

    /**
     * Opens the environment and says on the first line of output which Aura it uses.
     *
     * @param env the environment variables
     * @param properties the system properties
     * @param out where to say it
     * @return the environment
     */
    static ExampleEnvironment open(Map<String, String> env, Properties properties, PrintWriter out) {
        if (hasCredentials(env, properties)) {
            AuraClient.Builder b = AuraClient.builder().credentials(AuraCredentials.fromEnvironment(env, properties));
            Optional.ofNullable(env.get("AURA_BASE_URL")).filter(s -> !s.isBlank()).ifPresent(b::baseUrl);
            Optional.ofNullable(env.get("AURA_AUTH_URL")).filter(s -> !s.isBlank()).ifPresent(b::authUrl);
            AuraClient aura = b.build();
            out.println("Using the Aura API at " + aura.baseUrl() + " (credentials from "
                    + AuraCredentials.ENV_CLIENT_ID + ").");
            out.flush();
            return new ExampleEnvironment(aura, null, env);
        }
        MOCK_WEB_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
        FakeAuraServer fake = FakeAuraServer.builder().stepMode(StepMode.AUTO).build().start();
        AuraClient aura = fake.clientBuilder().build();
        out.println("No " + AuraCredentials.ENV_CLIENT_ID + " set: using the built-in fake Aura server at "
                + fake.baseUrl() + " (demo data, virtual time).");
        out.flush();
        return new ExampleEnvironment(aura, fake, env);
    }

    private static boolean hasCredentials(Map<String, String> env, Properties properties) {
        try {
            AuraCredentials.fromEnvironment(env, properties);
            return true;
        } catch (IllegalStateException | IllegalArgumentException missing) {
            return false;
        }
    }

    /** The client. */
    AuraClient aura() {
        return aura;
    }

    /** Whether this is the in-process fake. */
    boolean isFake() {
        return fake != null;
    }

    /**
     * Refuses to go on against the real Aura unless the user allowed writes.
     *
     * @param allowWrites the {@code --allow-writes} flag
     * @param what what the program would create, change or delete
     */
    void requireWrites(boolean allowWrites, String what) {
        if (!isFake() && !allowWrites) {
            throw new UsageException("This program " + what + " on your real Aura account. "
                    + "Re-run with --allow-writes to confirm.");
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
        if (option != null && !option.isBlank()) {
            return option;
        }
        String fromEnv = env.get(variable);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        if (isFake()) {
            return demo;
        }
        throw new UsageException("Missing " + optionName + " (or " + variable + "); FindAuraIds lists them.");
    }

    String organizationId(String option) {
        return id(option, "AURA_ORGANIZATION_ID", "--organization-id", DemoWorld.ORGANIZATION_ID);
    }

    String projectId(String option) {
        return id(option, "AURA_PROJECT_ID", "--project-id", DemoWorld.PROJECT_ID);
    }

    String instanceId(String option) {
        return id(option, "AURA_INSTANCE_ID", "--instance-id", DemoWorld.INSTANCE_ID);
    }

    String importModelId(String option) {
        return id(option, "AURA_IMPORT_MODEL_ID", "--model-id", DemoWorld.IMPORT_MODEL_ID);
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
            throw new UsageException("Missing --job-id.");
        }
        String id = jobs.create(dev.aurasdk.imports.CreateImportJob.builder().importModelId(importModelId(null))
                .instanceId(instanceId(null)).build()).id();
        out.println("No --job-id: started demo job " + id + " on the fake.");
        return id;
    }

    @Override
    public void close() {
        aura.close();
        if (fake != null) {
            fake.close();
        }
    }

    /** A problem with the arguments or settings: printed with the usage, exit code 2. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
