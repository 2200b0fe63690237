package org.gramian.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.gramian.io.model.ModelJson;
import org.junit.jupiter.api.Test;

/**
 * Coefficient confidence intervals in fit's JSON and table: w ± q·SE with q the t quantile on the
 * residual df. NIST Norris has 34 df; R's qt(0.975, 34) prints 2.032245 and qt(0.995, 34) 2.728394.
 */
class IntervalsCommandTest {

    @Test
    void intervalsAreEstimatePlusMinusTQuantileTimesSe() throws Exception {
        for (double[] c : new double[][] {{0.95, 2.032245}, {0.99, 2.728394}}) {
            Cli.Result r = Cli.run("fit", "../examples/norris.csv", "--target", "y", "--format", "json", "--quiet",
                    "--level", Double.toString(c[0]));
            assertThat(r.code()).as(r.err()).isZero();
            JsonNode root = ModelJson.MAPPER.readTree(r.out());
            assertThat(root.get("confidenceLevel").asDouble()).isEqualTo(c[0]);
            for (JsonNode k : root.get("coefficients")) {
                double w = k.get("estimate").asDouble();
                double se = k.get("stdError").asDouble();
                double q = (k.get("ciUpper").asDouble() - w) / se;
                assertThat(q).isCloseTo(c[1], within(1e-6));
                assertThat(w - k.get("ciLower").asDouble()).isCloseTo(q * se, within(1e-12 * Math.abs(q * se)));
            }
        }
        Cli.Result t = Cli.run("fit", "../examples/norris.csv", "--target", "y", "--quiet", "--level", "0.9");
        assertThat(t.out()).contains("5 %").contains("95 %");
        Cli.Result bad = Cli.run("fit", "../examples/norris.csv", "--target", "y", "--level", "1.5");
        assertThat(bad.code()).isEqualTo(2);
    }
}
