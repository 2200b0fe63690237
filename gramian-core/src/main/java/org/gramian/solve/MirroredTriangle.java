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
     * The map s·diag(l)·U·diag(r) and the column sums of its absolute values (in {@code start}), or
     * null when its norm is known without iterating: then {@code out[0]} holds it (NaN when an
     * entry of the product is not finite, 0 for the zero matrix).
     */
    private static MirroredTriangle of(double[][] a, int p, double[] left, double[] right, double[] start,
                                       double[] out) {
        double maxAbs = 0;
        for (int i = 0; i < p; i++) {
            double li = left == null ? 1.0 : left[i];
            double[] ai = a[i];
            for (int j = i; j < p; j++) {
                double m = Math.abs(li * ai[j] * (right == null ? 1.0 : right[j]));
                if (!Double.isFinite(m)) {
                    out[0] = Double.NaN;
                    return null;
                }
                maxAbs = Math.max(maxAbs, m);
                start[j] += m;
            }
        }
        if (!(maxAbs > 0)) {
            out[0] = maxAbs;
            return null;
        }
        double s = Math.scalb(1.0, -Math.getExponent(maxAbs));
        for (int j = 0; j < p; j++) {
            start[j] *= s;
        }
        return new MirroredTriangle(a, p, left, right, s);
    }

    /**
     * ‖diag(l)·U·diag(r)‖₂ ({@link ConditionNumber#lanczos}) for U stored as this class describes
     * (leading p×p block of {@code a}); {@code left}, {@code right} may be null (all ones). NaN
     * when an entry of the product is not finite, 0 for the zero matrix.
     */
    static double norm2(double[][] a, int p, double[] left, double[] right) {
        return norms2(a, p, left, right, false, null, null)[0];
    }

    /**
     * {@link #norm2} of two scalings of the same U, ‖diag(l₁)·U·diag(r₁)‖₂ and (when {@code two})
     * ‖diag(l₂)·U·diag(r₂)‖₂, by two Lanczos iterations in lockstep that share each sweep through
     * U (the sweeps are bound by memory traffic at large p): each result is the one
     * {@link #norm2} gives alone, bit for bit.
     */
    static double[] norms2(double[][] a, int p, double[] left1, double[] right1, boolean two, double[] left2,
                           double[] right2) {
        double[] out = {Double.NaN, Double.NaN};
        if (p == 0) {
            return new double[] {0.0, two ? 0.0 : Double.NaN};
        }
        MirroredTriangle[] maps = new MirroredTriangle[2];
        ConditionNumber.Lanczos[] runs = new ConditionNumber.Lanczos[2];
        for (int q = 0; q < (two ? 2 : 1); q++) {
            double[] start = new double[p];
            double[] known = new double[1];
            maps[q] = of(a, p, q == 0 ? left1 : left2, q == 0 ? right1 : right2, start, known);
            if (maps[q] == null) {
                out[q] = known[0];
            } else {
                runs[q] = new ConditionNumber.Lanczos(start);
            }
        }
        while (active(runs[0]) || active(runs[1])) {
            double[][] x = new double[2][];
            for (int q = 0; q < 2; q++) {
                x[q] = active(runs[q]) ? maps[q].prepareTimes(runs[q].vector()) : null;
            }
            double[][] y = columnSweep(a, p, x);
            boolean[] wants = new boolean[2];
            for (int q = 0; q < 2; q++) {
                if (x[q] != null) {
                    maps[q].finishTimes(y[q]);
                    wants[q] = runs[q].acceptTimes(y[q]);
                }
            }
            double[][] z = new double[2][];
            for (int q = 0; q < 2; q++) {
                z[q] = wants[q] ? maps[q].prepareTransposeTimes(runs[q].leftVector()) : null;
            }
            double[][] w = rowSweep(a, p, z);
            for (int q = 0; q < 2; q++) {
                if (z[q] != null) {
                    maps[q].finishTransposeTimes(w[q]);
                    runs[q].acceptTransposeTimes(w[q]);
                }
            }
        }
        for (int q = 0; q < 2; q++) {
            if (runs[q] != null) {
                out[q] = runs[q].result() / maps[q].s;
            }
        }
        return out;
    }

    private static boolean active(ConditionNumber.Lanczos run) {
        return run != null && !run.done();
    }

    /** U·x for each non-null x: Σⱼ xⱼ·(column j of U), columns read once for both. */
    private static double[][] columnSweep(double[][] a, int p, double[][] x) {
        double[][] y = new double[2][];
        for (int q = 0; q < 2; q++) {
            y[q] = x[q] == null ? null : new double[p];
        }
        if (x[0] != null && x[1] != null) {
            double[] x0 = x[0];
            double[] x1 = x[1];
            for (int j = 0; j < p; j++) {
                Fma.axpy1x2(y[0], x0[j], y[1], x1[j], a[j], 0, j + 1);
            }
            return y;
        }
        int q = x[0] != null ? 0 : 1;
        if (x[q] != null) {
            double[] xq = x[q];
            for (int j = 0; j < p; j++) {
                Fma.axpy1(y[q], xq[j], a[j], 0, j + 1);   // column j of U: a[j][0..j]
            }
        }
        return y;
    }

    /** Uᵀ·u for each non-null u: Σᵢ uᵢ·(row i of U), rows read once for both. */
    private static double[][] rowSweep(double[][] a, int p, double[][] u) {
        double[][] z = new double[2][];
        for (int q = 0; q < 2; q++) {
            z[q] = u[q] == null ? null : new double[p];
        }
        if (u[0] != null && u[1] != null) {
            double[] u0 = u[0];
            double[] u1 = u[1];
            for (int i = 0; i < p; i++) {
                Fma.axpy1x2(z[0], u0[i], z[1], u1[i], a[i], i, p);
            }
            return z;
        }
        int q = u[0] != null ? 0 : 1;
        if (u[q] != null) {
            double[] uq = u[q];
            for (int i = 0; i < p; i++) {
                Fma.axpy1(z[q], uq[i], a[i], i, p);       // row i of U
            }
        }
        return z;
    }

    private double[] prepareTimes(double[] v) {
        if (right == null) {
            return v;
        }
        double[] x = new double[p];
        for (int j = 0; j < p; j++) {
            x[j] = v[j] * right[j];
        }
        return x;
    }

    private void finishTimes(double[] y) {
        for (int i = 0; i < p; i++) {
            y[i] *= left == null ? s : s * left[i];
        }
    }

    private double[] prepareTransposeTimes(double[] u) {
        double[] x = new double[p];
        for (int i = 0; i < p; i++) {
            x[i] = u[i] * (left == null ? s : s * left[i]);
        }
        return x;
    }

    private void finishTransposeTimes(double[] z) {
        if (right != null) {
            for (int j = 0; j < p; j++) {
                z[j] *= right[j];
            }
        }
    }

    @Override
    public double[] times(double[] v) {
        double[][] y = columnSweep(a, p, new double[][] {prepareTimes(v), null});
        finishTimes(y[0]);
        return y[0];
    }

    @Override
    public double[] transposeTimes(double[] u) {
        double[][] z = rowSweep(a, p, new double[][] {prepareTransposeTimes(u), null});
        finishTransposeTimes(z[0]);
        return z[0];
    }
}
