package org.gramian.solve;

/** {@link QrSolver} against the generic solver contract. */
class QrSolverTest extends LeastSquaresSolverContract {
    @Override
    LeastSquaresSolver solver() {
        return new QrSolver();
    }

    @Override
    SolverKind reportedKind() {
        return SolverKind.QR;
    }

    @Override
    boolean certified() {
        return true;
    }
}
