package org.gramian.iterative;

import org.gramian.solve.Aliasing;
import org.gramian.solve.Cholesky;

/**
 * The textbook closed form in plain double precision, for in-memory data: form G = XᵀX and
 * b = Xᵀy (mp² + mp flops, as blocked rank-1 updates), factor G = LLᵀ by Cholesky (p³/3 flops), and solve Lz = b, Lᵀw = z.
 *
 * <p>This is the baseline that {@code gramian compare --sweep} times against the iterative
 * methods; it loses digits in proportion to κ(X)², so {@code org.gramian.Gramian.fit} is the one
 * to use for answers.
 */
public final class DenseNormalEquation {
    /** Rows per block of the Gram accumulation. */
    static final int ROW_BLOCK = org.gramian.accumulate.BlockSizes.DENSE_ROWS;

    private DenseNormalEquation() {
    }

    /** The least-squares w; NaN for an aliased column (a combination of the ones before it), left out. */
    public static double[] solve(DenseProblem problem) {
        int p = problem.columns();
        int m = problem.rows();
        double[][] x = problem.x();
        double[] y = problem.y();
        double[][] g = new double[p][p];
        double[] b = new double[p];
        // Upper triangle of XᵀX as rank-1 updates gⱼ,ⱼ.. += xᵢⱼ·xᵢ,ⱼ.. over blocks of rows: the inner
        // loop is an axpy (no reduction, so the JIT vectorizes it) and row j of G stays in cache
        // while a block of rows streams past it.
        for (int start = 0; start < m; start += ROW_BLOCK) {
            int end = Math.min(m, start + ROW_BLOCK);
            for (int j = 0; j < p; j++) {
                double[] gj = g[j];
                double bj = 0;
                for (int i = start; i < end; i++) {
                    double[] xi = x[i];
                    double a = xi[j];
                    for (int k = j; k < p; k++) {
                        gj[k] += a * xi[k];
                    }
                    bj += a * y[i];
                }
                b[j] += bj;
            }
        }
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < j; k++) {
                g[j][k] = g[k][j];
            }
        }
        // The one Cholesky (G = RᵀR, aliased columns flagged with zero rows of R); the aliased
        // columns are left out of the solve and their coefficients are NaN, as fit reports them.
        boolean[] aliased = new boolean[p];
        double[][] r = Cholesky.upper(g, Aliasing.tolerance(0x1p-53, true), aliased, 0);
        // forward: Rᵀ z = b
        double[] z = new double[p];
        for (int i = 0; i < p; i++) {
            if (aliased[i]) {
                continue;
            }
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= r[k][i] * z[k];
            }
            z[i] = s / r[i][i];
        }
        // backward: R w = z
        double[] w = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            if (aliased[i]) {
                w[i] = Double.NaN;
                continue;
            }
            double s = z[i];
            for (int k = i + 1; k < p; k++) {
                if (!aliased[k]) {
                    s -= r[i][k] * w[k];
                }
            }
            w[i] = s / r[i][i];
        }
        return w;
    }
}
