package org.gramian.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.gramian.numeric.DD;
import org.junit.jupiter.api.Test;

/** Double-double exp, log and ln Γ against BigDecimal ({@link BigMath}, 60 digits). */
class DDMathTest {
    static final MathContext MC = BigMath.digits(60);

    /** A double-double with a non-trivial low part. */
    static DD dd(double a, double b) {
        return DD.sum(a, b * 1e-17 * Math.abs(a));
    }

    static double relative(DD got, BigDecimal want) {
        return BigMath.big(got).subtract(want).abs().divide(want.abs(), MC).doubleValue();
    }

    static double absolute(DD got, BigDecimal want) {
        return BigMath.big(got).subtract(want).abs().doubleValue();
    }

    /**
     * The bound grows like |x|·2⁻¹⁰⁴ (the rounding of k·ln 2, and the condition number |x| of
     * exp); below x ≈ −650 the result's low part turns subnormal (see {@link #edges}).
     */
    @Property(tries = 200)
    void expIsRelativelyExact(@ForAll @DoubleRange(min = -650, max = 709) double x1,
                              @ForAll @DoubleRange(min = -1, max = 1) double x2) {
        DD x = dd(x1, x2);
        assertThat(relative(DDMath.exp(x), BigMath.exp(BigMath.big(x), MC))).as("exp(%s)", x)
                .isLessThan(1e-30 + 1e-31 * Math.abs(x1));
    }

    @Property(tries = 300)
    void expNearZero(@ForAll @DoubleRange(min = -1, max = 1) double x1, @ForAll @DoubleRange(min = -1, max = 1) double x2) {
        DD x = dd(x1 * 1e-3, x2);
        assertThat(relative(DDMath.exp(x), BigMath.exp(BigMath.big(x), MC))).isLessThan(1e-31);
    }

    @Property(tries = 300)
    void logIsAbsolutelyExact(@ForAll @DoubleRange(min = -307, max = 307) double e10,
                              @ForAll @DoubleRange(min = -1, max = 1) double x2) {
        DD x = dd(Math.pow(10, e10), x2);
        BigDecimal want = BigMath.ln(BigMath.big(x), MC);
        assertThat(absolute(DDMath.log(x), want)).as("log(%s)", x)
                .isLessThan(2e-31 + 5e-32 * Math.abs(want.doubleValue())); // a few units of the result's last place
    }

    @Property(tries = 300)
    void logNearOne(@ForAll @DoubleRange(min = -1, max = 1) double d, @ForAll @DoubleRange(min = -1, max = 1) double x2) {
        DD x = DD.ONE.add(dd(d * 1e-3, x2));
        BigDecimal want = BigMath.ln(BigMath.big(x), MC);
        assertThat(absolute(DDMath.log(x), want)).isLessThan(5e-32);
    }

    @Property(tries = 200)
    void logGammaAgainstStirlingInBigDecimal(@ForAll @DoubleRange(min = -3, max = 7) double e10) {
        double z = Math.pow(10, e10);
        BigDecimal want = BigMath.lnGamma(new BigDecimal(z), MC);
        assertThat(absolute(DDMath.logGamma(DD.of(z)), want)).as("lnΓ(%s)", z)
                .isLessThan(1e-29 + 1e-31 * Math.abs(want.doubleValue()));
    }

    @Property(tries = 300)
    void log1pIsRelativelyExact(@ForAll @DoubleRange(min = -280, max = -0.3) double e10, @ForAll boolean negative,
                                @ForAll @DoubleRange(min = -1, max = 1) double x2) {
        DD u = dd((negative ? -1 : 1) * Math.pow(10, e10), x2);
        BigDecimal want = BigMath.ln(BigDecimal.ONE.add(BigMath.big(u)), BigMath.digits(60 - (int) e10));
        assertThat(relative(DDMath.log1p(u), want)).as("log1p(%s)", u).isLessThan(3e-31);
        // (below about 1e-290 the low part of a double-double is subnormal: no longer 106 bits)
    }

    @Property(tries = 200)
    void logBetaAgainstStirlingInBigDecimal(@ForAll @DoubleRange(min = -3, max = 13) double ea,
                                            @ForAll @DoubleRange(min = -3, max = 7) double eb) {
        double a = Math.pow(10, ea);
        double b = Math.pow(10, eb);
        BigDecimal want = BigMath.lnGamma(new BigDecimal(a), MC).add(BigMath.lnGamma(new BigDecimal(b), MC))
                .subtract(BigMath.lnGamma(new BigDecimal(a).add(new BigDecimal(b)), MC));
        // the Stirling terms are ~a·ln a, so 1e-31 of them is the most the BigDecimal side can promise at 60 digits
        double scale = Math.max(Math.abs(want.doubleValue()), Math.min(a, b) * Math.log(Math.max(a, b) + 2));
        assertThat(absolute(DDMath.logBeta(a, b), want)).as("ln B(%s, %s)", a, b)
                .isLessThan(3e-29 + 1e-31 * scale);
    }

    @Test
    void edges() {
        assertThat(DDMath.exp(DD.of(-800)).doubleValue()).isZero();
        assertThat(DDMath.exp(DD.of(800)).doubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(DDMath.exp(DD.ZERO)).isEqualTo(DD.ONE);
        // results near and below the smallest normal double (whose low part is subnormal, so
        // they hold only double precision) round like Math.exp, which is within an ulp
        for (double x : new double[] {-690, -700, -708}) {
            double got = DDMath.exp(DD.of(x)).doubleValue();
            assertThat(Math.abs(got - Math.exp(x))).isLessThanOrEqualTo(Math.ulp(Math.exp(x)));
        }
        for (double x : new double[] {-710, -730, -744}) {
            double got = DDMath.exp(DD.of(x)).doubleValue();
            assertThat(Math.abs(got - Math.exp(x))).isLessThanOrEqualTo(Double.MIN_VALUE);
        }
        assertThat(DDMath.log(DD.of(Double.MIN_VALUE)).doubleValue()).isEqualTo(Math.log(Double.MIN_VALUE));
        assertThat(DDMath.log(DD.of(Double.MAX_VALUE)).doubleValue()).isEqualTo(Math.log(Double.MAX_VALUE));
        assertThat(DDMath.log(DD.ONE)).isEqualTo(DD.ZERO);
        assertThat(DDMath.log(DD.ZERO).doubleValue()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(DDMath.log(DD.of(-1)).doubleValue()).isNaN();
        assertThat(BigMath.big(DDMath.LN2).subtract(BigMath.ln(BigDecimal.valueOf(2), MC)).abs().doubleValue())
                .isLessThan(1e-32);
        BigDecimal halfLn2Pi = BigMath.ln(BigMath.pi(MC).multiply(BigDecimal.valueOf(2)), MC).divide(BigDecimal.valueOf(2), MC);
        assertThat(BigMath.big(DDMath.HALF_LN_2PI).subtract(halfLn2Pi).abs().doubleValue()).isLessThan(1e-32);
    }
}
