package org.gramian.solve;

import org.gramian.design.Design;
import org.gramian.accumulate.Passes;
import org.gramian.accumulate.HouseholderAccumulator;

/**
 * The pseudo-inverse: the double-double QR pass, then, when R is rank-deficient, the minimum-norm
 * solution from a one-sided Jacobi SVD of R in double-double (about 2p³ per sweep). With full rank
 * the minimum-norm solution is the unique one, which the triangular solve gives.
 */
public final class SvdSolver implements LeastSquaresSolver {
    @Override
    public SolverResult solve(Passes data) {
        Design design = data.design();
        HouseholderAccumulator qr = data.equilibratedHouseholder();
        LeastSquaresSolver.requireRows(qr.count(), design.width());
        return SolverResult.of(TriangularSolver.solve(QrSolver.factor(qr), design.hasIntercept(), true),
                SolverKind.SVD, "Householder QR in double-double, then Jacobi SVD of R");
    }
}
