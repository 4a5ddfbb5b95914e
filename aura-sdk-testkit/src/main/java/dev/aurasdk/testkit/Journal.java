package dev.aurasdk.testkit;

import dev.aurasdk.testkit.internal.JournalStore;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every request the fake received, oldest first, with secrets redacted (see {@link JournalEntry}). Obtained from
 * {@link FakeAuraServer#journal()}.
 *
 * <p>Filters take a method ({@code null} or {@code *} for any) and a regex that the <em>whole</em> path, without
 * query string, must match.
 */
public final class Journal {
    private final JournalStore store;

    Journal(JournalStore store) {
        this.store = store;
    }

    /**
     * All entries.
     *
     * @return a snapshot, oldest first
     */
    public List<JournalEntry> entries() {
        return store.snapshot();
    }

    /**
     * The entries matching a method and path.
     *
     * @param method e.g. {@code GET}; null or {@code *} for any
     * @param pathRegex e.g. {@code /v1/instances/.*}
     * @return matching entries, oldest first
     */
    public List<JournalEntry> find(String method, String pathRegex) {
        Pattern p = Pattern.compile(pathRegex);
        String m = method == null || method.equals("*") ? null : method.toUpperCase(Locale.ROOT);
        return store.snapshot().stream()
                .filter(e -> m == null || e.method().equals(m))
                .filter(e -> p.matcher(e.path()).matches())
                .collect(Collectors.toList());
    }

    /**
     * How many requests matched a method and path.
     *
     * @param method e.g. {@code POST}; null or {@code *} for any
     * @param pathRegex e.g. {@code /oauth/token}
     * @return the count
     */
    public int count(String method, String pathRegex) {
        return find(method, pathRegex).size();
    }

    /**
     * The most recent entry.
     *
     * @return the last entry, if any
     */
    public Optional<JournalEntry> last() {
        List<JournalEntry> all = store.snapshot();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * The most recent entry matching a method and path.
     *
     * @param method the method, or null for any
     * @param pathRegex the path regex
     * @return the entry, if any
     */
    public Optional<JournalEntry> last(String method, String pathRegex) {
        List<JournalEntry> found = find(method, pathRegex);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    }

    /**
     * How many requests were recorded.
     *
     * @return the count
     */
    public int size() {
        return store.snapshot().size();
    }

    /** Forgets every entry recorded so far. */
    public void clear() {
        store.clear();
    }
}
