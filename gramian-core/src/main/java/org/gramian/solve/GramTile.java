package org.gramian.solve;

/**
 * One canonical tile of the Gram accumulation: up to {@link #ROWS} consecutive augmented rows
 * (already shifted, see {@link GramAccumulator}) and, once {@link #compute}d, their partial Gram
 * matrix summed from zero by {@link GramKernel}. Tile k always holds observations
 * [k·ROWS, (k+1)·ROWS) of the data set, whatever blocks the source delivered them in, so its
 * partial is the same bits on any thread. Mutable and reused: a tile belongs to one thread at a time.
 */
public final class GramTile {
    /** Rows per tile. Fixed: changing it changes the rounding of the sums (not their accuracy). */
    public static final int ROWS = 256;

    private final int m;
    private final double[][] rows;
    private final double[][] partial;
    private int count;

    /** An empty tile for augmented rows of width m = p + 1. */
    public GramTile(int m) {
        this.m = m;
        this.rows = new double[ROWS][m];
        this.partial = new double[m][m];
    }

    /** Row {@code i} of the tile, to be filled by the caller (width m). */
    public double[] row(int i) {
        return rows[i];
    }

    /** Number of rows filled. */
    public int count() {
        return count;
    }

    public boolean full() {
        return count == ROWS;
    }

    /** Marks one more row as filled; returns the index of the row to fill. */
    public int next() {
        return count++;
    }

    /** Empties the tile for reuse. */
    public void clear() {
        count = 0;
    }

    /** Sums the partial Gram matrix of the filled rows from zero (upper triangle). */
    public void compute() {
        for (double[] r : partial) {
            java.util.Arrays.fill(r, 0.0);
        }
        GramKernel.update(rows, count, m, partial);
    }

    double[][] partial() {
        return partial;
    }

    int width() {
        return m;
    }
}
