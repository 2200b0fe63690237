package org.gramian.solve;

import org.gramian.design.Design;
import org.gramian.design.InsufficientDataException;
import org.gramian.data.RowSource;
import org.gramian.accumulate.Passes;

/**
 * A strategy for min‖y − Xw‖²: reads the data (one or two passes), factors, and solves, leaving
 * statistics to the caller. One implementation per {@link SolverKind}; {@link #of} picks it.
 * Each records which method produced the answer and why, once, in its {@link SolverResult}.
 */
public interface LeastSquaresSolver {

    /**
     * Solves the least-squares problem of the passes' design from the passes it asks for: where the
     * rows are (a local source, the partitions of a cluster) is the passes' business.
     */
    SolverResult solve(Passes passes);

    /** Solves the least-squares problem of {@code design} (bound to {@code data}'s columns). */
    default SolverResult solve(RowSource data, Design design) {
        return solve(Passes.over(data, design));
    }

    /** The strategy for a kind. */
    static LeastSquaresSolver of(SolverKind kind) {
        return switch (kind) {
            case AUTO -> new AutoSolver();
            case CHOLESKY -> new CholeskySolver();
            case QR -> new QrSolver();
            case SVD -> new SvdSolver();
        };
    }

    /** Fewer observations than coefficients is bad input, not a rank-deficient fit. */
    static void requireRows(long n, int p) {
        if (n < p) {
            throw new InsufficientDataException(n, p);
        }
    }
}
