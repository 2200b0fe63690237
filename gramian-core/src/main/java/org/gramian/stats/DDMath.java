package org.gramian.stats;

import org.gramian.numeric.DD;

/**
 * Elementary functions in double-double ({@link DD}, about 32 significant digits) for
 * {@link Distributions}: exp, log, log1p, ln Γ and ln B. Each is good to a few units in
 * 2<sup>-104</sup>: exp and log1p relative (exp's bound growing like |x|, its condition
 * number), log absolute (which is what an exponent needs), ln Γ and ln B absolute relative to
 * the size of their terms. Results whose low part would be subnormal (below about 1e-290) hold
 * only double precision. Checked against BigDecimal in {@code DDMathTest}.
 */
public final class DDMath {
    private DDMath() {
    }

    /** ln 2 to double-double precision. */
    static final DD LN2 = DD.of(0.6931471805599453, 2.3190468138462996e-17);
    /** ½ ln(2π) to double-double precision. */
    static final DD HALF_LN_2PI = DD.of(0.9189385332046728, -3.8782941580672414e-17);

    /** 1/n! for n = 0..12. */
    private static final DD[] INV_FACTORIAL = new DD[13];
    /** Stirling-series coefficients B₂ₖ/(2k(2k−1)), k = 1..15, as exact integer ratios. */
    private static final long[][] STIRLING_RATIOS = {
        {1, 12}, {-1, 360}, {1, 1260}, {-1, 1680}, {1, 1188}, {-691, 360360}, {1, 156},
        {-3617, 122400}, {43867, 244188}, {-174611, 125400}, {77683, 5796}, {-236364091, 1506960},
        {657931, 300}, {-3392780147L, 93960}, {1723168255201L, 2492028},
    };
    private static final DD[] STIRLING = new DD[STIRLING_RATIOS.length];
    /** ln Γ is shifted up by the recurrence to at least this before the Stirling series. */
    private static final double STIRLING_FROM = 30;

    static {
        double f = 1;
        for (int n = 0; n < INV_FACTORIAL.length; n++) {
            f *= Math.max(n, 1);
            INV_FACTORIAL[n] = DD.ONE.divide(f);
        }
        for (int k = 0; k < STIRLING.length; k++) {
            STIRLING[k] = DD.of((double) STIRLING_RATIOS[k][0]).divide((double) STIRLING_RATIOS[k][1]);
        }
    }

    /**
     * e<sup>x</sup>: x = k·ln 2 + r, |r| ≤ ½ ln 2; expm1(r/1024) by its Taylor series, ten
     * squarings (1+s)² − 1 = 2s + s² that keep the relative error, then 2<sup>k</sup>.
     * Underflows gracefully through the subnormals to 0; overflows to +∞.
     */
    public static DD exp(DD x) {
        if (Double.isNaN(x.hi)) {
            return DD.of(Double.NaN);
        }
        if (x.hi > 709.8) {
            return DD.of(Double.POSITIVE_INFINITY);
        }
        if (x.hi < -745.2) {
            return DD.ZERO;
        }
        double k = Math.rint(x.hi / LN2.hi);
        DD r = x.subtract(LN2.multiply(k)).multiply(1.0 / 1024);
        DD s = r;
        DD power = r;
        for (int n = 2; n < INV_FACTORIAL.length; n++) {
            power = power.multiply(r);
            DD term = power.multiply(INV_FACTORIAL[n]);
            s = s.add(term);
            if (Math.abs(term.hi) <= 1e-36 * Math.abs(s.hi)) {
                break;
            }
        }
        for (int i = 0; i < 10; i++) {
            s = s.multiply(2.0).add(s.square());
        }
        DD e = s.add(1.0);
        return k == 0 ? e : e.scalb((int) k);
    }

    /**
     * ln x for x &gt; 0: x = m·2<sup>e</sup> with m in [1/√2, √2), then one Newton step
     * y + m·e<sup>−y</sup> − 1 from y = Math.log(m), which doubles its 53 bits; plus e·ln 2. The
     * error is absolute, about 1e-32 near x = 1 and 1e-29 at the ends of the double range.
     */
    public static DD log(DD x) {
        if (Double.isNaN(x.hi) || x.hi < 0) {
            return DD.of(Double.NaN);
        }
        if (x.hi == 0) {
            return DD.of(Double.NEGATIVE_INFINITY);
        }
        if (x.hi == Double.POSITIVE_INFINITY) {
            return DD.of(Double.POSITIVE_INFINITY);
        }
        int e = 0;
        DD m = x;
        if (m.hi < Double.MIN_NORMAL) {
            m = m.scalb(600);
            e = -600;
        }
        int ex = Math.getExponent(m.hi);
        m = m.scalb(-ex);
        e += ex;
        if (m.hi > 1.4142135623730951) {
            m = m.scalb(-1);
            e += 1;
        }
        DD y = DD.of(Math.log(m.hi));
        y = y.add(m.multiply(exp(y.negate())).subtract(1.0));
        return e == 0 ? y : y.add(LN2.multiply(e));
    }

    /** ln x for a double x &gt; 0. */
    static DD log(double x) {
        return log(DD.of(x));
    }

    /**
     * ln(1 + u) for u &gt; −1, relatively exact also for tiny u (where {@link #log} of 1 + u
     * would be only absolutely so): for |u| ≤ 0.1 the series 2·atanh(w) = 2(w + w³/3 + …),
     * w = u/(2+u), |w| &lt; 0.053, at most 14 terms.
     */
    static DD log1p(DD u) {
        if (!(Math.abs(u.hi) <= 0.1)) {
            return log(DD.ONE.add(u));
        }
        DD w = u.divide(u.add(2.0));
        DD w2 = w.square();
        DD sum = w;
        DD power = w;
        for (int k = 3; k < 41; k += 2) {
            power = power.multiply(w2);
            DD term = power.divide(k);
            sum = sum.add(term);
            if (Math.abs(term.hi) <= 1e-35 * Math.abs(sum.hi)) {
                break;
            }
        }
        return sum.multiply(2.0);
    }

    /**
     * ln Γ(z) for z &gt; 0: the recurrence Γ(z) = Γ(z+n)/(z(z+1)…(z+n−1)) lifts z to at
     * least 30, where the Stirling series (z−½)ln z − z + ½ln 2π + Σ B₂ₖ/(2k(2k−1)z²ᵏ⁻¹) with
     * at most 15 terms is exact to below 1e-35.
     */
    static DD logGamma(DD z) {
        DD w = z;
        DD product = null;
        while (w.hi < STIRLING_FROM) {
            product = product == null ? w : product.multiply(w);
            w = w.add(1.0);
        }
        DD r = w.subtract(0.5).multiply(log(w)).subtract(w).add(HALF_LN_2PI).add(stirlingSeries(w));
        return product == null ? r : r.subtract(log(product));
    }

    /** Σ B₂ₖ/(2k(2k−1)w²ᵏ⁻¹), the correction of Stirling's formula, for w ≥ 30. */
    private static DD stirlingSeries(DD w) {
        DD inv = DD.ONE.divide(w);
        DD inv2 = inv.square();
        DD power = inv;
        DD r = DD.ZERO;
        for (DD c : STIRLING) {
            DD term = c.multiply(power);
            r = r.add(term);
            if (Math.abs(term.hi) < 1e-36) {
                break;
            }
            power = power.multiply(inv2);
        }
        return r;
    }

    /**
     * ln B(a, b) for a, b &gt; 0. Below 30 for both, ln Γ(a) + ln Γ(b) − ln Γ(a+b) (a + b
     * formed exactly). Otherwise, with a ≥ b and a ≥ 30, ln Γ(b) − [ln Γ(a+b) − ln Γ(a)], the
     * bracket from the difference of the two Stirling formulas,
     * (a−½)·ln(1 + b/a) + b·ln(a+b) − b + S(a+b) − S(a), whose terms are of the size of the
     * result: no cancellation of a·ln a against itself, whatever the size of a.
     */
    static DD logBeta(double a, double b) {
        double big = Math.max(a, b);
        double small = Math.min(a, b);
        if (big < STIRLING_FROM) {
            return logGamma(DD.of(a)).add(logGamma(DD.of(b))).subtract(logGamma(DD.sum(a, b)));
        }
        DD bigDD = DD.of(big);
        DD sum = DD.sum(big, small);
        DD difference = bigDD.subtract(0.5).multiply(log1p(DD.of(small).divide(big)))
                .add(log(sum).multiply(small)).subtract(small)
                .add(stirlingSeries(sum)).subtract(stirlingSeries(bigDD));
        return logGamma(DD.of(small)).subtract(difference);
    }
}
