package dev.aurasdk.examples;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A checklist of PASS / FAIL / SKIP lines with the time each check took, printed as a table: every check
 * runs, whatever failed before it. A FAIL says what to fix; a SKIP says what would enable the check
 * ({@code set NEO4J_URI to enable}) and does not count as a failure. Messages never show exception class
 * names.
 */
final class Checklist {
    /** The outcome of one check. */
    enum Result {
        PASS,
        FAIL,
        SKIP
    }

    private final List<Item> items = new ArrayList<>();

    /**
     * Runs a check: PASS with the detail it returns, FAIL with the message of what it throws.
     *
     * @param name the check's name
     * @param body the check, returning a detail line
     * @return whether it passed
     */
    boolean check(String name, Supplier<String> body) {
        long t0 = System.nanoTime();
        try {
            String detail = body.get();
            items.add(new Item(Result.PASS, name, millisSince(t0), detail));
            return true;
        } catch (RuntimeException e) {
            items.add(new Item(Result.FAIL, name, millisSince(t0), message(e)));
            return false;
        }
    }

    /**
     * A value the next checks need: PASS with it, or FAIL with what the lookup threw (which says how to fix it).
     *
     * @param name the check's name
     * @param lookup finds the value, or throws saying how to set it
     * @return the value, if found
     */
    Optional<String> require(String name, Supplier<String> lookup) {
        String[] value = new String[1];
        check(name, () -> value[0] = lookup.get());
        return Optional.ofNullable(value[0]);
    }

    /**
     * Records a check that ran elsewhere, with the time it reported.
     *
     * @param name the check's name
     * @param passed whether it passed
     * @param millis how long it took
     * @param detail what it found, or what is wrong
     */
    void record(String name, boolean passed, long millis, String detail) {
        items.add(new Item(passed ? Result.PASS : Result.FAIL, name, millis, detail));
    }

    /**
     * Records a check that failed without running anything.
     *
     * @param name the check's name
     * @param detail what is wrong and how to fix it
     */
    void fail(String name, String detail) {
        items.add(new Item(Result.FAIL, name, 0, detail));
    }

    /**
     * Records a check that did not run.
     *
     * @param name the check's name
     * @param reason why, such as {@code "needs the project id (see above)"}
     */
    void skip(String name, String reason) {
        items.add(new Item(Result.SKIP, name, 0, "skipped: " + reason));
    }

    /**
     * Records a SKIP line {@code skipped: set A and B to enable} unless every variable is set.
     *
     * @param env the settings
     * @param name the check's name
     * @param variables the environment variables the check needs
     * @return whether they are all set (then run the check)
     */
    boolean skipUnlessSet(ExampleEnvironment env, String name, String... variables) {
        List<String> missing =
                Arrays.stream(variables).filter(v -> env.setting(v).isEmpty()).collect(Collectors.toList());
        if (missing.isEmpty()) {
            return true;
        }
        skip(name, ExampleEnvironment.enableHint(missing.toArray(new String[0])));
        return false;
    }

    /** The results so far, in order. */
    List<Result> results() {
        return items.stream().map(i -> i.result).collect(Collectors.toList());
    }

    /**
     * Prints the table and a summary line.
     *
     * @param out where
     * @return the exit code: 0 when nothing failed, else 1
     */
    int print(PrintWriter out) {
        Table table = new Table("RESULT", "CHECK", "MS", "DETAIL");
        for (Item i : items) {
            table.row(i.result, i.name, i.result == Result.SKIP ? "" : i.millis, i.detail);
        }
        out.println();
        table.print(out);
        long failed = items.stream().filter(i -> i.result == Result.FAIL).count();
        long skipped = items.stream().filter(i -> i.result == Result.SKIP).count();
        long ran = items.size() - skipped;
        out.println();
        out.println((failed == 0 ? "All " + ran + " checks passed" : failed + " of " + ran + " checks failed")
                + (skipped == 0 ? "." : " (" + skipped + " skipped)."));
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    /** A one-line message for a failure, without the exception's class name. */
    static String message(RuntimeException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? "failed without a message" : m.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static final class Item {
        final Result result;
        final String name;
        final long millis;
        final String detail;

        Item(Result result, String name, long millis, String detail) {
            this.result = result;
            this.name = name;
            this.millis = millis;
            this.detail = detail;
        }
    }
}
