package org.gramian.io;

/**
 * The nearest double to {@code w·10^q} for a 64-bit significand, by the Eisel–Lemire algorithm
 * (D. Lemire, "Number parsing at a gigabyte per second", Software: Practice and Experience 51(8),
 * 2021; the algorithm of fast_float and of FastDoubleParser): multiply w by a 128-bit truncation of
 * 5^q, and the top bits of the product are the answer unless they lie too close to a rounding
 * boundary, in which case this method declines (NaN) and the caller asks FastDoubleParser.
 * The table of 128-bit powers of five is a constant ({@link EiselLemirePowers}), computed exactly
 * with BigInteger by EiselLemireTest, which checks it entry by entry.
 */
final class EiselLemire {
    static final int SMALLEST_POWER = -342;
    static final int LARGEST_POWER = 308;
    /** hi, lo 64-bit halves of the normalized 128-bit approximation of 5^q, q from SMALLEST_POWER. */
    private static final long[] POWERS = EiselLemirePowers.POWERS;

    private EiselLemire() {
    }

    /**
     * The double nearest to {@code w·10^q} (w &gt; 0, read as unsigned), or NaN when undecided or
     * when the result would be subnormal, zero or infinite (left to the general parser).
     */
    static double toDouble(long w, int q) {
        if (w == 0 || q < SMALLEST_POWER || q > LARGEST_POWER) {
            return Double.NaN;
        }
        int lz = Long.numberOfLeadingZeros(w);
        w <<= lz;
        int index = 2 * (q - SMALLEST_POWER);
        long powHi = POWERS[index];
        long powLo = POWERS[index + 1];
        long upper = Math.multiplyHigh(w, powHi) + ((powHi >> 63) & w) + ((w >> 63) & powHi); // unsigned high
        long lower = w * powHi;
        if ((upper & 0x1FF) == 0x1FF) {
            // the truncated power might matter: add the next 64 bits of the product
            long secondHi = Math.multiplyHigh(w, powLo) + ((powLo >> 63) & w) + ((w >> 63) & powLo);
            long newLower = lower + secondHi;
            if (Long.compareUnsigned(newLower, lower) < 0) {
                upper++;
            }
            lower = newLower;
            if ((upper & 0x1FF) == 0x1FF && lower == -1L) {
                return Double.NaN; // too close to call with 128 bits
            }
        }
        int upperBit = (int) (upper >>> 63);
        long mantissa = upper >>> (upperBit + 9);
        // biased binary exponent: floor(q·log2(10)) + 63, adjusted by the normalization shifts
        int power2 = (int) ((((152170L + 65536L) * q) >> 16) + 63) + upperBit - lz + 1023;
        if (power2 <= 0 || power2 >= 0x7FF - 1) {
            return Double.NaN; // subnormal or near overflow: the general parser handles these
        }
        if (Long.compareUnsigned(lower, 1) <= 0 && q >= -4 && q <= 23 && (mantissa & 3) == 1) {
            // possibly exactly halfway: round to even
            if ((mantissa << (upperBit + 9)) == upper) {
                mantissa &= ~1L;
            }
        }
        mantissa += mantissa & 1;
        mantissa >>>= 1;
        if (mantissa >= (2L << 52)) {
            mantissa = 1L << 52;
            power2++;
        }
        mantissa &= ~(1L << 52);
        if (power2 >= 0x7FF) {
            return Double.NaN;
        }
        return Double.longBitsToDouble(mantissa | ((long) power2 << 52));
    }
}
