package org.gramian.io;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import java.nio.charset.StandardCharsets;
import org.gramian.numeric.Decimal;

/**
 * Parses one decimal number from UTF-8 bytes: strict syntax {@code [+-]digits[.digits][(e|E)[+-]digits]}
 * (either side of the point may be empty, not both). The value is the nearest double, exactly as
 * {@link Double#parseDouble} gives it: Clinger's fast path when the significand and the power of
 * ten are both exact doubles (one correctly rounded operation), FastDoubleParser otherwise. With
 * tails, also the residual {@code decimal − value} (see {@link ExactTail}).
 *
 * <p>Not thread-safe: one instance per worker; results are left in fields to avoid allocation.
 */
final class DecimalParser {
    static final int OK = 0;
    static final int EMPTY = 1;
    static final int NOT_A_NUMBER = 2;
    static final int NOT_FINITE = 3;

    private static final double[] POW10 = new double[23];
    private static final int MAX_DIGITS = 18; // 10^18 < 2^63: the significand is an exact long

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p; // 10^22 < 2^53·2^22 is exactly representable
            p *= 10;
        }
    }

    /** The value parsed by the last successful {@link #parse}. */
    double value;
    /** Its residual, when tails were asked for. */
    double tail;

    /**
     * Parses {@code b[from, to)} (already trimmed and unquoted).
     *
     * @return OK, EMPTY, NOT_A_NUMBER or NOT_FINITE
     */
    int parse(byte[] b, int from, int to, boolean withTail) {
        if (from >= to) {
            return EMPTY;
        }
        int i = from;
        boolean negative = false;
        byte c = b[i];
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0; // significant digits (after leading zeros)
        int fraction = 0; // digits after the point
        boolean anyDigit = false;
        while (i < to && (c = b[i]) >= '0' && c <= '9') {
            anyDigit = true;
            if (mantissa != 0 || c != '0') {
                if (++digits <= MAX_DIGITS) {
                    mantissa = mantissa * 10 + (c - '0');
                }
            }
            i++;
        }
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && (c = b[i]) >= '0' && c <= '9') {
                anyDigit = true;
                fraction++;
                if (mantissa != 0 || c != '0') {
                    if (++digits <= MAX_DIGITS) {
                        mantissa = mantissa * 10 + (c - '0');
                    }
                }
                i++;
            }
        }
        if (!anyDigit) {
            return isNonFiniteWord(b, negative || b[from] == '+' ? from + 1 : from, to) ? NOT_FINITE : NOT_A_NUMBER;
        }
        int exponent = 0;
        if (i < to && (b[i] | 0x20) == 'e') {
            i++;
            boolean negativeExponent = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                negativeExponent = b[i] == '-';
                i++;
            }
            int start = i;
            while (i < to && (c = b[i]) >= '0' && c <= '9') {
                if (exponent < 100_000_000) { // beyond this the value is 0 or infinite anyway
                    exponent = exponent * 10 + (c - '0');
                }
                i++;
            }
            if (i == start) {
                return NOT_A_NUMBER;
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        if (i != to) {
            return NOT_A_NUMBER;
        }
        int e10 = exponent - fraction;
        boolean exactMantissa = digits <= MAX_DIGITS;
        double hi;
        if (exactMantissa && mantissa <= (1L << 53) && e10 >= -22 && e10 <= 22) {
            // Clinger: both operands exact, so one IEEE operation rounds correctly
            hi = e10 >= 0 ? (double) mantissa * POW10[e10] : (double) mantissa / POW10[-e10];
            if (negative) {
                hi = -hi;
            }
        } else {
            hi = JavaDoubleParser.parseDouble(b, from, to - from);
        }
        if (Double.isInfinite(hi)) {
            return NOT_FINITE;
        }
        value = hi;
        if (withTail) {
            double t = Double.NaN;
            if (exactMantissa) {
                t = mantissa == 0 ? 0.0 : ExactTail.tail(mantissa, e10, Math.abs(hi));
                if (negative && t == t) {
                    t = t == 0 ? 0.0 : -t;
                }
            }
            if (t != t) {
                t = Decimal.tail(new String(b, from, to - from, StandardCharsets.ISO_8859_1), hi);
            }
            tail = t;
        }
        return OK;
    }

    private static boolean isNonFiniteWord(byte[] b, int from, int to) {
        return equalsIgnoreCase(b, from, to, "nan") || equalsIgnoreCase(b, from, to, "infinity")
                || equalsIgnoreCase(b, from, to, "inf");
    }

    private static boolean equalsIgnoreCase(byte[] b, int from, int to, String word) {
        if (to - from != word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if ((b[from + k] | 0x20) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
