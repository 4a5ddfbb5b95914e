package dev.aurasdk.examples;

import dev.aurasdk.imports.ImportJob;
import dev.aurasdk.imports.ProgressListener;
import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A terminal progress bar (me.tongfei:progressbar) fed by an import job's progress snapshots. */
final class ImportProgressBar implements ProgressListener, AutoCloseable {
    private static final boolean INTERACTIVE = System.console() != null;

    private final ProgressBar bar;
    private final PrintWriter out;

    ImportProgressBar(String task, PrintWriter out) {
        this.out = out;
        this.bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(100)
                .setUnit("%", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setMaxRenderedLength(80)
                .setConsumer(new DelegatingProgressBarConsumer(line -> {
                    if (INTERACTIVE) {
                        out.print('\r' + line); // redraw in place on a terminal
                    } else {
                        out.println(line); // one line per update in logs and IDE consoles
                    }
                    out.flush();
                }, 80))
                .build();
    }

    @Override
    public void onProgress(ImportJob job) {
        bar.stepTo(Math.round(job.percentComplete().orElse(0)));
        bar.setExtraMessage(job.state().map(Object::toString).orElse("")
                + (job.rowsTotal() > 0 ? " " + job.rowsProcessed() + "/" + job.rowsTotal() + " rows" : ""));
        bar.refresh();
    }

    @Override
    public void close() {
        bar.close();
        if (INTERACTIVE) {
            out.println();
        }
        out.flush();
    }
}
