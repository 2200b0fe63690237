package org.gramian.cli;

import org.gramian.io.model.ModelJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitCommandTest {
    @TempDir
    Path tmp;

    private Path csv(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** x = 1, 2, 3; y = 2, 4, 5: by hand, slope Sxy/Sxx = 3/2 and intercept ȳ − 3/2·x̄ = 11/3 − 3 = 2/3. */
    private Path worked() throws Exception {
        return csv("worked.csv", "x,y\n1,2\n2,4\n3,5\n");
    }

    @Test
    void workedExampleJson() throws Exception {
        Cli.Result r = Cli.run("fit", worked().toString(), "--target", "y", "--format", "json", "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = ModelJson.MAPPER.readTree(r.out());
        assertThat(root.at("/model/target").asText()).isEqualTo("y");
        assertThat(root.at("/model/features/0").asText()).isEqualTo("x");
        assertThat(root.at("/model/degree").asInt()).isEqualTo(1);
        assertThat(root.at("/model/intercept").asBoolean()).isTrue();
        assertThat(root.at("/model/coefficientNames/0").asText()).isEqualTo("(Intercept)");
        JsonNode c = root.get("coefficients");
        assertThat(c.get(0).get("estimate").asDouble()).isCloseTo(2.0 / 3, within(1e-15 * 2 / 3));
        assertThat(c.get(1).get("estimate").asDouble()).isCloseTo(1.5, within(1e-15 * 1.5));
        // residuals 1/6, −1/3, 1/6: RSS = 1/6 on 1 df, so s = √(1/6); SE(slope) = s/√Sxx = √(1/12)
        assertThat(root.at("/statistics/residualSd").asDouble()).isCloseTo(Math.sqrt(1.0 / 6), within(1e-15));
        assertThat(c.get(1).get("stdError").asDouble()).isCloseTo(Math.sqrt(1.0 / 12), within(1e-15));
        // TSS = 42/9 = 14/3, R² = 1 − (1/6)/(14/3) = 27/28
        assertThat(root.at("/statistics/rSquared").asDouble()).isCloseTo(27.0 / 28, within(1e-15));
        assertThat(root.at("/statistics/residualDf").asInt()).isEqualTo(1);
        assertThat(root.at("/anova/regression/sumOfSquares").asDouble()).isCloseTo(4.5, within(1e-14));
        assertThat(root.at("/anova/f").asDouble()).isCloseTo(27.0, within(1e-12));
        assertThat(root.get("solver").asText()).isEqualTo("qr");
        assertThat(root.get("solverNote").asText()).isNotBlank();
        assertThat(root.at("/conditioning/warning").isNull()).isTrue();
        assertThat(root.get("format").asText()).isEqualTo(ModelJson.FORMAT);
    }

    @Test
    void workedExampleTable() throws Exception {
        Cli.Result r = Cli.run("fit", worked().toString(), "--target", "y", "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("y ~ 1 + x")
                .containsPattern("\\(Intercept\\)\\s+0\\.666666666666667\\s")
                .containsPattern("\\nx\\s+1\\.5\\s+0\\.288675134594813\\s+5\\.196\\s+0\\.121")
                .contains("Residual standard deviation: 0.408248290463863 on 1 degrees of freedom")
                .contains("R-squared: 0.964285714285714")
                .contains("F-statistic: 27 on 1 and 1 DF")
                .contains("Analysis of variance")
                .containsPattern("Regression\\s+1\\s+4\\.5\\s+4\\.5\\s+27")
                .containsPattern("Total\\s+2\\s+4\\.66666666666667")
                .contains("Observations: 3")
                .contains("Expected correct digits")
                .contains("Solver: qr")
                .doesNotContain("WARNING");
    }

    @Test
    void fullPrecisionInJson() throws Exception {
        Cli.Result r = Cli.run("fit", worked().toString(), "--target", "y", "--format", "json", "--quiet");
        // shortest round-trip form: every digit of the double, no more
        assertThat(r.out()).containsPattern("\"estimate\" : 0\\.666666666666666[0-9]*,");
        JsonNode root = ModelJson.MAPPER.readTree(r.out());
        String text = root.at("/coefficients/0/estimate").asText();
        assertThat(text.replaceAll("[^0-9]", "").length()).isLessThanOrEqualTo(17);
    }

    @Test
    void exactFitHasInfiniteFAsString() throws Exception {
        Path p = csv("exact.csv", "x,y\n1,3\n2,5\n3,7\n4,9\n");
        Cli.Result r = Cli.run("fit", p.toString(), "--target", "y", "--format", "json", "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = ModelJson.MAPPER.readTree(r.out());
        assertThat(root.at("/anova/f").isTextual()).isTrue();
        assertThat(root.at("/anova/f").asText()).isEqualTo("Infinity");
        assertThat(root.at("/coefficients/1/estimate").asDouble()).isEqualTo(2.0);
    }

    @Test
    void noInterceptReportsUncentredRSquared() throws Exception {
        // through the origin: w = Σxy/Σx² = (2 + 8 + 15)/14 = 25/14
        Cli.Result r = Cli.run("fit", worked().toString(), "--target", "y", "--no-intercept", "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("y ~ 0 + x").contains("R-squared (uncentred)").doesNotContain("(Intercept)")
                .containsPattern("\\nx\\s+1\\.78571428571429\\s");
        Cli.Result j = Cli.run("fit", worked().toString(), "--target", "y", "--no-intercept", "--format", "json");
        assertThat(j.out()).contains("\"rSquaredCentred\" : false").contains("\"intercept\" : false");
    }

    @Test
    void polynomialDegree() throws Exception {
        // y = 1 − 2x + 0.5x² exactly, on x = 0..5
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int x = 0; x <= 5; x++) {
            sb.append(x).append(',').append(1 - 2 * x + 0.5 * x * x).append('\n');
        }
        Path p = csv("poly.csv", sb.toString());
        Cli.Result r = Cli.run("fit", p.toString(), "--target", "y", "--degree", "2", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = ModelJson.MAPPER.readTree(r.out());
        assertThat(root.at("/model/coefficientNames/2").asText()).isEqualTo("x^2");
        assertThat(root.at("/coefficients/0/estimate").asDouble()).isCloseTo(1.0, within(1e-14));
        assertThat(root.at("/coefficients/1/estimate").asDouble()).isCloseTo(-2.0, within(1e-14));
        assertThat(root.at("/coefficients/2/estimate").asDouble()).isCloseTo(0.5, within(1e-14));
    }

    @Test
    void featuresDefaultToAllButTargetAndCanBeChosen() throws Exception {
        Path p = csv("three.csv", "a,y,b\n1,1,0\n2,3,1\n3,2,0\n4,6,1\n5,5,0\n");
        Cli.Result all = Cli.run("fit", p.toString(), "--target", "y", "--format", "json");
        assertThat(all.code()).as(all.err()).isZero();
        JsonNode root = ModelJson.MAPPER.readTree(all.out());
        assertThat(root.at("/model/features").toString()).isEqualTo("[\"a\",\"b\"]");
        Cli.Result one = Cli.run("fit", p.toString(), "--target", "y", "--features", "b", "--format", "json");
        assertThat(ModelJson.MAPPER.readTree(one.out()).at("/model/features").toString()).isEqualTo("[\"b\"]");
    }

    @Test
    void solverOptionIsHonoured() throws Exception {
        for (String s : new String[] {"cholesky", "qr", "svd"}) {
            Cli.Result r = Cli.run("fit", worked().toString(), "--target", "y", "--solver", s, "--format", "json");
            assertThat(r.code()).as(r.err()).isZero();
            JsonNode root = ModelJson.MAPPER.readTree(r.out());
            assertThat(root.get("solver").asText()).isEqualTo(s);
            assertThat(root.at("/coefficients/1/estimate").asDouble()).isCloseTo(1.5, within(1e-13));
        }
    }

    @Test
    void rankDeficientNamesTheAliasedCoefficient() throws Exception {
        // b is a copy of a
        Path p = csv("dup.csv", "a,b,y\n1,1,2.1\n2,2,3.9\n3,3,6.2\n4,4,7.8\n");
        Cli.Result t = Cli.run("fit", p.toString(), "--target", "y", "--quiet");
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).containsPattern("\\nb\\s+\\S+\\s+aliased").contains("WARNING").contains("b is a linear");
        assertThat(t.out().lines().filter(l -> l.startsWith("WARNING"))).hasSize(1);

        Cli.Result j = Cli.run("fit", p.toString(), "--target", "y", "--format", "json", "--quiet");
        assertThat(j.code()).as(j.err()).isZero();
        JsonNode root = ModelJson.MAPPER.readTree(j.out());
        JsonNode b = root.at("/coefficients/2");
        assertThat(b.get("name").asText()).isEqualTo("b");
        assertThat(b.get("aliased").asBoolean()).isTrue();
        assertThat(b.get("stdError").isNull()).isTrue();
        assertThat(b.get("t").isNull()).isTrue();
        assertThat(root.at("/coefficients/1/aliased").asBoolean()).isFalse();
        assertThat(root.at("/conditioning/aliased/0").asText()).isEqualTo("b");
        assertThat(root.at("/conditioning/warning").asText()).contains("rank-deficient");
        assertThat(root.at("/statistics/rank").asInt()).isEqualTo(2);
        assertThat(root.get("solver").asText()).isEqualTo("qr");
        // as R's lm: b is left out (estimate null), a carries the whole slope
        assertThat(b.get("estimate").isNull()).isTrue();
        assertThat(root.at("/coefficients/1/estimate").asDouble()).isFinite();

        // --solver svd: the minimum-norm solution splits the slope of y on a equally between a and b
        Cli.Result s = Cli.run("fit", p.toString(), "--target", "y", "--format", "json", "--quiet", "--solver", "svd");
        JsonNode sv = ModelJson.MAPPER.readTree(s.out());
        double a = sv.at("/coefficients/1/estimate").asDouble();
        assertThat(sv.at("/coefficients/2/estimate").asDouble()).isCloseTo(a, within(1e-12));
        assertThat(2 * a).isCloseTo(root.at("/coefficients/1/estimate").asDouble(), within(1e-12));
    }

    @Test
    void outWritesTheFileAtomically() throws Exception {
        Path target = tmp.resolve("model.json");
        Files.writeString(target, "old contents");
        Cli.Result r = Cli.run("fit", worked().toString(), "--target", "y", "--format", "json", "--out",
                target.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        JsonNode root = ModelJson.MAPPER.readTree(Files.readString(target));
        assertThat(root.at("/coefficients/1/estimate").asDouble()).isCloseTo(1.5, within(1e-15));
        try (var files = Files.list(tmp)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void failedRunLeavesThePreviousOutputFileAlone() throws Exception {
        Path target = tmp.resolve("model.json");
        Files.writeString(target, "old contents");
        Path bad = csv("bad.csv", "x,y\n1,2\n");
        Cli.Result r = Cli.run("fit", bad.toString(), "--target", "y", "--out", target.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(Files.readString(target)).isEqualTo("old contents");
    }

    @Test
    void unwritableOutputIsExitFour() throws Exception {
        Path target = tmp.resolve("no/such/dir/model.json");
        Cli.Result r = Cli.run("fit", worked().toString(), "--target", "y", "--out", target.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.OUTPUT_ERROR);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("gramian: cannot write ").contains("model.json").doesNotContain("Exception");
    }

    @Test
    void brokenStandardOutputIsExitFour() throws Exception {
        java.io.OutputStream broken = new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("Broken pipe");
            }
        };
        java.io.StringWriter err = new java.io.StringWriter();
        int code = GramianCli.run(new String[] {"fit", worked().toString(), "--target", "y"},
                new java.io.PrintWriter(broken), new java.io.PrintWriter(err));
        assertThat(code).isEqualTo(ExitCodes.OUTPUT_ERROR);
        assertThat(err.toString().strip()).isEqualTo("gramian: cannot write to standard output");
    }

    @Test
    void examplesFromTheReadmeRun() {
        Path examples = Path.of("../examples");
        for (String f : new String[] {"norris.csv", "pontius.csv", "longley.csv"}) {
            String target = f.equals("pontius.csv") ? "deflection" : "y";
            Cli.Result r = Cli.run("fit", examples.resolve(f).toString(), "--target", target);
            assertThat(r.code()).as(f + ": " + r.err()).isZero();
            assertThat(r.out()).contains("Residual standard deviation");
        }
    }
}
