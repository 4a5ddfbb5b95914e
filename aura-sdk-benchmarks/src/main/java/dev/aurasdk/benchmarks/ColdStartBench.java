package dev.aurasdk.benchmarks;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraCredentials;
import dev.aurasdk.imports.ImportJobs;
import dev.aurasdk.imports.ProjectRef;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measure 5, cold start: the time from launching a JVM to its first successful call (token, then
 * {@code getWithProgress}) against the {@link CannedAuraServer}, through the SDK ({@link SdkFirstCall})
 * and through the raw baseline ({@link RawFirstCall}). Each child JVM runs with this JVM's class path
 * and {@code java} binary; the two kinds alternate and the report gives medians and the median ratio
 * of consecutive pairs.
 *
 * <p>Options: {@code runs=10}.
 */
public final class ColdStartBench {
    private static final String DONE = "first call done";

    private ColdStartBench() {}

    /**
     * Runs the measure and prints a Markdown table.
     *
     * @param args options, see the class comment
     * @throws Exception when a child fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> opts = BenchSupport.options(args);
        int runs = BenchSupport.intOption(opts, "runs", 10);
        System.out.println("# Cold start: JVM launch to first successful call; " + BenchSupport.machine());
        List<Double> sdk = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        try (CannedAuraServer server = new CannedAuraServer(4, 3600)) {
            for (int i = 0; i < runs; i++) {
                boolean sdkFirst = i % 2 == 0;
                double a = launch(sdkFirst ? SdkFirstCall.class : RawFirstCall.class, server.baseUrl());
                double b = launch(sdkFirst ? RawFirstCall.class : SdkFirstCall.class, server.baseUrl());
                double s = sdkFirst ? a : b;
                double r = sdkFirst ? b : a;
                sdk.add(s);
                raw.add(r);
                ratios.add(s / r);
            }
        }
        System.out.println(
                "\n| runs | raw median ms (range) | SDK median ms (range) " + "| SDK/raw (median of pairs, range) |");
        System.out.println("|---:|---:|---:|---|");
        System.out.printf(
                "| %d | %.0f (%s) | %.0f (%s) | %.2f (%s) |%n",
                runs,
                BenchSupport.median(raw),
                BenchSupport.range(raw, "%.0f"),
                BenchSupport.median(sdk),
                BenchSupport.range(sdk, "%.0f"),
                BenchSupport.median(ratios),
                BenchSupport.range(ratios, "%.2f"));
        System.out.println("\nload average at the end: " + BenchSupport.loadAverage());
    }

    private static double launch(Class<?> main, String baseUrl) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), main.getName(), baseUrl)
                .redirectErrorStream(true);
        long t0 = System.nanoTime();
        Process p = pb.start();
        double ms = -1;
        StringBuilder output = new StringBuilder();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals(DONE) && ms < 0) {
                    ms = (System.nanoTime() - t0) / 1e6;
                } else {
                    output.append(line).append('\n');
                }
            }
        }
        if (p.waitFor() != 0 || ms < 0) {
            throw new IllegalStateException(main.getSimpleName() + " failed:\n" + output);
        }
        return ms;
    }

    /** Child JVM: the first call through the SDK. */
    public static final class SdkFirstCall {
        private SdkFirstCall() {}

        /**
         * Builds a client with the defaults, reads the import job, reports.
         *
         * @param args the base URL
         */
        public static void main(String[] args) {
            try (AuraClient aura = AuraClient.builder()
                    .baseUrl(args[0])
                    .credentials(AuraCredentials.of(Payloads.CLIENT_ID, Payloads.CLIENT_SECRET))
                    .build()) {
                ImportJobs.create(aura, ProjectRef.of(Payloads.ORGANIZATION_ID, Payloads.PROJECT_ID))
                        .getWithProgress(Payloads.JOB_ID);
                System.out.println(DONE);
            }
        }
    }

    /** Child JVM: the first call through the raw baseline. */
    public static final class RawFirstCall {
        private RawFirstCall() {}

        /**
         * Fetches a token, reads the import job, reports.
         *
         * @param args the base URL
         */
        public static void main(String[] args) {
            new RawClient(args[0]).authenticate().getImportJob();
            System.out.println(DONE);
        }
    }
}
