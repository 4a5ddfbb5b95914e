package dev.aurasdk.examples;

import dev.aurasdk.neo4j.DatabaseOverview;
import dev.aurasdk.neo4j.LabelSummary;
import dev.aurasdk.neo4j.Neo4jDatabases;
import dev.aurasdk.neo4j.RelationshipTypeSummary;
import dev.aurasdk.neo4j.SchemaItem;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * InvestigateData: what a Neo4j database already holds — node and relationship totals, labels and
 * relationship types with their counts, the property keys seen on a sample of each label's nodes, indexes
 * and constraints — as tables. Counts come from the count store and the sample is bounded, so it stays fast
 * on a large database. Read-only. Needs {@code NEO4J_URI} (or {@code NEO4J_INSTANCE_ID}),
 * {@code NEO4J_USERNAME} and {@code NEO4J_PASSWORD}; without them it says so in one line and exits 0.
 */
@Command(
        name = "InvestigateData",
        mixinStandardHelpOptions = true,
        versionProvider = SdkVersion.class,
        description = "Shows a Neo4j database's labels, relationship types, counts, property keys, indexes and "
                + "constraints (read-only).")
public final class InvestigateData extends ExampleCommand {
    @Option(
            names = "--database",
            paramLabel = "NAME",
            defaultValue = Neo4jDatabases.DEFAULT_NAME,
            description = "Which configured database: default (NEO4J_URI / NEO4J_INSTANCE_ID) or a name from "
                    + "NEO4J_<NAME>_URI (default: ${DEFAULT-VALUE}).")
    String database;

    @Option(
            names = "--sample-size",
            paramLabel = "N",
            defaultValue = "" + Neo4jDatabases.DEFAULT_SAMPLE_SIZE,
            description = "Nodes sampled per label for the property keys, 1 to 100000 (default: ${DEFAULT-VALUE}).")
    int sampleSize;

    /**
     * Runs the program.
     *
     * @param args command-line arguments ({@code --help})
     */
    public static void main(String[] args) {
        main(new InvestigateData(), args);
    }

    @Override
    int run(ExampleEnvironment env, PrintWriter out) {
        Optional<Neo4jDatabases> dbs = env.neo4j();
        if (dbs.isEmpty()) {
            out.println(ExampleEnvironment.skipped(
                    "investigating the data (no Neo4j database configured)", ExampleEnvironment.NEO4J_VARIABLES));
            return 0;
        }
        DatabaseOverview o = dbs.get().investigate(database, sampleSize);
        out.println("Database '" + o.name() + "' (" + o.database()
                + dbs.get().uri(o.name()).map(u -> " at " + u).orElse("") + "): " + o.nodeCount() + " nodes, "
                + o.relationshipCount() + " relationships (" + o.queriesRun() + " queries, "
                + o.elapsed().toMillis() + " ms)");
        out.println();
        Table labels = new Table("LABEL", "NODES", "PROPERTY KEYS (sample of " + o.sampleSize() + ")");
        for (LabelSummary l : o.labels()) {
            labels.row(l.label(), l.count(), String.join(", ", l.propertyKeys()));
        }
        print("Labels", labels, out);
        Table types = new Table("RELATIONSHIP TYPE", "RELATIONSHIPS");
        for (RelationshipTypeSummary t : o.relationshipTypes()) {
            types.row(t.type(), t.count());
        }
        print("Relationship types", types, out);
        print("Indexes", schema(o.indexes(), true), out);
        print("Constraints", schema(o.constraints(), false), out);
        return 0;
    }

    private static Table schema(List<SchemaItem> items, boolean withState) {
        Table t = withState
                ? new Table("INDEX", "TYPE", "ON", "LABELS/TYPES", "PROPERTIES", "STATE")
                : new Table("CONSTRAINT", "TYPE", "ON", "LABELS/TYPES", "PROPERTIES");
        for (SchemaItem i : items) {
            t.row(
                    i.name(),
                    i.type(),
                    i.entityType(),
                    String.join(", ", i.labelsOrTypes()),
                    String.join(", ", i.properties()),
                    i.state().orElse(""));
        }
        return t;
    }

    private static void print(String title, Table table, PrintWriter out) {
        out.println(title + (table.isEmpty() ? ": none" : ":"));
        if (!table.isEmpty()) {
            table.print(out);
        }
        out.println();
    }
}
