package org.gramian.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.gramian.design.ModelSpec;
import org.gramian.model.FittedModel;
import org.gramian.solve.LeastSquaresSolver;
import org.gramian.solve.SolverKind;

/**
 * Least squares on a Spark {@link Dataset}: the same fit, with the same statistics, as
 * {@link org.gramian.Gramian#fit} on the same rows in one JVM.
 *
 * <p>Each partition reduces its rows to the core's O(p²) accumulator state (the double-precision
 * Gram matrix [X y]ᵀ[X y] of the shifted, power-of-two-scaled rows, or the double-double
 * Householder factor R of [X y]); only those states travel to the driver, where they are merged in
 * partition order and solved by the core's solver for {@code solver}. {@code auto} decides as it
 * does locally: the Gram pass and Cholesky when the normal equation keeps ≥ 13.5 digits, otherwise
 * (or for a small problem) a second Spark job with the double-double Householder pass.
 *
 * <p>Columns may be any Spark numeric type or strings holding decimal numbers (CSV read without
 * schema inference: then the certified path sees the exact decimals, as the local CSV reader
 * does). A missing value is a null, or in a string column an empty text or one of {@code NA},
 * {@code NaN}, {@code null}, {@code N/A} (the local CSV reader's defaults): by default its row is
 * left out, as R's {@code na.omit} and the local {@code --missing drop} do, and the model counts
 * the rows left out ({@link FittedModel#droppedRows()}); with {@link Missing#FAIL} it is an error
 * naming the partition, row and column. The data set is read once per
 * pass (two or three passes at most): {@code cache()} it first if reading it is expensive.
 *
 * <p>The model is a {@link ModelSpec}: target, features, polynomial degree, intercept and weights.
 * Anything that builds a {@code ModelSpec} (e.g. a formula parser) works here unchanged; the spec
 * is shipped to the executors by Java serialization.
 */
public final class SparkLeastSquares {
    private SparkLeastSquares() {
    }

    /** What a missing value in a column the model uses does. */
    public enum Missing {
        /** Its row is left out of the fit (one more Spark job counts them). */
        DROP,
        /** It is an error naming the partition, row and column. */
        FAIL
    }

    /** {@link #fit(Dataset, ModelSpec, SolverKind, Missing)} with {@code auto}, dropping missing values. */
    public static FittedModel fit(Dataset<Row> data, ModelSpec spec) {
        return fit(data, spec, SolverKind.AUTO);
    }

    /** {@link #fit(Dataset, ModelSpec, SolverKind, Missing)}, dropping rows with missing values. */
    public static FittedModel fit(Dataset<Row> data, ModelSpec spec, SolverKind solver) {
        return fit(data, spec, solver, Missing.DROP);
    }

    /**
     * Fits {@code spec} to {@code data} on its Spark cluster.
     *
     * @throws org.gramian.GramianException for a problem with the data (unknown column, null or
     *                                      non-numeric value, fewer rows than coefficients)
     */
    public static FittedModel fit(Dataset<Row> data, ModelSpec spec, SolverKind solver, Missing missing) {
        SparkPasses passes = new SparkPasses(data, spec, missing == Missing.DROP);
        FittedModel m = FittedModel.of(spec, LeastSquaresSolver.of(solver).solve(passes));
        return passes.droppedRows() == 0 ? m : m.withDroppedRows(passes.droppedRows());
    }
}
