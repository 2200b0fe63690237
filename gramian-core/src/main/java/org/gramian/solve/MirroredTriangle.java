package org.gramian.solve;

/**
 * An upper-triangular p×p matrix U kept together with its transpose in one square array: Uᵢⱼ
 * (i ≤ j) in {@code a[i][j]}, and the same value again in {@code a[j][i]}, so that row j of the
 * array holds column j of U in entries 0..j. Both products with a vector then run along rows
 * (contiguous axpys that HotSpot vectorizes): U·x = Σⱼ xⱼ·(column j) and Uᵀ·u = Σᵢ uᵢ·(row i).
 * The wide path keeps R and R⁻¹ this way so that the condition number needs no copy of either.
 *
 * <p>As a map for {@link ConditionNumber#lanczos}, it represents M = s·diag(l)·U·diag(r) for
 * optional row and column multipliers l and r and a power of two s.
 */
final class MirroredTriangle implements ConditionNumber.LinearMap {
    private final double[][] a;
    private final int p;
    private final double[] left;
    private final double[] right;
    private final double s;

    private MirroredTriangle(double[][] a, int p, double[] left, double[] right, double s) {
        this.a = a;
        this.p = p;
        this.left = left;
        this.right = right;
        this.s = s;
    }

    /** Copies the upper triangle of the leading p×p block of {@code a} into its lower triangle. */
    static void mirrorUpper(double[][] a, int p, int threads) {
        Parallel.forEach((p + 63) / 64, threads, blk -> {
            for (int j = blk * 64, e = Math.min(p, blk * 64 + 64); j < e; j++) {
                double[] aj = a[j];
                for (int i = 0; i < j; i++) {
                    aj[i] = a[i][j];
                }
            }
        });
    }

    /**
     * ‖diag(l)·U·diag(r)‖₂ ({@link ConditionNumber#lanczos}) for U stored as this class describes
     * (leading p×p block of {@code a}); {@code left}, {@code right} may be null (all ones). NaN
     * when an entry of the product is not finite, 0 for the zero matrix.
     */
    static double norm2(double[][] a, int p, double[] left, double[] right) {
        if (p == 0) {
            return 0.0;
        }
        // max |lᵢUᵢⱼrⱼ| (and the start vector's column sums of |M|, before the power of two)
        double maxAbs = 0;
        double[] v = new double[p];
        for (int i = 0; i < p; i++) {
            double li = left == null ? 1.0 : left[i];
            double[] ai = a[i];
            for (int j = i; j < p; j++) {
                double m = Math.abs(li * ai[j] * (right == null ? 1.0 : right[j]));
                if (!Double.isFinite(m)) {
                    return Double.NaN;
                }
                maxAbs = Math.max(maxAbs, m);
                v[j] += m;
            }
        }
        if (!(maxAbs > 0)) {
            return maxAbs;
        }
        double s = Math.scalb(1.0, -Math.getExponent(maxAbs));
        for (int j = 0; j < p; j++) {
            v[j] *= s;
        }
        return ConditionNumber.lanczos(new MirroredTriangle(a, p, left, right, s), v) / s;
    }

    @Override
    public double[] times(double[] v) {
        double[] x = v;
        if (right != null) {
            x = new double[p];
            for (int j = 0; j < p; j++) {
                x[j] = v[j] * right[j];
            }
        }
        double[] y = new double[p];
        for (int j = 0; j < p; j++) {
            if (x[j] != 0) {
                Fma.axpy1(y, x[j], a[j], 0, j + 1);   // column j of U: a[j][0..j]
            }
        }
        for (int i = 0; i < p; i++) {
            y[i] *= left == null ? s : s * left[i];
        }
        return y;
    }

    @Override
    public double[] transposeTimes(double[] u) {
        double[] x = new double[p];
        for (int i = 0; i < p; i++) {
            x[i] = u[i] * (left == null ? s : s * left[i]);
        }
        double[] z = new double[p];
        for (int i = 0; i < p; i++) {
            if (x[i] != 0) {
                Fma.axpy1(z, x[i], a[i], i, p);       // row i of U
            }
        }
        if (right != null) {
            for (int j = 0; j < p; j++) {
                z[j] *= right[j];
            }
        }
        return z;
    }
}
