package org.gramian.solve;

import org.gramian.design.Design;
import org.gramian.accumulate.Passes;
import org.gramian.accumulate.HouseholderAccumulator;

/**
 * Streaming Householder QR of [X y] in double-double (about n·m² double-double multiply-adds),
 * then the triangular solve in double-double: relative error about κ·2⁻¹⁰⁴ — the certified path.
 */
public final class QrSolver implements LeastSquaresSolver {
    @Override
    public SolverResult solve(Passes data) {
        Design design = data.design();
        HouseholderAccumulator qr = data.equilibratedHouseholder();
        LeastSquaresSolver.requireRows(qr.count(), design.width());
        return SolverResult.of(TriangularSolver.solve(factor(qr), design.hasIntercept(), false), SolverKind.QR,
                "Householder QR in double-double");
    }

    /** The factor of a Householder pass, for {@link TriangularSolver}. */
    static TriangularFactor factor(HouseholderAccumulator qr) {
        return new TriangularFactor(qr.factor(), qr.count(), null, TriangularFactor.DD_ROUNDOFF, false, qr.scale());
    }
}
