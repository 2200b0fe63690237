package org.gramian.model;

import org.gramian.design.Design;
import org.gramian.design.ModelSpec;
import org.gramian.data.RowSource;
import org.gramian.numeric.DD;
import org.gramian.solve.LeastSquaresSolver;
import org.gramian.solve.SolverResult;
import org.gramian.stats.Likelihood;
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

    /**
     * Fits first on the source with its factor levels guessed from the first rows
     * ({@link RowSource#withGuessedLevels()}): for a file, one pass fewer. When a later row holds a
     * level the guess lacks, that pass stops and the fit runs again with the levels of all the data;
     * either way the result is the fit with the exact levels, to the bit.
     */
    @Override
    public FittedModel fit(RowSource source, ModelSpec spec) {
        RowSource data = Design.prepare(spec, source);       // factor columns read as categorical
        RowSource guessed = data.withGuessedLevels();
        if (guessed != data) {
            try {
                return fitPrepared(guessed, spec);
            } catch (org.gramian.data.LevelsGuessedWrong e) {
                // a level first seen after the rows looked at: read the levels of all the rows
            }
        }
        return fitPrepared(data, spec);
    }

    private FittedModel fitPrepared(RowSource data, ModelSpec spec) {
        Design design = Design.bind(spec, data);             // a formula's '.' and levels resolved on the data
        int p = design.width();
        if (data.countRowsUpTo(p) < p) {
            // Fewer rows than coefficients: say so before the O(p²) memory and O(n·p²) work of a pass
            // (10,000 columns and 30 rows took 10.7 s to be told). The few rows are still read, so
            // that a bad value in them is reported first, as it would be by the pass.
            LeastSquaresSolver.requireRows(validRows(data, design), p);
        }
        // then the p×p matrices, before the pass: 20,000 columns need gigabytes whatever the rows
        InsufficientMemoryException.requireFits(p, solver, Runtime.getRuntime().maxMemory());
        SolverResult result = LeastSquaresSolver.of(solver).solve(data, design);
        FittedModel m = FittedModel.of(design.spec(), result, design.weighted() ? sumLogWeights(data, design) : DD.ZERO);
        return data.droppedRows() == 0 ? m : m.withDroppedRows(data.droppedRows());
    }

    /**
     * Σ log wᵢ over the rows of positive weight, for the weighted log-likelihood (R's {@code logLik.lm}):
     * one more pass reading the weights, summed in row order in double-double (the same bits for any
     * blocking of the source).
     */
    static DD sumLogWeights(RowSource data, Design design) {
        DD[] sum = {DD.ZERO};
        data.forEachBlock(false, block -> {
            for (int i = 0; i < block.rows(); i++) {
                double w = design.weight(block, i, data);
                if (w > 0) {
                    sum[0] = sum[0].add(Likelihood.logOf(w));
                }
            }
        });
        return sum[0];
    }

    /** The number of rows, each expanded (so checked) once: only for sources known to be short. */
    private static long validRows(RowSource data, Design design) {
        double[] x = new double[design.width()];
        long[] n = {0};
        data.forEachBlock(false, block -> {
            for (int i = 0; i < block.rows(); i++) {
                design.expand(block, i, x, data);
            }
            n[0] += block.rows();
        });
        return n[0];
    }
}
