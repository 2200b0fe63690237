package org.gramian.accumulate;

import java.util.ArrayDeque;
import org.gramian.design.Design;
import org.gramian.data.RowBlock;
import org.gramian.data.RowSource;

/**
 * Cuts the source's rows into canonical tiles of T = {@link GramTile#rowsFor} observations (tile
 * k = observations [k·T, (k+1)·T), however the source's blocks fall), has a small worker pool expand
 * each tile into shifted design rows and sum its partial Gram matrix, and adds the finished tiles
 * to the accumulator strictly in tile order. The reading thread only copies raw values; at most
 * 2·threads tiles exist at once, so memory is O(threads·T·(w + m) + m²).
 *
 * <p>With one thread no pool is made: each tile is processed on the caller's thread. A tile's
 * partial sum depends only on its rows, and the partials are added in the same order either way,
 * so the result is the same bits for any thread count. Errors in the data surface in row order too:
 * tiles are retired in order, and each tile is expanded in row order.
 */
final class TilePipeline implements AutoCloseable {
    /** A tile's raw input rows plus its Gram tile; owned by one thread at a time. */
    private static final class Unit {
        final double[] raw;
        final double[] x;
        final GramTile tile;
        long firstRow;
        int count;
        RowBlock borrowed; // non-null: the rows are [start, start + count) of this source block, not copied
        int start;

        Unit(int width, int p) {
            tile = new GramTile(p + 1);
            raw = new double[tile.capacity() * width];
            x = new double[p];
        }
    }

    private final RowSource source;
    private final Design design;
    private final GramAccumulator acc;
    private final int width;
    private final int[] plain;   // Design.plainColumns(): rows copied straight into the tile, or null
    private final int target;
    private final OrderedPool<Unit> pool;
    private final ArrayDeque<Unit> free = new ArrayDeque<>();
    private Unit current;
    private long nextRow;

    /**
     * A source block of at least this many tiles lends its whole tiles to the workers instead of
     * having them copied (an in-memory source hands over all its rows in one block: copying them
     * was a full extra pass over the data on the reading thread, 322 MB at 2e5 × 201). The block's
     * array may be reused by the source once {@link #accept} returns, so accept then waits for the
     * tiles that borrowed it; for blocks this large the wait is a small part of the block's work,
     * and the CSV reader's blocks (a few thousand rows) are copied as before.
     */
    static final int BORROW_MIN_TILES = 8;

    TilePipeline(RowSource source, Design design, GramAccumulator acc, int threads) {
        this.source = source;
        this.design = design;
        this.acc = acc;
        this.width = source.columns().size();
        this.plain = design.plainColumns();
        this.target = design.targetColumn();
        this.pool = new OrderedPool<>(threads, "gramian-gram", this::retire);
        Spare.take(width, design.width(), free);
    }

    /**
     * Units kept from the last pass for the next one of the same shape. A unit is several
     * megabytes (16,384 rows at m = 11), and a pass makes 2·threads + 1 of them: fresh each time,
     * every fit of a program that fits many times touched new heap memory, and on a virtual machine
     * whose first touch of a page is a fault in the host too, that cost 30–60 ms per fit of 10⁶ ×
     * 11 (the in-memory fit took 0.027 or 0.085 s from one JVM to the next, depending on whether its
     * heap had been touched; measured with and without -XX:+AlwaysPreTouch). Only units of at most
     * {@link #MAX_UNIT_BYTES} are kept, at most {@link #MAX_UNITS}, of the last shape used: a wide
     * pass's units (hundreds of megabytes) are never held after it.
     */
    private static final class Spare {
        static final long MAX_UNIT_BYTES = 16L << 20;
        static final int MAX_UNITS = 8;
        private static int width = -1;
        private static int p = -1;
        private static final ArrayDeque<Unit> UNITS = new ArrayDeque<>();

        static synchronized void take(int w, int p, ArrayDeque<Unit> into) {
            if (w == width && p == Spare.p) {
                while (!UNITS.isEmpty()) {
                    into.push(UNITS.pop());
                }
            }
        }

        static synchronized void give(int w, int p, ArrayDeque<Unit> units) {
            if (units.isEmpty() || bytes(units.peek(), w, p) > MAX_UNIT_BYTES) {
                return;
            }
            if (w != width || p != Spare.p) {
                UNITS.clear();
                width = w;
                Spare.p = p;
            }
            while (!units.isEmpty() && UNITS.size() < MAX_UNITS) {
                UNITS.push(units.pop());
            }
        }

        private static long bytes(Unit u, int w, int p) {
            long m = p + 1;
            return 8L * (u.raw.length + (long) u.tile.capacity() * (m + 8) + (m + 8) * (m + 8));
        }
    }

    /**
     * Takes the block's rows: copies them (the source may reuse its arrays once this returns), or,
     * from a block of at least {@link #BORROW_MIN_TILES} tiles, lends the whole tiles to the
     * workers in place and waits for them before returning. Either way tile k holds observations
     * [k·T, (k+1)·T): the same tiles, the same bits.
     */
    void accept(RowBlock block) {
        int i = 0;
        final int capacity0 = GramTile.rowsFor(design.width() + 1);
        final boolean lend = block.rows() >= (long) BORROW_MIN_TILES * capacity0;
        boolean lent = false;
        while (i < block.rows()) {
            if (lend && current == null && block.rows() - i >= capacity0) {
                Unit unit = free.isEmpty() ? new Unit(width, design.width()) : free.pop();
                unit.firstRow = nextRow;
                unit.count = capacity0;
                unit.borrowed = block;
                unit.start = i;
                nextRow += capacity0;
                i += capacity0;
                lent = true;
                pool.submit(() -> process(unit));
                continue;
            }
            if (current == null) {
                current = free.isEmpty() ? new Unit(width, design.width()) : free.pop();
                current.firstRow = nextRow;
                current.count = 0;
                current.borrowed = null;
                current.start = 0;
            }
            int capacity = current.tile.capacity();
            int take = Math.min(block.rows() - i, capacity - current.count);
            System.arraycopy(block.values(), i * width, current.raw, current.count * width, take * width);
            current.count += take;
            nextRow += take;
            i += take;
            if (current.count == capacity) {
                dispatch();
            }
        }
        if (lent) {
            pool.drain(); // the workers must be done with the block's array before the source reuses it
        }
    }

    private void dispatch() {
        Unit unit = current;
        current = null;
        pool.submit(() -> process(unit));
    }

    /** Worker side: expand and shift the rows, sum the tile. */
    private Unit process(Unit unit) {
        RowBlock block = unit.borrowed != null ? unit.borrowed
                : new RowBlock(unit.firstRow, unit.count, width, unit.raw);
        final int from = unit.borrowed != null ? unit.start : 0;
        GramTile tile = unit.tile;
        tile.clear();
        final int fill = BlockSizes.fillRows(acc.size());
        boolean weighted = design.weighted();
        if (plain != null) {
            final double[] v = block.values();
            for (int i = from; i < from + unit.count; i++) {
                if (tile.pending() >= fill) {
                    tile.sumPending();
                }
                double[] row = tile.row(tile.next());
                if (!acc.augmentColumns(v, i * width, plain, target, row)) {
                    // a non-finite value: expand reports it (row, column); if it does not, its row stands
                    double y = design.expand(block, i, unit.x, source);
                    acc.augment(unit.x, y, row);
                }
            }
            tile.sumPending();
            return unit;
        }
        for (int i = from; i < from + unit.count; i++) {
            if (tile.pending() >= fill) {
                tile.sumPending(); // the last rows, while they are in cache
            }
            double y = design.expand(block, i, unit.x, source);
            if (!weighted) {
                acc.augment(unit.x, y, tile.row(tile.next()));
                continue;
            }
            // Weighted least squares: the shifted, scaled row times √w (a zero weight drops the row,
            // and it does not count as an observation).
            double w = design.weight(block, i, source);
            if (w == 0) {
                continue;
            }
            double[] row = tile.row(tile.next());
            acc.augment(unit.x, y, row);
            double r = Math.sqrt(w);
            for (int j = 0; j < acc.size(); j++) {
                row[j] *= r;
            }
        }
        tile.sumPending();
        return unit;
    }

    private void retire(Unit unit) {
        unit.borrowed = null; // do not keep the source's array reachable
        acc.addTile(unit.tile);
        free.push(unit);
    }

    /** Dispatches the last, partial tile and waits until every tile is added. */
    void finish() {
        if (current != null && current.count > 0) {
            dispatch();
        }
        pool.drain();
    }

    @Override
    public void close() {
        pool.close();
        if (pool.idle()) {
            // every unit is back (none held by a worker that an error left running): keep them
            if (current != null) {
                current.borrowed = null;
                free.push(current);
                current = null;
            }
            Spare.give(width, design.width(), free);
        }
    }
}
