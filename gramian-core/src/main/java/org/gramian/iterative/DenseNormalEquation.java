package org.gramian.iterative;

import org.gramian.GramianException;

/**
 * The textbook closed form in plain double precision, for in-memory data: form G = XᵀX and
 * b = Xᵀy (mp² + mp flops, from column-major copies so that every entry is one contiguous dot
 * product), factor G = LLᵀ by Cholesky (p³/3 flops), and solve Lz = b, Lᵀw = z.
 *
 * <p>This is the baseline that {@code gramian compare --sweep} times against the iterative
 * methods; it loses digits in proportion to κ(X)², so {@code org.gramian.Gramian.fit} is the one
 * to use for answers.
 */
public final class DenseNormalEquation {
    private DenseNormalEquation() {
    }

    /** The least-squares w. @throws GramianException when XᵀX is not numerically positive definite. */
    public static double[] solve(DenseProblem problem) {
        int p = problem.columns();
        int m = problem.rows();
        double[][] cols = new double[p][m];
        for (int i = 0; i < m; i++) {
            double[] row = problem.x()[i];
            for (int j = 0; j < p; j++) {
                cols[j][i] = row[j];
            }
        }
        double[][] g = new double[p][p];
        double[] b = new double[p];
        for (int j = 0; j < p; j++) {
            for (int k = j; k < p; k++) {
                double s = Vectors.dot(cols[j], cols[k]);
                g[j][k] = s;
                g[k][j] = s;
            }
            b[j] = Vectors.dot(cols[j], problem.y());
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
