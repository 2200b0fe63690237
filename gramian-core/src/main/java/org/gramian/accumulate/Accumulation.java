package org.gramian.accumulate;

import org.gramian.design.Design;
import org.gramian.data.RowBlock;
import org.gramian.data.RowSource;
import org.gramian.numeric.DD;

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

    /** {@link #gram(RowSource, Design, int)} on {@link #defaultThreads()} threads. */
    public static GramAccumulator gram(RowSource source, Design design) {
        return gram(source, design, defaultThreads());
    }

    /**
     * Accumulates the double-precision augmented Gram matrix. With an intercept, the columns are
     * shifted by the first observation (see {@link GramAccumulator}).
     *
     * <p>The rows are cut into canonical tiles of {@link org.gramian.accumulate.GramTile#rowsFor}
     * observations; {@code threads} workers expand each tile into design rows and sum its partial
     * Gram matrix, and the partials are added in tile order (see {@link TilePipeline}): the result
     * is bit-identical for every thread count and every way the source cuts its blocks.
     *
     * @param threads number of worker threads (1 = everything on the calling thread)
     */
    public static GramAccumulator gram(RowSource source, Design design, int threads) {
        return gram(source, design, threads, null);
    }

    /**
     * As {@link #gram(RowSource, Design, int)}, with the columns scaled by {@code scale}
     * (powers of two, length p+1) or, when null, by the powers of two nearest below the first
     * observation's magnitudes ({@link org.gramian.accumulate.Equilibration}).
     */
    public static GramAccumulator gram(RowSource source, Design design, int threads, double[] scale) {
        return gram(source, design, threads, null, scale, true);
    }

    /**
     * The Gram pass with the shift and the scale given rather than taken from the first
     * observation: what each partition of a distributed data set runs, all with the driver's shift
     * and scale (from the data set's first observation, as {@link #gram(RowSource, Design, int,
     * double[])} would choose them), so that the partial accumulators can be merged.
     *
     * @param shift the shift of each augmented column (length p+1, 0 for the intercept's), or null
     * @param scale the power-of-two scale (length p+1)
     */
    public static GramAccumulator gram(RowSource source, Design design, int threads, double[] shift,
                                       double[] scale) {
        return gram(source, design, threads, shift, java.util.Objects.requireNonNull(scale, "scale"), false);
    }

    private static GramAccumulator gram(RowSource source, Design design, int threads, double[] givenShift,
                                        double[] scale, boolean shiftFromFirst) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        int p = design.width();
        int intercept = design.interceptIndex();
        TilePipeline[] pipe = new TilePipeline[1];
        GramAccumulator[] acc = new GramAccumulator[1];
        if (!shiftFromFirst) {
            acc[0] = new GramAccumulator(p, givenShift, scale);
        }
        try {
            source.forEachBlock(false, (RowBlock block) -> {
                if (block.rows() == 0) {
                    return;
                }
                if (pipe[0] == null) {
                    if (acc[0] == null) {
                        // The first observation fixes the shift; it is expanded (and checked) here.
                        double[] x = new double[p];
                        double y = design.expand(block, 0, x, source);
                        double[] first = new double[p + 1];
                        System.arraycopy(x, 0, first, 0, p);
                        first[p] = y;
                        double[] shift = null;
                        if (intercept >= 0) {
                            // Shift every column but the intercept's by the first observation.
                            shift = first.clone();
                            shift[intercept] = 0.0;
                        }
                        double[] d = scale != null ? scale : Equilibration.fromMagnitudes(first);
                        acc[0] = new GramAccumulator(p, shift, d);
                    }
                    pipe[0] = new TilePipeline(source, design, acc[0], threads);
                }
                pipe[0].accept(block);
            });
            if (pipe[0] != null) {
                pipe[0].finish();
            }
        } finally {
            if (pipe[0] != null) {
                pipe[0].close();
            }
        }
        return acc[0] == null ? new GramAccumulator(p, null) : acc[0];
    }

    /**
     * One pass computing, for each augmented column j (design columns, then y), the largest
     * |vⱼ − shiftⱼ| over all rows (|vⱼ| when {@code shift} is null):
     * the magnitudes from which {@link org.gramian.accumulate.Equilibration#fromMagnitudes} picks a
     * scale when the first observation's did not suit the data.
     */
    public static double[] columnMagnitudes(RowSource source, Design design, double[] shift) {
        int p = design.width();
        double[] max = new double[p + 1];
        double[] x = new double[p];
        source.forEachBlock(false, (RowBlock block) -> {
            for (int i = 0; i < block.rows(); i++) {
                double y = design.expand(block, i, x, source);
                for (int j = 0; j < p; j++) {
                    double v = shift == null ? x[j] : x[j] - shift[j];
                    max[j] = Math.max(max[j], Math.abs(v));
                }
                max[p] = Math.max(max[p], Math.abs(shift == null ? y : y - shift[p]));
            }
        });
        return max;
    }

    /**
     * The Gram pass, equilibrated by the first observation's magnitudes; when those did not suit
     * the data (a sum overflowed or a column underflowed), once more with the scale of each
     * column's largest magnitude, found in an extra pass ({@link Passes#equilibratedGram}).
     */
    public static GramAccumulator equilibratedGram(RowSource data, Design design) {
        return Passes.over(data, design).equilibratedGram();
    }

    /** The double-double QR pass, equilibrated as {@link #equilibratedGram} is. */
    public static HouseholderAccumulator equilibratedHouseholder(RowSource data, Design design) {
        return Passes.over(data, design).equilibratedHouseholder();
    }

    /** {@link #householder(RowSource, Design, int)} on {@link #defaultThreads()} threads. */
    public static HouseholderAccumulator householder(RowSource source, Design design) {
        return householder(source, design, defaultThreads());
    }

    /**
     * Streams Householder QR in double-double over the augmented rows, with the decimal tails when
     * the source has them. Chunks of {@value QrPipeline#CHUNK_ROWS} observations are triangularized
     * on {@code threads} workers and their factors merged in chunk order (see {@link QrPipeline}):
     * bit-identical for every thread count and source blocking.
     *
     * @param threads number of worker threads (1 = everything on the calling thread)
     */
    public static HouseholderAccumulator householder(RowSource source, Design design, int threads) {
        return householder(source, design, threads, null);
    }

    /**
     * As {@link #householder(RowSource, Design, int)}, with the columns scaled by
     * {@code scale} (powers of two, length p+1) or, when null, by the powers of two nearest below
     * the first observation's magnitudes ({@link org.gramian.accumulate.Equilibration}).
     */
    public static HouseholderAccumulator householder(RowSource source, Design design, int threads,
                                                     double[] scale) {
        try (QrPipeline pipe = new QrPipeline(source, design, threads, scale)) {
            source.forEachBlock(true, pipe::accept);
            return pipe.finish();
        }
    }
}
