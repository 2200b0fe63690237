package org.gramian.io;

import java.math.BigInteger;

/**
 * The rounding residual of a short decimal, exactly and without {@link java.math.BigDecimal}.
 *
 * <p>For a decimal {@code v = M·10^e} (M an exact integer of at most 18 digits) and its nearest
 * double {@code hi = m·2^q} (m the 53-bit significand), the residual {@code v − hi} is a small
 * rational whose numerator can be formed in 64-bit integer arithmetic even though the terms that
 * make it up are much wider: the difference is known to be tiny (|v − hi| ≤ 2^(q−1)), so computing
 * it modulo 2^64 (Java's wrapping {@code long} arithmetic) gives it exactly.
 * <ul>
 *   <li>{@code e ≥ 0}: v − hi = (M·5^e·2^(e−b) − m·2^(q−b))·2^b with b = min(e, q) — an integer
 *       R times a power of two; the residual is {@code (double) R} scaled by 2^b (one rounding).</li>
 *   <li>{@code e = −k < 0}: v − hi = (M·2^(−k−b) − m·5^k·2^(q−b))·2^b / 5^k with b = min(−k, q)
 *       — an integer X over 5^k; for k ≤ 22 with |X| ≤ 2^53 both are exact doubles, so
 *       {@code X / 5^k} is one correctly rounded division, then scaled exactly by 2^b; for
 *       23 ≤ k ≤ 26 the quotient is rounded correctly by {@link #roundedQuotient}.</li>
 * </ul>
 * {@link #tailBig} does the same with BigInteger for the other exponents. Either way the result is {@code v − hi} correctly rounded to double, bit for bit what
 * {@link org.gramian.numeric.Decimal#tail} computes with BigDecimal. Cases outside these bounds
 * (long exponents, subnormal results) return NaN and the caller falls back to BigDecimal.
 */
final class ExactTail {
    private static final BigInteger FIVE = BigInteger.valueOf(5);
    private static final long[] POW5 = new long[28];
    private static final double[] POW5_DOUBLE = new double[23];

    static {
        long p = 1;
        for (int i = 0; i < POW5.length; i++) {
            POW5[i] = p;
            if (i < POW5_DOUBLE.length) {
                POW5_DOUBLE[i] = p; // 5^22 < 2^53: exact
            }
            p *= 5;
        }
    }

    private ExactTail() {
    }

    /**
     * {@code M·10^e − hi} rounded to double, where {@code hi > 0} is the double nearest to
     * {@code M·10^e}, {@code 0 < M < 10^18}; NaN when this method cannot do it exactly.
     */
    static double tail(long mantissa, int e, double hi) {
        long bits = Double.doubleToRawLongBits(hi);
        int biased = (int) (bits >>> 52) & 0x7ff;
        if (biased == 0 || biased == 0x7ff || bits < 0) {
            return Double.NaN; // subnormal, zero, infinite or negative: not this method's business
        }
        long m = (bits & 0xFFFFFFFFFFFFFL) | (1L << 52);
        int q = biased - 1075;
        double result;
        if (e >= 0) {
            if (e >= POW5.length) {
                return Double.NaN;
            }
            int b = Math.min(e, q);
            if (q - b > 61) {
                return Double.NaN; // |R| ≤ 2^(q−b−1) must stay below 2^62 for the wrapped value to be exact
            }
            long r = shiftLeft(mantissa * POW5[e], e - b) - shiftLeft(m, q - b);
            if (r == 0) {
                return 0.0;
            }
            result = scale((double) r, b);
        } else {
            int k = -e;
            if (k >= POW5.length - 1) {
                return Double.NaN;
            }
            int b = Math.min(-k, q);
            if (k < POW5_DOUBLE.length) {
                if (q - b > 9) {
                    return Double.NaN; // |X| ≤ 5^k·2^(q−b−1) < 2^61 keeps the wrapped value exact
                }
            } else if (q != b) {
                return Double.NaN; // larger 5^k: only |X| ≤ 5^k/2 < 2^60 is safe
            }
            long x = shiftLeft(mantissa, -k - b) - shiftLeft(m * POW5[k], q - b);
            if (x == 0) {
                return 0.0;
            }
            double quotient;
            if (k < POW5_DOUBLE.length) {
                if (Math.abs(x) > (1L << 53)) {
                    return Double.NaN; // (double) x would round: two roundings
                }
                quotient = (double) x / POW5_DOUBLE[k]; // exact operands: one correctly rounded division
            } else {
                quotient = roundedQuotient(Math.abs(x), POW5[k]);
                if (x < 0) {
                    quotient = -quotient;
                }
            }
            result = scale(quotient, b);
        }
        // a subnormal result may have been rounded a second time by scalb
        return Math.abs(result) >= Double.MIN_NORMAL ? result : Double.NaN;
    }

    /**
     * The same residual for any exponent, with BigInteger instead of 64-bit words (several times
     * faster than {@code BigDecimal}, which ends in a decimal string round trip): the numerator N
     * of {@code v − hi = N·2^b} or {@code N·2^b / 5^k} exactly, then one correct rounding —
     * {@link BigInteger#doubleValue()} for an integer, or for a quotient its leading ≥ 55 bits plus a
     * sticky bit for a nonzero remainder, so that a tie is never mistaken. NaN for a subnormal
     * result, a zero {@code hi} or an exponent beyond the double range.
     */
    static double tailBig(long mantissa, int e, double hi) {
        long bits = Double.doubleToRawLongBits(hi);
        int biased = (int) (bits >>> 52) & 0x7ff;
        if (biased == 0 || biased == 0x7ff || bits < 0 || e < -400 || e > 400) {
            return Double.NaN;
        }
        long m = (bits & 0xFFFFFFFFFFFFFL) | (1L << 52);
        int q = biased - 1075;
        BigInteger big = BigInteger.valueOf(mantissa);
        double t;
        int b;
        if (e >= 0) {
            b = Math.min(e, q);
            BigInteger n = big.multiply(FIVE.pow(e)).shiftLeft(e - b).subtract(BigInteger.valueOf(m).shiftLeft(q - b));
            if (n.signum() == 0) {
                return 0.0;
            }
            t = n.doubleValue(); // correctly rounded
        } else {
            int k = -e;
            b = Math.min(-k, q);
            BigInteger d = FIVE.pow(k);
            BigInteger n = big.shiftLeft(-k - b).subtract(BigInteger.valueOf(m).multiply(d).shiftLeft(q - b));
            if (n.signum() == 0) {
                return 0.0;
            }
            BigInteger a = n.abs();
            int shift = Math.max(0, d.bitLength() - a.bitLength() + 55);
            BigInteger[] qr = a.shiftLeft(shift).divideAndRemainder(d);
            BigInteger withSticky = qr[0].shiftLeft(1);
            if (qr[1].signum() != 0) {
                withSticky = withSticky.setBit(0);
            }
            t = Math.scalb(withSticky.doubleValue(), -shift - 1); // ≥ 56 bits rounded once, scaled exactly
            if (n.signum() < 0) {
                t = -t;
            }
        }
        double result = Math.scalb(t, b);
        return Math.abs(result) >= Double.MIN_NORMAL ? result : Double.NaN;
    }

    /**
     * {@code x / d} correctly rounded, for {@code 0 < x ≤ d/2} and {@code d < 2^61} (5^23 … 5^26,
     * not exact as doubles). Starts from the quotient of the rounded operands (within 1.5 ulp) and
     * moves it until x/d lies between its lower and upper rounding midpoints, deciding each side
     * exactly: {@code x/d} versus the midpoint {@code (2s+1)·2^(e−1)} above {@code t = s·2^e} is the
     * sign of {@code x·2^(1−e) − (2s+1)·d}, whose true value is within 5·d &lt; 2^63 of zero here,
     * so wrapping 64-bit arithmetic computes it exactly. (An exact tie would need d to divide x:
     * impossible for 0 &lt; x &lt; d with d a power of five and x/d a dyadic rational.) NaN if it
     * does not settle.
     */
    static double roundedQuotient(long x, long d) {
        double t = (double) x / (double) d;
        for (int step = 0; step < 6; step++) {
            if (aboveUpperMidpoint(x, d, t) > 0) {
                t = Math.nextUp(t);
            } else if (aboveUpperMidpoint(x, d, Math.nextDown(t)) < 0) {
                t = Math.nextDown(t);
            } else {
                return t;
            }
        }
        return Double.NaN;
    }

    /** The sign of {@code x/d − (t + ulp(t)/2)}, t a positive normal double near x/d. */
    private static long aboveUpperMidpoint(long x, long d, double t) {
        long bits = Double.doubleToRawLongBits(t);
        long s = (bits & 0xFFFFFFFFFFFFFL) | (1L << 52);
        int e = (int) (bits >>> 52) - 1075;
        return Long.signum(shiftLeft(x, 1 - e) - (2 * s + 1) * d);
    }

    /**
     * {@code x·2^s} rounded once, bit for bit {@link Math#scalb}: for |s| ≤ 1022, 2^s is a normal
     * double and one multiplication by it does it (exact unless the result is subnormal, then
     * rounded once, as scalb's last step rounds); {@code Math.scalb} splits the scale into steps
     * in a loop, a measurable part of the tail's cost.
     */
    static double scale(double x, int s) {
        return s >= -1022 && s <= 1023 ? x * Double.longBitsToDouble((long) (s + 1023) << 52) : Math.scalb(x, s);
    }

    /** x·2^s modulo 2^64 (Java's shift would take s modulo 64). */
    private static long shiftLeft(long x, int s) {
        return s >= 64 ? 0L : x << s;
    }
}
