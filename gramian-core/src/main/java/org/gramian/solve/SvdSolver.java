package org.gramian.solve;

import org.gramian.design.Design;
import org.gramian.data.RowSource;
import org.gramian.accumulate.Accumulation;
import org.gramian.accumulate.HouseholderAccumulator;

/**
 * The pseudo-inverse: the double-double QR pass, then, when R is rank-deficient, the minimum-norm
 * solution from a one-sided Jacobi SVD of R in double-double (about 2p³ per sweep). With full rank
 * the minimum-norm solution is the unique one, which the triangular solve gives.
 */
public final class SvdSolver implements LeastSquaresSolver {
    @Override
    public SolverResult solve(RowSource data, Design design) {
        HouseholderAccumulator qr = Accumulation.equilibratedHouseholder(data, design);
        LeastSquaresSolver.requireRows(qr.count(), design.width());
        return SolverResult.of(TriangularSolver.solve(QrSolver.factor(qr), design.hasIntercept(), true),
                SolverKind.SVD, "Householder QR in double-double, then Jacobi SVD of R");
    }
}
