package org.gramian.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * predict --intervals against the textbook formula on the worked example x = [1,2,3], y = [2,4,5]:
 * ŷ(4) = 2/3 + 6, (XᵀX)⁻¹ = (1/6)[[14, −6], [−6, 3]], s² = 1/6 on 1 df, so for x₀ = (1, 4)
 * x₀ᵀ(XᵀX)⁻¹x₀·s² = 7/18 (mean response) and 7/18 + 1/6 = 10/18 (new observation), and the 95%
 * t quantile on 1 df is cot(π·0.025) (Cauchy).
 */
class PredictIntervalsTest {
    @TempDir
    Path dir;

    @Test
    void confidenceAndPredictionIntervalsMatchTheTextbook() throws Exception {
        Path data = dir.resolve("wk.csv");
        Files.writeString(data, "x,y\n1,2\n2,4\n3,5\n");
        Path model = dir.resolve("m.json");
        assertThat(Cli.run("fit", data.toString(), "--target", "y", "--format", "json", "--out", model.toString(),
                "--quiet").code()).isZero();
        Path at = dir.resolve("x4.csv");
        Files.writeString(at, "x\n4\n");
        double q = 1 / Math.tan(Math.PI * 0.025);
        double y = 2.0 / 3 + 6;
        for (String kind : new String[] {"confidence", "prediction"}) {
            Cli.Result r = Cli.run("predict", model.toString(), at.toString(), "--intervals", kind);
            assertThat(r.code()).as(r.err()).isZero();
            String[] lines = r.out().strip().split("\n");
            assertThat(lines[0]).isEqualTo("x,predicted_y,lower_y,upper_y");
            String[] f = lines[1].split(",");
            double half = q * Math.sqrt(kind.equals("confidence") ? 7.0 / 18 : 10.0 / 18);
            assertThat(Double.parseDouble(f[2])).isCloseTo(y - half, within(1e-12));
            assertThat(Double.parseDouble(f[3])).isCloseTo(y + half, within(1e-12));
        }
        assertThat(Cli.run("predict", model.toString(), at.toString(), "--intervals", "confidence", "--level", "2")
                .code()).isEqualTo(2);
    }
}
