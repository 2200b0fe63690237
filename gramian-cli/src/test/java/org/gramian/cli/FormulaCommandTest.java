package org.gramian.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gramian.io.model.ModelJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gramian fit FILE 'y ~ ...'} / {@code --formula} and predict from a formula model, end to end. */
class FormulaCommandTest {
    @TempDir
    Path tmp;
    Path mtcars;

    @BeforeEach
    void copyData() throws Exception {
        mtcars = tmp.resolve("mtcars.csv");
        try (InputStream in = getClass().getResourceAsStream("/r/mtcars.csv")) {
            Files.write(mtcars, in.readAllBytes());
        }
    }

    private Path file(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static JsonNode json(Cli.Result r) throws Exception {
        assertThat(r.code()).as(r.err()).isZero();
        return ModelJson.MAPPER.readTree(r.out());
    }

    /**
     * R 4.2.2: {@code d <- read.csv("mtcars.csv"); f <- lm(mpg ~ wt * hp + log(hp), d);
     * sprintf("%.17g", coef(f)); anova(f)$"Sum Sq"; predict(f, data.frame(wt = c(2.5, 3.1), hp = c(100, 150)))}.
     */
    @Test
    void fitsAndPredictsAsR() throws Exception {
        Path model = tmp.resolve("m.json");
        Cli.Result fit = Cli.run("fit", mtcars.toString(), "mpg ~ wt * hp + log(hp)", "--format", "json", "--out",
                model.toString());
        assertThat(fit.code()).as(fit.err()).isZero();
        JsonNode j = ModelJson.MAPPER.readTree(Files.readString(model));
        double[] r = {69.403090651361055, -6.660794282928574, -0.059683492344770592, -6.0755686124921553,
            0.020461199711895611};
        List<String> names = List.of("(Intercept)", "wt", "hp", "log(hp)", "wt:hp");
        for (int k = 0; k < r.length; k++) {
            assertThat(j.path("coefficients").get(k).path("name").asText()).isEqualTo(names.get(k));
            assertThat(j.path("coefficients").get(k).path("estimate").asDouble())
                    .isCloseTo(r[k], within(1e-10 * Math.abs(r[k])));
        }
        assertThat(j.path("model").path("formula").asText()).isEqualTo("mpg ~ wt * hp + log(hp)");
        double[] ss = {847.72524995665697, 83.274182801877146, 50.910148816896069, 22.934947644072707};
        for (int k = 0; k < ss.length; k++) {
            assertThat(j.path("anova").path("terms").get(k).path("sumOfSquares").asDouble())
                    .isCloseTo(ss[k], within(1e-10 * ss[k]));
        }
        Cli.Result p = Cli.run("predict", model.toString(), file("new.csv", "hp,wt,cyl\n100,2.5,4\n150,3.1,8\n").toString());
        assertThat(p.code()).as(p.err()).isZero();
        List<String> lines = p.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("wt,hp,predicted_mpg");
        assertThat(Double.parseDouble(lines.get(1).split(",")[2])).isCloseTo(23.919028200362547, within(1e-11));
        assertThat(Double.parseDouble(lines.get(2).split(",")[2])).isCloseTo(18.874103867141738, within(1e-11));
    }

    @Test
    void summaryShowsTheFormulaAndOneAnovaRowPerTerm() {
        Cli.Result r = Cli.run("fit", mtcars.toString(), "--formula", "mpg ~ wt * hp + log(hp)");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Least-squares fit: mpg ~ wt * hp + log(hp)   (data: ");
        List<String> lines = r.out().lines().toList();
        int at = lines.indexOf("Analysis of variance");
        assertThat(lines.get(at + 2)).matches("wt +1 +847\\.725249956657 .*1\\.051e-13");
        assertThat(lines.get(at + 3)).startsWith("hp ");
        assertThat(lines.get(at + 4)).startsWith("log(hp) ");
        assertThat(lines.get(at + 5)).startsWith("wt:hp ");
        assertThat(lines.get(at + 6)).startsWith("Residual ");
    }

    /** The shorthands are the same terms: the same coefficients, bit for bit. */
    @Test
    void shorthandsAndFormulasGiveTheSameFit() throws Exception {
        JsonNode a = json(Cli.run("fit", mtcars.toString(), "--target", "mpg", "--features", "wt,hp", "--format", "json"));
        JsonNode b = json(Cli.run("fit", mtcars.toString(), "mpg ~ wt + hp", "--format", "json"));
        JsonNode c = json(Cli.run("fit", mtcars.toString(), "--target", "mpg", "--features", "hp", "--degree", "3",
                "--format", "json"));
        JsonNode d = json(Cli.run("fit", mtcars.toString(), "mpg ~ poly(hp, 3)", "--format", "json"));
        JsonNode e = json(Cli.run("fit", mtcars.toString(), "--target", "mpg", "--features", "wt", "--no-intercept",
                "--format", "json"));
        JsonNode f = json(Cli.run("fit", mtcars.toString(), "mpg ~ wt - 1", "--format", "json"));
        for (JsonNode[] pair : new JsonNode[][] {{a, b}, {c, d}, {e, f}}) {
            assertThat(pair[1].path("coefficients").size()).isEqualTo(pair[0].path("coefficients").size());
            for (int k = 0; k < pair[0].path("coefficients").size(); k++) {
                JsonNode x = pair[0].path("coefficients").get(k);
                JsonNode y = pair[1].path("coefficients").get(k);
                assertThat(y.path("name")).isEqualTo(x.path("name"));
                assertThat(y.path("estimate")).isEqualTo(x.path("estimate"));
                assertThat(y.path("stdError")).isEqualTo(x.path("stdError"));
            }
            assertThat(pair[1].path("statistics")).isEqualTo(pair[0].path("statistics"));
        }
    }

    @Test
    void badFormulaIsAUsageErrorWithACaret() {
        Cli.Result r = Cli.run("fit", mtcars.toString(), "mpg ~ wt + + hp");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        List<String> err = r.err().lines().toList();
        assertThat(err).hasSize(3);
        assertThat(err.get(0)).startsWith("gramian: bad formula: expected a term").contains("found '+'");
        assertThat(err.get(1)).isEqualTo("  mpg ~ wt + + hp");
        assertThat(err.get(2)).isEqualTo("             ^");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void formulaAndTargetTogetherIsAUsageError() {
        Cli.Result r = Cli.run("fit", mtcars.toString(), "mpg ~ wt", "--target", "mpg");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("leave out --target");
        Cli.Result both = Cli.run("fit", mtcars.toString(), "mpg ~ wt", "--formula", "mpg ~ hp");
        assertThat(both.code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void logOfZeroNamesTheLineAndColumn() throws Exception {
        Path data = file("zero.csv", "y,x\n1,1\n2,2\n3,0\n4,4\n");
        Cli.Result r = Cli.run("fit", data.toString(), "y ~ log(x)");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).contains("line 4").contains("'x'").contains("log(x) is -Infinity");
        Cli.Result s = Cli.run("fit", data.toString(), "y ~ sqrt(x - 3)", "--solver", "qr");
        assertThat(s.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(s.err()).contains("line 2").contains("sqrt(x - 3) is not a number");
    }

    @Test
    void unknownColumnInTheFormula() {
        Cli.Result r = Cli.run("fit", mtcars.toString(), "mpg ~ wt + disp");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("unknown column 'disp'");
    }

    @Test
    void dotMeansEveryOtherColumn() throws Exception {
        JsonNode a = json(Cli.run("fit", mtcars.toString(), "mpg ~ . - cyl", "--format", "json"));
        assertThat(a.path("model").path("formula").asText()).isEqualTo("mpg ~ (wt + cyl + hp) - cyl");
        assertThat(a.path("model").path("coefficientNames").toString()).isEqualTo("[\"(Intercept)\",\"wt\",\"hp\"]");
    }

    private Path resource(String name) throws Exception {
        Path p = tmp.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/r/" + name)) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    /**
     * Text columns are factors. R 4.2.2: {@code d <- read.csv("warpbreaks.csv", stringsAsFactors = TRUE);
     * f <- lm(breaks ~ wool * tension, d); sprintf("%.17g", coef(f)); anova(f);
     * predict(f, data.frame(wool = c("B", "A"), tension = c("M", "H")))}.
     */
    @Test
    void factorsFromTextColumnsFitAndPredictAsR() throws Exception {
        Path data = resource("warpbreaks.csv");
        Path model = tmp.resolve("wb.json");
        Cli.Result fit = Cli.run("fit", data.toString(), "breaks ~ wool * tension", "--format", "json", "--out",
                model.toString());
        assertThat(fit.code()).as(fit.err()).isZero();
        JsonNode j = ModelJson.MAPPER.readTree(Files.readString(model));
        assertThat(j.path("model").path("levels").toString())
                .isEqualTo("{\"tension\":[\"H\",\"L\",\"M\"],\"wool\":[\"A\",\"B\"]}");
        double[] r = {24.55555555555555, -5.7777777777777732, 20.000000000000004, -0.55555555555554892,
            -10.555555555555562, 10.555555555555546};
        for (int k = 0; k < r.length; k++) {
            assertThat(j.path("coefficients").get(k).path("estimate").asDouble()).isCloseTo(r[k], within(1e-12));
        }
        assertThat(j.path("anova").path("terms").get(1).path("df").asInt()).isEqualTo(2);
        assertThat(j.path("anova").path("terms").get(1).path("sumOfSquares").asDouble())
                .isCloseTo(2034.2592592592607, within(1e-9));
        // new data: a quoted level, columns in another order, an extra column; ŷ = cell means
        Path fresh = file("new.csv", "tension,other,wool\n\"M\",x,B\nH,y,A\n");
        Cli.Result p = Cli.run("predict", model.toString(), fresh.toString());
        assertThat(p.code()).as(p.err()).isZero();
        List<String> lines = p.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("wool,tension,predicted_breaks");
        assertThat(lines.get(1)).startsWith("B,M,");
        assertThat(Double.parseDouble(lines.get(1).split(",")[2])).isCloseTo(28.777777777777779, within(1e-12));
        assertThat(Double.parseDouble(lines.get(2).split(",")[2])).isCloseTo(24.555555555555554, within(1e-12));

        Cli.Result bad = Cli.run("predict", model.toString(), file("bad.csv", "wool,tension\nA,H\nC,L\n").toString());
        assertThat(bad.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("bad.csv, line 3").contains("'wool'")
                .contains("level 'C' was not in the data the model was fitted on");
    }

    @Test
    void aTextColumnWithoutFormulaIsStillRefusedAsANumber() throws Exception {
        Cli.Result r = Cli.run("fit", resource("warpbreaks.csv").toString(), "--target", "breaks");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("expected a number, found 'A'");
    }

    /** Rows with a missing value are dropped (R's na.omit) and factor levels come from the rows kept. */
    @Test
    void missingValuesDroppedWithAFormula() throws Exception {
        Path data = file("na.csv", "y,g,x\n1,a,1\n2,b,2\nNA,c,3\n4,a,\n5,b,5\n7,a,6\n8,b,8\n");
        Cli.Result r = Cli.run("fit", data.toString(), "y ~ g + x", "--format", "json");
        JsonNode j = json(r);
        assertThat(j.path("statistics").path("observations").asInt()).isEqualTo(5);
        assertThat(j.path("model").path("levels").path("g").toString()).isEqualTo("[\"a\",\"b\"]");
    }
}
