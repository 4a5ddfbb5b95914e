package dev.aurasdk.core.internal.wait;

import java.util.Iterator;
import java.util.TreeSet;

/**
 * The planned poll instants of one client, on a grid: time is cut into cells of {@code cellMillis}
 * (the poll window divided by the poll allowance, rounded up) and each cell holds at most one poll,
 * which starts at the cell's first millisecond. Any half-open window of the poll window's length
 * then holds at most the allowance, whatever was planned before. One cell in every {@link #STRIDE}
 * (index ≡ 0) is never taken by a first poll: when many waits open together their first polls fill
 * the grid for minutes, and those cells stay free for follow-up polls of jobs seen about to end.
 * Another one in {@link #STRIDE} (index ≡ {@code STRIDE / 2}) is not taken by a follow-up planned
 * more than {@code nearMillis} ahead, so that sparse plans made long ahead cannot take every cell a
 * job about to finish will need. Any other free cell goes to the first poll that asks for it.
 * Not thread-safe (the planner locks). Not API.
 */
final class PollTimeline {
    /** One cell in this many is kept from first polls, another one from far follow-ups. */
    static final int STRIDE = 6;

    private final long cellMillis;
    private final long nearMillis;
    private final TreeSet<Long> taken = new TreeSet<>();

    PollTimeline(long cellMillis, long nearMillis) {
        if (cellMillis < 1) {
            throw new IllegalArgumentException("cellMillis must be at least 1, got " + cellMillis);
        }
        this.cellMillis = cellMillis;
        this.nearMillis = nearMillis;
    }

    long cellMillis() {
        return cellMillis;
    }

    /** The start of a cell, in epoch milliseconds. */
    long startOf(long cell) {
        return cell * cellMillis;
    }

    /**
     * Takes the first free cell starting at or after {@code atMillis} (and not before {@code nowMillis}).
     * O(k + log n) for k taken cells skipped.
     *
     * @param firstPoll whether this is a wait's first poll (else a follow-up)
     *
     * @return the cell taken
     */
    long reserve(long atMillis, long nowMillis, boolean firstPoll) {
        prune(nowMillis);
        long cell = Math.floorDiv(Math.max(atMillis, nowMillis) + cellMillis - 1, cellMillis);
        long farFrom = firstPoll ? Long.MAX_VALUE : Math.floorDiv(nowMillis + nearMillis + cellMillis - 1, cellMillis);
        cell = usable(cell, firstPoll, farFrom);
        Iterator<Long> it = taken.tailSet(cell, true).iterator();
        while (it.hasNext()) {
            long t = it.next();
            if (t > cell) {
                break;
            }
            if (t == cell) {
                cell = usable(cell + 1, firstPoll, farFrom); // taken: try the next usable one
            }
        }
        taken.add(cell);
        return cell;
    }

    private static long usable(long cell, boolean firstPoll, long farFrom) {
        long kind = Math.floorMod(cell, STRIDE);
        boolean kept = firstPoll ? kind == 0 : cell >= farFrom && kind == STRIDE / 2;
        return kept ? cell + 1 : cell;
    }

    /** Frees a cell (a wait closed before its poll); idempotent. */
    void release(long cell) {
        taken.remove(cell);
    }

    /** Forgets cells that started before the current cell: they can no longer be taken. */
    void prune(long nowMillis) {
        taken.headSet(Math.floorDiv(nowMillis, cellMillis), false).clear();
    }

    /** Cells taken at or after the current one. */
    int planned(long nowMillis) {
        prune(nowMillis);
        return taken.size();
    }
}
