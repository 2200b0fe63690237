package org.gramian.solve;

/** {@link AutoSolver} against the generic solver contract. */
class AutoSolverTest extends LeastSquaresSolverContract {
    @Override
    LeastSquaresSolver solver() {
        return new AutoSolver();
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
