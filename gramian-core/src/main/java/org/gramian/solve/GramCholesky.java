package org.gramian.solve;

import org.gramian.numeric.DD;

/**
 * Cholesky factorization G = RᵀR of the augmented double-precision Gram matrix, about m³/6 flops.
 *
 * <p>A column whose pivot falls below {@value #ALIAS_TOLERANCE} of its diagonal entry is, to
 * working precision, a combination of the columns before it: it is marked aliased by setting its
 * row of R to zero (rather than failing on a non-positive pivot), which the solver then handles
 * with the minimum-norm solution. The last (response) column's pivot is clamped at zero: an exact
 * fit has ρ = 0.
 */
public final class GramCholesky {
    /** Relative pivot below which a column counts as collinear with the earlier ones. */
    public static final double ALIAS_TOLERANCE = 1e-13;

    private GramCholesky() {
    }

    public static TriangularFactor factor(GramAccumulator acc) {
        double[][] g = acc.gram();
        int m = g.length;
        double[][] r = new double[m][m];
        for (int j = 0; j < m; j++) {
            double d = g[j][j];
            for (int k = 0; k < j; k++) {
                d -= r[k][j] * r[k][j];
            }
            boolean last = j == m - 1;
            if (!last && (g[j][j] == 0 || d <= ALIAS_TOLERANCE * g[j][j])) {
                continue; // aliased: row j of R stays zero
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
        DD[][] out = new DD[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                out[i][j] = DD.of(r[i][j]);
            }
        }
        return new TriangularFactor(out, acc.count(), acc.shift(), TriangularFactor.DOUBLE_ROUNDOFF, true,
                acc.scale());
    }
}
