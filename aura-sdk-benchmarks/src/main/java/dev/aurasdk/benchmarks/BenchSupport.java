package dev.aurasdk.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraCredentials;
import dev.aurasdk.core.http.RateLimit;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small helpers shared by the harness mains: arguments, medians, machine and load description. */
public final class BenchSupport {
    private BenchSupport() {}

    /**
     * Parses {@code key=value} arguments (a leading {@code --} is optional).
     *
     * @param args the command line
     * @return the options
     */
    public static Map<String, String> options(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (String arg : args) {
            String a = arg.startsWith("--") ? arg.substring(2) : arg;
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got " + arg);
            }
            out.put(a.substring(0, eq), a.substring(eq + 1));
        }
        return out;
    }

    /**
     * An integer option.
     *
     * @param options the options
     * @param key the name
     * @param fallback the default
     * @return the value
     */
    public static int intOption(Map<String, String> options, String key, int fallback) {
        String v = options.get(key);
        return v == null ? fallback : Integer.parseInt(v);
    }

    /**
     * The median (mean of the middle two for an even count).
     *
     * @param values at least one value
     * @return the median
     */
    public static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /**
     * Minimum and maximum, as {@code min–max}.
     *
     * @param values at least one value
     * @param format the number format, such as {@code %.2f}
     * @return the range
     */
    public static String range(List<Double> values, String format) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format(format, v[0]) + "–" + String.format(format, v[v.length - 1]);
    }

    /** The 1, 5 and 15 minute load averages from {@code /proc/loadavg}, or {@code n/a}. @return the load */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return String.join(" ", Arrays.copyOf(parts, 3));
        } catch (IOException e) {
            return "n/a";
        }
    }

    /** CPU time used by this process so far, in nanoseconds. @return the time */
    public static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** One line naming the date, JVM, cores, CPU model, memory and load. @return the description */
    public static String machine() {
        return LocalDate.now() + ", " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", " + Runtime.getRuntime().availableProcessors() + " CPU(s) " + cpuModel() + ", "
                + memory() + ", load average " + loadAverage();
    }

    /**
     * An SDK client for the canned servers, with its client-side rate limit off (the default unless
     * the caller sets one).
     *
     * @param baseUrl the server
     * @return a builder
     */
    public static AuraClient.Builder sdkClient(String baseUrl) {
        return AuraClient.builder()
                .credentials(AuraCredentials.of(Payloads.CLIENT_ID, Payloads.CLIENT_SECRET))
                .baseUrl(baseUrl)
                .rateLimit(RateLimit.unlimited());
    }

    private static String cpuModel() {
        return firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("(model unknown)");
    }

    private static String memory() {
        return firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(kb -> Math.round(Long.parseLong(kb.replace("kB", "").trim()) / 1024.0 / 1024.0) + " GiB RAM")
                .orElse("(memory unknown)");
    }

    private static Optional<String> firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(l -> l.startsWith(key))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
