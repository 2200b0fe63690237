package org.gramian.model;

import java.util.List;
import java.util.function.Function;
import org.gramian.design.ModelSpec;
import org.gramian.solve.SolverKind;

/**
 * A fit run somewhere else than in this JVM, e.g. on Apache Spark: the service interface through
 * which the command line finds a backend ({@link java.util.ServiceLoader}) without depending on it.
 * The gramian-spark jar provides the {@code "spark"} backend; the core and the command line stay
 * free of Spark.
 */
public interface ClusterBackend {

    /** The backend's name, as the command line's option names it (e.g. {@code "spark"}). */
    String name();

    /**
     * Reads {@code input} (a path or a table name, as the backend understands it), builds the model
     * from its column names with {@code specOfColumns}, and fits it on {@code master}.
     *
     * @param dropMissing whether a row with a missing value in a column the model uses is left out
     *                    (R's na.omit; the model counts them, {@link FittedModel#droppedRows()}) rather
     *                    than an error
     *
     * @throws org.gramian.GramianException for a problem with the input or the data, with a message
     *                                      that says where
     */
    FittedModel fit(String master, String input, Function<List<String>, ModelSpec> specOfColumns,
                    SolverKind solver, boolean dropMissing);
}
