package org.gramian.solve;

/** {@link SvdSolver} against the generic solver contract. */
class SvdSolverTest extends LeastSquaresSolverContract {
    @Override
    LeastSquaresSolver solver() {
        return new SvdSolver();
    }

    @Override
    SolverKind reportedKind() {
        return SolverKind.SVD;
    }

    @Override
    boolean certified() {
        return true;
    }
}
