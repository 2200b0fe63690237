package org.gramian.solve;

import org.gramian.numeric.DD;
import org.gramian.accumulate.Accumulation;
import org.gramian.accumulate.GramAccumulator;

/**
 * The normal equation's factor: {@link Cholesky} of the augmented double-precision Gram matrix
 * G = [X y]ᵀ[X y] (the response column exempt from aliasing), as a {@link TriangularFactor} for
 * {@link TriangularSolver}. From {@link TriangularSolver#WIDE} design columns on, the factorization is
 * {@link BlockedCholesky} (blocked, on all processors, the same bits for any thread count); below,
 * the unblocked {@link Cholesky}, whose results the narrow outputs were recorded with.
 *
 * <p>Memory: a wide factor is computed in the accumulator's own m×m array ({@link
 * GramAccumulator#takeGram}) and handed on as doubles ({@link TriangularFactor#doubleR}), so the
 * factorization adds no p×p array to the one the pass filled (it used to add a copy of G and m²
 * double-double objects, about 5.5 copies of G).
 */
public final class GramCholesky {
    private GramCholesky() {
    }

    public static TriangularFactor factor(GramAccumulator acc) {
        int m = acc.size();
        double tolerance = Aliasing.tolerance(TriangularFactor.DOUBLE_ROUNDOFF, true);
        if (m - 1 >= TriangularSolver.WIDE) {
            double[][] r = BlockedCholesky.upperInPlace(acc.takeGram(), tolerance, new boolean[m], 1,
                    Accumulation.defaultThreads());
            return new TriangularFactor(null, acc.count(), acc.shift(), TriangularFactor.DOUBLE_ROUNDOFF, true,
                    acc.scale(), r);
        }
        double[][] g = acc.gram();
        double[][] r = Cholesky.upper(g, tolerance, new boolean[m], 1);
        DD[][] out = new DD[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                out[i][j] = j < i ? DD.ZERO : DD.of(r[i][j]);
            }
        }
        return new TriangularFactor(out, acc.count(), acc.shift(), TriangularFactor.DOUBLE_ROUNDOFF, true,
                acc.scale());
    }
}
