package org.gramian.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The normal tail (erfc in double-double) against exact values. Reference: mpmath 1.3.0 at 50 digits,
 * {@code mpmath.erfc(mpf(z)/sqrt(2))} printed to 20 significant digits (z given as the double literal
 * below, read by mpmath exactly as that decimal; every z here is exact in binary or its decimal-to-double
 * rounding changes the value by far less than the tolerance, as dP/dz·ulp(z)/P ≤ 1e-16·z² ≤ 4e-14 only at
 * z = 20, where the tolerance is widened accordingly).
 */
class NormalTailTest {

    private static final double[][] TWO_SIDED = {
        {0.0, 1.0},
        {1e-10, 0.99999999992021154392},
        {0.5, 0.61707507745197379272},
        {1.0, 0.31731050786291410283},
        {2.5, 0.012419330651552270334},
        {3.0, 0.0026997960632601890533},
        {5.0, 5.7330314375838782335e-7},
        {5.6, 2.143518051662185864e-8},
        {8.0, 1.2441921148543568247e-15},
        {10.0, 1.5239706048321052132e-23},
        {37.5, 9.2107060191639096877e-308},
    };

    @Test
    void twoSidedMatchesExactValuesToAUnitInTheLastPlace() {
        for (double[] c : TWO_SIDED) {
            double got = Distributions.normalTwoSided(c[0]);
            double rel = Math.abs(got - c[1]) / c[1];
            assertTrue(rel <= 2.5e-16, "z = " + c[0] + ": got " + got + ", exact " + c[1] + ", relative error " + rel);
            assertEquals(got, Distributions.normalTwoSided(-c[0]), 0.0, "symmetric in z");
        }
    }

    @Test
    void deepTail() {
        // z = 20: the decimal 20 is exact; mpmath erfc(20/sqrt(2)) = 5.5072482372124673902e-89
        double got = Distributions.normalTwoSided(20.0);
        assertEquals(5.5072482372124673902e-89, got, 3e-16 * 5.5072482372124673902e-89);
        assertEquals(0.0, Distributions.normalTwoSided(Double.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(Distributions.normalTwoSided(Double.NaN)));
    }

    @Test
    void upperTailIsHalfTheTwoSidedAndTheLowerTailItsComplement() {
        // mpmath: erfc(1.959963984540054/sqrt(2))/2 = 0.025000000000000010876
        assertEquals(0.025000000000000010876, Distributions.normalUpper(1.959963984540054), 3e-18);
        // 1 − 0.5·erfc(1/√2) = 0.84134474606854294859 (mpmath ncdf(1))
        assertEquals(0.84134474606854294859, Distributions.normalUpper(-1.0), 1.2e-16);
        assertEquals(0.5, Distributions.normalUpper(0.0), 0.0);
    }

    @Test
    void criticalValueIsTheQuantile() {
        // mpmath (40 digits): findroot(lambda q: erfc(q/sqrt(2)) - mpf(0.05), 1.96) = 1.95996398454005421178, whose
        // nearest double is 1.9599639845400543 (R's qnorm(0.975) gives 1.9599639845400536, 3 ulp lower: it
        // inverts 0.975, itself rounded, by a rational approximation)
        assertEquals(1.9599639845400543, Distributions.normalCritical(0.05), 0.0);
        // mpmath: the root for mpf(0.01) is 2.57582930354890075378, nearest double 2.575829303548901
        assertEquals(2.575829303548901, Distributions.normalCritical(0.01), 0.0);
        assertTrue(Double.isNaN(Distributions.normalCritical(1.5)));
    }
}
