package org.gramian.accumulate;

/**
 * One canonical tile of the Gram accumulation: up to T = {@link #rowsFor rowsFor(m)} consecutive
 * augmented rows (already shifted, see {@link GramAccumulator}) and, once {@link #compute}d, their
 * partial Gram matrix summed from zero by the {@linkplain GramKernels current kernel} (the Vector
 * API kernel or the scalar {@link GramKernel}, which give the same bits). Tile k always holds
 * observations [k·T, (k+1)·T) of the data set, whatever blocks the source delivered them in, so its
 * partial is the same bits on any thread. Mutable and reused: a tile belongs to one thread at a
 * time.
 *
 * <p>Rows and partial are laid out for the kernel: when the vector kernel may run, a row is m
 * rounded up to whole vectors (the padding stays zero and never reaches an entry of G) and the
 * partial is padded the same way, with scratch below the diagonal; the scalar kernel sums such a
 * tile just as well.
 */
public final class GramTile {
    /** Fewest rows per tile (wide problems). */
    public static final int MIN_ROWS = BlockSizes.TILE_MIN_ROWS;
    /** Most rows per tile (narrow problems). */
    public static final int MAX_ROWS = BlockSizes.TILE_MAX_ROWS;

    private final int m;
    private final GramKernels.Impl kernel; // null: whichever GramKernels uses now
    private final double[][] rows;
    private final double[][] partial;
    private final int capacity;
    private int count;
    private int summed; // rows [0, summed) are in the partial (sumPending)

    /** Rows per tile for width m: {@link BlockSizes#tileRows}. */
    public static int rowsFor(int m) {
        return BlockSizes.tileRows(m);
    }

    /** An empty tile for augmented rows of width m = p + 1. */
    public GramTile(int m) {
        this(m, GramKernels.layout(), null);
    }

    /** An empty tile always summed by the given kernel (tests compare the kernels through this). */
    GramTile(int m, GramKernels.Impl kernel) {
        this(m, kernel, kernel);
    }

    private GramTile(int m, GramKernels.Impl layout, GramKernels.Impl kernel) {
        this.m = m;
        this.kernel = kernel;
        this.capacity = rowsFor(m);
        this.rows = new double[capacity][layout.rowWidth(m)];
        this.partial = new double[layout.gramRows(m)][layout.rowWidth(m)];
    }

    /**
     * Row {@code i} of the tile, to be filled by the caller in [0, m). The array may be longer than
     * m (padding for the kernel): leave the rest alone.
     */
    public double[] row(int i) {
        return rows[i];
    }

    /** Number of rows the tile holds when full. */
    public int capacity() {
        return capacity;
    }

    /** Number of rows filled. */
    public int count() {
        return count;
    }

    public boolean full() {
        return count == capacity;
    }

    /** Marks one more row as filled; returns the index of the row to fill. */
    public int next() {
        return count++;
    }

    /** Empties the tile for reuse (and its partial, for {@link #sumPending}). */
    public void clear() {
        count = 0;
        zeroPartial();
    }

    private void zeroPartial() {
        summed = 0;
        for (double[] r : partial) {
            java.util.Arrays.fill(r, 0.0);
        }
    }

    /** Sums the partial Gram matrix of the filled rows from zero (upper triangle). */
    public void compute() {
        zeroPartial();
        sumPending();
    }

    /**
     * Adds the rows filled since the last call (or since {@link #clear}) to the partial. A filler
     * that calls this every {@link BlockSizes#FILL_ROWS} rows has the kernel read them while they
     * are still in L1/L2, instead of writing the whole tile out to memory and reading it back. The
     * result is the bits of {@link #compute}: each entry still receives the rows in increasing
     * order, one fused multiply-add each, from zero (both kernels may resume a chain anywhere).
     */
    public void sumPending() {
        if (summed == count) {
            return;
        }
        if (kernel == null) {
            GramKernels.accumulateRows(rows, summed, count, m, partial);
        } else {
            kernel.accumulate(rows, summed, count, m, partial);
        }
        summed = count;
    }

    /** Rows filled but not yet summed into the partial. */
    public int pending() {
        return count - summed;
    }

    /** The partial sums: entries i ≤ j &lt; m are meaningful, the rest (padding, lower triangle) not. */
    double[][] partial() {
        return partial;
    }

    /** Width m = p + 1 of the augmented rows. */
    public int width() {
        return m;
    }
}
