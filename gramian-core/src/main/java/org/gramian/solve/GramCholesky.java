package org.gramian.solve;

import org.gramian.numeric.DD;
import org.gramian.accumulate.GramAccumulator;

/**
 * The normal equation's factor: {@link Cholesky} of the augmented double-precision Gram matrix
 * G = [X y]ᵀ[X y] (the response column exempt from aliasing), as a {@link TriangularFactor} for
 * {@link TriangularSolver}.
 */
public final class GramCholesky {
    private GramCholesky() {
    }

    public static TriangularFactor factor(GramAccumulator acc) {
        double[][] g = acc.gram();
        int m = g.length;
        double[][] r = Cholesky.upper(g, Aliasing.tolerance(TriangularFactor.DOUBLE_ROUNDOFF, true), new boolean[m], 1);
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
