package org.gramian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gramian.design.ModelSpec;
import org.gramian.design.Table;
import org.gramian.solve.SolverKind;
import org.gramian.stats.RegressionModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * x2 = 2·x1 exactly. Any b1 + 2·b2 = β fits equally well (β the slope of y on x1 alone); the
 * minimum-norm choice is b1 = β/5, b2 = 2β/5. Every solver must return that, name x2 as aliased,
 * and warn in plain words — not throw from deep inside a factorization.
 */
class RankDeficiencyTest {

    @ParameterizedTest
    @EnumSource(SolverKind.class)
    void duplicatedColumnGivesMinimumNormSolution(SolverKind solver) {
        double[] x1 = {1, 2, 3, 4, 5, 6};
        double[] y = {3.1, 4.9, 7.2, 8.8, 11.1, 13.0};
        double[] x2 = new double[6];
        for (int i = 0; i < 6; i++) {
            x2[i] = 2 * x1[i];
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("x1", x1);
        cols.put("x2", x2);
        cols.put("y", y);
        RegressionModel full = Gramian.fit(Table.of(cols), ModelSpec.linear("y", List.of("x1", "x2")), solver);
        RegressionModel simple = Gramian.fit(Table.of(cols), ModelSpec.linear("y", List.of("x1")), SolverKind.QR);
        double beta = simple.estimates()[1];

        assertThat(full.conditioning().aliased()).containsExactly("x2");
        assertThat(full.solver()).isEqualTo(SolverKind.SVD);
        assertThat(full.estimates()[0]).isCloseTo(simple.estimates()[0], within(1e-12));
        assertThat(full.estimates()[1]).isCloseTo(beta / 5, within(1e-12));
        assertThat(full.estimates()[2]).isCloseTo(2 * beta / 5, within(1e-12));
        assertThat(full.coefficients().get(2).aliased()).isTrue();
        assertThat(full.statistics().rank()).isEqualTo(2);
        assertThat(full.statistics().residualStandardDeviation())
                .isCloseTo(simple.statistics().residualStandardDeviation(), within(1e-12));
        assertThat(full.statistics().rSquared()).isCloseTo(simple.statistics().rSquared(), within(1e-12));
        assertThat(full.anova().regressionDf()).isEqualTo(1);
        assertThat(full.conditioning().warning()).contains("rank-deficient", "x2");
        assertThat(full.conditioning().expectedDigits()).isZero();
    }
}
