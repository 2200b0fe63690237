package org.gramian.cli;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.gramian.GramianException;
import org.gramian.model.ClusterBackend;
import org.gramian.model.FittedModel;
import org.gramian.solve.SolverKind;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * {@code fit --spark MASTER}: the fit through the {@code spark} {@link ClusterBackend}, found with
 * {@link ServiceLoader} so that this jar does not depend on Spark. Without the gramian-spark jar
 * and Spark on the class path it says how to run it (a usage error).
 */
final class SparkFit {
    /** How to run it, in one line (README section "Spark" has the details). */
    static final String HOW = "--spark needs Spark and the gramian-spark jar on the class path: run java"
            + " <Spark's --add-opens flags> -cp 'gramian-spark/target/gramian-spark-app.jar:$SPARK_HOME/jars/*'"
            + " org.gramian.cli.GramianCli fit --spark local[2] ..., or spark-submit --class org.gramian.cli.GramianCli"
            + " gramian-spark/target/gramian-spark-app.jar fit --spark submit ... (README: On Apache Spark)";

    private SparkFit() {
    }

    static FittedModel fit(CommandLine cmd, ModelInput input, String master, SolverKind solver,
                           boolean robustSe, boolean threads) {
        if (robustSe) {
            throw new ParameterException(cmd, "--robust-se is not available with --spark (it needs another pass"
                    + " over the residuals, which the Spark backend does not run yet)");
        }
        if (threads) {
            throw new ParameterException(cmd, "--threads does not apply with --spark (Spark's partitions set the"
                    + " parallelism)");
        }
        if (input.csv.naValues != null || input.csv.delimiter != null || !".".equals(input.csv.decimal)) {
            throw new ParameterException(cmd, "--na-values, --delimiter and --decimal do not apply with --spark (Spark"
                    + " reads the CSV: comma-separated, header row; empty, NA, NaN, null and N/A are missing)");
        }
        if (master.isBlank()) {
            throw new ParameterException(cmd, "--spark needs a master URL such as local[2], or submit");
        }
        input.required();
        ClusterBackend backend = find(cmd);
        String where = input.file.toString();
        try {
            return backend.fit(master, where, input::spec, solver, input.csv.missing == CsvOptions.MissingChoice.drop);
        } catch (GramianException e) {
            throw e.inFile(where);
        } catch (LinkageError e) {
            throw new ParameterException(cmd, HOW + " (missing: " + e.getMessage() + ")");
        }
    }

    private static ClusterBackend find(CommandLine cmd) {
        try {
            for (ClusterBackend b : ServiceLoader.load(ClusterBackend.class)) {
                if (b.name().equals("spark")) {
                    return b;
                }
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new ParameterException(cmd, HOW + " (" + e.getMessage() + ")");
        }
        throw new ParameterException(cmd, HOW);
    }
}
