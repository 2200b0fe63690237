package org.gramian.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.gramian.io.model.ModelJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fit --ridge λ|auto}, {@code --plot}, {@code --save} and {@code predict} on saved models (#12 items 2, 6). */
class RidgeCommandTest {
    @TempDir
    Path tmp;

    private Path file(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /**
     * x = (1, 2, 3), y = (2, 4, 5), λ = 1/2, by hand: x_c = (−1, 0, 1), Σx_c² = 2, Σx_c·y = 3, so
     * b = 3/(2 + 1/2) = 6/5 and w₀ = 11/3 − 2·6/5 = 19/15; residuals (−7, 5, 2)/15, RSS = 78/225 = 26/75;
     * tr H = 1 + 2/(5/2) = 9/5; σ̂² = (26/75)/(6/5) = 13/45; GCV = 3·(26/75)/(6/5)² = 13/18.
     */
    @Test
    void givenPenaltyOnTheWorkedExample() throws Exception {
        Path data = file("w.csv", "x,y\n1,2\n2,4\n3,5\n");
        Cli.Result r = Cli.run("fit", data.toString(), "--target", "y", "--ridge", "0.5");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Ridge regression (λ = 0.5): y ~ 1 + x")
                .containsPattern("\\(Intercept\\) +1\\.26666666666667\n").containsPattern("x +1\\.2\n")
                .contains("Standard errors, t, p and confidence intervals: NA (ridge estimates are biased")
                .contains("Effective degrees of freedom tr H = 1 + Σ d²/(d² + λ): 1.8\n")
                .contains("Residual sum of squares: 0.346666666666667\n")
                .contains("Residual variance σ̂² = RSS/(n − tr H): 0.288888888888889 on 1.2 effective")
                .contains("GCV score n·RSS/(n − tr H)²: 0.722222222222222\n")
                .doesNotContain("Log-likelihood").doesNotContain("Analysis of variance");

        Cli.Result j = Cli.run("fit", data.toString(), "--target", "y", "--ridge", "0.5", "--format", "json");
        assertThat(j.code()).as(j.err()).isZero();
        JsonNode root = ModelJson.MAPPER.readTree(j.out());
        assertThat(root.path("model").path("kind").asText()).isEqualTo("ridge");
        assertThat(root.path("model").path("lambda").asDouble()).isEqualTo(0.5);
        assertThat(root.path("coefficients").get(0).path("estimate").asDouble()).isCloseTo(19.0 / 15, within(1e-15));
        assertThat(root.path("coefficients").get(1).path("estimate").asDouble()).isCloseTo(1.2, within(1e-15));
        assertThat(root.path("coefficients").get(1).path("stdError").isNull()).isTrue();
        assertThat(root.path("coefficients").get(1).path("p").isNull()).isTrue();
        JsonNode ridge = root.path("ridge");
        assertThat(ridge.path("lambdaChosenBy").asText()).isEqualTo("given");
        assertThat(ridge.path("effectiveDf").asDouble()).isCloseTo(1.8, within(1e-15));
        assertThat(ridge.path("residualSumOfSquares").asDouble()).isCloseTo(26.0 / 75, within(1e-15));
        assertThat(ridge.path("residualVariance").asDouble()).isCloseTo(13.0 / 45, within(1e-15));
        assertThat(ridge.path("gcv").asDouble()).isCloseTo(13.0 / 18, within(1e-15));
        assertThat(ridge.has("gcvCurve")).isFalse();
        assertThat(root.has("anova")).isFalse();
        assertThat(root.has("inference")).isFalse();
    }

    @Test
    void autoPrintsTheCurveAndDrawsIt() throws Exception {
        Path png = tmp.resolve("gcv.png");
        Cli.Result r = Cli.run("fit", "../examples/longley.csv", "--target", "y", "--ridge", "auto", "--plot",
                png.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("chosen by generalized cross-validation")
                .contains("Generalized cross-validation, GCV(λ) = n·RSS(λ)/(n − tr H(λ))²").contains("← chosen");
        // 20 shown grid points + the last + the chosen one, under a header line
        long rows = r.out().lines().dropWhile(l -> !l.startsWith("λ ")).skip(1).filter(l -> !l.isBlank()).count();
        assertThat(rows).isEqualTo(22);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img).isNotNull();
        assertThat(img.getWidth()).isEqualTo(800);
        assertThat(img.getHeight()).isEqualTo(500);
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("gcv.png");  // no temp left
        }

        Cli.Result j = Cli.run("fit", "../examples/longley.csv", "--target", "y", "--ridge", "auto", "--format", "json",
                "--quiet");
        JsonNode ridge = ModelJson.MAPPER.readTree(j.out()).path("ridge");
        assertThat(ridge.path("lambdaChosenBy").asText()).isEqualTo("gcv");
        assertThat(ridge.path("gcvCurve")).hasSize(200);
        double chosen = ridge.path("lambda").asDouble();
        double gcv = ridge.path("gcv").asDouble();
        // the chosen λ scores no worse than any grid point
        for (JsonNode p : ridge.path("gcvCurve")) {
            assertThat(gcv).isLessThanOrEqualTo(p.path("gcv").asDouble() * (1 + 1e-12));
        }
        // R 4.2.2, GCV of the refit by solve(crossprod(Xc) + l*diag(6), crossprod(Xc, yc)) on longley.csv at this λ:
        // tr H 6.93320712546791, RSS 842645.832281227, GCV 164005.219762647 (R's double solve, ~12 digits)
        assertThat(chosen).isCloseTo(0.0308430842695816, within(1e-9));
        assertThat(gcv).isCloseTo(164005.219762647, within(1e-6));
        assertThat(ridge.path("effectiveDf").asDouble()).isCloseTo(6.93320712546791, within(1e-11));
    }

    @Test
    void saveThenPredictRoundTrip() throws Exception {
        Path data = file("w.csv", "x,y,w\n1,2,1\n2,4,2\n3,5,1\n4,4,0.5\n");
        Path fresh = file("new.csv", "x\n0\n10\n");
        String[][] fits = {{}, {"--weights", "w"}, {"--ridge", "0.5"}};
        String[] kinds = {"ols", "wls", "ridge"};
        for (int k = 0; k < fits.length; k++) {
            Path model = tmp.resolve("m" + k + ".json");
            String[] args = new String[] {"fit", data.toString(), "--target", "y", "--features", "x", "--save",
                model.toString()};
            String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(fits[k]))
                    .toArray(String[]::new);
            Cli.Result r = Cli.run(all);
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).as("the summary still goes to stdout").contains("Coefficient");
            JsonNode saved = ModelJson.MAPPER.readTree(model.toFile());
            assertThat(saved.path("format").asText()).isEqualTo(ModelJson.FORMAT);
            assertThat(saved.path("model").path("kind").asText()).isEqualTo(kinds[k]);
            double w0 = saved.path("coefficients").get(0).path("estimate").asDouble();
            double w1 = saved.path("coefficients").get(1).path("estimate").asDouble();
            Cli.Result p = Cli.run("predict", model.toString(), fresh.toString());
            assertThat(p.code()).as(p.err()).isZero();
            List<String> lines = p.out().lines().toList();
            assertThat(Double.parseDouble(lines.get(1).split(",")[1])).isEqualTo(w0);
            assertThat(Double.parseDouble(lines.get(2).split(",")[1])).isCloseTo(w0 + 10 * w1, within(1e-13));
            // the saved file is what --format json prints
            Cli.Result j = Cli.run(java.util.stream.Stream.concat(java.util.Arrays.stream(new String[] {"fit",
                data.toString(), "--target", "y", "--features", "x", "--format", "json"}),
                    java.util.Arrays.stream(fits[k])).toArray(String[]::new));
            assertThat(Files.readString(model)).isEqualTo(j.out());
        }
        // intervals: refused for ridge (exit 3, one line), given for OLS
        Cli.Result ri = Cli.run("predict", tmp.resolve("m2.json").toString(), fresh.toString(), "--intervals",
                "prediction");
        assertThat(ri.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(ri.errLines()).hasSize(1);
        assertThat(ri.err()).contains("no intervals for a ridge model");
        assertThat(Cli.run("predict", tmp.resolve("m0.json").toString(), fresh.toString(), "--intervals",
                "prediction").code()).isZero();
    }

    @Test
    void predictRefusesUnknownModelKinds() throws Exception {
        Path data = file("w.csv", "x,y\n1,2\n2,4\n3,5\n");
        Path model = tmp.resolve("m.json");
        assertThat(Cli.run("fit", data.toString(), "--target", "y", "--save", model.toString()).code()).isZero();
        ObjectNode root = (ObjectNode) ModelJson.MAPPER.readTree(model.toFile());
        ((ObjectNode) root.path("model")).put("kind", "poisson");
        Files.writeString(model, ModelJson.text(root));
        Cli.Result r = Cli.run("predict", model.toString(), data.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("unsupported model kind \"poisson\"").contains(model.toString());
        // a file without a kind (written before kinds were recorded) is a least-squares model
        ((ObjectNode) root.path("model")).remove("kind");
        Files.writeString(model, ModelJson.text(root));
        assertThat(Cli.run("predict", model.toString(), data.toString()).code()).isZero();
    }

    @Test
    void badRidgeOptionsAreUsageErrors() throws Exception {
        Path data = file("w.csv", "x,y\n1,2\n2,4\n3,5\n");
        String f = data.toString();
        String[][] bad = {
            {"--ridge", "-1"}, {"--ridge", "abc"}, {"--ridge", "NaN"}, {"--ridge", "Infinity"},
            {"--ridge", "1", "--robust-se", "hc1"}, {"--ridge", "1", "--solver", "cholesky"},
            {"--plot", tmp.resolve("p.png").toString()}, {"--ridge", "1", "--plot", tmp.resolve("p.png").toString()}};
        for (String[] opts : bad) {
            String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("fit", f, "--target", "y"),
                    java.util.Arrays.stream(opts)).toArray(String[]::new);
            Cli.Result r = Cli.run(args);
            assertThat(r.code()).as(String.join(" ", opts)).isEqualTo(ExitCodes.USAGE);
            assertThat(r.errLines()).as(String.join(" ", opts)).hasSize(1);
            assertThat(r.out()).isEmpty();
        }
        assertThat(Cli.run("fit", f, "--target", "y", "--ridge", "-1").err())
                .contains("--ridge must be a finite number ≥ 0 or 'auto', got '-1'");
        // an unwritable --save is an output error (exit 4), naming the file
        Cli.Result r = Cli.run("fit", f, "--target", "y", "--save", tmp.resolve("no/such/dir/m.json").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.OUTPUT_ERROR);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("m.json");
    }

    @Test
    void linearFitsReportTheLogLikelihood() throws Exception {
        // RSS = 1/6 exactly, so ℓ = −(3/2)(log 2π + 1 − log 18); to 30 digits (mpmath):
        // ℓ = 0.0787420372302288129705946837381, AIC = 5.84251592553954237405881063252,
        // BIC = 3.13835279154387144824454634329. (R 4.2.2's logLik gives 0.0787420372302348: its double
        // evaluation of the cancelling terms is off in the 14th digit; AIC 5.84251592553953, BIC 3.13835279154386.)
        Path data = file("w.csv", "x,y\n1,2\n2,4\n3,5\n");
        Cli.Result r = Cli.run("fit", data.toString(), "--target", "y");
        assertThat(r.out()).contains("Log-likelihood: 0.0787420372302288 (df = 3)   AIC: 5.84251592553954"
                + "   BIC: 3.13835279154387");
        JsonNode st = ModelJson.MAPPER.readTree(Cli.run("fit", data.toString(), "--target", "y", "--format", "json")
                .out()).path("statistics");
        assertThat(st.path("logLikelihood").asDouble()).isCloseTo(0.0787420372302288129705946837381, within(1e-17));
        assertThat(st.path("logLikelihoodDf").asInt()).isEqualTo(3);
        assertThat(st.path("aic").asDouble()).isCloseTo(5.84251592553954237405881063252, within(1e-15));
        assertThat(st.path("bic").asDouble()).isCloseTo(3.13835279154387144824454634329, within(1e-15));
    }
}
