package org.gramian.io;

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
 *       — an integer X over 5^k; with |X| ≤ 2^53 and k ≤ 22 both are exact doubles, so
 *       {@code X / 5^k} is one correctly rounded division, then scaled exactly by 2^b.</li>
 * </ul>
 * Either way the result is {@code v − hi} correctly rounded to double, bit for bit what
 * {@link org.gramian.numeric.Decimal#tail} computes with BigDecimal. Cases outside these bounds
 * (long exponents, subnormal results) return NaN and the caller falls back to BigDecimal.
 */
final class ExactTail {
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
            result = Math.scalb((double) r, b);
        } else {
            int k = -e;
            if (k >= POW5_DOUBLE.length) {
                return Double.NaN;
            }
            int b = Math.min(-k, q);
            if (q - b > 9) {
                return Double.NaN; // |X| ≤ 5^k·2^(q−b−1) < 2^61 keeps the wrapped value exact
            }
            long x = shiftLeft(mantissa, -k - b) - shiftLeft(m * POW5[k], q - b);
            if (x == 0) {
                return 0.0;
            }
            if (Math.abs(x) > (1L << 53)) {
                return Double.NaN; // (double) x would round: two roundings
            }
            result = Math.scalb((double) x / POW5_DOUBLE[k], b);
        }
        // a subnormal result may have been rounded a second time by scalb
        return Math.abs(result) >= Double.MIN_NORMAL ? result : Double.NaN;
    }

    /** x·2^s modulo 2^64 (Java's shift would take s modulo 64). */
    private static long shiftLeft(long x, int s) {
        return s >= 64 ? 0L : x << s;
    }
}
