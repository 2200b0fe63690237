package org.gramian.nist;

import static org.assertj.core.api.Assertions.assertThat;

import org.gramian.solve.SolverKind;
import org.gramian.stats.Anova;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.gramian.data.NistDataset;

/** The certified ANOVA tables: sums of squares and F (∞ for the exact fits). */
class NistAnovaTest {
    static java.util.stream.Stream<String> shared() {
        return NistCertifiedTest.shared();
    }

    @ParameterizedTest
    @MethodSource("shared")
    void anovaMatchesCertifiedTable(String name) {
        NistDataset ds = NistCertifiedTest.load(name);
        Anova a = Certification.check(ds, SolverKind.AUTO).model().anova();
        assertThat(Lre.of(a.regressionSumOfSquares(), ds.regressionSs())).as("regression SS").isGreaterThanOrEqualTo(12);
        assertThat(Lre.of(a.residualSumOfSquares(), ds.residualSs())).as("residual SS").isGreaterThanOrEqualTo(12);
        if (Double.isInfinite(ds.fStatistic())) {
            // exact fit: the residual is zero up to double-double rounding; F is +∞ or astronomically large
            assertThat(a.fStatistic()).isGreaterThan(1e20);
        } else {
            assertThat(Lre.of(a.fStatistic(), ds.fStatistic())).as("F").isGreaterThanOrEqualTo(12);
        }
        assertThat(a.regressionDf() + a.residualDf() + (ds.spec().intercept() ? 1 : 0))
                .isEqualTo(ds.data().rowCount());
    }
}
