package org.gramian.stream;

import org.gramian.design.DesignExpander;
import org.gramian.design.RowBlock;
import org.gramian.design.RowSource;
import org.gramian.numeric.DD;
import org.gramian.solve.GramAccumulator;
import org.gramian.solve.HouseholderAccumulator;

/**
 * One pass over a {@link RowSource}, feeding the design rows into an accumulator. Memory is the
 * accumulator's O(p²) plus a few tiles of rows, whatever the number of rows.
 */
public final class Accumulation {
    private Accumulation() {
    }

    /** The default number of Gram worker threads: the available processors. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** {@link #gram(RowSource, DesignExpander, int)} on {@link #defaultThreads()} threads. */
    public static GramAccumulator gram(RowSource source, DesignExpander design) {
        return gram(source, design, defaultThreads());
    }

    /**
     * Accumulates the double-precision augmented Gram matrix. With an intercept, the columns are
     * shifted by the first observation (see {@link GramAccumulator}).
     *
     * <p>The rows are expanded on the calling thread into canonical tiles of
     * {@link org.gramian.solve.GramTile#ROWS} observations, whose partial sums are computed on
     * {@code threads} workers and added in tile order: the result is bit-identical for every
     * thread count and every way the source cuts its blocks.
     *
     * @param threads number of worker threads (1 = everything on the calling thread)
     */
    public static GramAccumulator gram(RowSource source, DesignExpander design, int threads) {
        int p = design.width();
        boolean intercept = design.spec().intercept();
        double[] x = new double[p];
        GramAccumulator[] acc = new GramAccumulator[1];
        try (TilePipeline pipe = new TilePipeline(p + 1, threads)) {
            source.forEachBlock(false, (RowBlock block) -> {
                for (int i = 0; i < block.rows(); i++) {
                    double y = design.expand(block, i, x, source);
                    if (acc[0] == null) {
                        double[] shift = null;
                        if (intercept) {
                            shift = new double[p + 1];
                            System.arraycopy(x, 0, shift, 0, p);
                            shift[p] = y;
                        }
                        acc[0] = new GramAccumulator(p, shift);
                        pipe.start(acc[0]);
                    }
                    acc[0].augment(x, y, pipe.nextRow());
                    pipe.commit();
                }
            });
            pipe.finish();
        }
        return acc[0] == null ? new GramAccumulator(p, null) : acc[0];
    }

    /** Streams Householder QR in double-double over the augmented rows. */
    public static HouseholderAccumulator householder(RowSource source, DesignExpander design) {
        int p = design.width();
        HouseholderAccumulator acc = new HouseholderAccumulator(p);
        source.forEachBlock(true, (RowBlock block) -> {
            for (int i = 0; i < block.rows(); i++) {
                DD[] row = new DD[p + 1];
                design.expandExact(block, i, row, source);
                acc.add(row);
            }
        });
        return acc;
    }
}
