package org.gramian.accumulate;

import java.util.Arrays;
import org.gramian.numeric.DD;

/**
 * Streaming Householder QR of the augmented matrix [X y] in double-double arithmetic.
 *
 * <p>Keeps only the m×m upper-triangular factor R (m = p+1). Rows are buffered in blocks of
 * {@value #BLOCK} and folded in by triangularizing the stacked matrix [R; block] with m Householder
 * reflections (about b·m² double-double multiply-adds for a block of b rows). At the end
 * [X y] = Q·R with Q orthogonal, so R = [[R₁, z], [0, ρ]]: the least-squares solution solves
 * R₁w = z, the residual sum of squares is ρ², and the error of w is of order κ(X)·2⁻¹⁰⁴ instead of
 * the κ(X)²·2⁻⁵³ of the double-precision normal equation.
 *
 * <p>Rows are multiplied by a caller-supplied power-of-two scale as they enter ({@link Equilibration}):
 * exact, and it keeps data of magnitude 1e±200 from overflowing or underflowing when squared.
 *
 * <p>A reflection is skipped when what is left of a column below the diagonal is below the
 * algorithm's own rounding level, ‖b‖ ≤ m·2⁻¹⁰⁴·‖R e_j‖: treating it as zero perturbs that column
 * of the data by less than the backward error the double-double arithmetic commits anyway. Without
 * this, once more columns than rows have been seen (p &gt; 64 on the first block), each reflection
 * would act on the rounding residue of the previous one, residues of residues shrink
 * geometrically, and after about five of them their squares underflow and 2/vᵀv overflows
 * (every estimate NA from p = 325 on).
 *
 * <p>The hot loops (the dot products of a column with the later ones, and the rank-one update of the
 * block) work on separate arrays of leading and trailing parts, row by row ({@link HouseholderKernel}:
 * error-free transformations written out), so that they allocate nothing and the independent sums
 * of a step overlap.
 */
public final class HouseholderAccumulator implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    static final int BLOCK = BlockSizes.HOUSEHOLDER_ROWS;

    private final int m;
    private final int w;         // distance between buffered rows: m, plus the vector kernel's padding
    private final double[] rh;   // R, leading parts, row-major m×m
    private final double[] rl;   // R, trailing parts
    private final double[] bh;   // buffered rows, row-major BLOCK×m
    private final double[] bl;
    private final double[] scale;
    private final double[] dh;   // step scratch: dot products of column j with the block's columns
    private final double[] dl;
    private final double[] ch;   // step scratch: the multiples of column j added to the others
    private final double[] cl;
    private final double negligible; // (m·2⁻¹⁰⁴)²
    private int buffered;
    private long n;

    /** An accumulator without scaling. */
    public HouseholderAccumulator(int p) {
        this(p, null);
    }

    /**
     * @param p     number of design columns
     * @param scale powers of two multiplying each augmented column (length p+1), or null for none
     */
    public HouseholderAccumulator(int p, double[] scale) {
        this.m = p + 1;
        this.scale = scale == null ? Equilibration.none(m) : Equilibration.check(scale, m);
        double tol = m * 0x1p-104;
        this.negligible = tol * tol;
        this.rh = new double[m * m];
        this.rl = new double[m * m];
        this.w = m + HouseholderKernels.padding();
        this.bh = new double[BLOCK * w];
        this.bl = new double[BLOCK * w];
        this.dh = new double[w];
        this.dl = new double[w];
        this.ch = new double[w];
        this.cl = new double[w];
    }

    /** Adds one augmented row [x₀ … x_{p−1}, y] (length m), multiplied by the scale. */
    public void add(DD[] augmentedRow) {
        int base = buffered * w;
        for (int k = 0; k < m; k++) {
            bh[base + k] = augmentedRow[k].hi * scale[k];
            bl[base + k] = augmentedRow[k].lo * scale[k];
        }
        buffered++;
        n++;
        if (buffered == BLOCK) {
            flush();
        }
    }

    /**
     * Adds one augmented row given as leading and trailing parts (length ≥ m each; the row is
     * {@code DD.of(hi[k], lo[k])}), multiplied by the scale: the same as {@link #add(DD[])} of
     * those double-doubles when each pair is normalized (hi is hi + lo rounded), without objects.
     */
    public void add(double[] hi, double[] lo) {
        int base = buffered * w;
        for (int k = 0; k < m; k++) {
            bh[base + k] = hi[k] * scale[k];
            bl[base + k] = lo[k] * scale[k];
        }
        buffered++;
        n++;
        if (buffered == BLOCK) {
            flush();
        }
    }

    /** Folds another accumulator's rows in (its R stacked under ours). */
    public void merge(HouseholderAccumulator other) {
        if (!java.util.Arrays.equals(scale, other.scale)) {
            throw new IllegalArgumentException("cannot merge accumulators with different scales");
        }
        flush();
        other.flush();
        double[] oh = new double[m * w];
        double[] ol = new double[m * w];
        for (int i = 0; i < m; i++) {
            System.arraycopy(other.rh, i * m, oh, i * w, m);
            System.arraycopy(other.rl, i * m, ol, i * w, m);
        }
        triangularize(oh, ol, m);
        n += other.n;
    }

    private void flush() {
        if (buffered > 0) {
            triangularize(bh, bl, buffered);
            Arrays.fill(bh, 0.0);
            Arrays.fill(bl, 0.0);
            buffered = 0;
        }
    }

    private DD r(int i, int j) {
        return DD.of(rh[i * m + j], rl[i * m + j]);
    }

    private void setR(int i, int j, DD v) {
        rh[i * m + j] = v.hi;
        rl[i * m + j] = v.lo;
    }

    /**
     * Replaces R by the triangular factor of [R; b[0..rows)] (rows w apart); b is overwritten. Step j
     * takes the dot products of column j with every later column of the block in one row-by-row
     * sweep and applies the reflection to the block in another ({@link HouseholderKernel}, or its
     * Vector API twin: the same bits as one dot product and one axpy per column pair, faster).
     */
    private void triangularize(double[] h, double[] l, int rows) {
        HouseholderKernels.Impl kernel = HouseholderKernels.current();
        boolean timing = HouseholderKernels.timing(kernel);
        long t0 = timing ? System.nanoTime() : 0L;
        for (int j = 0; j < m; j++) {
            kernel.columnDots(h, l, rows, w, m, j, dh, dl);
            DD sb = DD.of(dh[j], dl[j]);
            if (sb.isZero() || sb.hi <= negligible * columnNorm2(j)) {
                continue; // column zero below the diagonal, to the arithmetic's precision
            }
            DD rjj = r(j, j);
            DD alpha = rjj.square().add(sb).sqrt();
            if (rjj.signum() > 0) {
                alpha = alpha.negate();
            }
            DD v0 = rjj.subtract(alpha);           // no cancellation: alpha has the opposite sign
            DD vtv = v0.square().add(sb);
            DD twoOverVtv = DD.of(2.0).divide(vtv);
            reflectRow(j, v0, twoOverVtv);
            kernel.rankOneUpdate(h, l, rows, w, m, j, ch, cl);
            setR(j, j, alpha);
            for (int i = 0; i < rows; i++) {
                h[i * w + j] = 0.0;
                l[i * w + j] = 0.0;
            }
        }
        if (timing) {
            HouseholderKernels.scalarTime(System.nanoTime() - t0);
        }
    }

    /**
     * Row j of R under step j's reflection, and the multiples of column j the block's columns get:
     * for k &gt; j, with dₖ the block's dot product,
     * <pre>
     *   s = v0·R[j][k] + dₖ;   f = s·(2/vᵀv);   R[j][k] −= f·v0;   cₖ = −f
     * </pre>
     * in double-double. This is {@link DD}'s {@code of}, {@code multiply}, {@code add},
     * {@code subtract} and {@code negate}, written out on doubles in exactly their operations (the
     * same bits; no objects in an O(m²)-per-block loop).
     */
    private void reflectRow(int j, DD v0, DD twoOverVtv) {
        final double vh = v0.hi;
        final double vl = v0.lo;
        final double th = twoOverVtv.hi;
        final double tl = twoOverVtv.lo;
        for (int k = j + 1, jk = j * m + k; k < m; k++, jk++) {
            // r = DD.of(R[j][k])
            double r0 = rh[jk];
            double r1 = rl[jk];
            double rH = r0 + r1;
            double rL = r1 - (rH - r0);
            // a = v0.multiply(r)
            double p = vh * rH;
            double e = Math.fma(vh, rH, -p);
            e += vh * rL + vl * rH;
            double aH = p + e;
            double aL = e - (aH - p);
            // d = DD.of(dh[k], dl[k])
            double d0 = dh[k];
            double d1 = dl[k];
            double dH = d0 + d1;
            double dL = d1 - (dH - d0);
            // s = a.add(d)
            double sH = add(aH, aL, dH, dL);
            double sL = addLo;
            // f = s.multiply(twoOverVtv)
            p = sH * th;
            e = Math.fma(sH, th, -p);
            e += sH * tl + sL * th;
            double fH = p + e;
            double fL = e - (fH - p);
            // g = f.multiply(v0)
            p = fH * vh;
            e = Math.fma(fH, vh, -p);
            e += fH * vl + fL * vh;
            double gH = p + e;
            double gL = e - (gH - p);
            // R[j][k] = r.subtract(g) = r.add(g.negate())
            rh[jk] = add(rH, rL, -gH, -gL);
            rl[jk] = addLo;
            ch[k] = -fH;                     // the block's columns get −f times column j
            cl[k] = -fL;
        }
    }

    private double addLo; // the trailing part of the last add

    /** DD.add (the accurate "IEEE" double-double addition): the leading part; the trailing in addLo. */
    private double add(double ah, double al, double bh, double bl) {
        double s = ah + bh;
        double bb = s - ah;
        double e = (ah - (s - bb)) + (bh - bb);
        double t = al + bl;
        double tb = t - al;
        double f = (al - (t - tb)) + (bl - tb);
        e += t;
        double s2 = s + e;
        e = e - (s2 - s);
        e += f;
        double hi2 = s2 + e;
        addLo = e - (hi2 - s2);
        return hi2;
    }

    /** ‖R e_j‖² in double precision (enough for a threshold). */
    private double columnNorm2(int j) {
        double s = 0;
        for (int i = 0; i <= j; i++) {
            double v = rh[i * m + j];
            s += v * v;
        }
        return s;
    }

    public long count() {
        return n;
    }

    /** The power-of-two column scale (length m; all ones when none was given). */
    public double[] scale() {
        return scale.clone();
    }

    /**
     * Whether the scaled factor is usable: every entry finite and no nonzero column of R whose
     * squared norm is below 2⁻⁹⁰⁰ (underflow). See {@link GramAccumulator#wellScaled()}.
     */
    public boolean wellScaled() {
        flush();
        for (int j = 0; j < m; j++) {
            double s = 0;
            for (int i = 0; i <= j; i++) {
                double v = rh[i * m + j];
                if (!Double.isFinite(v) || !Double.isFinite(rl[i * m + j])) {
                    return false;
                }
                s += v * v;
            }
            if (!Double.isFinite(s) || (s > 0 && s < Equilibration.UNDERFLOW_RISK)) {
                return false;
            }
        }
        return true;
    }

    /** The augmented triangular factor R (a copy), after folding in any buffered rows. */
    public DD[][] factor() {
        flush();
        DD[][] out = new DD[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                out[i][j] = r(i, j);
            }
        }
        return out;
    }

    /**
     * The accumulator's state, buffered rows folded in: the m×m factor (leading and trailing parts,
     * row-major), the scale and the count. What a distributed caller sends from each partition to
     * be merged in partition order; the accumulator serializes as its state.
     */
    public record State(int m, double[] rh, double[] rl, double[] scale, long count) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        private Object readResolve() {
            return HouseholderAccumulator.of(this);
        }
    }

    /** A snapshot of the state (buffered rows are folded in first). */
    public State state() {
        flush();
        return new State(m, rh.clone(), rl.clone(), scale.clone(), n);
    }

    /** An accumulator continuing from a state. */
    public static HouseholderAccumulator of(State state) {
        HouseholderAccumulator acc = new HouseholderAccumulator(state.m() - 1, state.scale());
        System.arraycopy(state.rh(), 0, acc.rh, 0, acc.rh.length);
        System.arraycopy(state.rl(), 0, acc.rl, 0, acc.rl.length);
        acc.n = state.count();
        return acc;
    }

    private Object writeReplace() {
        return state();
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("a HouseholderAccumulator is serialized as its State");
    }
}
