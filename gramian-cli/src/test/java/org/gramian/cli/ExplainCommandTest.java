package org.gramian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** explain on the worked example x = [1,2,3], y = [2,4,5]: XᵀX = [[3,6],[6,14]], Xᵀy = [11,25], w = [2/3, 3/2]. */
class ExplainCommandTest {
    @TempDir
    Path dir;

    Path worked() throws IOException {
        Path f = dir.resolve("worked.csv");
        Files.writeString(f, "x,y\n1,2\n2,4\n3,5\n");
        return f;
    }

    @Test
    void textShowsEveryStepWithItsExactValues() throws IOException {
        Cli.Result r = Cli.run("explain", worked().toString(), "--target", "y");
        assertThat(r.code()).as(r.err()).isZero();
        String out = r.out();
        // headings in order
        String[] order = {"Design matrix X (3×2)", "Response y (3)", "Transpose Xᵀ (2×3)", "Gram matrix XᵀX (2×2)",
            "Moment vector Xᵀy (2)", "Cholesky factor R", "Inverse (XᵀX)⁻¹", "Coefficients w", "Predictions ŷ",
            "Residuals e", "Cost J(w)", "Gradient ∇J(w)"};
        int at = 0;
        for (String h : order) {
            int i = out.indexOf(h, at);
            assertThat(i).as(h).isGreaterThan(at);
            at = i;
        }
        assertThat(section(out, "Gram matrix")).containsPattern("\\(Intercept\\)\\s+3\\s+6\\n")
                .containsPattern("x\\s+6\\s+14\\n");
        assertThat(section(out, "Moment vector")).containsPattern("\\(Intercept\\)\\s+11\\n").containsPattern("x\\s+25\\n");
        assertThat(section(out, "Coefficients")).contains("0.6666666666666666").containsPattern("x\\s+1.5\\n");
        assertThat(section(out, "Inverse")).contains("2.3333333333333335").contains("0.5");
        assertThat(out).contains("J(w) = 0.027777777777777776"); // 1/36
        assertThat(section(out, "Design matrix")).containsPattern("1\\s+1\\s+1\\n").containsPattern("3\\s+1\\s+3\\n");
    }

    @Test
    void jsonCarriesTheSameNumbers() throws IOException {
        Cli.Result r = Cli.run("explain", worked().toString(), "--target", "y", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        Map<String, JsonNode> steps = new HashMap<>();
        root.get("steps").forEach(s -> steps.put(s.get("key").asText(), s));
        assertThat(steps).containsKeys("design", "transpose", "gram", "moments", "cholesky", "inverse",
                "coefficients", "predictions", "residuals", "cost", "gradient");
        JsonNode g = steps.get("gram").get("value");
        assertThat(g.get(0).get(0).asDouble()).isEqualTo(3);
        assertThat(g.get(0).get(1).asDouble()).isEqualTo(6);
        assertThat(g.get(1).get(1).asDouble()).isEqualTo(14);
        assertThat(steps.get("moments").get("value").get(0).asDouble()).isEqualTo(11);
        assertThat(steps.get("moments").get("value").get(1).asDouble()).isEqualTo(25);
        JsonNode w = steps.get("coefficients").get("value");
        assertThat(w.get(0).asDouble()).isEqualTo(2.0 / 3);
        assertThat(w.get(1).asDouble()).isEqualTo(1.5);
        assertThat(steps.get("inverse").get("value").get(0).get(0).asDouble()).isEqualTo(14.0 / 6);
        assertThat(steps.get("cost").get("value").asDouble()).isEqualTo(1.0 / 36);
        assertThat(steps.get("residuals").get("value").get(1).asDouble()).isEqualTo(1.0 / 3);
        assertThat(steps.get("gram").get("shape").get(0).asInt()).isEqualTo(2);
        assertThat(steps.get("gram").get("complete").asBoolean()).isTrue();
        assertThat(steps.get("coefficients").get("rowLabels").get(0).asText()).isEqualTo("(Intercept)");
    }

    @Test
    void markdownUsesLatexMatrices() throws IOException {
        Cli.Result r = Cli.run("explain", worked().toString(), "--target", "y", "--format", "markdown");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("$$\nX^\\top X = \\begin{bmatrix}\n  3 & 6 \\\\\n  6 & 14\n\\end{bmatrix}\n$$")
                .contains("X^\\top y = \\begin{bmatrix}\n  11 \\\\\n  25\n\\end{bmatrix}")
                .contains("w = \\begin{bmatrix}\n  0.6666666666666666 \\\\\n  1.5\n\\end{bmatrix}")
                .contains("### 4. Gram matrix XᵀX");
    }

    @Test
    void largeInputsShowShapesAndACorner() throws IOException {
        StringBuilder csv = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 50; i++) {
            csv.append(i).append(',').append(i % 7).append(',').append(2 * i + 1 + (i % 3)).append('\n');
        }
        Path f = dir.resolve("big.csv");
        Files.writeString(f, csv);
        Cli.Result r = Cli.run("explain", f.toString(), "--target", "y");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Design matrix X (50×3)").contains("(50×3: showing the top-left 5×3 corner)")
                .contains("(3×50: showing the top-left 3×5 corner)").contains("⋮").contains("…");
        assertThat(section(r.out(), "Gram matrix")).doesNotContain("corner"); // 3×3: whole
        Cli.Result md = Cli.run("explain", f.toString(), "--target", "y", "--format", "markdown");
        assertThat(md.out()).contains("\\vdots").contains("\\cdots");
    }

    @Test
    void polynomialAndNoInterceptOptionsShapeX() throws IOException {
        Cli.Result r = Cli.run("explain", worked().toString(), "--target", "y", "--degree", "2",
                "--no-intercept", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"x^2\"").doesNotContain("(Intercept)");
    }

    @Test
    void badInputIsOneLineNamingTheProblem() throws IOException {
        Cli.Result r = Cli.run("explain", worked().toString(), "--target", "nope");
        assertThat(r.code()).isNotZero();
        assertThat(r.err().strip()).startsWith("gramian: ").contains("nope").doesNotContain("\n").doesNotContain("Exception");
        Path collinear = dir.resolve("collinear.csv");
        Files.writeString(collinear, "a,b,y\n1,2,1\n2,4,3\n3,6,2\n");
        // rank deficiency is a result, as in fit: b is aliased, left out, its coefficient NA
        Cli.Result c = Cli.run("explain", collinear.toString(), "--target", "y");
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("XᵀX is singular: b is a linear combination");
        Cli.Result f = Cli.run("fit", collinear.toString(), "--target", "y", "--quiet");
        assertThat(f.out()).contains("b is a linear combination");
        Cli.Result missing = Cli.run("explain", worked().toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("--target");
    }

    @Test
    void theThreeCommandsAreRegisteredWithHelp() {
        for (String cmd : new String[] {"explain", "compare", "plot"}) {
            Cli.Result r = Cli.run(cmd, "--help");
            assertThat(r.code()).as(cmd).isZero();
            assertThat(r.out()).contains("Usage: gramian " + cmd).contains("--target").contains("--degree");
        }
        assertThat(Cli.run("compare", "--help").out()).contains("--sweep").contains("--plot");
        assertThat(Cli.run("plot", "--help").out()).contains("--residuals").contains("--out");
        assertThat(Cli.run("explain", "--help").out()).contains("--format");
    }

    /** From the heading containing {@code title} to the next blank line. */
    static String section(String out, String title) {
        int i = out.indexOf(title);
        int j = out.indexOf("\n\n", i);
        return out.substring(i, j < 0 ? out.length() : j + 1);
    }
}
