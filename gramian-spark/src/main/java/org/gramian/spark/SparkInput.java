package org.gramian.spark;

import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gramian.GramianException;

/**
 * What Spark reads, as the command line names it: a CSV file or folder (header row; read as
 * strings, so decimal values keep their exact digits), a Parquet file or folder, or a table of the
 * session's catalog ({@code table:NAME}).
 */
public final class SparkInput {
    private SparkInput() {
    }

    /** The data set named by {@code input}. */
    public static Dataset<Row> read(SparkSession spark, String input) {
        String lower = input.toLowerCase(Locale.ROOT);
        return SparkPasses.run(() -> {
            try {
                if (lower.startsWith("table:")) {
                    return spark.table(input.substring("table:".length()));
                }
                if (lower.endsWith(".csv") || lower.endsWith(".csv.gz")) {
                    // No schema inference: every value stays the decimal text, parsed exactly later.
                    return spark.read().option("header", "true").option("inferSchema", "false")
                            .option("mode", "FAILFAST").csv(input);
                }
                if (lower.endsWith(".parquet") || new java.io.File(input).isDirectory()) {
                    return spark.read().parquet(input);
                }
            } catch (Exception e) {   // AnalysisException (checked in Java, thrown undeclared)
                if (e instanceof GramianException g) {
                    throw g;
                }
                throw new GramianException(input + ": " + firstLine(e.getMessage()), input, 0, null, e);
            }
            throw new GramianException(input + ": cannot tell what to read: expected a .csv, .csv.gz or .parquet"
                    + " file or folder, or table:NAME", input, 0, null, null);
        });
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return s == null ? "cannot read" : nl < 0 ? s : s.substring(0, nl);
    }
}
