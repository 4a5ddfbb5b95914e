package dev.aurasdk.examples;

import dev.aurasdk.imports.ImportJob;
import dev.aurasdk.imports.NodeProgress;
import dev.aurasdk.imports.RelationshipProgress;
import java.io.PrintWriter;

/** Prints an import job's per-label and per-relationship-type counts. */
final class ImportReport {
    private ImportReport() {}

    static void print(ImportJob job, PrintWriter out) {
        out.println("  job " + job.id() + ": " + job.summary());
        job.exitMessage().ifPresent(m -> out.println("  message: " + m));
        job.progress().ifPresent(p -> {
            Table table = new Table("KIND", "LABEL / TYPE", "ROWS", "CREATED", "CONSTRAINTS", "INDEXES");
            for (NodeProgress n : p.nodes()) {
                table.row(
                        "nodes",
                        String.join(":", n.labels()),
                        rows(n.processedRows().orElse(0), n.totalRows().orElse(0)),
                        n.createdNodes().orElse(0),
                        n.createdConstraints().orElse(0),
                        n.createdIndexes().orElse(0));
            }
            for (RelationshipProgress r : p.relationships()) {
                table.row(
                        "relationships",
                        r.type().orElse("?"),
                        rows(r.processedRows().orElse(0), r.totalRows().orElse(0)),
                        r.createdRelationships().orElse(0),
                        r.createdConstraints().orElse(0),
                        r.createdIndexes().orElse(0));
            }
            if (!table.isEmpty()) {
                table.print(out);
            }
        });
    }

    private static String rows(long processed, long total) {
        return processed + "/" + total;
    }
}
