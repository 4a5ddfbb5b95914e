package dev.aurasdk.core.internal.wait;

import java.util.Iterator;
import java.util.TreeSet;

/**
 * The planned poll instants of one client, on a grid: time is cut into cells of {@code cellMillis}
 * (the poll window divided by the poll allowance, rounded up) and each cell holds at most one poll,
 * which starts at the cell's first millisecond. Any half-open window of the poll window's length
 * then holds at most the allowance, whatever was planned before. Cells that start more than
 * {@code nearMillis} after now are "far": one in every {@link #FAR_STRIDE} of them is left free for
 * polls planned later, closer to their instant, so that early plans cannot fill the whole future.
 * Not thread-safe (the planner locks). Not API.
 */
final class PollTimeline {
    /** Far reservations skip every cell whose index is a multiple of this. */
    static final int FAR_STRIDE = 3;

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
     * @param anyCell whether far cells left free for later plans may be taken too (first polls)
     *
     * @return the cell taken
     */
    long reserve(long atMillis, long nowMillis, boolean anyCell) {
        prune(nowMillis);
        long cell = Math.floorDiv(Math.max(atMillis, nowMillis) + cellMillis - 1, cellMillis);
        long farFrom = anyCell ? Long.MAX_VALUE : Math.floorDiv(nowMillis + nearMillis + cellMillis - 1, cellMillis);
        cell = usable(cell, farFrom);
        Iterator<Long> it = taken.tailSet(cell, true).iterator();
        while (it.hasNext()) {
            long t = it.next();
            if (t > cell) {
                break;
            }
            if (t == cell) {
                cell = usable(cell + 1, farFrom); // taken: try the next usable one
            }
        }
        taken.add(cell);
        return cell;
    }

    private static long usable(long cell, long farFrom) {
        return cell >= farFrom && cell % FAR_STRIDE == 0 ? cell + 1 : cell;
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
