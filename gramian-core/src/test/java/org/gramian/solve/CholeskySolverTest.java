package org.gramian.solve;

/** {@link CholeskySolver} against the generic solver contract. */
class CholeskySolverTest extends LeastSquaresSolverContract {
    @Override
    LeastSquaresSolver solver() {
        return new CholeskySolver();
    }

    @Override
    SolverKind reportedKind() {
        return SolverKind.CHOLESKY;
    }

    @Override
    boolean certified() {
        return false;
    }
}
