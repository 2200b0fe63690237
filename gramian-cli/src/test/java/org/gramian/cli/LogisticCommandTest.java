package org.gramian.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gramian logistic}, its model file, {@code predict} on it and {@code explain --logistic}. */
class LogisticCommandTest {
    @TempDir
    Path dir;

    /** R's mtcars am, wt, hp: {@code write.csv(mtcars[, c("am", "wt", "hp")], row.names = FALSE)}. */
    static final String MTCARS = "am,wt,hp\n1,2.62,110\n1,2.875,110\n1,2.32,93\n0,3.215,110\n0,3.44,175\n0,3.46,105\n"
            + "0,3.57,245\n0,3.19,62\n0,3.15,95\n0,3.44,123\n0,3.44,123\n0,4.07,180\n0,3.73,180\n0,3.78,180\n"
            + "0,5.25,205\n0,5.424,215\n0,5.345,230\n1,2.2,66\n1,1.615,52\n1,1.835,65\n0,2.465,97\n0,3.52,150\n"
            + "0,3.435,150\n0,3.84,245\n0,3.845,175\n1,1.935,66\n1,2.14,91\n1,1.513,113\n1,3.17,264\n1,2.77,175\n"
            + "1,3.57,335\n1,2.78,109\n";

    /** The 2×2 table of LogisticRegressionTest: x = 0 has 2 ones in 5, x = 1 has 6 in 7. */
    static final String TABLE = "y,x\n0,0\n0,0\n0,0\n1,0\n1,0\n0,1\n1,1\n1,1\n1,1\n1,1\n1,1\n1,1\n";

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** The summary: R's glm numbers (see LogisticRegressionTest for how they were produced). */
    @Test
    void summaryShowsRsNumbers() throws Exception {
        Path data = write("mtcars.csv", MTCARS);
        Cli.Result r = Cli.run("logistic", data.toString(), "--target", "am");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Logistic regression (binomial family, logit link): am ~ 1 + wt + hp")
                .contains("IRLS: 9 iterations, converged")
                .contains("Null deviance: 43.2297332768578 on 31 degrees of freedom")
                .contains("Residual deviance: 10.059110472267 on 29 degrees of freedom")
                .contains("AIC: 16.059110472267")
                .contains("z value").contains("Pr(>|z|)").contains("2.5 %").contains("97.5 %")
                .doesNotContain("WARNING");
        assertThat(r.out().lines().filter(l -> l.startsWith("wt ")).findFirst().orElseThrow())
                .contains("-8.0834751824").contains("-2.634").contains("0.008434");
    }

    /**
     * Probabilities and confidence intervals from a saved model. R 4.2.2:
     * {@code p <- predict(f, data.frame(wt = c(2.5, 3.5), hp = c(120, 200)), type = "link", se.fit = TRUE)},
     * {@code plogis(p$fit)}, {@code plogis(p$fit ± qnorm(0.975)*p$se.fit)}. R's se.fit uses the weights one
     * step before its last (5e-8 relative from the Fisher information at its w): the intervals agree to that.
     */
    @Test
    void predictGivesProbabilitiesAndWaldIntervalsMatchingR() throws Exception {
        Path data = write("mtcars.csv", MTCARS);
        Path model = dir.resolve("model.json");
        Cli.Result fit = Cli.run("logistic", data.toString(), "--target", "am", "--save", model.toString());
        assertThat(fit.code()).as(fit.err()).isZero();
        assertThat(fit.out()).contains("Residual deviance");   // --save does not replace the summary
        Path at = write("new.csv", "wt,hp\n2.5,120\n3.5,200\n");
        Cli.Result r = Cli.run("predict", model.toString(), at.toString(), "--intervals", "confidence");
        assertThat(r.code()).as(r.err()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines[0]).isEqualTo("wt,hp,probability_am,lower_am,upper_am");
        double[][] expected = {
            {0.95294689367115060, 0.5282910548915829008, 0.99727695929917048},
            {0.10204141343202834, 0.0091205325893993858, 0.58384415930306854},
        };
        for (int i = 0; i < 2; i++) {
            String[] f = lines[i + 1].split(",");
            assertThat(Double.parseDouble(f[2])).isCloseTo(expected[i][0], within(1e-11 * expected[i][0]));
            assertThat(Double.parseDouble(f[3])).isCloseTo(expected[i][1], within(1e-6 * expected[i][1]));
            assertThat(Double.parseDouble(f[4])).isCloseTo(expected[i][2], within(1e-6 * expected[i][2]));
        }
    }

    /**
     * Round trip on the 2×2 table, by hand: the fitted probabilities are the group shares 2/5 and 6/7, and at
     * x = 0 the Wald interval is logistic(ln(2/3) ± q·√(1/2 + 1/3)), q = 1.959963984540054.
     */
    @Test
    void probabilitiesRoundTripToTheTableShares() throws Exception {
        Path data = write("t.csv", TABLE);
        Path model = dir.resolve("t.json");
        assertThat(Cli.run("logistic", data.toString(), "--target", "y", "--tolerance", "1e-15", "--format", "json",
                "--out", model.toString()).code()).isZero();
        Path at = write("x.csv", "x\n0\n1\n");
        Cli.Result r = Cli.run("predict", model.toString(), at.toString(), "--intervals", "confidence");
        assertThat(r.code()).as(r.err()).isZero();
        String[] lines = r.out().strip().split("\n");
        String[] x0 = lines[1].split(",");
        String[] x1 = lines[2].split(",");
        assertThat(Double.parseDouble(x0[1])).isCloseTo(0.4, within(1e-15));
        assertThat(Double.parseDouble(x1[1])).isCloseTo(6.0 / 7, within(1e-15));
        double half = 1.959963984540054 * Math.sqrt(0.5 + 1.0 / 3);
        double eta = Math.log(2.0 / 3);
        assertThat(Double.parseDouble(x0[2])).isCloseTo(1 / (1 + Math.exp(-(eta - half))), within(1e-14));
        assertThat(Double.parseDouble(x0[3])).isCloseTo(1 / (1 + Math.exp(-(eta + half))), within(1e-14));
    }

    @Test
    void predictionIntervalsAreRefusedForALogisticModel() throws Exception {
        Path data = write("t.csv", TABLE);
        Path model = dir.resolve("t.json");
        assertThat(Cli.run("logistic", data.toString(), "--target", "y", "--save", model.toString()).code()).isZero();
        Cli.Result r = Cli.run("predict", model.toString(), write("x.csv", "x\n0\n").toString(), "--intervals",
                "prediction");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("logistic model").contains("--intervals confidence");
    }

    @Test
    void jsonHasTheGlmStatisticsAndTheModelFormat() throws Exception {
        Path data = write("mtcars.csv", MTCARS);
        Cli.Result r = Cli.run("logistic", data.toString(), "--target", "am", "--format", "json", "--level", "0.9");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("format").asText()).isEqualTo("gramian-model/1");
        assertThat(j.path("model").path("family").asText()).isEqualTo("binomial");
        assertThat(j.path("statistics").path("deviance").asDouble()).isCloseTo(10.0591104722669886, within(1e-12));
        assertThat(j.path("statistics").path("nullDf").asInt()).isEqualTo(31);
        assertThat(j.path("statistics").path("iterations").asInt()).isEqualTo(9);
        assertThat(j.path("statistics").path("converged").asBoolean()).isTrue();
        assertThat(j.path("confidenceLevel").asDouble()).isEqualTo(0.9);
        assertThat(j.path("separation").path("kind").asText()).isEqualTo("none");
        assertThat(j.path("coefficients").get(1).path("z").asDouble()).isCloseTo(-2.6341904753723773, within(1e-10));
        assertThat(j.path("inference").path("covariance").get(1).get(1).asDouble())
                .isCloseTo(3.068675275390603030 * 3.068675275390603030, within(1e-9));
    }

    @Test
    void aTargetOtherThanZeroOrOneIsBadInputNamingLineAndColumn() throws Exception {
        Path data = write("bad.csv", "y,x\n0,1\n1,2\n2,3\n0,4\n");
        Cli.Result r = Cli.run("logistic", data.toString(), "--target", "y");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("bad.csv, line 4, column 'y'").contains("0 or 1, got 2");
        assertThat(r.out()).isEmpty();
    }

    /** Separation: exit 0, the diverging coefficient named and shown as NA; its model cannot predict. */
    @Test
    void separationIsReportedAndTheDivergingCoefficientNamed() throws Exception {
        Path data = write("sep.csv", "y,x,z\n0,0.5,0\n1,1.5,0\n0,2.0,0\n1,2.5,0\n0,3.0,0\n1,3.5,0\n1,4.0,0\n0,1.0,0\n"
                + "1,1.0,1\n1,2.0,1\n1,3.0,1\n");
        Path model = dir.resolve("sep.json");
        Cli.Result r = Cli.run("logistic", data.toString(), "--target", "y", "--save", model.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("WARNING: quasi-complete separation").contains("z diverges");
        assertThat(r.out().lines().filter(l -> l.startsWith("z ")).findFirst().orElseThrow())
                .contains("NA").contains("diverges to +Inf");
        Cli.Result json = Cli.run("logistic", data.toString(), "--target", "y", "--format", "json");
        assertThat(json.err()).contains("gramian: warning: quasi-complete separation");
        Cli.Result p = Cli.run("predict", model.toString(), data.toString());
        assertThat(p.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(p.err()).contains("coefficient 'z' diverges");
    }

    @Test
    void explainShowsTheIterations() throws Exception {
        Path data = write("mtcars.csv", MTCARS);
        Cli.Result r = Cli.run("explain", data.toString(), "--target", "am", "--logistic");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Logistic regression by IRLS for am ~ 1 + wt + hp")
                .contains("iteration 0: the first 20 of 32 rows").contains("weight μ(1−μ)")
                .contains("iteration 7: the weighted Gram matrix XᵀWX")
                .contains("The deviance falling").contains("converged after 9 iterations");
        // iteration 0: every μ is ½, so XᵀWX = XᵀX/4: its (Intercept, Intercept) entry is 32/4 = 8
        assertThat(r.out()).containsPattern("\\(Intercept\\)\\s+8\\s+25\\.738\\s+1173\\.5");
    }

    @Test
    void usageErrors() throws Exception {
        Path data = write("t.csv", TABLE);
        assertThat(Cli.run("logistic", data.toString(), "--target", "y", "--solver", "svd").code())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.run("logistic", data.toString(), "--target", "y", "--level", "1.5").code())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.run("logistic", data.toString(), "--target", "y", "--max-iterations", "0").code())
                .isEqualTo(ExitCodes.USAGE);
    }

    /** Rows with a missing value are left out as R's na.omit does, and the summary says so as summary.glm. */
    @Test
    void rowsWithMissingValuesAreLeftOutAndCounted() throws Exception {
        Path data = write("na.csv", MTCARS + "1,,100\nNA,3,100\n");
        Cli.Result r = Cli.run("logistic", data.toString(), "--target", "am");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Residual deviance: 10.059110472267 on 29 degrees of freedom")
                .contains("(2 observations deleted due to missingness)");
        Cli.Result j = Cli.run("logistic", data.toString(), "--target", "am", "--format", "json");
        assertThat(new ObjectMapper().readTree(j.out()).path("statistics").path("observationsDeleted").asLong())
                .isEqualTo(2);
    }

    /** --weights: whole-number prior weights give the fit of the repeated rows (R's glm(weights =)). */
    @Test
    void priorWeightsActAsRepeatedRows() throws Exception {
        StringBuilder weighted = new StringBuilder("y,x,w\n");
        weighted.append("0,0,3\n1,0,2\n0,1,1\n1,1,6\n1,1,0\n0,0,0\n");   // zero weights drop their rows
        Path w = write("w.csv", weighted.toString());
        Path t = write("t.csv", TABLE);
        Cli.Result a = Cli.run("logistic", w.toString(), "--target", "y", "--features", "x", "--weights", "w",
                "--format", "json");
        Cli.Result b = Cli.run("logistic", t.toString(), "--target", "y", "--format", "json");
        assertThat(a.code()).as(a.err()).isZero();
        JsonNode ja = new ObjectMapper().readTree(a.out());
        JsonNode jb = new ObjectMapper().readTree(b.out());
        for (int j = 0; j < 2; j++) {
            assertThat(ja.path("coefficients").get(j).path("estimate").asDouble())
                    .isCloseTo(jb.path("coefficients").get(j).path("estimate").asDouble(), within(1e-12));
            assertThat(ja.path("coefficients").get(j).path("stdError").asDouble())
                    .isCloseTo(jb.path("coefficients").get(j).path("stdError").asDouble(), within(1e-12));
        }
        assertThat(ja.path("statistics").path("deviance").asDouble())
                .isCloseTo(jb.path("statistics").path("deviance").asDouble(), within(1e-12));
        assertThat(ja.path("statistics").path("residualDf").asInt()).isEqualTo(4 - 2);
        assertThat(ja.path("model").path("weights").asText()).isEqualTo("w");
        assertThat(Cli.run("logistic", w.toString(), "--target", "y", "--features", "x", "--weights", "w").out())
                .contains("prior weights: w");
    }
}
