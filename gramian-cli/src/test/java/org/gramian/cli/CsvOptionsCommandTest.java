package org.gramian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gramian.io.model.ModelJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --missing}, {@code --na-values}, {@code --delimiter}, {@code --decimal} from the command
 * line, on files written by R and pandas ({@code gramian-io/src/test/resources/dialects}, commands in
 * its README.md) and small hand-made ones.
 */
class CsvOptionsCommandTest {
    static final Path DIR = Path.of("../gramian-io/src/test/resources/dialects");
    /** R 4.2.2, lm(Ozone ~ Solar.R + Wind + Temp, read.csv("airquality-r.csv")), format(coef(m), digits = 17). */
    static final double[] R_COEF = {-64.342078928591689646, 0.059820589968498504, -3.333591305512740632,
        1.652092910992713160};
    /** Its standard errors, summary(m)$coefficients[, 2]. */
    static final double[] R_SE = {23.054724347470926915, 0.023186465941345841, 0.654407102054185619,
        0.253529793032360284};

    @TempDir
    Path tmp;

    private static Cli.Result fit(Path file, String... more) {
        String[] args = new String[5 + more.length];
        args[0] = "fit";
        args[1] = file.toString();
        args[2] = "--target";
        args[3] = "Ozone";
        args[4] = "--features=Solar.R,Wind,Temp";
        System.arraycopy(more, 0, args, 5, more.length);
        return Cli.run(args);
    }

    private static JsonNode json(Cli.Result r) throws Exception {
        assertThat(r.code()).as(r.err()).isZero();
        return ModelJson.MAPPER.readTree(r.out());
    }

    /** Correct significant digits of {@code got} against {@code want}. */
    private static double digits(double got, double want) {
        return got == want ? 17 : -Math.log10(Math.abs(got - want) / Math.abs(want));
    }

    @Test
    void rAndPandasFilesFitAsRDoesDroppingRowsWithNa() throws Exception {
        JsonNode reference = null;
        for (String[] run : new String[][] {{"airquality-r.csv"}, {"airquality-r-csv2.csv", "--decimal", ","},
            {"airquality-pandas.csv"}, {"airquality-pandas.tsv"}, {"airquality-r-csv2.csv", "--decimal=,",
                "--delimiter", ";"}}) {
            java.util.List<String> more = new java.util.ArrayList<>(java.util.List.of(run).subList(1, run.length));
            more.add("--format=json");
            Cli.Result r = fit(DIR.resolve(run[0]), more.toArray(String[]::new));
            JsonNode j = json(r);
            assertThat(j.at("/statistics/observations").asLong()).isEqualTo(111);
            assertThat(j.at("/statistics/observationsDeleted").asLong()).isEqualTo(42);
            for (int k = 0; k < 4; k++) {
                assertThat(digits(j.at("/coefficients/" + k + "/estimate").asDouble(), R_COEF[k])).as(run[0] + " " + k)
                        .isGreaterThan(13);
                assertThat(digits(j.at("/coefficients/" + k + "/stdError").asDouble(), R_SE[k])).isGreaterThan(13);
            }
            if (reference == null) {
                reference = j.get("coefficients");
            } else {
                assertThat(j.get("coefficients")).as(run[0]).isEqualTo(reference); // the same bits from every file
            }
            // the index column R and pandas write is skipped, with a note
            assertThat(r.errLines()).singleElement().asString().startsWith("note: ").contains("has no name");
        }
        Cli.Result text = fit(DIR.resolve("airquality-r.csv"));
        assertThat(text.out()).contains("on 107 degrees of freedom" + System.lineSeparator()
                + "  (42 observations deleted due to missingness)" + System.lineSeparator());
        assertThat(text.out()).contains("Observations: 111 ");
    }

    @Test
    void missingFailNamesTheFirstMissingCellWithItsPhysicalLineAndColumn() {
        Cli.Result r = fit(DIR.resolve("airquality-r.csv"), "--missing", "fail");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.errLines()).last().asString().endsWith(
                "airquality-r.csv, line 6, column 2 ('Ozone'): expected a number, found 'NA'");
        Cli.Result p = fit(DIR.resolve("airquality-pandas.csv"), "--missing", "fail");
        assertThat(p.errLines()).last().asString().endsWith(
                "airquality-pandas.csv, line 7, column 2 ('Ozone'): expected a number, found an empty cell");
    }

    @Test
    void droppingRowsEqualsFittingTheFileWithoutThem() throws Exception {
        Path with = Files.writeString(tmp.resolve("with.csv"),
                "y;x;w\n1,5;2;a\n-999;3;b\n2,25;4;\n3,5;n/a;c\n4;5;d\n6,125;7;e\n7;8,5;f\n");
        Path without = Files.writeString(tmp.resolve("without.csv"), "y,x\n1.5,2\n2.25,4\n4,5\n6.125,7\n7,8.5\n");
        Cli.Result a = Cli.run("fit", with.toString(), "--target", "y", "--features", "x", "--decimal", ",",
                "--na-values", "-999,n/a", "--format", "json");
        Cli.Result b = Cli.run("fit", without.toString(), "--target", "y", "--format", "json");
        JsonNode ja = json(a);
        JsonNode jb = json(b);
        assertThat(ja.get("coefficients")).isEqualTo(jb.get("coefficients"));
        assertThat(ja.at("/statistics/observationsDeleted").asLong()).isEqualTo(2); // -999 and n/a; w is not used
        assertThat(jb.at("/statistics/observationsDeleted").asLong()).isZero();
        // the default NA texts do not include -999 or n/a: then they are not numbers
        Cli.Result c = Cli.run("fit", with.toString(), "--target", "y", "--features", "x", "--decimal", ",");
        assertThat(c.code()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void delimiterOptions() throws Exception {
        Path tab = Files.writeString(tmp.resolve("t.txt"), "y\tx\n1\t1\n2\t3\n3\t2\n4\t5\n");
        Path pipe = Files.writeString(tmp.resolve("p.txt"), "y|x\n1|1\n2|3\n3|2\n4|5\n");
        JsonNode t1 = json(Cli.run("fit", tab.toString(), "--target", "y", "--format", "json"));
        JsonNode t2 = json(Cli.run("fit", tab.toString(), "--target", "y", "--delimiter", "tab", "--format", "json"));
        JsonNode p1 = json(Cli.run("fit", pipe.toString(), "--target", "y", "--delimiter", "|", "--format", "json"));
        assertThat(t2.get("coefficients")).isEqualTo(t1.get("coefficients"));
        assertThat(p1.get("coefficients")).isEqualTo(t1.get("coefficients"));
        // a wrong delimiter makes one column: the target is then unknown
        Cli.Result wrong = Cli.run("fit", pipe.toString(), "--target", "y", "--delimiter", ",");
        assertThat(wrong.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(wrong.err()).contains("unknown column 'y'");
    }

    @Test
    void impossibleOptionsAreUsageErrors() throws Exception {
        Path f = Files.writeString(tmp.resolve("d.csv"), "y,x\n1,2\n2,3\n3,5\n");
        for (String[] bad : new String[][] {{"--decimal", "x"}, {"--delimiter", ",", "--decimal", ","},
            {"--delimiter", "ab"}, {"--missing", "ignore"}, {"--delimiter", "\""}}) {
            String[] args = new String[4 + bad.length];
            args[0] = "fit";
            args[1] = f.toString();
            args[2] = "--target";
            args[3] = "y";
            System.arraycopy(bad, 0, args, 4, bad.length);
            Cli.Result r = Cli.run(args);
            assertThat(r.code()).as(String.join(" ", bad)).isEqualTo(ExitCodes.USAGE);
        }
        // a comma file read with decimal commas: the detected delimiter clashes, a one-line error
        Cli.Result clash = Cli.run("fit", f.toString(), "--target", "y", "--decimal", ",");
        assertThat(clash.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(clash.err()).contains("the same as the decimal mark");
    }

    @Test
    void aTextColumnInTheModelIsStillTheNumericError() {
        Cli.Result r = Cli.run("fit", DIR.resolve("airquality-pandas.csv").toString(), "--target", "Ozone",
                "--features", "Wind,month_name");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.errLines()).last().asString()
                .endsWith("airquality-pandas.csv, line 2, column 8 ('month_name'): expected a number, found 'May'");
        // predict takes the same options
        Cli.Result help = Cli.run("predict", "--help");
        assertThat(help.out()).contains("--missing").contains("--na-values").contains("--delimiter").contains("--decimal");
    }
}
