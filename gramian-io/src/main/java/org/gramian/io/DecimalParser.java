package org.gramian.io;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.gramian.numeric.Decimal;

/**
 * Parses one decimal number from UTF-8 bytes: strict syntax {@code [+-]digits[.digits][(e|E)[+-]digits]}
 * (either side of the point may be empty, not both). The value is the nearest double, exactly as
 * {@link Double#parseDouble} gives it: Clinger's fast path when the significand and the power of
 * ten are both exact doubles (one correctly rounded operation); else, for up to 18 significant
 * digits, the Eisel–Lemire algorithm ({@link EiselLemire}); FastDoubleParser for longer numbers
 * and the rare cases Eisel–Lemire cannot decide. Digits are read eight at a time (SWAR). With
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
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final int MAX_DIGITS = 18; // 10^18 < 2^63: the significand is an exact long
    private static final long TEN_TO_18 = 1_000_000_000_000_000_000L;
    private static final long[] POW10_LONG = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L};
    /** Numbers with longer text are first shortened to {@value #KEEP_DIGITS} significant digits (see {@link #shorten}). */
    static final int LONG_TEXT = 1600;
    /**
     * Beyond this written exponent a number that the fast paths left undecided is read in its
     * shortened form ({@link #longNumber}: no leading zeros, its exponent within ±400), never by
     * FastDoubleParser as written: FastDoubleParser 1.0.1 returns wrong finite values for texts
     * with hundreds of leading zeros, more than 19 significant digits and an exponent from about
     * 10⁶ on (found by DecimalParserFuzzTest: {@code +.000…(884 zeros)…222…e1080383820} read as
     * 2.2e195, where {@link Double#parseDouble} gives Infinity; in a random search of 200,000 such
     * texts, 7,444 were wrong, none with an exponent below 1,030,864).
     */
    static final int EXTREME_EXPONENT = 1000;
    static final int KEEP_DIGITS = 1500;

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

    /** Where the last {@link #scan} stopped: the index after the number's text. */
    int stop;

    /** The power of ten of the leading digit of the last number {@link #shorten}ed. */
    private long leadExponent;

    /**
     * Parses {@code b[from, to)} exactly (already trimmed and unquoted).
     *
     * @return OK, EMPTY, NOT_A_NUMBER or NOT_FINITE
     */
    int parse(byte[] b, int from, int to, boolean withTail) {
        if (from >= to) {
            return EMPTY;
        }
        int status = scan(b, from, to, withTail);
        if (status == OK && stop != to) {
            status = NOT_A_NUMBER;
        }
        if (status == NOT_A_NUMBER) {
            int word = b[from] == '-' || b[from] == '+' ? from + 1 : from;
            return isNonFiniteWord(b, word, to) ? NOT_FINITE : NOT_A_NUMBER;
        }
        return status;
    }

    /**
     * Parses the longest number at {@code b[from..]}, reading no further than {@code bound}; sets
     * {@link #stop} to the index after it. The caller checks what follows.
     *
     * @return OK (value, and tail if asked, are set), NOT_A_NUMBER (no complete number here) or
     *         NOT_FINITE (a number too large for a double)
     */
    int scan(byte[] b, int from, int bound, boolean withTail) {
        int i = from;
        boolean negative = false;
        if (i < bound && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digitsStart = i;
        int last = bound - 8; // the last index from which eight bytes can be read
        byte c;
        // eight digits at a time; the run's last one to seven digits from the same word (SWAR): no
        // per-byte loop and no unpredictable branch on how many digits a number has. Near the
        // bound, the same step on a word of the bytes left (lastWord).
        while (true) {
            long eight = i <= last ? (long) LONGS.get(b, i) : lastWord(b, i, bound);
            long nonDigits = nonDigits(eight);
            if (nonDigits == 0) {
                mantissa = mantissa * 100_000_000L + eightDigits(eight);
                i += 8;
                continue;
            }
            int n = Long.numberOfTrailingZeros(nonDigits) >>> 3; // digits before the first non-digit
            if (n > 0) {
                mantissa = mantissa * POW10_LONG[n] + leadingDigits(eight, n);
                i += n;
            }
            break;
        }
        int integerDigits = i - digitsStart;
        int fraction = 0;
        if (i < bound && b[i] == '.') {
            i++;
            int fractionStart = i;
            while (true) { // as for the integer digits
                long eight = i <= last ? (long) LONGS.get(b, i) : lastWord(b, i, bound);
                long nonDigits = nonDigits(eight);
                if (nonDigits == 0) {
                    mantissa = mantissa * 100_000_000L + eightDigits(eight);
                    i += 8;
                    continue;
                }
                int n = Long.numberOfTrailingZeros(nonDigits) >>> 3;
                if (n > 0) {
                    mantissa = mantissa * POW10_LONG[n] + leadingDigits(eight, n);
                    i += n;
                }
                break;
            }
            fraction = i - fractionStart;
        }
        if (integerDigits + fraction == 0) {
            stop = i;
            return NOT_A_NUMBER;
        }
        int numberEnd = i;
        int exponent = 0;
        if (i < bound && (b[i] | 0x20) == 'e') {
            int j = i + 1;
            boolean negativeExponent = false;
            if (j < bound && (b[j] == '-' || b[j] == '+')) {
                negativeExponent = b[j] == '-';
                j++;
            }
            int expStart = j;
            while (j < bound && (c = b[j]) >= '0' && c <= '9') {
                if (exponent < 100_000_000) { // beyond this the value is 0 or infinite anyway
                    exponent = exponent * 10 + (c - '0');
                }
                j++;
            }
            if (j == expStart) {
                stop = i; // "1e" or "1e+": the number ends before the e, and the e makes the field bad
                return NOT_A_NUMBER;
            }
            exponent = negativeExponent ? -exponent : exponent;
            i = j;
        }
        stop = i;
        int digits = integerDigits + fraction;
        // up to 19 digits the wrapped long is the digits' value read as unsigned (10^19 < 2^64), so
        // "at most 18 significant digits" is "below 10^18" (leading zeros, as in 0.048500945401071985,
        // need no second look at the text); longer texts count their significant digits
        boolean exactMantissa = digits <= MAX_DIGITS
                || digits <= MAX_DIGITS + 1 && Long.compareUnsigned(mantissa, TEN_TO_18) < 0
                || significantDigits(b, digitsStart, numberEnd) <= MAX_DIGITS;
        int e10 = exponent - fraction;
        double hi = Double.NaN;
        if (exactMantissa) {
            if (mantissa <= (1L << 53) && e10 >= -22 && e10 <= 22) {
                // Clinger: both operands exact, so one IEEE operation rounds correctly
                hi = e10 >= 0 ? (double) mantissa * POW10[e10] : (double) mantissa / POW10[-e10];
            } else if (mantissa == 0) {
                hi = 0.0;
            } else {
                hi = EiselLemire.toDouble(mantissa, e10);
            }
            if (negative) {
                hi = -hi;
            }
        }
        if (hi != hi) {
            if (i - from > LONG_TEXT || exponent > EXTREME_EXPONENT || exponent < -EXTREME_EXPONENT) {
                return longNumber(b, from, i, withTail);
            }
            hi = JavaDoubleParser.parseDouble(b, from, i - from);
        }
        if (Double.isInfinite(hi)) {
            return NOT_FINITE;
        }
        value = hi;
        if (withTail) {
            double t = Double.NaN;
            if (exactMantissa) {
                t = mantissa == 0 ? 0.0 : ExactTail.tail(mantissa, e10, Math.abs(hi));
                if (t != t) {
                    t = ExactTail.tailBig(mantissa, e10, Math.abs(hi));
                }
                if (negative && t == t) {
                    t = t == 0 ? 0.0 : -t;
                }
            }
            if (t != t) {
                // a nonzero decimal whose double is zero (|v| ≤ 2^−1075) has the residual v − 0, which
                // rounds to that same signed zero; BigDecimal would refuse an exponent beyond the int
                // range ("2.4727e-300000000000000000002001", found by DecimalParserFuzzTest)
                t = hi == 0 ? hi : i - from > LONG_TEXT ? longTail(b, from, i, hi)
                        : Decimal.tail(new String(b, from, i - from, StandardCharsets.ISO_8859_1), hi);
            }
            tail = t;
        }
        return OK;
    }

    /**
     * The rest of {@link #scan} for a number of more than {@value #LONG_TEXT} characters that the
     * fast paths left undecided, in time linear in its length (FastDoubleParser and BigDecimal are
     * quadratic in the digits): parsed in its {@linkplain #shorten shortened} form. Kept out of
     * {@code scan}, whose compiled code is the hot loop of every pass (and so is given only the
     * number's text, well-formed, to read again: any more values kept alive there slowed it down).
     */
    private int longNumber(byte[] b, int from, int to, boolean withTail) {
        String shortText = shorten(b, from, to);
        boolean negative = b[from] == '-';
        if (shortText == null) {
            if (leadExponent > 0) {
                return NOT_FINITE;
            }
            value = negative ? -0.0 : 0.0; // |v| < 1e-400: the double and the residual round to zero
            tail = value;
            return OK;
        }
        double hi = JavaDoubleParser.parseDouble(shortText);
        if (Double.isInfinite(hi)) {
            return NOT_FINITE;
        }
        value = hi;
        if (withTail) {
            tail = Decimal.tail(shortText, hi);
        }
        return OK;
    }

    /** The residual of a long number (more than {@value #LONG_TEXT} characters) whose double is {@code hi}. */
    private double longTail(byte[] b, int from, int to, double hi) {
        String shortText = shorten(b, from, to);
        if (shortText == null) {
            return b[from] == '-' ? -0.0 : 0.0; // |v| < 1e-400 (it is finite): the residual rounds to zero
        }
        return Decimal.tail(shortText, hi);
    }

    /**
     * The number as a decimal of at most {@value #KEEP_DIGITS} significant digits, followed by a 1
     * when the digits dropped are not all zero ({@code [-]0.ddd…d1e<E+1>}), or null when its leading
     * digit's power of ten E (left in {@link #leadExponent}) is beyond ±400, where the number is
     * zero or infinite as a double.
     *
     * <p>Why this changes neither the double nor the residual: keeping the digits down to 10^(E−K+1)
     * with K = {@value #KEEP_DIGITS} ≥ E + 1076 (E ≤ 308 for a finite double), the number v and its
     * shortened form both lie strictly inside the same interval (t, t + 10^(E−K+1)), t the kept
     * digits. Every double, and every midpoint between two doubles (at which rounding changes), is
     * a multiple of 2^−1075 and hence of 10^(E−K+1): none lies inside the interval. So v and its
     * shortened form round to the same double hi, and v − hi and its shortened form (both inside
     * (t − hi, t − hi + 10^(E−K+1)), t − hi again a multiple of 10^(E−K+1)) round to the same
     * residual. {@link Double#parseDouble} itself keeps 1100 digits and such a sticky digit.
     */
    private String shorten(byte[] b, int from, int to) {
        boolean negative = b[from] == '-';
        int digitsStart = b[from] == '-' || b[from] == '+' ? from + 1 : from;
        int numberEnd = digitsStart;
        int fraction = 0;
        boolean point = false;
        while (numberEnd < to && (b[numberEnd] >= '0' && b[numberEnd] <= '9' || b[numberEnd] == '.')) {
            if (point) {
                fraction++;
            }
            point |= b[numberEnd] == '.';
            numberEnd++;
        }
        long exponent = 0;
        if (numberEnd < to) { // the exponent: e or E, a sign, digits (as scan read it, capped)
            int j = numberEnd + 1;
            boolean negativeExponent = b[j] == '-';
            if (b[j] == '-' || b[j] == '+') {
                j++;
            }
            for (; j < to; j++) {
                if (exponent < 100_000_000) {
                    exponent = exponent * 10 + (b[j] - '0');
                }
            }
            exponent = negativeExponent ? -exponent : exponent;
        }
        long e10 = exponent - fraction;
        int i = digitsStart;
        long digits = 0; // digits seen, leading zeros included
        while (i < numberEnd && (b[i] == '0' || b[i] == '.')) {
            if (b[i] == '0') {
                digits++;
            }
            i++;
        }
        long leadingZeros = digits;
        StringBuilder sb = new StringBuilder(KEEP_DIGITS + 16);
        if (negative) {
            sb.append('-');
        }
        sb.append("0.");
        int kept = 0;
        boolean sticky = false;
        for (; i < numberEnd; i++) {
            byte c = b[i];
            if (c == '.') {
                continue;
            }
            digits++;
            if (kept < KEEP_DIGITS) {
                sb.append((char) c);
                kept++;
            } else if (c != '0') {
                sticky = true;
            }
        }
        if (kept == 0) {
            leadExponent = Long.MIN_VALUE; // zero (not reached: zero is exact and short-cut before)
            return null;
        }
        leadExponent = digits - leadingZeros - 1 + e10;
        if (leadExponent < -400 || leadExponent > 400) {
            return null;
        }
        if (sticky) {
            sb.append('1');
        }
        return sb.append('e').append(leadExponent + 1).toString();
    }

    /**
     * The fewer than eight bytes {@code b[i, bound)} as a little-endian word, zero bytes (non-digits)
     * above them: the SWAR step then finds the digits' end within the word, as for a full word.
     * Near the bound this replaces a byte loop whose exit on a non-digit the JIT's profile could miss
     * (numbers in the sniff ran to the bound of their trimmed cell), compiled as a trap that the
     * delivering pass sprang at a chunk's end, deoptimizing scan on every parsing thread.
     */
    private static long lastWord(byte[] b, int i, int bound) {
        long word = 0;
        for (int k = 0; i + k < bound; k++) {
            word |= (b[i + k] & 0xffL) << (k << 3);
        }
        return word;
    }

    /**
     * The bytes of {@code eight} (little-endian: the first byte lowest) that are not ASCII digits,
     * flagged by their top bit; the lowest flag marks exactly the first non-digit. Per byte x,
     * {@code x + 0x46} has its top bit set for x &gt; '9' and {@code x − 0x30} for x &lt; '0' (and for
     * x ≥ 0xB0); below the first non-digit every byte is a digit, which neither carries nor borrows,
     * so no flag below it is false and that byte's own flag is computed without interference.
     * (Flags above it may be wrong; they are not used.)
     */
    static long nonDigits(long eight) {
        return ((eight + 0x4646464646464646L) | (eight - 0x3030303030303030L)) & 0x8080808080808080L;
    }

    /**
     * The value of the first {@code n} bytes of {@code eight} (1 ≤ n ≤ 7), all ASCII digits, the
     * first one most significant: the n digits are shifted to the top of the word so that the low
     * bytes become leading zero digits of an eight-digit number. (The bytes above the n digits may
     * borrow when '0' is subtracted, but a borrow only moves up, into bytes shifted out.)
     */
    static long leadingDigits(long eight, int n) {
        return combineEight((eight - 0x3030303030303030L) << ((8 - n) << 3));
    }

    /** Eight ASCII digits, first digit in the lowest byte, to their value (the SWAR trick of simdjson). */
    static long eightDigits(long eight) {
        return combineEight(eight - 0x3030303030303030L);
    }

    /** Eight digit values 0–9, one a byte, the first (most significant) in the lowest byte, to their value. */
    private static long combineEight(long v) {
        v = v * 10 + (v >>> 8);
        return (((v & 0x000000FF000000FFL) * (100 + (1_000_000L << 32)))
                + (((v >>> 16) & 0x000000FF000000FFL) * (1 + (10_000L << 32)))) >>> 32;
    }

    /** Digits of {@code b[from, to)} after leading zeros (the point skipped). */
    private static int significantDigits(byte[] b, int from, int to) {
        int i = from;
        while (i < to && (b[i] == '0' || b[i] == '.')) {
            i++;
        }
        int n = 0;
        for (; i < to; i++) {
            if (b[i] != '.') {
                n++;
            }
        }
        return n;
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
