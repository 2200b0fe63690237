package org.gramian.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.gramian.data.RowSource;
import org.gramian.model.FittedModel;

/** Data sets for the Spark tests, and the comparison with the local fit. */
final class SparkFixtures {
    private SparkFixtures() {
    }

    /** The NIST StRD directory (set by the build as gramian.nist.dir). */
    static Path nistDir() {
        return Path.of(System.getProperty("gramian.nist.dir", "../../shared/data/nist-strd"));
    }

    static List<Path> nistFiles() throws java.io.IOException {
        try (Stream<Path> s = Files.list(nistDir())) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".dat")).sorted().toList();
            assertThat(files).as("NIST .dat files in " + nistDir()).hasSizeGreaterThanOrEqualTo(8);
            return files;
        }
    }

    /**
     * The rows of a source as a Spark data set cut into {@code partitions} slices in row order.
     * With {@code asDecimalText} each value is the exact decimal of its double-double (value plus
     * decimal tail), as a string column: what a CSV read without schema inference gives, parsed
     * back by {@link RowIteratorSource} into the same value and tail. Otherwise double columns
     * (the values alone, as Parquet doubles would hold them).
     */
    static Dataset<Row> frame(SparkSession spark, RowSource source, int partitions, boolean asDecimalText) {
        List<String> names = source.columns();
        int w = names.size();
        List<Row> rows = new ArrayList<>();
        source.forEachBlock(true, block -> {
            for (int i = 0; i < block.rows(); i++) {
                Object[] v = new Object[w];
                for (int j = 0; j < w; j++) {
                    double hi = block.get(i, j);
                    if (asDecimalText) {
                        double lo = block.tail(i, j);
                        v[j] = new BigDecimal(hi).add(new BigDecimal(lo)).toString();
                    } else {
                        v[j] = hi;
                    }
                }
                rows.add(RowFactory.create(v));
            }
        });
        DataType type = asDecimalText ? DataTypes.StringType : DataTypes.DoubleType;
        StructField[] fields = new StructField[w];
        for (int j = 0; j < w; j++) {
            fields[j] = DataTypes.createStructField(names.get(j), type, false);
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return spark.createDataFrame(jsc.parallelize(rows, partitions), new StructType(fields));
    }

    /** |a − b| ≤ tol·|b| (or both NaN), for the named quantity. */
    static void close(double actual, double expected, double tol, String what) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
            return;
        }
        double err = Math.abs(actual - expected);
        assertThat(err).as("%s: spark %s vs local %s", what, actual, expected)
                .isLessThanOrEqualTo(tol * Math.abs(expected));
    }

    /** Every coefficient, standard error and summary statistic within {@code tol} relative. */
    static void sameFit(FittedModel spark, FittedModel local, double tol, String what) {
        sameFit(spark, local, tol, tol, what);
    }

    /** Coefficients within {@code tol}, standard errors and summary statistics within {@code statsTol}. */
    static void sameFit(FittedModel spark, FittedModel local, double tol, double statsTol, String what) {
        assertThat(spark.coefficients()).hasSameSizeAs(local.coefficients());
        assertThat(spark.solver()).as(what + " solver").isEqualTo(local.solver());
        assertThat(spark.statistics().observations()).isEqualTo(local.statistics().observations());
        assertThat(spark.statistics().rank()).isEqualTo(local.statistics().rank());
        for (int j = 0; j < local.coefficients().size(); j++) {
            close(spark.coefficients().get(j).estimate(), local.coefficients().get(j).estimate(), tol,
                    what + " estimate " + j);
            close(spark.coefficients().get(j).standardError(), local.coefficients().get(j).standardError(), statsTol,
                    what + " std. error " + j);
        }
        close(spark.statistics().residualStandardDeviation(), local.statistics().residualStandardDeviation(), statsTol,
                what + " residual SD");
        close(spark.statistics().rSquared(), local.statistics().rSquared(), statsTol, what + " R²");
    }
}
