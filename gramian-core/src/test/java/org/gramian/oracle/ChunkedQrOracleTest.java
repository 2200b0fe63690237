package org.gramian.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.gramian.Gramian;
import org.gramian.design.ModelSpec;
import org.gramian.data.Table;
import org.gramian.nist.Lre;
import org.gramian.solve.SolverKind;
import org.gramian.model.FittedModel;
import org.junit.jupiter.api.Test;

/**
 * The Householder pass over several chunks (merged factors, on worker threads) against the exact
 * rational solution: an ill-conditioned cubic on x in a narrow range far from zero, with more rows
 * than one 4096-row chunk holds.
 */
class ChunkedQrOracleTest {

    @Test
    void mergedChunksKeepTheDigitsOfTheExactSolution() {
        Random rnd = new Random(99);
        int degree = 3;
        int n = 2 * 4096 + 300;
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String xs = String.format(Locale.ROOT, "%.5f", -9 + 2 * rnd.nextDouble());
            double xv = Double.parseDouble(xs);
            String ys = String.format(Locale.ROOT, "%.5f", Math.sin(xv) + 0.01 * rnd.nextGaussian());
            rows.add(new String[] {xs, ys});
        }
        ExactLeastSquares exact = ExactLeastSquares.polynomial(rows, degree);
        Table t = Table.ofDecimalRows(List.of("x", "y"), rows);
        FittedModel m = Gramian.fit(t, ModelSpec.polynomial("y", "x", degree), SolverKind.QR);
        for (int j = 0; j <= degree; j++) {
            assertThat(Lre.of(m.coefficients().get(j).estimate(), exact.w[j].doubleValue()))
                    .as("coefficient %d, cond %.3g", j, m.conditioning().conditionNumber())
                    .isGreaterThanOrEqualTo(13.0);
        }
        assertThat(Lre.of(m.statistics().residualStandardDeviation(), exact.residualSd())).isGreaterThanOrEqualTo(13.0);
    }
}
