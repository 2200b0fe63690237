package org.gramian.solve;

import org.gramian.numeric.DD;

/**
 * The one Cholesky factorization: G = RᵀR with R upper triangular, about m³/6 flops, in double
 * precision (the fast normal-equation path) or in double-double (explanations).
 *
 * <p>Rank deficiency is a result, not a failure: a column whose pivot shows it aliased
 * ({@link Aliasing}: Rⱼⱼ² ≤ τ²·Gⱼⱼ) gets a zero row in R and is flagged, and the factorization goes
 * on with the other columns, so R restricted to the remaining columns is exactly their Cholesky
 * factor. Trailing {@code exempt} columns (the response of an augmented Gram matrix) are never
 * aliased: their pivot is clamped at zero (an exact fit has ρ = 0).
 */
public final class Cholesky {
    private Cholesky() {
    }

    /**
     * R of a symmetric positive semi-definite G (double precision).
     *
     * @param aliased receives, for each column, whether it was aliased (length m)
     * @param exempt  number of trailing columns exempt from the aliasing test
     */
    public static double[][] upper(double[][] g, double tolerance, boolean[] aliased, int exempt) {
        int m = g.length;
        double tol2 = tolerance * tolerance;
        double[][] r = new double[m][m];
        for (int j = 0; j < m; j++) {
            double d = g[j][j];
            for (int k = 0; k < j; k++) {
                d -= r[k][j] * r[k][j];
            }
            boolean test = j < m - exempt;
            if (test && (g[j][j] == 0 || d <= tol2 * g[j][j])) {
                aliased[j] = true;
                continue; // row j of R stays zero
            }
            double rjj = Math.sqrt(Math.max(d, 0.0));
            r[j][j] = rjj;
            if (rjj == 0) {
                continue;
            }
            for (int c = j + 1; c < m; c++) {
                double s = g[j][c];
                for (int k = 0; k < j; k++) {
                    s -= r[k][j] * r[k][c];
                }
                r[j][c] = s / rjj;
            }
        }
        return r;
    }

    /** As {@link #upper(double[][], double, boolean[], int)}, in double-double. */
    public static DD[][] upper(DD[][] g, double tolerance, boolean[] aliased, int exempt) {
        int m = g.length;
        double tol2 = tolerance * tolerance;
        DD[][] r = new DD[m][m];
        for (DD[] row : r) {
            java.util.Arrays.fill(row, DD.ZERO);
        }
        for (int j = 0; j < m; j++) {
            DD d = g[j][j];
            for (int k = 0; k < j; k++) {
                d = d.subtract(r[k][j].square());
            }
            boolean test = j < m - exempt;
            double gjj = g[j][j].doubleValue();
            if (test && (gjj == 0 || d.doubleValue() <= tol2 * gjj)) {
                aliased[j] = true;
                continue;
            }
            DD rjj = d.signum() > 0 ? d.sqrt() : DD.ZERO;
            r[j][j] = rjj;
            if (rjj.isZero()) {
                continue;
            }
            for (int c = j + 1; c < m; c++) {
                DD s = g[j][c];
                for (int k = 0; k < j; k++) {
                    s = s.subtract(r[k][j].multiply(r[k][c]));
                }
                r[j][c] = s.divide(rjj);
            }
        }
        return r;
    }
}
