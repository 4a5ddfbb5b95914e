package dev.aurasdk.examples;

import dev.aurasdk.imports.ImportJob;
import dev.aurasdk.imports.ProgressListener;
import java.io.PrintWriter;

/**
 * A text progress bar fed by an import job's progress snapshots:
 * {@code import [###########---------]  55% Running 550/1000 rows}. Every line has the same width, so a
 * redraw in place on a terminal leaves no debris; a snapshot that would draw the same line draws nothing;
 * and the 100 % line is drawn once, from the snapshot that ends the job. On a terminal it redraws one
 * line; elsewhere (logs, IDE consoles, tests) it prints one line per change.
 */
final class ImportProgressBar implements ProgressListener, AutoCloseable {
    /** The width of every line, in characters. */
    static final int WIDTH = 72;

    private static final int BAR = 30;

    private final String task;
    private final PrintWriter out;
    private final boolean redraw;
    private String last;
    private boolean done;

    ImportProgressBar(String task, PrintWriter out) {
        this(task, out, System.console() != null);
    }

    /**
     * A progress bar.
     *
     * @param task the label in front of the bar
     * @param out where it draws
     * @param redraw true: redraw one line in place (a terminal); false: one line per change
     */
    ImportProgressBar(String task, PrintWriter out, boolean redraw) {
        this.task = task;
        this.out = out;
        this.redraw = redraw;
    }

    @Override
    public synchronized void onProgress(ImportJob job) {
        int percent =
                (int) Math.max(0, Math.min(100, Math.floor(job.percentComplete().orElse(0))));
        if (done || (percent == 100 && !job.isTerminal())) {
            return; // the 100 % line comes once, with the job's final state
        }
        String line = render(
                percent,
                job.state().map(Object::toString).orElse("")
                        + (job.rowsTotal() > 0 ? " " + job.rowsProcessed() + "/" + job.rowsTotal() + " rows" : ""));
        done = job.isTerminal();
        if (line.equals(last)) {
            return;
        }
        last = line;
        if (redraw) {
            out.print('\r' + line);
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** One line of exactly {@link #WIDTH} characters (trailing spaces included). */
    String render(int percent, String message) {
        int filled = percent * BAR / 100;
        String text = task + " [" + "#".repeat(filled) + "-".repeat(BAR - filled) + "] "
                + String.format("%3d%%", percent) + " " + message;
        if (text.length() > WIDTH) {
            return text.substring(0, WIDTH - 3) + "...";
        }
        return text + " ".repeat(WIDTH - text.length());
    }

    @Override
    public synchronized void close() {
        if (redraw && last != null) {
            out.println();
        }
        out.flush();
    }
}
