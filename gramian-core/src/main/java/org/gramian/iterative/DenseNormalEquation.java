package org.gramian.iterative;

import org.gramian.GramianException;

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
    static final int ROW_BLOCK = 32;

    private DenseNormalEquation() {
    }

    /** The least-squares w. @throws GramianException when XᵀX is not numerically positive definite. */
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
        cholesky(g);
        // forward: L z = b (L stored in the lower triangle of g)
        double[] z = b.clone();
        for (int i = 0; i < p; i++) {
            double[] li = g[i];
            double s = z[i];
            for (int k = 0; k < i; k++) {
                s -= li[k] * z[k];
            }
            z[i] = s / li[i];
        }
        // backward: Lᵀ w = z
        double[] w = z;
        for (int i = p - 1; i >= 0; i--) {
            w[i] /= g[i][i];
            double wi = w[i];
            double[] li = g[i];
            for (int k = 0; k < i; k++) {
                w[k] -= li[k] * wi;
            }
        }
        return w;
    }

    /** In place: the lower triangle of g becomes L with G = LLᵀ (row-oriented, dot-product form). */
    static void cholesky(double[][] g) {
        int p = g.length;
        for (int i = 0; i < p; i++) {
            double[] li = g[i];
            for (int j = 0; j <= i; j++) {
                double[] lj = g[j];
                double s = li[j];
                for (int k = 0; k < j; k++) {
                    s -= li[k] * lj[k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new GramianException("XᵀX is not positive definite (pivot " + (i + 1)
                                + "): the columns of X are linearly dependent");
                    }
                    li[i] = Math.sqrt(s);
                } else {
                    li[j] = s / lj[j];
                }
            }
        }
    }
}
