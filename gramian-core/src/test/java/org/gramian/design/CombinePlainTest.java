package org.gramian.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.gramian.numeric.DD;
import org.junit.jupiter.api.Test;

/**
 * predict's allocation-free path ({@link Design#plainTerms}, {@link Design#combinePlain}) against
 * the object path it replaces, {@code combine(w, row(inputs)).doubleValue()}: the same bits for
 * random double-double inputs of mixed magnitudes and signs, with and without an intercept, with
 * NaN (aliased) coefficients; and no plain terms for a design with powers.
 */
class CombinePlainTest {
    @Test
    void sameBitsAsTheObjectPath() {
        Random rnd = new Random(20261202);
        for (boolean intercept : new boolean[] {true, false}) {
            Design d = Design.of(ModelSpec.linear("y", List.of("a", "b", "c", "d")).withIntercept(intercept));
            int[] pt = d.plainTerms();
            assertThat(pt).isNotNull().hasSize(intercept ? 5 : 4);
            for (int trial = 0; trial < 20000; trial++) {
                double[] hi = new double[4];
                double[] lo = new double[4];
                DD[] fv = new DD[4];
                for (int f = 0; f < 4; f++) {
                    double raw = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(21) - 10);
                    double tail = raw * 1e-17 * rnd.nextGaussian();
                    fv[f] = DD.of(raw, tail);
                    hi[f] = fv[f].hi;
                    lo[f] = fv[f].lo;
                }
                double[] w = new double[pt.length];
                for (int j = 0; j < w.length; j++) {
                    w[j] = rnd.nextInt(10) == 0 ? Double.NaN : rnd.nextGaussian() * Math.pow(10, rnd.nextInt(9) - 4);
                }
                double expected = Design.combine(w, d.row(fv)).doubleValue();
                assertThat(Double.doubleToRawLongBits(Design.combinePlain(w, pt, hi, lo)))
                        .as("trial %d", trial).isEqualTo(Double.doubleToRawLongBits(expected));
            }
        }
    }

    @Test
    void powersAreNotPlain() {
        Design d = Design.of(ModelSpec.polynomial("y", "x", 3));
        assertThat(d.plainTerms()).isNull();
    }
}
