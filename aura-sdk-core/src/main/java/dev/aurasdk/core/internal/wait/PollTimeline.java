package dev.aurasdk.core.internal.wait;

import java.util.BitSet;

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
 *
 * <p>Cells are bits of {@link BitSet}s relative to a base cell that moves forward as time passes;
 * each kind of poll searches a set where the cells kept from it are always set, so finding a free
 * cell skips 64 cells per step however many are planned. Not thread-safe (the planner locks). Not
 * API.
 */
final class PollTimeline {
    /** One cell in this many is kept from first polls, another one from far follow-ups. */
    static final int STRIDE = 6;
    /** The base moves forward once it is this many cells behind the present (a multiple of STRIDE). */
    private static final int SHIFT_AFTER = STRIDE * 4096;
    /**
     * No poll is planned further ahead than this many cells: about 9 days at Aura's 125 a minute (536 ms
     * cells), 25 min for a limit of 1,000 a second; a wait asking for more polls at the horizon.
     */
    static final int HORIZON = STRIDE * 250_000;

    private final long cellMillis;
    private final long nearMillis;
    private long base = Long.MIN_VALUE;
    /** Cells planned. */
    private BitSet taken = new BitSet();
    /** Cells planned, and every cell kept from first polls. */
    private BitSet closedToFirst = new BitSet();
    /** Cells planned, and every cell kept from far follow-ups. */
    private BitSet closedToFar = new BitSet();
    /** The masks of kept cells are filled up to here (relative, exclusive). */
    private int maskedTo;

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

    /** The first cell starting at or after {@code millis}. */
    long cellAtOrAfter(long millis) {
        return Math.floorDiv(millis + cellMillis - 1, cellMillis);
    }

    /**
     * Takes the first usable free cell starting at or after {@code atMillis} (and not before {@code
     * nowMillis}).
     *
     * @param firstPoll whether this is a wait's first poll (else a follow-up)
     * @return the cell taken
     */
    long reserve(long atMillis, long nowMillis, boolean firstPoll) {
        prune(nowMillis);
        long now = Math.max(base, cellAtOrAfter(nowMillis));
        int from = index(Math.min(now + HORIZON, Math.max(base, cellAtOrAfter(Math.max(atMillis, nowMillis)))));
        int i;
        if (firstPoll) {
            i = nextUsable(closedToFirst, from);
        } else {
            i = taken.nextClearBit(from);
            int farFrom = index(Math.max(base, cellAtOrAfter(nowMillis + nearMillis)));
            if (i >= farFrom) {
                i = nextUsable(closedToFar, i);
            }
        }
        take(i);
        return base + i;
    }

    /**
     * Takes the last free cell starting in [{@code earliestMillis}, {@code latestMillis}] (and not before
     * {@code nowMillis}), for a wait whose next poll would fall past its deadline.
     *
     * @return the cell taken, or -1 when every cell in that range is taken
     */
    long reserveLatest(long earliestMillis, long latestMillis, long nowMillis) {
        prune(nowMillis);
        long first = Math.max(base, cellAtOrAfter(Math.max(earliestMillis, nowMillis)));
        long last = Math.min(Math.floorDiv(latestMillis, cellMillis), first + HORIZON);
        if (last < first) {
            return -1;
        }
        int i = taken.previousClearBit(index(last));
        if (i < 0 || base + i < first) {
            return -1;
        }
        take(i);
        return base + i;
    }

    /** The first clear bit at or after {@code from} of a set holding a mask of kept cells. */
    private int nextUsable(BitSet closed, int from) {
        while (true) {
            mask(from + 64 * STRIDE);
            int i = closed.nextClearBit(from);
            if (i < maskedTo) {
                return i;
            }
            from = maskedTo; // past the masked range: extend the masks and look again
        }
    }

    /** Extends the masks of kept cells to at least {@code to} (relative, exclusive). */
    private void mask(int to) {
        if (to <= maskedTo) {
            return;
        }
        int end = Math.max(to, maskedTo * 2);
        end += (STRIDE - end % STRIDE) % STRIDE; // whole strides: maskedTo stays a multiple of STRIDE
        for (int i = maskedTo; i < end; i += STRIDE) { // the base is a multiple of STRIDE too
            closedToFirst.set(i);
            closedToFar.set(i + STRIDE / 2);
        }
        maskedTo = end;
    }

    private void take(int i) {
        taken.set(i);
        closedToFirst.set(i);
        closedToFar.set(i);
    }

    /** Frees a cell (a wait closed or re-planned before its poll); idempotent. */
    void release(long cell) {
        if (cell < base) {
            return;
        }
        int i = index(cell);
        taken.clear(i);
        int kind = Math.floorMod(i, STRIDE);
        if (kind != 0) {
            closedToFirst.clear(i);
        }
        if (kind != STRIDE / 2) {
            closedToFar.clear(i);
        }
    }

    /** Moves the base forward when it is far behind the present, dropping cells in the past. */
    void prune(long nowMillis) {
        long now = Math.floorDiv(nowMillis, cellMillis);
        if (base == Long.MIN_VALUE) {
            base = now - Math.floorMod(now, STRIDE);
            return;
        }
        if (now < base) { // the clock stepped back (NTP, a resumed VM): move the base back with it
            rebase(now - Math.floorMod(now, STRIDE));
            return;
        }
        if (now - base < SHIFT_AFTER) {
            return;
        }
        if (now - base > Integer.MAX_VALUE / 2) { // idle for ages on a fine grid: every planned cell is past
            taken = new BitSet();
            closedToFirst = new BitSet();
            closedToFar = new BitSet();
            maskedTo = 0;
            base = now - Math.floorMod(now, STRIDE);
            return;
        }
        long behind = now - base;
        int shift = (int) (behind - behind % STRIDE); // the base stays a multiple of STRIDE
        taken = taken.get(shift, Math.max(shift, taken.length()));
        closedToFirst = closedToFirst.get(shift, Math.max(shift, closedToFirst.length()));
        closedToFar = closedToFar.get(shift, Math.max(shift, closedToFar.length()));
        maskedTo = Math.max(0, maskedTo - shift);
        base += shift;
    }

    /**
     * Moves the base back to {@code newBase} (a multiple of STRIDE), keeping every planned cell where it
     * is; after a very long step back the plans are dropped (their cells would be out of range).
     */
    private void rebase(long newBase) {
        long delta = base - newBase;
        BitSet moved = new BitSet();
        if (delta <= Integer.MAX_VALUE / 4) {
            for (int i = taken.nextSetBit(0); i >= 0; i = taken.nextSetBit(i + 1)) {
                moved.set((int) (i + delta));
            }
        }
        taken = moved;
        closedToFirst = (BitSet) moved.clone();
        closedToFar = (BitSet) moved.clone();
        maskedTo = 0; // the masks of kept cells are laid again as searches need them
        base = newBase;
    }

    private int index(long cell) {
        long i = cell - base;
        if (i < 0 || i > Integer.MAX_VALUE - 64L * STRIDE * 4) {
            throw new IllegalStateException(
                    "poll planned out of the timeline's range: cell " + cell + ", base " + base);
        }
        return (int) i;
    }

    /** Cells taken at or after the current one. */
    int planned(long nowMillis) {
        prune(nowMillis);
        int from = index(Math.max(base, Math.floorDiv(nowMillis, cellMillis)));
        return taken.get(from, Math.max(from, taken.length())).cardinality();
    }
}
