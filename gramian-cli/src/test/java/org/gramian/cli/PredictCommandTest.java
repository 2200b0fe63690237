package org.gramian.cli;

import org.gramian.io.model.ModelJson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gramian.report.Numbers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {
    @TempDir
    Path tmp;

    private Path file(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Path fitModel(String csvText, String... options) throws Exception {
        Path data = file("train.csv", csvText);
        Path model = tmp.resolve("model.json");
        String[] args = new String[6 + options.length];
        System.arraycopy(new String[] {"fit", data.toString(), "--format", "json", "--out", model.toString()}, 0,
                args, 0, 6);
        System.arraycopy(options, 0, args, 6, options.length);
        Cli.Result r = Cli.run(args);
        assertThat(r.code()).as(r.err()).isZero();
        return model;
    }

    @Test
    void workedExamplePredictions() throws Exception {
        // ŷ = 2/3 + 3/2·x
        Path model = fitModel("x,y\n1,2\n2,4\n3,5\n", "--target", "y");
        Path data = file("new.csv", "x\n0\n4\n-2.5\n");
        Cli.Result r = Cli.run("predict", model.toString(), data.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("x,predicted_y");
        assertThat(lines).hasSize(4);
        double[] x = {0, 4, -2.5};
        for (int i = 0; i < 3; i++) {
            String[] f = lines.get(i + 1).split(",");
            assertThat(Double.parseDouble(f[0])).isEqualTo(x[i]);
            assertThat(Double.parseDouble(f[1])).isCloseTo(2.0 / 3 + 1.5 * x[i],
                    org.assertj.core.api.Assertions.within(1e-14));
            assertThat(f[1].replaceAll("[^0-9]", "").replaceFirst("^0+", "").length()).isLessThanOrEqualTo(17);
        }
    }

    /** The prediction is w0 + Σ wj·xj of the JSON's own coefficients on the decimal input, rounded once. */
    @Test
    void predictionsAreTheCorrectlyRoundedValueOfTheSavedCoefficients() throws Exception {
        Path model = fitModel("a,b,y\n0.1,7,1.3\n0.25,3,2.9\n0.7,1,0.4\n0.9,4,3.3\n1.3,2,2.2\n", "--target", "y");
        JsonNode root = ModelJson.MAPPER.readTree(Files.readString(model));
        BigDecimal w0 = new BigDecimal(root.at("/coefficients/0/estimate").asText());
        BigDecimal wa = new BigDecimal(root.at("/coefficients/1/estimate").asText());
        BigDecimal wb = new BigDecimal(root.at("/coefficients/2/estimate").asText());
        String[][] rows = {{"0.3", "1e5"}, {"123456.789", "-0.001"}, {"1e-7", "3.3"}};
        StringBuilder sb = new StringBuilder("b,a,extra\n");
        for (String[] r : rows) {
            sb.append(r[1]).append(',').append(r[0]).append(",zzz\n");
        }
        Path data = file("new.csv", sb.toString());
        Path out = tmp.resolve("pred.csv");
        Cli.Result r = Cli.run("predict", model.toString(), data.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("a,b,predicted_y");
        for (int i = 0; i < rows.length; i++) {
            String[] f = lines.get(i + 1).split(",");
            assertThat(new BigDecimal(f[0])).isEqualByComparingTo(new BigDecimal(Double.toString(
                    Double.parseDouble(rows[i][0]))));
            BigDecimal exact = w0.add(wa.multiply(new BigDecimal(rows[i][0])))
                    .add(wb.multiply(new BigDecimal(rows[i][1])));
            double expected = exact.doubleValue();
            assertThat(Double.parseDouble(f[2])).as(lines.get(i + 1)).isEqualTo(expected);
            assertThat(new BigDecimal(f[2])).isEqualByComparingTo(
                    new BigDecimal(expected).round(new MathContext(17)));
        }
    }

    @Test
    void polynomialModel() throws Exception {
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int x = -3; x <= 3; x++) {
            sb.append(x).append(',').append(2 + x - 0.25 * x * x * x).append('\n');
        }
        Path model = fitModel(sb.toString(), "--target", "y", "--degree", "3");
        Path data = file("new.csv", "x\n10\n0.5\n");
        Cli.Result r = Cli.run("predict", model.toString(), data.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(Double.parseDouble(lines.get(1).split(",")[1])).isCloseTo(2 + 10 - 250,
                org.assertj.core.api.Assertions.within(1e-10));
        assertThat(Double.parseDouble(lines.get(2).split(",")[1])).isCloseTo(2 + 0.5 - 0.25 * 0.125,
                org.assertj.core.api.Assertions.within(1e-13));
    }

    @Test
    void noInterceptModel() throws Exception {
        Path model = fitModel("x,y\n1,2\n2,4\n3,5\n", "--target", "y", "--no-intercept");
        Cli.Result r = Cli.run("predict", model.toString(), file("new.csv", "x\n14\n").toString());
        assertThat(r.code()).as(r.err()).isZero();
        // w = 25/14, so 14·w = 25
        assertThat(r.out().lines().toList().get(1)).isEqualTo("14,25");
    }

    @Test
    void missingFeatureColumnNamesTheDataFile() throws Exception {
        Path model = fitModel("x,y\n1,2\n2,4\n3,5\n", "--target", "y");
        Cli.Result r = Cli.run("predict", model.toString(), file("new.csv", "z\n1\n").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("gramian: ").contains("new.csv").contains("'x'");
    }

    @Test
    void nonFiniteFeatureIsRejectedWithItsLine() throws Exception {
        Path model = fitModel("x,y\n1,2\n2,4\n3,5\n", "--target", "y");
        Cli.Result r = Cli.run("predict", model.toString(), file("new.csv", "x\n1\nNaN\n").toString(), "--missing",
                "fail");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("new.csv").contains("line 3").doesNotContain("Exception");
        // --missing drop leaves the row out, and a note says so
        Cli.Result d = Cli.run("predict", model.toString(), file("new.csv", "x\n1\nNaN\n2\n").toString(), "--missing",
                "drop");
        assertThat(d.code()).isZero();
        assertThat(d.out().lines().count()).isEqualTo(3);
        assertThat(d.errLines()).containsExactly("note: " + tmp.resolve("new.csv")
                + ": 1 row with a missing value left out (--missing fail makes this an error)");
    }

    /**
     * By default a row with a missing value in a column the model uses stays, with NA, as R's
     * {@code predict(fit, newdata)} gives NA there (rows stay aligned with the input); a missing
     * value in a column the model does not use changes nothing. The model is y = 1 + 2a − b (exact
     * data), so the other predictions are exact.
     */
    @Test
    void aRowWithAMissingValueIsPredictedAsNaByDefault() throws Exception {
        Path model = fitModel("a,b,y\n0,0,1\n1,0,3\n0,1,0\n1,1,2\n2,1,4\n", "--target", "y");
        Path data = file("new.csv", "a,b,other\n1,2,\n,1,x\n3,NA,y\n0.5,0.25,\nN/A,,z\n");
        Cli.Result r = Cli.run("predict", model.toString(), data.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines()).containsExactly("a,b,predicted_y", "1,2,1", "NA,1,NA", "3,NA,NA",
                "0.5,0.25,1.75", "NA,NA,NA");
        assertThat(r.errLines()).containsExactly("note: " + data
                + ": 3 rows with a missing value predicted as NA (--missing drop leaves them out, --missing fail"
                + " makes this an error)");

        // with intervals, every added column is NA too
        Cli.Result i = Cli.run("predict", model.toString(), data.toString(), "--intervals", "confidence");
        assertThat(i.code()).as(i.err()).isZero();
        assertThat(i.out().lines()).element(2).isEqualTo("NA,1,NA,NA,NA");
        assertThat(i.out().lines()).hasSize(6);

        // --missing drop: only the complete rows
        Cli.Result d = Cli.run("predict", model.toString(), data.toString(), "--missing", "drop");
        assertThat(d.out().lines()).containsExactly("a,b,predicted_y", "1,2,1", "0.5,0.25,1.75");
        assertThat(d.errLines()).containsExactly("note: " + data
                + ": 3 rows with a missing value left out (--missing fail makes this an error)");

        // --missing fail: the first one is the error, with its line and column
        Cli.Result f = Cli.run("predict", model.toString(), data.toString(), "--missing", "fail");
        assertThat(f.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(f.errLines()).hasSize(1);
        assertThat(f.err()).contains("new.csv").contains("line 3").contains("'a'");
    }

    /**
     * The bytes do not depend on the threads (parsing and formatting) nor on where the blocks
     * break: 1 thread and 5 threads, on 30,000 rows with missing cells, give the same file, and
     * its predictions are those of y = 1 + 2a − b computed here (exact: quarters and small integers).
     */
    @Test
    void theOutputIsTheSameForAnyNumberOfThreads() throws Exception {
        Path model = fitModel("a,b,y\n0,0,1\n1,0,3\n0,1,0\n1,1,2\n2,1,4\n", "--target", "y");
        StringBuilder csv = new StringBuilder("a,b\n");
        StringBuilder expected = new StringBuilder("a,b,predicted_y\n");
        for (int i = 0; i < 30_000; i++) {
            double a = (i % 977) + 0.25;
            double b = (i % 13) - 0.5;
            if (i % 1_001 == 7) {
                csv.append(a).append(",\n");
                expected.append(Numbers.shortest(a)).append(",NA,NA\n");
            } else {
                csv.append(a).append(',').append(b).append('\n');
                expected.append(Numbers.shortest(a)).append(',').append(Numbers.shortest(b)).append(',')
                        .append(Numbers.significant17(1 + 2 * a - b)).append('\n');
            }
        }
        Path data = file("many.csv", csv.toString());
        Path one = tmp.resolve("one.csv");
        Path five = tmp.resolve("five.csv");
        Cli.Result r1 = Cli.run("predict", model.toString(), data.toString(), "--threads", "1", "--out", one.toString());
        Cli.Result r5 = Cli.run("predict", model.toString(), data.toString(), "--threads", "5", "--out", five.toString());
        assertThat(r1.code()).as(r1.err()).isZero();
        assertThat(r5.code()).as(r5.err()).isZero();
        assertThat(Files.readString(one)).isEqualTo(expected.toString());
        assertThat(Files.mismatch(one, five)).isEqualTo(-1L);
    }

    /** A formula model with a factor: a missing level gives NA; the other rows name their levels. */
    @Test
    void aMissingLevelOfAFactorIsPredictedAsNa() throws Exception {
        Path model = fitModel("g,x,y\nu,0,1\nu,1,3\nv,0,2\nv,1,4\nw,2,7\nw,0,3\n", "y ~ x + C(g)");
        Path data = file("new.csv", "g,x\nv,1\n,2\nw,NA\nu,0\n");
        Cli.Result r = Cli.run("predict", model.toString(), data.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("x,g,predicted_y"); // the formula's order
        assertThat(lines.get(2)).isEqualTo("2,NA,NA");
        assertThat(lines.get(3)).isEqualTo("NA,w,NA");
        assertThat(lines.get(1)).startsWith("1,v,");
        assertThat(lines.get(4)).startsWith("0,u,");
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("2 rows with a missing value predicted as NA");
    }

    @Test
    void invalidJsonNamesTheModelFileLineAndColumn() throws Exception {
        Path bad = file("broken.json", "{\n  \"model\": [1, 2,,]\n}\n");
        Cli.Result r = Cli.run("predict", bad.toString(), file("new.csv", "x\n1\n").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("broken.json, line 2, column").contains("not valid JSON")
                .doesNotContain("Exception");
    }

    @Test
    void jsonThatIsNotAModel() throws Exception {
        Path bad = file("other.json", "{\"format\": \"gramian-model/1\", \"model\": {\"target\": \"y\", \"features\": [\"x\"], \"degree\": 1,"
                + " \"intercept\": true}, \"coefficients\": [{\"name\": \"(Intercept)\", \"estimate\": 1}]}");
        Cli.Result r = Cli.run("predict", bad.toString(), file("new.csv", "x\n1\n").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("other.json").contains("not a gramian model file").contains("2 coefficients");
    }

    @Test
    void modelOfAnotherFormatVersionIsRefused() throws Exception {
        Path model = fitModel("x,y\n1,2\n2,4\n3,5\n", "--target", "y");
        String text = Files.readString(model);
        assertThat(text).contains("\"" + ModelJson.FORMAT + "\"");
        Path v2 = file("v2.json", text.replace("\"" + ModelJson.FORMAT + "\"", "\"gramian-model/2\""));
        Path out = tmp.resolve("pred.csv");
        Cli.Result r = Cli.run("predict", v2.toString(), file("new.csv", "x\n1\n").toString(),
                "--out", out.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("v2.json").contains("\"gramian-model/2\"")
                .contains("\"" + ModelJson.FORMAT + "\"").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void modelWithoutAFormatIsRefused() throws Exception {
        Path model = fitModel("x,y\n1,2\n2,4\n3,5\n", "--target", "y");
        com.fasterxml.jackson.databind.node.ObjectNode root =
                (com.fasterxml.jackson.databind.node.ObjectNode) ModelJson.MAPPER.readTree(Files.readString(model));
        root.remove("format");
        Path noFormat = file("noformat.json", ModelJson.MAPPER.writeValueAsString(root));
        Cli.Result r = Cli.run("predict", noFormat.toString(), file("new.csv", "x\n1\n").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("noformat.json").contains("'format'").contains(ModelJson.FORMAT);
    }

    @Test
    void missingModelFile() throws Exception {
        Cli.Result r = Cli.run("predict", tmp.resolve("gone.json").toString(), file("new.csv", "x\n1\n").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("gone.json").contains("no such file");
    }

    @Test
    void unwritableOutIsExitFour() throws Exception {
        Path model = fitModel("x,y\n1,2\n2,4\n3,5\n", "--target", "y");
        Cli.Result r = Cli.run("predict", model.toString(), file("new.csv", "x\n1\n").toString(), "--out",
                tmp.resolve("missing/pred.csv").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.OUTPUT_ERROR);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("gramian: cannot write ").contains("pred.csv");
    }

    /**
     * A standard output that fails after a while (a pipe closed by {@code | head}): predict stops
     * within one check interval of the failure, with exit 4 and one line, instead of predicting the
     * rest of the file for nobody.
     */
    @Test
    void brokenStandardOutputStopsPredictionAtOnce() throws Exception {
        Path model = fitModel("x,y\n1,2\n2,4\n3,5\n", "--target", "y");
        int rows = 60_000;
        StringBuilder sb = new StringBuilder(rows * 12).append("x\n");
        for (int i = 0; i < rows; i++) {
            sb.append(i).append(".125\n");
        }
        Path data = file("big.csv", sb.toString());
        // the whole result would be ~25 bytes a row; the reader goes away after 20 KB
        long failAfter = 20_000;
        long[] accepted = {0};
        long[] offeredAfterFailure = {0};
        java.io.OutputStream closing = new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                if (accepted[0] >= failAfter) {
                    offeredAfterFailure[0] += len;
                    throw new java.io.IOException("Broken pipe");
                }
                accepted[0] += len;
            }
        };
        java.io.StringWriter err = new java.io.StringWriter();
        int code = GramianCli.run(new String[] {"predict", model.toString(), data.toString(), "--quiet"},
                new java.io.PrintWriter(closing), new java.io.PrintWriter(err));
        assertThat(code).isEqualTo(ExitCodes.OUTPUT_ERROR);
        assertThat(err.toString().strip()).isEqualTo("gramian: cannot write to standard output");
        long produced = accepted[0] + offeredAfterFailure[0];
        // stopped after at most a few check intervals (64 Ki characters each), not after all ~1.5 MB
        assertThat(produced).isLessThan(failAfter + 4L * Output.StdoutWriter.CHECK_CHARS);
        assertThat((long) rows * 20).isGreaterThan(10 * produced);
    }

    @Test
    void csvFieldQuoting() {
        assertThat(PredictCommand.csvField("plain")).isEqualTo("plain");
        assertThat(PredictCommand.csvField("a,b")).isEqualTo("\"a,b\"");
        assertThat(PredictCommand.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    }
}
