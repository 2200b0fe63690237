package org.gramian.report;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Numbers#shortest}'s fast path gives a decimal as short as its definition's
 * ({@link Numbers#shortestByRounding}: exact rounding to 1, 2, … digits until it reads back), that
 * reads back exactly, for
 * any finite double: random bit patterns (every exponent, subnormals), short decimals, integers,
 * and the doubles next to them, where JDK 17's {@code Double.toString} is known to print too many
 * digits.
 */
class ShortestPropertiesTest {
    @Provide
    Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
                Arbitraries.integers().between(-99_999, 99_999).flatMap(m -> Arbitraries.integers().between(-30, 30)
                        .map(e -> Double.parseDouble(m + "E" + e))),
                Arbitraries.longs().map(l -> (double) l),
                Arbitraries.of(Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, 1e23, 2e-3, 5e-324, 9.5e-323,
                        4.35, 0.3, 1.0E22, 8.41E21, 2.0E-44, 5.764607523034235E39))
                .flatMap(v -> Arbitraries.of(v, Math.nextUp(v), Math.nextDown(v)))
                .filter(v -> Double.isFinite(v) && v != 0); // zero is handled before either path
    }

    /** Same length as the definition's answer (so shortest), and reads back as v. */
    @Property(tries = 3000)
    void fastPathIsAsShortAsTheDefinitionAndReadsBack(@ForAll("doubles") double v) {
        String fast = Numbers.shortest(v);
        String slow = Numbers.shortestByRounding(v);
        assertThat(Double.parseDouble(fast)).isEqualTo(v);
        assertThat(digits(fast)).as("%s vs %s", fast, slow).isEqualTo(digits(slow));
    }

    /** Significant digits of a decimal in plain or scientific notation. */
    private static int digits(String s) {
        return new java.math.BigDecimal(s).stripTrailingZeros().precision();
    }
}
