package org.gramian.accumulate;

/**
 * Accumulates the augmented Gram matrix G = [X y]ᵀ[X y] (upper triangle) in double precision, in
 * one pass over the rows: n·m(m+1)/2 multiply-adds for m = p+1 columns. Memory is O(m²) plus one
 * tile of {@link GramTile#rowsFor} rows, independent of n.
 *
 * <p>When the model has an intercept (a column of ones) the caller shifts the other columns and y
 * by a fixed vector {@code s} (e.g. the first observation; 0 for the intercept's column) before
 * they enter the sums: G is then the Gram
 * matrix of [1, X − s, y − s_y], which spans the same space, so the fit is unchanged but the
 * sums no longer cancel catastrophically when a column has a large mean (E[x²] − E[x]²). The shift
 * is undone on the coefficients at the end.
 *
 * <p><b>Equilibration.</b> Each augmented column is also multiplied by a power of two
 * {@code scale[j]} (after the shift), chosen by the caller so that the entries are near 1
 * ({@link Equilibration}). Multiplying by a power of two is exact, so the sums are exactly those of
 * the unscaled data times scaleᵢ·scaleⱼ, but data of magnitude 1e±200 no longer overflow or
 * underflow when squared. The solver undoes the scaling ({@link TriangularFactor#scale()}).
 *
 * <p><b>Summation order.</b> Observations are grouped in canonical tiles, tile k being
 * observations [k·T, (k+1)·T) with T = {@link GramTile#rowsFor}(m); each tile is summed from zero by
 * the Gram kernel ({@link GramKernels}: Vector API or scalar, the same bits) and the tile sums are added to G in increasing k. {@link #add} does this
 * itself; {@link org.gramian.accumulate.Accumulation} computes the tiles on several threads and hands
 * them to {@link #addTile} in order. Both give the same bits, whatever the thread count and however
 * the source cut the data into blocks.
 */
public final class GramAccumulator implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final int m;
    private final double[][] g;    // m×m, upper triangle used
    private final double[] shift;  // length m, or null
    private final double[] scale;  // length m, powers of two
    private transient GramTile pending; // rows given to add() and not yet in g
    private long n;
    private transient boolean spent;   // takeGram handed g over

    /**
     * @param p     number of design columns
     * @param shift values subtracted from each augmented column (length p+1), or null for none
     */
    public GramAccumulator(int p, double[] shift) {
        this(p, shift, null);
    }

    /**
     * @param p     number of design columns
     * @param shift values subtracted from each augmented column (length p+1), or null for none
     * @param scale powers of two multiplying each augmented column after the shift (length p+1), or
     *              null for none
     */
    public GramAccumulator(int p, double[] shift, double[] scale) {
        this.m = p + 1;
        this.g = new double[m][m];
        this.shift = shift == null ? null : shift.clone();
        this.scale = scale == null ? Equilibration.none(m) : Equilibration.check(scale, m);
    }

    /**
     * Writes the augmented, shifted and scaled row ([x, y] − s)·scale into {@code out[0..m)}: the
     * row that enters the sums. The caller chooses the shift (0 for the intercept's column, which
     * must stay a column of ones); a distributed caller gives every partition the same one.
     */
    public void augment(double[] x, double y, double[] out) {
        final int p = m - 1;
        final double[] d = scale;
        if (shift == null) {
            for (int j = 0; j < p; j++) {
                out[j] = x[j] * d[j];
            }
            out[p] = y * d[p];
        } else {
            for (int j = 0; j < p; j++) {
                out[j] = (x[j] - shift[j]) * d[j];
            }
            out[p] = (y - shift[p]) * d[p];
        }
    }

    /**
     * {@link #augment} fused with a plain design's expansion ({@link org.gramian.design.Design#plainColumns}):
     * writes ([v[base + cols[j]]] (1 where cols[j] &lt; 0), v[base + target]] − s)·scale into
     * {@code out[0..m)}, the same operations on the same values as {@code expand} then {@code augment}.
     *
     * @return false when a value read is not finite (out is then garbage): the caller runs
     *         {@code expand} on the row for its error
     */
    public boolean augmentColumns(double[] v, int base, int[] cols, int target, double[] out) {
        final int p = m - 1;
        final double[] d = scale;
        // finite: |t| ≤ MAX_VALUE is false for ±∞ and NaN. A boolean chain, one cycle per value:
        // the sum of t·0.0 used before was a chain of floating-point adds, four cycles per value,
        // and at m = 201 about as long as the kernel's work on the row
        boolean finite = true;
        if (shift == null) {
            for (int j = 0; j < p; j++) {
                int c = cols[j];
                double t = c < 0 ? 1.0 : v[base + c];
                finite &= Math.abs(t) <= Double.MAX_VALUE;
                out[j] = t * d[j];
            }
            double y = v[base + target];
            finite &= Math.abs(y) <= Double.MAX_VALUE;
            out[p] = y * d[p];
        } else {
            final double[] s = shift;
            for (int j = 0; j < p; j++) {
                int c = cols[j];
                double t = c < 0 ? 1.0 : v[base + c];
                finite &= Math.abs(t) <= Double.MAX_VALUE;
                out[j] = (t - s[j]) * d[j];
            }
            double y = v[base + target];
            finite &= Math.abs(y) <= Double.MAX_VALUE;
            out[p] = (y - s[p]) * d[p];
        }
        return finite;
    }

    /** Adds one observation: design row x[0..p) and response y. */
    public void add(double[] x, double y) {
        requireUnspent();
        if (pending == null) {
            pending = new GramTile(m);
        }
        augment(x, y, pending.row(pending.next()));
        n++;
        if (pending.full()) {
            pending.compute();
            mergePartial(pending.partial());
            pending.clear();
        }
    }

    /**
     * Adds a computed tile: the next {@code tile.count()} observations. Tiles must come in data-set
     * order and all but the last must be full, so that they are the canonical tiles.
     *
     * @throws IllegalStateException if {@link #add} left a partly filled tile
     */
    public void addTile(GramTile tile) {
        if (pending != null && pending.count() > 0) {
            throw new IllegalStateException("addTile after add() of " + pending.count() + " rows");
        }
        if (tile.width() != m) {
            throw new IllegalArgumentException("tile width " + tile.width() + ", expected " + m);
        }
        mergePartial(tile.partial());
        n += tile.count();
    }

    private void mergePartial(double[][] part) {
        requireUnspent();
        for (int i = 0; i < m; i++) {
            double[] gi = g[i];
            double[] pi = part[i];
            for (int j = i; j < m; j++) {
                gi[j] += pi[j];
            }
        }
    }

    /** Adds the sums of another accumulator of the same shape and shift. */
    public void merge(GramAccumulator other) {
        mergePartial(other.sums());
        n += other.n;
    }

    public long count() {
        return n;
    }

    /** Size m = p + 1 of the augmented matrix. */
    public int size() {
        return m;
    }

    /** Upper triangle of G including rows still in the pending tile; does not change the state. */
    private double[][] sums() {
        requireUnspent();
        if (pending == null || pending.count() == 0) {
            return g;
        }
        GramTile copy = new GramTile(m);
        for (int k = 0; k < pending.count(); k++) {
            System.arraycopy(pending.row(k), 0, copy.row(copy.next()), 0, m);
        }
        copy.compute();
        double[][] out = new double[m][];
        for (int i = 0; i < m; i++) {
            out[i] = g[i].clone();
            for (int j = i; j < m; j++) {
                out[i][j] += copy.partial()[i][j];
            }
        }
        return out;
    }

    /** A copy of the upper triangle of G as a full symmetric m×m matrix. */
    public double[][] gram() {
        double[][] s = sums();
        double[][] out = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                out[i][j] = s[i][j];
                out[j][i] = s[i][j];
            }
        }
        return out;
    }

    /**
     * G as a full symmetric m×m matrix in this accumulator's own array (the upper triangle mirrored
     * into the lower), without a copy: for a caller that factors it in place and needs nothing
     * more from the accumulator (a wide fit: each copy of G is p² doubles). The accumulator is
     * spent afterwards: any further use but {@link #count}, {@link #size}, {@link #shift} and
     * {@link #scale} throws. With rows still pending, a copy ({@link #gram}).
     */
    public double[][] takeGram() {
        if (spent) {
            throw new IllegalStateException("the Gram matrix was already taken");
        }
        if (pending != null && pending.count() > 0) {
            return gram();
        }
        spent = true;
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                g[j][i] = g[i][j];
            }
        }
        return g;
    }

    private void requireUnspent() {
        if (spent) {
            throw new IllegalStateException("the Gram matrix was taken (takeGram): this accumulator is spent");
        }
    }

    /** The shift vector, or null. */
    public double[] shift() {
        return shift == null ? null : shift.clone();
    }

    /** The power-of-two column scale (length m; all ones when none was given). */
    public double[] scale() {
        return scale.clone();
    }

    /**
     * Whether the scaled sums are usable: every entry finite, and no column whose entries all
     * underflowed (a diagonal entry that is positive but below 2⁻⁹⁰⁰). When false, the scale taken
     * from the first observation did not suit the data; accumulate again with
     * {@link Equilibration#fromMagnitudes}.
     */
    public boolean wellScaled() {
        double[][] s = sums();
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                if (!Double.isFinite(s[i][j])) {
                    return false;
                }
            }
            if (s[i][i] > 0 && s[i][i] < Equilibration.UNDERFLOW_RISK) {
                return false;
            }
        }
        return true;
    }

    /**
     * The accumulator's state, rows given to {@link #add} included: what a distributed caller sends
     * from each partition to be merged (serializable; the accumulator serializes as its state).
     *
     * @param upperSums the upper triangle of G (m×m)
     * @param shift     the shift, or null
     * @param scale     the power-of-two scale
     * @param count     the number of observations
     */
    public record State(double[][] upperSums, double[] shift, double[] scale, long count)
            implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        /** Back to an accumulator (what deserialization of a {@link GramAccumulator} gives). */
        private Object readResolve() {
            return GramAccumulator.of(this);
        }
    }

    /** A snapshot of the state (the pending rows summed in, as {@link #merge} would). */
    public State state() {
        double[][] s = sums();
        double[][] copy = new double[m][];
        for (int i = 0; i < m; i++) {
            copy[i] = s[i].clone();
        }
        return new State(copy, shift(), scale(), count());
    }

    /** An accumulator continuing from a state. */
    public static GramAccumulator of(State state) {
        int m = state.upperSums().length;
        GramAccumulator acc = new GramAccumulator(m - 1, state.shift(), state.scale());
        for (int i = 0; i < m; i++) {
            System.arraycopy(state.upperSums()[i], 0, acc.g[i], 0, m);
        }
        acc.n = state.count();
        return acc;
    }

    private Object writeReplace() {
        return state();
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("a GramAccumulator is serialized as its State");
    }
}
