package dev.aurasdk.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Real JVM processes running {@link FleetWorker}, with the test's class path. */
final class Workers implements AutoCloseable {
    private static final Pattern RESULT = Pattern.compile("RESULT calls=(\\d+) failures=(\\d+).*");

    final List<Worker> all = new ArrayList<>();

    /** One child JVM and everything it printed. */
    static final class Worker {
        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();
        final CountDownLatch ready = new CountDownLatch(1);
        final Thread reader;

        Worker(Process process) {
            this.process = process;
            this.reader = new Thread(
                    () -> {
                        try (BufferedReader r = new BufferedReader(
                                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                            String line;
                            while ((line = r.readLine()) != null) {
                                lines.add(line);
                                if (line.equals("READY")) {
                                    ready.countDown();
                                }
                            }
                        } catch (IOException ignored) {
                            // the process was killed
                        }
                    },
                    "worker-output-" + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        void go() throws IOException {
            OutputStream out = process.getOutputStream();
            out.write("GO\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        String output() {
            return String.join("\n", lines);
        }

        /** Calls and failed calls from the RESULT line. */
        long[] result() {
            for (String l : lines) {
                Matcher m = RESULT.matcher(l);
                if (m.matches()) {
                    return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
                }
            }
            throw new AssertionError("no RESULT line from process " + process.pid() + ":\n" + output());
        }

        long countLines(String contains) {
            return lines.stream().filter(l -> l.contains(contains)).count();
        }
    }

    Worker start(Map<String, String> env, String... args) throws IOException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(
                java,
                "-Xmx128m",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-cp",
                System.getProperty("java.class.path"),
                FleetWorker.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Worker w = new Worker(pb.start());
        all.add(w);
        return w;
    }

    void awaitReady(long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        for (Worker w : all) {
            boolean ok = w.ready.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(ok)
                    .as("process %d ready; output:\n%s", w.process.pid(), w.output())
                    .isTrue();
        }
    }

    void awaitExit(List<Worker> which, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        for (Worker w : which) {
            boolean done = w.process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(done)
                    .as("process %d finished in time; output:\n%s", w.process.pid(), w.output())
                    .isTrue();
            w.reader.join(10_000);
        }
    }

    @Override
    public void close() {
        for (Worker w : all) {
            try { // for a look after the run
                java.nio.file.Files.createDirectories(Paths.get("target", "workers"));
                java.nio.file.Files.writeString(Paths.get("target", "workers", w.process.pid() + ".log"), w.output());
            } catch (IOException ignored) {
                // diagnostics only
            }
            if (w.process.isAlive()) {
                w.process.destroyForcibly();
                try {
                    w.process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
