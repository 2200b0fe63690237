package org.gramian.solve;

import org.gramian.design.Design;
import org.gramian.accumulate.Passes;
import org.gramian.accumulate.GramAccumulator;

/**
 * The textbook normal equation: one pass accumulating the Gram matrix [X y]ᵀ[X y] in double
 * precision (n·m²/2 multiply-adds, m = p+1), Cholesky factorization (m³/6), triangular solves.
 * Relative error about κ²·2⁻⁵³: fast, and accurate only on well-conditioned data.
 */
public final class CholeskySolver implements LeastSquaresSolver {
    @Override
    public SolverResult solve(Passes data) {
        Design design = data.design();
        GramAccumulator gram = data.equilibratedGram();
        LeastSquaresSolver.requireRows(gram.count(), design.width());
        return SolverResult.of(TriangularSolver.solve(GramCholesky.factor(gram), design.hasIntercept(), false),
                SolverKind.CHOLESKY, "normal equation: Gram matrix in double precision, Cholesky");
    }
}
