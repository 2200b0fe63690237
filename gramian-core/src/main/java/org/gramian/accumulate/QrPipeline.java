package org.gramian.accumulate;

import java.util.ArrayDeque;
import org.gramian.design.Design;
import org.gramian.data.RowBlock;
import org.gramian.data.RowSource;
import org.gramian.numeric.DD;

/**
 * The double-double Householder pass on several threads, deterministically: observations are cut
 * into canonical chunks of {@value #CHUNK_ROWS} (chunk k = observations [k·C, (k+1)·C)), each chunk
 * is expanded and triangularized from zero by its own {@link HouseholderAccumulator} on a worker,
 * and the chunk factors are merged in chunk order ({@code R₀.merge(R₁).merge(R₂)…}). A chunk's R
 * depends only on its rows, so the result is the same bits for any thread count and any source
 * blocking; with at most one chunk (n ≤ C) it is exactly the single accumulator of all rows.
 */
final class QrPipeline implements AutoCloseable {
    /** Rows per chunk: merging costs about m³ per chunk against C·m² for its rows. */
    static final int CHUNK_ROWS = BlockSizes.QR_CHUNK_ROWS;

    private static final class Chunk {
        final double[] values;
        final double[] tails;
        boolean anyTail;
        long firstRow;
        int count;

        Chunk(int width) {
            values = new double[CHUNK_ROWS * width];
            tails = new double[CHUNK_ROWS * width];
        }
    }

    private record Done(Chunk chunk, HouseholderAccumulator acc) {
    }

    private final RowSource source;
    private final Design design;
    private final int width;
    private final OrderedPool<Done> pool;
    private final ArrayDeque<Chunk> free = new ArrayDeque<>();
    private Chunk current;
    private long nextRow;
    private HouseholderAccumulator result;
    private double[] scale;

    /** @param scale the column scale (powers of two), or null to take it from the first observation */
    QrPipeline(RowSource source, Design design, int threads, double[] scale) {
        this.source = source;
        this.design = design;
        this.scale = scale == null ? null : scale.clone();
        this.width = source.columns().size();
        this.pool = new OrderedPool<>(threads, "gramian-qr", this::retire);
    }

    /** Copies the block's values (and tails, when it has them) into chunks. */
    void accept(RowBlock block) {
        if (scale == null && block.rows() > 0) {
            // The first observation fixes the scale; it is expanded (and checked) here.
            int p = design.width();
            double[] first = new double[p + 1];
            first[p] = design.expand(block, 0, first, source);
            scale = Equilibration.fromMagnitudes(first);
        }
        int i = 0;
        while (i < block.rows()) {
            if (current == null) {
                current = free.isEmpty() ? new Chunk(width) : free.pop();
                current.firstRow = nextRow;
                current.count = 0;
                current.anyTail = false;
            }
            int take = Math.min(block.rows() - i, CHUNK_ROWS - current.count);
            int at = current.count * width;
            System.arraycopy(block.values(), i * width, current.values, at, take * width);
            if (block.tails() != null) {
                if (!current.anyTail) {
                    java.util.Arrays.fill(current.tails, 0, at, 0.0);
                    current.anyTail = true;
                }
                System.arraycopy(block.tails(), i * width, current.tails, at, take * width);
            } else if (current.anyTail) {
                java.util.Arrays.fill(current.tails, at, at + take * width, 0.0);
            }
            current.count += take;
            nextRow += take;
            i += take;
            if (current.count == CHUNK_ROWS) {
                dispatch();
            }
        }
    }

    private void dispatch() {
        Chunk chunk = current;
        current = null;
        pool.submit(() -> process(chunk));
    }

    private Done process(Chunk chunk) {
        RowBlock block = new RowBlock(chunk.firstRow, chunk.count, width, chunk.values,
                chunk.anyTail ? chunk.tails : null);
        int p = design.width();
        HouseholderAccumulator acc = new HouseholderAccumulator(p, scale);
        boolean weighted = design.weighted();
        double[] hi = new double[p + 1];   // the row's double-doubles as parts; acc.add copies them
        double[] lo = new double[p + 1];
        for (int i = 0; i < chunk.count; i++) {
            design.expandExact(block, i, hi, lo, source);
            if (weighted) {
                // the row times √w, w to 106 bits (a zero weight drops the row)
                if (design.weight(block, i, source) == 0) {
                    continue;
                }
                DD r = design.sqrtWeightExact(block, i);
                for (int j = 0; j <= p; j++) {
                    DD v = DD.of(hi[j], lo[j]).multiply(r);
                    hi[j] = v.hi;
                    lo[j] = v.lo;
                }
            }
            acc.add(hi, lo);
        }
        return new Done(chunk, acc);
    }

    private void retire(Done done) {
        if (result == null) {
            result = done.acc();
        } else {
            result.merge(done.acc());
        }
        free.push(done.chunk());
    }

    /** Processes the last chunk, waits for all, and returns the merged accumulator. */
    HouseholderAccumulator finish() {
        if (current != null && current.count > 0) {
            dispatch();
        }
        pool.drain();
        return result == null ? new HouseholderAccumulator(design.width(), scale) : result;
    }

    @Override
    public void close() {
        pool.close();
    }
}
