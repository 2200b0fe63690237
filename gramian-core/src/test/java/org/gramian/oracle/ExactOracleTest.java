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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random ill-conditioned polynomial fits, solved exactly in rational arithmetic from the same
 * decimal text, against {@code auto}. The x values sit far from zero on a narrow range (like NIST
 * Filip: x in [−9, −3], degree up to 10), which makes the monomial basis nearly collinear.
 */
class ExactOracleTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void autoMatchesExactRationalSolution(long seed) {
        Random rnd = new Random(seed);
        int degree = 4 + (int) (seed % 7);               // 4 … 10
        int n = degree + 5 + rnd.nextInt(60);
        double lo = -9 + 3 * rnd.nextDouble();
        double width = 1 + 4 * rnd.nextDouble();
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String xs = String.format(Locale.ROOT, "%.9f", lo + width * rnd.nextDouble());
            double xv = Double.parseDouble(xs);
            double yv = Math.sin(xv) + 0.01 * rnd.nextGaussian();
            String ys = String.format(Locale.ROOT, "%.6f", yv);
            rows.add(new String[] {xs, ys});
        }
        ExactLeastSquares exact = ExactLeastSquares.polynomial(rows, degree);
        Table t = Table.ofDecimalRows(List.of("x", "y"), rows);
        FittedModel m = Gramian.fit(t, ModelSpec.polynomial("y", "x", degree), SolverKind.AUTO);

        double worstEst = Lre.CAP;
        double worstSe = Lre.CAP;
        for (int j = 0; j <= degree; j++) {
            worstEst = Math.min(worstEst, Lre.of(m.coefficients().get(j).estimate(), exact.w[j].doubleValue()));
            worstSe = Math.min(worstSe, Lre.of(m.coefficients().get(j).standardError(), exact.standardError(j)));
        }
        String what = "seed " + seed + " degree " + degree + " n " + n + " cond "
                + m.conditioning().conditionNumber();
        assertThat(worstEst).as("estimates LRE, " + what).isGreaterThanOrEqualTo(12.0);
        assertThat(worstSe).as("std errors LRE, " + what).isGreaterThanOrEqualTo(12.0);
        assertThat(Lre.of(m.statistics().residualStandardDeviation(), exact.residualSd())).as(what)
                .isGreaterThanOrEqualTo(12.0);
        assertThat(Lre.of(m.statistics().rSquared(), exact.rSquared())).as(what).isGreaterThanOrEqualTo(12.0);
    }
}
