package org.gramian;

import org.gramian.design.ModelSpec;
import org.gramian.data.RowSource;
import org.gramian.model.FittedModel;
import org.gramian.model.OrdinaryLeastSquares;
import org.gramian.solve.SolverKind;

/**
 * Entry point: fit a least-squares model to data.
 *
 * <pre>{@code
 * FittedModel m = Gramian.fit(Table.xy(x, y), ModelSpec.line("y", "x"));
 * System.out.println(TextSummary.of(m, null));
 * }</pre>
 *
 * <p>The coefficients minimize ‖y − Xw‖², i.e. solve the normal equation XᵀX w = Xᵀy. How they
 * are computed is chosen by {@link SolverKind}; the default {@link SolverKind#AUTO} delivers the
 * NIST StRD certified values to 13+ digits while costing no more than the plain normal equation on
 * large well-conditioned data. This is {@link OrdinaryLeastSquares} with a short name.
 */
public final class Gramian {
    private Gramian() {
    }

    /** Fits with {@link SolverKind#AUTO}. */
    public static FittedModel fit(RowSource data, ModelSpec spec) {
        return fit(data, spec, SolverKind.AUTO);
    }

    /**
     * Fits {@code spec} to {@code data} with the given solver. Reads the data once, or twice when
     * {@code auto} finds the fast pass not accurate enough.
     *
     * @throws GramianException for a problem with the data (unknown column, non-finite value,
     *                          fewer rows than coefficients)
     */
    public static FittedModel fit(RowSource data, ModelSpec spec, SolverKind solver) {
        return new OrdinaryLeastSquares(solver).fit(data, spec);
    }
}
