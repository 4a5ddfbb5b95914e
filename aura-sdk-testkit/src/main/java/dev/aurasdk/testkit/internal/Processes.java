package dev.aurasdk.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the schema validator's processes (node, npm): input on stdin, bounded by a timeout, children killed. */
public final class Processes {
    private Processes() {}

    /** The last 2000 characters of a process output, stripped. @param text the output @return its tail */
    public static String tail(String text) {
        String t = text.strip();
        return t.length() <= 2000 ? t : "..." + t.substring(t.length() - 2000);
    }

    /** Runs a process with the input on stdin; stdout and stderr are read to the end. */
    public static Result run(List<String> command, Path dir, byte[] input, Duration timeout) {
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            p = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        try {
            StreamReader out = new StreamReader(p.getInputStream());
            StreamReader err = new StreamReader(p.getErrorStream());
            out.start();
            err.start();
            // on its own thread: a process that never reads its input must not block the caller past the timeout
            Thread writer = new Thread(
                    () -> {
                        try (OutputStream stdin = p.getOutputStream()) {
                            stdin.write(input);
                        } catch (IOException e) {
                            // the process ended without reading its input: its exit code and output tell why
                        }
                    },
                    "aura-sdk-schema-validator-stdin");
            writer.setDaemon(true);
            writer.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(p);
                throw new IllegalStateException(String.join(" ", command.subList(0, Math.min(2, command.size())))
                        + " did not finish within " + timeout.toSeconds() + " s");
            }
            out.join(TimeUnit.SECONDS.toMillis(10));
            err.join(TimeUnit.SECONDS.toMillis(10));
            return new Result(p.exitValue(), out.text(), err.text());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + command.get(0), e);
        } finally {
            kill(p);
        }
    }

    /** Kills the process and everything it started (npm and node start children of their own). */
    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static final class StreamReader extends Thread {
        private final InputStream in;
        private volatile byte[] bytes = new byte[0];

        StreamReader(InputStream in) {
            super("aura-sdk-schema-validator-io");
            setDaemon(true);
            this.in = in;
        }

        @Override
        public void run() {
            try {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** A finished process: exit code, stdout and stderr. */
    public static final class Result {
        private final int exit;
        private final String out;
        private final String err;

        Result(int exit, String out, String err) {
            this.exit = exit;
            this.out = out;
            this.err = err;
        }

        /** @return the exit code */
        public int exit() {
            return exit;
        }

        /** @return stdout as UTF-8 */
        public String out() {
            return out;
        }

        /** @return stderr as UTF-8 */
        public String err() {
            return err;
        }
    }
}
