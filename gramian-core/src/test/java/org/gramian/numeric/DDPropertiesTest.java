package org.gramian.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** Double-double arithmetic against BigDecimal: every operation good to ~2⁻¹⁰⁴ relative. */
class DDPropertiesTest {
    static final MathContext MC = new MathContext(60);

    static BigDecimal big(DD d) {
        return new BigDecimal(d.hi).add(new BigDecimal(d.lo));
    }

    static void close(DD got, BigDecimal want) {
        BigDecimal err = big(got).subtract(want).abs();
        BigDecimal bound = want.abs().multiply(new BigDecimal("1e-30")).add(new BigDecimal("1e-300"));
        assertThat(err.compareTo(bound)).as("got %s want %s", got, want).isLessThanOrEqualTo(0);
    }

    static DD dd(double a, double b) {
        return DD.sum(a, b * 1e-17 * Math.abs(a));
    }

    @Property
    void addSubMulDiv(@ForAll @DoubleRange(min = -1e6, max = 1e6) double a1, @ForAll @DoubleRange(min = -1, max = 1) double a2,
                      @ForAll @DoubleRange(min = -1e6, max = 1e6) double b1, @ForAll @DoubleRange(min = -1, max = 1) double b2) {
        DD a = dd(a1, a2);
        DD b = dd(b1, b2);
        close(a.add(b), big(a).add(big(b)));
        close(a.subtract(b), big(a).subtract(big(b)));
        close(a.multiply(b), big(a).multiply(big(b)));
        if (b.hi != 0) {
            close(a.divide(b), big(a).divide(big(b), MC));
        }
    }

    @Property
    void sqrt(@ForAll @DoubleRange(min = 0.001, max = 1e10) @net.jqwik.api.constraints.Scale(12) double a1, @ForAll @DoubleRange(min = -1, max = 1) double a2) {
        DD a = dd(a1, a2);
        close(a.sqrt(), big(a).sqrt(MC));
    }

    @Property
    void decimalTailRecoversTheDecimal(@ForAll @DoubleRange(min = -1e3, max = 1e3) double v) {
        String text = new BigDecimal(v).round(new MathContext(12)).toString();
        DD d = Decimal.parse(text);
        close(d, new BigDecimal(text));
    }
}
