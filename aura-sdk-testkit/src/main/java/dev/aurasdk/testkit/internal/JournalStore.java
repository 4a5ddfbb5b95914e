package dev.aurasdk.testkit.internal;

import dev.aurasdk.testkit.JournalEntry;
import java.util.ArrayList;
import java.util.List;

/** The thread-safe list behind the public journal. */
public final class JournalStore {
    private final List<JournalEntry> entries = new ArrayList<>();
    private long sequence;

    /** The next sequence number. */
    public synchronized long nextSequence() {
        return ++sequence;
    }

    /** Appends an entry. */
    public synchronized void add(JournalEntry entry) {
        entries.add(entry);
    }

    /** A snapshot of all entries, oldest first. */
    public synchronized List<JournalEntry> snapshot() {
        return List.copyOf(entries);
    }

    /** Forgets all entries (sequence numbers keep growing). */
    public synchronized void clear() {
        entries.clear();
    }
}
