package org.gramian.model;

import org.gramian.design.Design;
import org.gramian.design.ModelSpec;
import org.gramian.design.RowSource;
import org.gramian.solve.LeastSquaresSolver;
import org.gramian.solve.SolverKind;

/**
 * Ordinary least squares: w minimizes ‖y − Xw‖², i.e. solves the normal equation XᵀX w = Xᵀy,
 * by the {@link LeastSquaresSolver} of the chosen {@link SolverKind}.
 */
public final class OrdinaryLeastSquares implements Estimator {
    private final SolverKind solver;

    /** With {@link SolverKind#AUTO}. */
    public OrdinaryLeastSquares() {
        this(SolverKind.AUTO);
    }

    public OrdinaryLeastSquares(SolverKind solver) {
        this.solver = solver;
    }

    @Override
    public FittedModel fit(RowSource data, ModelSpec spec) {
        Design design = Design.bind(spec, data.columns());
        return FittedModel.of(spec, LeastSquaresSolver.of(solver).solve(data, design));
    }
}
