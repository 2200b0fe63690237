package org.gramian.stats;

import org.gramian.numeric.DD;

/**
 * Tail probabilities of Student's t and Fisher's F through the regularized incomplete beta
 * function I_x(a, b), to a relative error of about 1e-16 (a unit or two in the last place of
 * the double) over the whole double range: p-values down to the smallest normal double keep
 * their significant digits; below that they fade into the subnormals and 0.
 *
 * <h2>Method</h2>
 * I_x(a, b) = x<sup>a</sup>(1−x)<sup>b</sup>/(a·B(a, b)) · K_x(a, b), where K is the classic
 * continued fraction (modified Lentz, as in Numerical Recipes §6.4), used directly for
 * x &lt; (a+1)/(a+b+2) and through I_x(a, b) = 1 − I_{1−x}(b, a) otherwise. In the second case
 * the result is not small (at least 0.08 for b ≥ ½, as in every t and integer-d1 F), so the
 * subtraction costs at most a digit. Evaluated in double, as this class used to be, the method
 * is right to only about 11 digits at a few thousand degrees of freedom (1.1e-11 at df = 20000,
 * 1e-7 at 10⁷), for reasons that have nothing to do with the continued fraction:
 * <ul>
 *   <li>the log of the front factor, a·ln x + b·ln(1−x) − ln B(a, b), is a small difference of
 *       terms of size a·ln a (about 10<sup>8</sup> at a = 5·10<sup>6</sup>): each unit in the
 *       last place of those terms is a relative error of 10<sup>-8</sup> in the p-value;</li>
 *   <li>x = df/(df + t²) lies within t²/df of 1, so a·ln x computed from a rounded x loses the
 *       digits that rounding x threw away, multiplied by a.</li>
 * </ul>
 * So every step here is done in double-double ({@link DD}, about 32 digits, with exp, log,
 * log1p and ln Γ from {@link DDMath}), leaving some 15 digits of margin:
 * <ul>
 *   <li>x and 1 − x are both formed from the ratio q = t²/df (or d1·f/d2) as 1/(1+q) and
 *       q/(1+q), without cancellation, and their logarithms as −ln(1+q) (by log1p, relatively
 *       exact for tiny q) and ln q − ln(1+q). Ratios beyond 10<sup>±290</sup> take the same path
 *       from ln q;</li>
 *   <li>ln B(a, b) comes from {@link DDMath#logBeta}, which for a large argument uses the
 *       difference of two Stirling series, so ln Γ(a+b) − ln Γ(a) is never formed as the
 *       difference of two numbers of size a·ln a;</li>
 *   <li>the continued fraction runs in double-double to 10<sup>-28</sup>, and which branch to
 *       take is decided on the smaller of x and 1 − x, the one known to full relative
 *       precision;</li>
 *   <li>the result is e<sup>ln front + ln(K/a)</sup>, so the front factor never underflows on
 *       the way to a representable p-value.</li>
 * </ul>
 * Degrees of freedom above {@code MAX_DF} = 10<sup>17</sup> are taken as 10<sup>17</sup>.
 *
 * <p>Cost: the continued fraction needs a handful of terms in the tails and at most a few
 * hundred with one large and one small parameter (t at any df, F with small d1); with both
 * large (F with d1 and d2 in the millions, near f = 1) about 0.65·√(d/2), 1500 at 10⁷.
 * Measured on a shared machine: 3–40 µs per call (the old double version: 0.2 µs), 0.3–0.5 ms
 * for F(10⁷, 10⁷) at f = 1.
 *
 * <p>The reference is {@code DistributionsPrecisionTest}: exact Γ of integers and
 * half-integers and the hypergeometric series in BigDecimal, all written independently of this
 * class; the largest error it finds on its grid of about 500 points is 2.4e-16.
 */
public final class Distributions {
    private Distributions() {
    }

    /** Below this and above its reciprocal a ratio q is handled through ln q. */
    private static final double RATIO_RANGE = 1e-290;
    /** The continued fraction stops when a step changes it by less than this, relative. */
    private static final double CF_EPS = 1e-28;
    /** About 0.2 s; reached only by F with both degrees of freedom beyond ~5·10¹², near f = 1. */
    private static final int CF_MAX_ITERATIONS = 1_000_000;
    /**
     * Degrees of freedom above this are taken as this: beyond it double-double no longer
     * resolves x = 1/(1 + t²/df) from 1 well enough (the error is 2e-16 at 1e17, 3e-15 at
     * 1e18), and the distribution is within a relative O(t⁴/df) of its limit anyway (2e-16 at
     * t = 3, 6e-12 at t = 40).
     */
    static final double MAX_DF = 1e17;

    /**
     * Two-sided p-value P(|T| ≥ |t|) for T ~ t(df) = I_{df/(df+t²)}(df/2, 1/2). NaN for NaN t or
     * df ≤ 0 (or NaN, or infinite); 0 for infinite t; 1 for t = 0.
     */
    public static double studentTwoSided(double t, double df) {
        if (Double.isNaN(t) || !(df > 0) || df == Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return 0.0;
        }
        double at = Math.abs(t);
        if (at == 0) {
            return 1.0;
        }
        df = Math.min(df, MAX_DF);
        if (at > 1e-140 && at < 1e140) {
            DD q = DD.product(at, at).divide(df);
            if (inRange(q)) {
                return atRatio(q, df / 2, 0.5);
            }
        }
        return atLogRatio(DDMath.log(at).multiply(2.0).subtract(DDMath.log(df)), df / 2, 0.5);
    }

    /**
     * Upper tail P(F ≥ f) for F ~ F(d1, d2) = I_{d2/(d2+d1·f)}(d2/2, d1/2). NaN for NaN f or a
     * degree of freedom ≤ 0 (or NaN, or infinite); 0 for f = +∞; 1 for f ≤ 0.
     */
    /**
     * The two-sided critical value of Student's t: the q ≥ 0 with P(|T| ≥ q) = α for T ~ t(df), so
     * that w ± q·SE is a (1 − α) confidence interval. Found by bracketing and bisection on
     * {@link #studentTwoSided} (monotone in q), then a few secant steps, to a relative error
     * near 1e-15; NaN for α outside (0, 1) or df ≤ 0.
     */
    public static double studentCritical(double alpha, double df) {
        if (!(alpha > 0 && alpha < 1) || !(df > 0)) {
            return Double.NaN;
        }
        double lo = 0;
        double hi = 1;
        while (studentTwoSided(hi, df) > alpha) {
            lo = hi;
            hi *= 2;
            if (Double.isInfinite(hi)) {
                return Double.POSITIVE_INFINITY;
            }
        }
        // bisection in the logarithm of the tail: P falls steeply, so bracket on ln P
        double lnAlpha = Math.log(alpha);
        for (int i = 0; i < 200 && hi - lo > 1e-16 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) {
                break;
            }
            if (Math.log(studentTwoSided(mid, df)) > lnAlpha) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double plo = Math.abs(studentTwoSided(lo, df) - alpha);
        double phi = Math.abs(studentTwoSided(hi, df) - alpha);
        return plo <= phi ? lo : hi;
    }

    public static double fisherUpper(double f, double d1, double d2) {
        if (Double.isNaN(f) || !(d1 > 0) || !(d2 > 0)
                || d1 == Double.POSITIVE_INFINITY || d2 == Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        if (Double.isInfinite(f)) {
            return f > 0 ? 0.0 : 1.0;
        }
        if (f <= 0) {
            return 1.0;
        }
        d1 = Math.min(d1, MAX_DF);
        d2 = Math.min(d2, MAX_DF);
        double product = d1 * f;
        if (product > 1e-280 && product < 1e280) {
            DD q = DD.product(d1, f).divide(d2);
            if (inRange(q)) {
                return atRatio(q, d2 / 2, d1 / 2);
            }
        }
        return atLogRatio(DDMath.log(d1).add(DDMath.log(f)).subtract(DDMath.log(d2)), d2 / 2, d1 / 2);
    }

    /**
     * I_x(a, b) for 0 &lt; x &lt; 1 and a, b &gt; 0 (1 − x is formed exactly); 0 for x ≤ 0, 1 for
     * x ≥ 1, NaN for NaN or non-positive a, b.
     */
    public static double regularizedBeta(double x, double a, double b) {
        if (Double.isNaN(x) || !(a > 0) || !(b > 0)) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 0.0;
        }
        if (x >= 1) {
            return 1.0;
        }
        DD xx = DD.of(x);
        DD y = DD.sum(1.0, -x);
        DD lnx = x < 0.5 ? DDMath.log(xx) : DDMath.log1p(y.negate());
        DD lny = x > 0.5 ? DDMath.log(y) : DDMath.log1p(xx.negate());
        return beta(xx, y, lnx, lny, a, b);
    }

    /** ln Γ(x); for x ≤ 0 ln|Γ(x)| by reflection (+∞ at the poles 0, −1, …, approximately). */
    public static double logGamma(double x) {
        if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x > 0) {
            return DDMath.logGamma(DD.of(x)).doubleValue();
        }
        return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }

    private static boolean inRange(DD q) {
        return q.hi > RATIO_RANGE && q.hi < 1 / RATIO_RANGE;
    }

    /** I_x(a, b) at x = 1/(1+q), 1 − x = q/(1+q), for q in the normal range. */
    private static double atRatio(DD q, double a, double b) {
        DD s = DD.ONE.add(q);
        DD lnS = DDMath.log1p(q);
        return beta(DD.ONE.divide(s), q.divide(s), lnS.negate(), DDMath.log(q).subtract(lnS), a, b);
    }

    /** I_x(a, b) at x = 1/(1+q) given ln q, for q too large or too small to form. */
    private static double atLogRatio(DD lnq, double a, double b) {
        if (lnq.hi > 0) {
            // r = 1/q ≤ 1e-290, possibly 0: x = r/(1+r), 1 − x = 1/(1+r)
            DD r = DDMath.exp(lnq.negate());
            DD s = DD.ONE.add(r);
            DD lnS = DDMath.log1p(r);
            DD y = DD.ONE.divide(s);
            return beta(r.multiply(y), y, lnq.add(lnS).negate(), lnS.negate(), a, b);
        }
        DD q = DDMath.exp(lnq);
        DD s = DD.ONE.add(q);
        DD lnS = DDMath.log1p(q);
        DD x = DD.ONE.divide(s);
        return beta(x, q.multiply(x), lnS.negate(), lnq.subtract(lnS), a, b);
    }

    /** I_x(a, b) with y = 1 − x and the logarithms of both given. */
    private static double beta(DD x, DD y, DD lnx, DD lny, double a, double b) {
        DD lnFront = lnx.multiply(a).add(lny.multiply(b)).subtract(DDMath.logBeta(a, b));
        // x < (a+1)/(a+b+2), decided on the smaller of x and 1 − x (the one known to full relative precision)
        boolean direct = x.hi <= 0.5 ? x.hi < (a + 1) / (a + b + 2) : y.hi > (b + 1) / (a + b + 2);
        if (direct) {
            DD k = continuedFraction(x, a, b);
            return DDMath.exp(lnFront.add(DDMath.log(k.divide(a)))).doubleValue();
        }
        DD k = continuedFraction(y, b, a);
        double p = DD.ONE.subtract(DDMath.exp(lnFront).multiply(k).divide(b)).doubleValue();
        return Math.min(1.0, Math.max(0.0, p));
    }

    /** The continued fraction K_x(a, b) of I_x(a, b), modified Lentz, in double-double. */
    private static DD continuedFraction(DD x, double a, double b) {
        final double tiny = 1e-300;
        DD apb = DD.sum(a, b);
        DD c = DD.ONE;
        DD d = DD.ONE.subtract(apb.multiply(x).divide(DD.sum(a, 1.0)));
        d = Math.abs(d.hi) < tiny ? DD.of(tiny) : d;
        d = DD.ONE.divide(d);
        DD h = d;
        for (int m = 1; m <= CF_MAX_ITERATIONS; m++) {
            int m2 = 2 * m;
            DD aa = DD.sum(b, -m).multiply(m).multiply(x)
                    .divide(DD.sum(a, m2 - 1).multiply(DD.sum(a, m2)));
            d = DD.ONE.add(aa.multiply(d));
            d = Math.abs(d.hi) < tiny ? DD.of(tiny) : d;
            c = DD.ONE.add(aa.divide(c));
            c = Math.abs(c.hi) < tiny ? DD.of(tiny) : c;
            d = DD.ONE.divide(d);
            h = h.multiply(d.multiply(c));
            aa = DD.sum(a, m).multiply(apb.add(m)).multiply(x).negate()
                    .divide(DD.sum(a, m2).multiply(DD.sum(a, m2 + 1)));
            d = DD.ONE.add(aa.multiply(d));
            d = Math.abs(d.hi) < tiny ? DD.of(tiny) : d;
            c = DD.ONE.add(aa.divide(c));
            c = Math.abs(c.hi) < tiny ? DD.of(tiny) : c;
            d = DD.ONE.divide(d);
            DD del = d.multiply(c);
            h = h.multiply(del);
            if (Math.abs(del.hi - 1.0 + del.lo) < CF_EPS) {
                break;
            }
        }
        return h;
    }

    /** 1/√π to double-double precision. */
    private static final DD INV_SQRT_PI = DD.of(0.5641895835477563, 7.66772980658294e-18);
    /** 1/√2 to double-double precision. */
    private static final DD INV_SQRT_2 = DD.of(0.7071067811865476, -4.833646656726457e-17);
    /** erfc switches from the series of erf to the continued fraction at this argument. */
    private static final double ERFC_SERIES_BELOW = 4.5;

    /**
     * Two-sided normal p-value P(|Z| ≥ |z|) = erfc(|z|/√2) for Z ~ N(0, 1), to a relative error of
     * about 1e-16 down to the smallest normal double (|z| ≈ 37.5; below that it fades into the
     * subnormals and 0). NaN for NaN z; 0 for infinite z.
     */
    public static double normalTwoSided(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        if (Double.isInfinite(z)) {
            return 0.0;
        }
        return erfc(DD.of(Math.abs(z)).multiply(INV_SQRT_2)).doubleValue();
    }

    /**
     * Upper tail P(Z ≥ z) = erfc(z/√2)/2 for Z ~ N(0, 1) (for z &lt; 0, 1 − erfc(|z|/√2)/2), with
     * the accuracy of {@link #normalTwoSided}. NaN for NaN z.
     */
    public static double normalUpper(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        if (Double.isInfinite(z)) {
            return z > 0 ? 0.0 : 1.0;
        }
        DD half = erfc(DD.of(Math.abs(z)).multiply(INV_SQRT_2)).multiply(0.5);
        return z >= 0 ? half.doubleValue() : DD.ONE.subtract(half).doubleValue();
    }

    /**
     * The two-sided normal critical value: the q ≥ 0 with P(|Z| ≥ q) = α, so that w ± q·SE is a
     * (1 − α) Wald interval (q = 1.959963984540054 for α = 0.05). Bisection on the logarithm of
     * the double-double tail (monotone in q) to the nearest double; NaN for α outside (0, 1).
     */
    public static double normalCritical(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            return Double.NaN;
        }
        double lo = 0;
        double hi = 1;
        while (normalTwoSided(hi) > alpha) {
            lo = hi;
            hi *= 2;
        }
        // bisection on the double-double tail, which resolves neighbouring doubles near the root
        // (the rounded tail does not: it would leave the last two or three bits to chance)
        DD a = DD.of(alpha);
        for (int i = 0; i < 2000; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) {
                break;
            }
            if (twoSidedExact(mid).compareTo(a) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return twoSidedExact(lo).subtract(a).abs().compareTo(twoSidedExact(hi).subtract(a).abs()) <= 0 ? lo : hi;
    }

    private static DD twoSidedExact(double z) {
        return erfc(DD.of(Math.abs(z)).multiply(INV_SQRT_2));
    }

    /**
     * The complementary error function erfc(x) = (2/√π)∫ₓ^∞ e^{−t²} dt in double-double, x ≥ 0.
     * Below {@value #ERFC_SERIES_BELOW}: 1 − erf(x) with erf(x) = (2/√π)e^{−x²} Σₙ 2ⁿx^{2n+1}/(1·3⋯(2n+1))
     * (every term positive: no cancellation inside the sum; 1 − erf loses at most 10 of the 32 digits,
     * erfc(4.5) ≈ 2e-10). Above: e^{−x²}/√π · 1/(x + ½/(x + 1/(x + (3/2)/(x + …)))), the classic
     * continued fraction (Abramowitz–Stegun 7.1.14) by the modified Lentz method, to 1e-30.
     */
    static DD erfc(DD x) {
        if (x.hi < 0) {
            throw new IllegalArgumentException("erfc here needs x ≥ 0, got " + x.hi);
        }
        DD x2 = x.square();
        DD e = DDMath.exp(x2.negate());
        if (x.hi < ERFC_SERIES_BELOW) {
            DD term = x;
            DD sum = x;
            DD twoX2 = x2.multiply(2.0);
            for (int n = 1; n < 1000; n++) {
                term = term.multiply(twoX2).divide(2.0 * n + 1);
                sum = sum.add(term);
                if (Math.abs(term.hi) <= 1e-34 * Math.abs(sum.hi)) {
                    break;
                }
            }
            DD erf = sum.multiply(e).multiply(INV_SQRT_PI).multiply(2.0);
            return DD.ONE.subtract(erf);
        }
        if (e.isZero()) {
            return DD.ZERO;
        }
        // modified Lentz for f = x + a₁/(x + a₂/(x + …)), aₖ = k/2
        double tiny = 1e-300;
        DD f = x;
        DD c = f;
        DD d = DD.ZERO;
        for (int k = 1; k < 100_000; k++) {
            double a = 0.5 * k;
            d = x.add(d.multiply(a));
            if (d.isZero()) {
                d = DD.of(tiny);
            }
            d = DD.ONE.divide(d);
            c = x.add(DD.of(a).divide(c));
            if (c.isZero()) {
                c = DD.of(tiny);
            }
            DD delta = c.multiply(d);
            f = f.multiply(delta);
            if (Math.abs(delta.hi - 1.0) + Math.abs(delta.lo) < 1e-31) {
                break;
            }
        }
        return e.multiply(INV_SQRT_PI).divide(f);
    }
}
