package org.gramian.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Closed forms: t(1) is Cauchy, t(2) has P(|T|>t) = 1 − t/√(2+t²), F(2,d) has P(F>f) = (1+2f/d)^(−d/2). */
class DistributionsTest {
    @Test
    void studentClosedForms() {
        for (double t : new double[] {0.1, 0.5, 1, 2.5, 10, 100}) {
            assertThat(Distributions.studentTwoSided(t, 1)).isCloseTo(1 - 2 / Math.PI * Math.atan(t), within(1e-14));
            assertThat(Distributions.studentTwoSided(-t, 2)).isCloseTo(1 - t / Math.sqrt(2 + t * t), within(1e-14));
        }
        assertThat(Distributions.studentTwoSided(0, 7)).isCloseTo(1.0, within(1e-15));
        // large df tends to the normal: P(|Z| > 1.959963984540054) = 0.05
        assertThat(Distributions.studentTwoSided(1.959963984540054, 1e7)).isCloseTo(0.05, within(1e-7));
    }

    @Test
    void fisherClosedForms() {
        for (double f : new double[] {0.2, 1, 3.7, 50}) {
            for (double d : new double[] {1, 5, 30}) {
                assertThat(Distributions.fisherUpper(f, 2, d)).isCloseTo(Math.pow(1 + 2 * f / d, -d / 2), within(1e-14));
            }
        }
        assertThat(Distributions.fisherUpper(Double.POSITIVE_INFINITY, 3, 4)).isZero();
    }
}
