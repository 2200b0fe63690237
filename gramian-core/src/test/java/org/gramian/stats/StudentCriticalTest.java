package org.gramian.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.gramian.Gramian;
import org.gramian.data.Table;
import org.gramian.design.ModelSpec;
import org.gramian.model.FittedModel;
import org.junit.jupiter.api.Test;

/**
 * Critical values of t against closed forms: df = 1 is the Cauchy distribution, q = tan(π(1 − α)/2);
 * df = 2 has P(|T| ≥ q) = 1 − q/√(2 + q²), so q = (1 − α)·√(2/(1 − (1 − α)²)); and the round trip
 * through the double-double tail over a grid.
 */
class StudentCriticalTest {

    @Test
    void closedForms() {
        for (double alpha : new double[] {0.5, 0.1, 0.05, 0.01, 1e-4, 1e-8}) {
            double cauchy = 1 / Math.tan(Math.PI * alpha / 2);   // tan(π(1 − α)/2), without cancellation
            assertThat(Distributions.studentCritical(alpha, 1)).isCloseTo(cauchy, within(1e-13 * cauchy));
            double two = (1 - alpha) * Math.sqrt(2 / (alpha * (2 - alpha)));   // 1 − (1 − α)² = α(2 − α)
            assertThat(Distributions.studentCritical(alpha, 2)).isCloseTo(two, within(1e-13 * two));
        }
        // the normal limit: 1.959963984540054 for α = 0.05
        assertThat(Distributions.studentCritical(0.05, 1e12)).isCloseTo(1.959963984540054, within(1e-9));
    }

    @Test
    void roundTripsThroughTheTail() {
        for (double df : new double[] {1, 3, 7.5, 30, 1000, 1e6}) {
            for (double alpha : new double[] {0.9, 0.05, 1e-3, 1e-10, 1e-100}) {
                double q = Distributions.studentCritical(alpha, df);
                assertThat(Distributions.studentTwoSided(q, df)).as("df %s α %s", df, alpha)
                        .isCloseTo(alpha, within(1e-13 * alpha));
            }
        }
    }

    /** The worked example (1 residual df): w₁ = 3/2, SE = √(1/12), q = tan(0.475π) for 95%. */
    @Test
    void coefficientIntervals() {
        FittedModel m = Gramian.fit(Table.xy(new double[] {1, 2, 3}, new double[] {2, 4, 5}), ModelSpec.line("y", "x"));
        List<FittedModel.Interval> ci = m.confidenceIntervals(0.95);
        double q = Math.tan(Math.PI * 0.475);
        assertThat(ci.get(1).lower()).isCloseTo(1.5 - q * Math.sqrt(1.0 / 12), within(1e-13));
        assertThat(ci.get(1).upper()).isCloseTo(1.5 + q * Math.sqrt(1.0 / 12), within(1e-13));
    }
}
