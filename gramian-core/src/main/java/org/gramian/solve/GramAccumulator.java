package org.gramian.solve;

/**
 * Accumulates the augmented Gram matrix G = [X y]ᵀ[X y] (upper triangle) in double precision, in
 * one pass over the rows: n·m(m+1)/2 multiply-adds for m = p+1 columns. Memory is O(m²),
 * independent of n.
 *
 * <p>When the model has an intercept (column 0 is all ones) the other columns and y are shifted by
 * a fixed vector {@code s} (the first observation) before they enter the sums: G is then the Gram
 * matrix of [1, X − s, y − s_y], which spans the same space, so the fit is unchanged but the
 * sums no longer cancel catastrophically when a column has a large mean (E[x²] − E[x]²). The shift
 * is undone on the coefficients at the end.
 *
 * <p>{@link #merge} adds another accumulator's sums; merging partial accumulators in a fixed
 * order gives bit-identical results whatever the number of threads.
 */
public final class GramAccumulator {
    private final int m;
    private final double[] g;      // row-major m×m, upper triangle used
    private final double[] shift;  // length m, or null
    private final double[] row;
    private long n;

    /**
     * @param p     number of design columns
     * @param shift values subtracted from each augmented column (length p+1, entry 0 ignored when
     *              column 0 is the intercept), or null for none
     */
    public GramAccumulator(int p, double[] shift) {
        this.m = p + 1;
        this.g = new double[m * m];
        this.shift = shift == null ? null : shift.clone();
        this.row = new double[m];
    }

    /** Adds one observation: design row x[0..p) and response y. */
    public void add(double[] x, double y) {
        final double[] r = row;
        final int p = m - 1;
        if (shift == null) {
            System.arraycopy(x, 0, r, 0, p);
            r[p] = y;
        } else {
            r[0] = x[0];
            for (int j = 1; j < p; j++) {
                r[j] = x[j] - shift[j];
            }
            r[p] = y - shift[p];
        }
        for (int i = 0; i < m; i++) {
            final double ri = r[i];
            final int base = i * m;
            for (int j = i; j < m; j++) {
                g[base + j] += ri * r[j];
            }
        }
        n++;
    }

    /** Adds the sums of another accumulator of the same shape and shift. */
    public void merge(GramAccumulator other) {
        for (int k = 0; k < g.length; k++) {
            g[k] += other.g[k];
        }
        n += other.n;
    }

    public long count() {
        return n;
    }

    /** Size m = p + 1 of the augmented matrix. */
    public int size() {
        return m;
    }

    /** A copy of the upper triangle of G as a full symmetric m×m matrix. */
    public double[][] gram() {
        double[][] out = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                out[i][j] = g[i * m + j];
                out[j][i] = g[i * m + j];
            }
        }
        return out;
    }

    /** The shift vector, or null. */
    public double[] shift() {
        return shift == null ? null : shift.clone();
    }
}
