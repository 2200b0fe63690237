package org.gramian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gramian.design.ModelSpec;
import org.gramian.data.Table;
import org.gramian.accumulate.GramAccumulator;
import org.gramian.solve.SolverKind;
import org.gramian.model.FittedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The worked example x = [1,2,3], y = [2,4,5], by hand: XᵀX = [[3,6],[6,14]], Xᵀy = [11,25],
 * w = (XᵀX)⁻¹Xᵀy = (1/6)[[14,−6],[−6,3]]·[11,25] = [2/3, 3/2]. Residuals −1/6, 1/3, −1/6 so
 * RSS = 1/6, s² = RSS/(3−2) = 1/6, SE = √(s²·diag (XᵀX)⁻¹) = [√(14/36), √(1/12)],
 * TSS = 14/3, R² = 27/28, adjusted R² = 13/14, F = 27 on (1, 1) df, p(F) = 1 − (2/π)·atan(√27).
 */
class WorkedExampleTest {
    static final Table DATA = Table.xy(new double[] {1, 2, 3}, new double[] {2, 4, 5});

    @Test
    void gramMatrixAndMomentVector() {
        GramAccumulator acc = new GramAccumulator(2, null);
        for (int i = 0; i < 3; i++) {
            acc.add(new double[] {1, i + 1}, new double[] {2, 4, 5}[i]);
        }
        double[][] g = acc.gram();
        assertThat(g[0]).containsExactly(3, 6, 11);
        assertThat(g[1]).containsExactly(6, 14, 25);
        assertThat(g[2][2]).isEqualTo(4 + 16 + 25);
    }

    @ParameterizedTest
    @EnumSource(SolverKind.class)
    void everySolverGivesTheHandWorkedFit(SolverKind solver) {
        FittedModel m = Gramian.fit(DATA, ModelSpec.line("y", "x"), solver);
        double tol = 1e-15;
        assertThat(m.estimates()[0]).isCloseTo(2.0 / 3, within(tol));
        assertThat(m.estimates()[1]).isCloseTo(1.5, within(tol));
        assertThat(m.coefficients().get(0).standardError()).isCloseTo(Math.sqrt(14.0 / 36), within(tol));
        assertThat(m.coefficients().get(1).standardError()).isCloseTo(Math.sqrt(1.0 / 12), within(tol));
        assertThat(m.statistics().residualStandardDeviation()).isCloseTo(Math.sqrt(1.0 / 6), within(tol));
        assertThat(m.statistics().rSquared()).isCloseTo(27.0 / 28, within(tol));
        assertThat(m.statistics().adjustedRSquared()).isCloseTo(13.0 / 14, within(tol));
        assertThat(m.anova().residualSumOfSquares()).isCloseTo(1.0 / 6, within(tol));
        assertThat(m.anova().regressionSumOfSquares()).isCloseTo(14.0 / 3 - 1.0 / 6, within(1e-14));
        assertThat(m.anova().fStatistic()).isCloseTo(27.0, within(1e-12));
        assertThat(m.anova().fPValue()).isCloseTo(1 - 2 / Math.PI * Math.atan(Math.sqrt(27)), within(1e-13));
        // with one residual df, t = w/SE and p is the Cauchy tail
        double t1 = 1.5 / Math.sqrt(1.0 / 12);
        assertThat(m.coefficients().get(1).tValue()).isCloseTo(t1, within(1e-13));
        assertThat(m.coefficients().get(1).pValue()).isCloseTo(1 - 2 / Math.PI * Math.atan(t1), within(1e-13));
        assertThat(m.predict(4.0)).isCloseTo(2.0 / 3 + 6, within(1e-14));
        assertThat(m.conditioning().trustworthy()).isTrue();
        assertThat(org.gramian.report.TextSummary.of(m, null)).contains("(Intercept)", "Std. Error", "R-squared", "F-statistic");
    }
}
