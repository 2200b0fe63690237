package org.gramian.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.gramian.Gramian;
import org.gramian.cli.GramianCli;
import org.gramian.data.NistDataset;
import org.gramian.data.Table;
import org.gramian.model.FittedModel;
import org.gramian.report.TextSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gramian fit --spark local[2]} through the command line's {@link java.util.ServiceLoader}
 * lookup of {@link SparkBackend}: a Parquet file written here, a CSV file (read by Spark as exact
 * decimal text) and the errors. The backend makes and stops its own SparkSession.
 */
class SparkCliTest {
    @TempDir
    static Path dir;

    record Result(int code, String out, String err) {
    }

    static Result gramian(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GramianCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void fitsAParquetFileAsTheLocalFitOfTheSameDoubles() throws Exception {
        NistDataset longley = NistDataset.read(SparkFixtures.nistDir().resolve("Longley.dat"));
        Path parquet = dir.resolve("longley.parquet");
        SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                .getOrCreate();
        try {
            SparkFixtures.frame(spark, longley.data(), 3, false).write().parquet(parquet.toString());
        } finally {
            spark.stop();
        }
        Result r = gramian("fit", "--spark", "local[2]", parquet.toString(), "--target", "y");
        assertThat(r.code()).as(r.err()).isZero();
        // Parquet holds doubles, without decimal tails: the local fit of those doubles.
        FittedModel local = Gramian.fit(Table.copyOf(withoutTails(longley.data())), longley.spec());
        assertThat(r.out()).isEqualTo(TextSummary.of(local, parquet.toString()));
        assertThat(r.out()).contains("Solver: qr (auto: small problem");
    }

    @Test
    void fitsACsvFileWithTheSameOutputAsTheLocalCommand() {
        String csv = Path.of("../examples/longley.csv").toString();
        Result local = gramian("fit", csv, "--target", "y", "--quiet");
        Result remote = gramian("fit", "--spark", "local[2]", csv, "--target", "y", "--format", "table");
        assertThat(local.code()).as(local.err()).isZero();
        assertThat(remote.code()).as(remote.err()).isZero();
        assertThat(remote.out()).isEqualTo(local.out());
        Result json = gramian("fit", "--spark", "local[2]", csv, "--target", "y", "--features", "x1,x2",
                "--format", "json");
        assertThat(json.code()).as(json.err()).isZero();
        assertThat(json.out()).contains("\"x2\"").doesNotContain("\"x3\"");
    }

    @Test
    void missingValuesAreDroppedAsByTheLocalCommand() throws Exception {
        Path csv = dir.resolve("missing.csv");
        Files.writeString(csv, "x,y\n1,2\n2,NA\n3,5\n,6\n4,7.5\n5,8\n");
        Result local = gramian("fit", csv.toString(), "--target", "y", "--quiet");
        Result remote = gramian("fit", "--spark", "local[1]", csv.toString(), "--target", "y");
        assertThat(local.code()).as(local.err()).isZero();
        assertThat(remote.code()).as(remote.err()).isZero();
        assertThat(remote.out()).isEqualTo(local.out()).contains("2 observations deleted due to missingness");
        Result fail = gramian("fit", "--spark", "local[1]", csv.toString(), "--target", "y", "--missing", "fail");
        assertThat(fail.code()).isEqualTo(3);
        assertThat(fail.err().strip()).doesNotContain("\n").contains("missing value");
        Result dialect = gramian("fit", "--spark", "local[1]", csv.toString(), "--target", "y", "--delimiter", ";");
        assertThat(dialect.code()).isEqualTo(2);
    }

    @Test
    void badInputIsOneLineAndExitStatus3() throws Exception {
        Result missing = gramian("fit", "--spark", "local[2]", dir.resolve("nope.parquet").toString(), "--target", "y");
        assertThat(missing.code()).isEqualTo(3);
        assertThat(missing.err().strip()).doesNotContain("\n").contains("nope.parquet");
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "x,y\n1,2\n2,oops\n3,4\n");
        Result bad = gramian("fit", "--spark", "local[1]", csv.toString(), "--target", "y");
        assertThat(bad.code()).isEqualTo(3);
        assertThat(bad.err().strip()).doesNotContain("\n").contains("bad.csv").contains("'oops'").contains("'y'");
        Result unknown = gramian("fit", "--spark", "local[1]", csv.toString(), "--target", "z");
        assertThat(unknown.code()).isEqualTo(3);
        Result robust = gramian("fit", "--spark", "local[1]", csv.toString(), "--target", "y", "--robust-se", "hc1");
        assertThat(robust.code()).isEqualTo(2);
        assertThat(robust.err()).contains("--robust-se is not available with --spark");
    }

    private static org.gramian.data.RowSource withoutTails(Table t) {
        return new org.gramian.data.RowSource() {
            @Override
            public java.util.List<String> columns() {
                return t.columns();
            }

            @Override
            public void forEachBlock(boolean extended, java.util.function.Consumer<org.gramian.data.RowBlock> c) {
                t.forEachBlock(false, b -> c.accept(new org.gramian.data.RowBlock(b.firstRow(), b.rows(), b.width(),
                        b.values(), null)));
            }
        };
    }
}
