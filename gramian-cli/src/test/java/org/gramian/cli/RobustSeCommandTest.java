package org.gramian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.gramian.io.model.ModelJson;
import org.junit.jupiter.api.Test;

/** fit --robust-se: the same estimates, robust standard errors, and the report says which. */
class RobustSeCommandTest {
    @Test
    void robustStandardErrorsReplaceTheClassicalOnes() throws Exception {
        Cli.Result plain = Cli.run("fit", "../examples/longley.csv", "--target", "y", "--format", "json", "--quiet");
        Cli.Result hc3 = Cli.run("fit", "../examples/longley.csv", "--target", "y", "--format", "json", "--quiet",
                "--robust-se", "hc3");
        assertThat(hc3.code()).as(hc3.err()).isZero();
        JsonNode a = ModelJson.MAPPER.readTree(plain.out());
        JsonNode b = ModelJson.MAPPER.readTree(hc3.out());
        assertThat(b.get("solverNote").asText()).contains("HC3 (heteroskedasticity-robust)");
        for (int j = 0; j < a.get("coefficients").size(); j++) {
            assertThat(b.at("/coefficients/" + j + "/estimate").asDouble())
                    .isEqualTo(a.at("/coefficients/" + j + "/estimate").asDouble());
            assertThat(b.at("/coefficients/" + j + "/stdError").asDouble())
                    .isNotEqualTo(a.at("/coefficients/" + j + "/stdError").asDouble());
        }
        assertThat(Cli.run("fit", "../examples/longley.csv", "--target", "y", "--robust-se", "hc9").code()).isEqualTo(2);
    }
}
