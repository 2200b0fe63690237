package org.gramian.spark;

import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gramian.design.ModelSpec;
import org.gramian.model.ClusterBackend;
import org.gramian.model.FittedModel;
import org.gramian.solve.SolverKind;

/**
 * The {@code spark} backend of {@code gramian fit --spark MASTER}, found by the command line through
 * {@link java.util.ServiceLoader} when this jar and Spark are on the class path. {@code MASTER} is a
 * Spark master URL ({@code local[2]}, {@code spark://host:7077}, ...) or {@code submit} for the one
 * spark-submit configured.
 */
public final class SparkBackend implements ClusterBackend {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public FittedModel fit(String master, String input, Function<List<String>, ModelSpec> specOfColumns,
                           SolverKind solver, boolean dropMissing) {
        quietLogging();
        boolean existing = SparkSession.getActiveSession().isDefined();
        SparkSession.Builder builder = SparkSession.builder().appName("gramian fit " + input);
        if (!"submit".equals(master)) {
            builder = builder.master(master);
        }
        SparkSession spark = builder.getOrCreate();
        try {
            Dataset<Row> data = SparkInput.read(spark, input);
            ModelSpec spec = specOfColumns.apply(List.of(data.columns()));
            return SparkLeastSquares.fit(data, spec, solver,
                    dropMissing ? SparkLeastSquares.Missing.DROP : SparkLeastSquares.Missing.FAIL);
        } finally {
            if (!existing) {
                spark.stop();
            }
        }
    }

    /**
     * The command line's logging: warnings only (log4j2-cli.properties), unless the user set a
     * log4j2 configuration. Takes effect when Spark's logging starts, i.e. in a fresh process.
     */
    private static void quietLogging() {
        if (System.getProperty("log4j2.configurationFile") == null
                && System.getProperty("log4j.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "org/gramian/spark/log4j2-cli.properties");
        }
    }
}
