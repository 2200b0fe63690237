package org.gramian.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Decimal text of doubles, fast and exact, written as ASCII bytes into a caller's buffer: the
 * shortest decimal that reads back as the double, and the double rounded to 17 significant digits.
 * These are {@link Numbers#shortest} and {@link Numbers#significant17} (which call this class), at
 * about 0.1 µs a number instead of a few µs with {@link BigDecimal}: {@code predict} writes some
 * 20 numbers a row.
 *
 * <h2>Definitions (what is exact)</h2>
 * Let v &gt; 0 be a finite double and D<sub>d</sub> = v rounded to d significant decimal digits,
 * ties to even (BigDecimal's {@code round(new MathContext(d, HALF_EVEN))} of the exact value of v).
 * <ul>
 *   <li>{@code significant17(v)} = D<sub>17</sub>;</li>
 *   <li>{@code shortest(v)} = D<sub>d</sub> for the least d with {@code parseDouble(D_d) == v}
 *       (d ≤ 17 always suffices). D<sub>d</sub> reads back as v exactly when it lies in the
 *       rounding interval R<sub>v</sub> = [v − u⁻, v + u⁺] of v (u⁻, u⁺ half the gaps to the
 *       neighbouring doubles; the ends belong to R<sub>v</sub> when v's significand is even,
 *       the round-half-even rule of {@code parseDouble}).</li>
 * </ul>
 * Both are printed as {@link BigDecimal} prints them after {@code stripTrailingZeros()}: plain
 * notation ({@code toPlainString}) when the leading digit's decimal exponent E satisfies
 * −6 ≤ E &lt; 21, otherwise scientific ({@code toString}: {@code 1.5E-9}, {@code 2E+30}).
 *
 * <h2>How (and why it is exact)</h2>
 * With k = ⌊log₁₀ v⌋ − 16, X = v·10<sup>−k</sup> lies in [10¹⁶, 10¹⁷): D<sub>d</sub> is X rounded
 * to a multiple of 10<sup>j</sup>, j = 17 − d, times 10<sup>k</sup>. X is computed in double-double:
 * 10<sup>−k</sup> is tabulated as hi + lo (relative error ≤ 2⁻¹⁰⁶, from exact BigDecimal values),
 * v·hi is split exactly by a fused multiply-add into ⌊X⌋-part and remainder, and the absolute error
 * of X is below 2⁻⁴⁶. The half-gap u = u⁻ = u⁺ (a power of two) scales the same way, almost exactly.
 * Every decision (which multiple of 10<sup>j</sup> is nearer to X, whether it lies inside
 * R<sub>v</sub>) compares two such quantities; when they are within 2⁻³⁶ of each other the
 * computed comparison could be wrong, and the value is done by the exact definition with
 * {@link BigDecimal} instead. That happens for exact ties (e.g. 1234567890123456.75, whose 18
 * digits end in 5) and decimals exactly at the ends of R<sub>v</sub>: rare in data. Also done
 * exactly: |v| outside [2⁻⁸⁰⁰, 2⁸⁰⁰) (the table's range; the far ends of the double range and
 * subnormals) and the powers of two that are not small integers, whose R<sub>v</sub> is not
 * symmetric (u⁻ = u⁺/2), where the loop below would not be right.
 *
 * <p>The loop for {@code shortest} tries j = 1, 2, … and stops at the first j whose D fails to read
 * back: with R<sub>v</sub> symmetric, a rounding on a coarser grid never lies closer to v than one
 * on a finer grid, so once D<sub>17−j</sub> falls outside R<sub>v</sub> every coarser one does too.
 * Integers below 2⁵³ are printed directly: no shorter decimal lies within ½ of an integer.
 *
 * <p>Where several decimals of the shortest length read back, this is the one nearest to v, as
 * the definition says. (JDK 17's {@code Double.toString}, on which {@code Numbers.shortest} was
 * built before, gives the same digits on every double we compared: see DecimalTextTest.)
 */
public final class DecimalText {
    /** Room a caller must leave in the buffer for one number: sign, 17 digits, point, 6 zeros, exponent. */
    public static final int MAX_CHARS = 32;

    private static final long[] POW10 = new long[19];
    private static final MathContext[] DIGITS = new MathContext[18];
    /** Margin of the computed comparisons: far above their error (≤ 2⁻⁴⁵), far below any real gap. */
    private static final double EPS = 0x1p-36;
    private static final double TWO_53 = 0x1p53;
    private static final double FAST_MIN = 0x1p-800;
    private static final double FAST_MAX = 0x1p800;
    private static final long MIN_NORMAL_SIGNIFICAND = 1L << 52;

    static {
        long p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
        for (int d = 1; d <= 17; d++) {
            DIGITS[d] = new MathContext(d, RoundingMode.HALF_EVEN);
        }
    }

    private DecimalText() {
    }

    /** 10^e as double-double, e in [MIN_E, MAX_E]: built once, on first use. */
    private static final class Powers {
        static final int MIN_E = -260;
        static final int MAX_E = 260;
        static final double[] HI = new double[MAX_E - MIN_E + 1];
        static final double[] LO = new double[MAX_E - MIN_E + 1];

        static {
            for (int e = MIN_E; e <= MAX_E; e++) {
                BigDecimal exact = BigDecimal.ONE.scaleByPowerOfTen(e);
                double hi = exact.doubleValue();            // correctly rounded
                double lo = exact.subtract(new BigDecimal(hi)).doubleValue();
                HI[e - MIN_E] = hi;
                LO[e - MIN_E] = lo;
            }
        }
    }

    /**
     * X = a·10^−k as floor (xi) and fraction (tf, in [0, 1)), for a in [2⁻⁸⁰⁰, 2⁸⁰⁰); each call
     * makes its own (the JIT keeps it in registers).
     */
    private static final class Scaled {
        long xi;
        double tf;
        /** u·10^−k: the half-gap between a and its neighbours, in units of 10^k. */
        double half;
        int k;

        /**
         * X for a in the fast range, with k chosen so that X has 17 digits; false when unsure (then
         * the caller does it exactly). Not a factory returning null: an object that may or may not
         * be returned escapes, and HotSpot would allocate one per number.
         */
        boolean init(double a) {
            int b = Math.getExponent(a);
            double u = Math.ulp(a) / 2;
            int kk = (int) ((b * 661_971_961_083L) >> 41) - 16; // ⌊b·log₁₀2⌋ − 16: X ≥ 10^16
            if (!set(a, u, kk)) {
                return false;
            }
            if (xi >= POW10[17]) {
                kk++;
                if (!set(a, u, kk)) {
                    return false;
                }
            }
            if (xi < POW10[16] || xi >= POW10[17]) {
                return false;                       // within the error of a power of ten: do it exactly
            }
            k = kk;
            return true;
        }

        /** Returns false when 10^−k is outside the table (never for a in the fast range). */
        boolean set(double a, double u, int k) {
            int i = -k - Powers.MIN_E;
            if (i < 0 || i >= Powers.HI.length) {
                return false;
            }
            double hi = Powers.HI[i];
            double lo = Powers.LO[i];
            double p = a * hi;                      // ≥ 2^53 here: an integer
            double err = Math.fma(a, hi, -p);       // exact: a·hi = p + err
            double t = err + a * lo;                // |t| < 40
            double ft = Math.floor(t);
            xi = (long) p + (long) ft;
            tf = t - ft;                            // in [0, 1], error ≤ 2⁻⁵³
            half = u * hi + u * lo;                 // u a power of two: both products exact
            return true;
        }
    }

    /**
     * Appends the shortest decimal that reads back as {@code v} (see the class comment) to
     * {@code buf} at {@code pos} as ASCII; returns the position after it. NaN and infinities as
     * {@code NaN}, {@code Infinity}, {@code -Infinity}; −0.0 as {@code -0}. Leave
     * {@link #MAX_CHARS} bytes of room.
     */
    public static int shortest(double v, byte[] buf, int pos) {
        if (!Double.isFinite(v)) {
            return ascii(nonFinite(v), buf, pos);
        }
        if (v == 0) {
            return ascii((1 / v < 0) ? "-0" : "0", buf, pos);
        }
        double a = Math.abs(v);
        if (v < 0) {
            buf[pos++] = '-';
        }
        if (a < TWO_53 && a == Math.rint(a)) {
            return digits((long) a, 0, buf, pos);
        }
        long bits = Double.doubleToRawLongBits(a);
        long c = (bits & (MIN_NORMAL_SIGNIFICAND - 1)) | MIN_NORMAL_SIGNIFICAND;
        if (!(a >= FAST_MIN && a < FAST_MAX) || c == MIN_NORMAL_SIGNIFICAND) {
            return ascii(exactShortest(a), buf, pos);
        }
        Scaled x = new Scaled();                    // never escapes: the JIT keeps its fields in registers
        if (!x.init(a)) {
            return ascii(exactShortest(a), buf, pos);
        }
        int k = x.k;
        boolean even = (c & 1) == 0;
        long bestQ = -1;
        int bestJ = 0;
        for (int j = 1; j <= 16; j++) {
            long pj = POW10[j];
            long qf = divPow10(x.xi, j);
            long r = x.xi - qf * pj;
            double below = r + x.tf;                // X − qf·10^j, ≥ 0
            double above = (pj - r) - x.tf;         // (qf+1)·10^j − X, > 0
            int inBelow = inside(below, x.half, even);
            int inAbove = inside(above, x.half, even);
            if (inBelow == 0 && inAbove == 0) {
                break;                              // neither neighbour reads back: no coarser one does
            }
            if (inBelow < 0 || inAbove < 0) {
                return ascii(exactShortest(a), buf, pos); // at an end of R_v, within the error
            }
            double d = below - above;
            long q;
            if (d < -EPS) {
                q = qf;
            } else if (d > EPS) {
                q = qf + 1;
            } else {
                return ascii(exactShortest(a), buf, pos); // a tie, or too close to tell
            }
            if ((q == qf ? inBelow : inAbove) == 0) {
                break;                              // the nearest is outside: D_(17−j) does not read back
            }
            bestQ = q;
            bestJ = j;
        }
        if (bestQ < 0) {
            bestQ = nearest(x);
            if (bestQ < 0) {
                return ascii(exactShortest(a), buf, pos);
            }
        }
        return digits(bestQ, bestJ + k, buf, pos);
    }

    /**
     * Appends {@code v} rounded to 17 significant digits (ties to even), trailing zeros dropped, to
     * {@code buf} at {@code pos}; returns the position after it. 0 and −0.0 as {@code 0}; NaN and
     * infinities as {@code NaN}, {@code Infinity}, {@code -Infinity}.
     */
    public static int significant17(double v, byte[] buf, int pos) {
        if (!Double.isFinite(v)) {
            return ascii(nonFinite(v), buf, pos);
        }
        if (v == 0) {
            buf[pos] = '0';
            return pos + 1;
        }
        double a = Math.abs(v);
        if (v < 0) {
            buf[pos++] = '-';
        }
        if (a < TWO_53 && a == Math.rint(a)) {
            return digits((long) a, 0, buf, pos);   // at most 16 digits: exact
        }
        if (!(a >= FAST_MIN && a < FAST_MAX)) {
            return ascii(exactSignificant17(a), buf, pos);
        }
        Scaled x = new Scaled();
        long q = x.init(a) ? nearest(x) : -1;
        if (q < 0) {
            return ascii(exactSignificant17(a), buf, pos);
        }
        return digits(q, x.k, buf, pos);
    }

    /** {@link #shortest(double, byte[], int)} as a String. */
    public static String shortest(double v) {
        byte[] b = new byte[MAX_CHARS];
        return new String(b, 0, shortest(v, b, 0), StandardCharsets.ISO_8859_1);
    }

    /** {@link #significant17(double, byte[], int)} as a String. */
    public static String significant17(double v) {
        byte[] b = new byte[MAX_CHARS];
        return new String(b, 0, significant17(v, b, 0), StandardCharsets.ISO_8859_1);
    }

    /**
     * 1 when a decimal at {@code distance} from v (in units of 10^k) reads back as v, 0 when it
     * does not, −1 when it is too close to the end of R_v to tell.
     */
    private static int inside(double distance, double half, boolean even) {
        double d = distance - half;
        if (d < -EPS) {
            return 1;
        }
        if (d > EPS) {
            return 0;
        }
        return -1;
    }

    /** X rounded to the nearest integer, ties to even; −1 when X is too close to a tie to tell. */
    private static long nearest(Scaled x) {
        double d = x.tf - 0.5;
        if (d < -EPS) {
            return x.xi;
        }
        if (d > EPS) {
            return x.xi + 1;
        }
        return -1;
    }

    /**
     * x / 10^j for x ≥ 0: a division by a constant in each case, which the JIT turns into a
     * multiplication (a division by a variable costs tens of cycles, and {@code shortest} makes one
     * or two per number).
     */
    private static long divPow10(long x, int j) {
        return switch (j) {
            case 1 -> x / 10L;
            case 2 -> x / 100L;
            case 3 -> x / 1_000L;
            case 4 -> x / 10_000L;
            case 5 -> x / 100_000L;
            case 6 -> x / 1_000_000L;
            case 7 -> x / 10_000_000L;
            case 8 -> x / 100_000_000L;
            case 9 -> x / 1_000_000_000L;
            case 10 -> x / 10_000_000_000L;
            case 11 -> x / 100_000_000_000L;
            case 12 -> x / 1_000_000_000_000L;
            case 13 -> x / 10_000_000_000_000L;
            case 14 -> x / 100_000_000_000_000L;
            case 15 -> x / 1_000_000_000_000_000L;
            case 16 -> x / 10_000_000_000_000_000L;
            default -> x / POW10[j];
        };
    }

    /** The number of decimal digits of q &gt; 0 (19 at most). */
    private static int digitCount(long q) {
        int t = ((64 - Long.numberOfLeadingZeros(q)) * 1233) >>> 12;   // ⌊bits·log₁₀2⌋: n or n − 1
        return q >= POW10[t] ? t + 1 : t;
    }

    /** Writes q·10^e (q &gt; 0) as BigDecimal prints it after stripTrailingZeros. */
    static int digits(long q, int e, byte[] buf, int pos) {
        while (q % 10 == 0) {
            q /= 10;
            e++;
        }
        int n = digitCount(q);
        int lead = n - 1 + e;                       // decimal exponent of the leading digit
        if (lead >= -6 && lead < 21) {
            if (e >= 0) {
                pos = putDigits(q, n, buf, pos);
                for (int i = 0; i < e; i++) {
                    buf[pos++] = '0';
                }
            } else if (lead >= 0) {
                // all n digits, then the fraction's moved one place right for the point: no division by 10^(n−i)
                int intDigits = lead + 1;
                putDigits(q, n, buf, pos);
                System.arraycopy(buf, pos + intDigits, buf, pos + intDigits + 1, n - intDigits);
                buf[pos + intDigits] = '.';
                pos += n + 1;
            } else {
                buf[pos++] = '0';
                buf[pos++] = '.';
                for (int i = -1; i > lead; i--) {
                    buf[pos++] = '0';
                }
                pos = putDigits(q, n, buf, pos);
            }
            return pos;
        }
        putDigits(q, n, buf, pos);
        if (n > 1) {
            System.arraycopy(buf, pos + 1, buf, pos + 2, n - 1);
            buf[pos + 1] = '.';
            pos += n + 1;
        } else {
            pos += 1;
        }
        buf[pos++] = 'E';
        buf[pos++] = (byte) (lead > 0 ? '+' : '-');
        int m = Math.abs(lead);
        return putDigits(m, m >= 100 ? 3 : m >= 10 ? 2 : 1, buf, pos);
    }

    /** "00" … "99": two digits per division in {@link #putDigits}. */
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    /**
     * The n decimal digits of q, with leading zeros. Eight digits at a time, each group split into
     * halves and pairs: the divisions (multiplications, for constant divisors) of different groups
     * do not wait for one another, where dividing q by 100 again and again would make a chain of
     * nine.
     */
    private static int putDigits(long q, int n, byte[] buf, int pos) {
        int i = pos + n;
        while (i - pos >= 8) {
            long d = q / 100_000_000L;
            put8((int) (q - d * 100_000_000L), buf, i - 8);
            i -= 8;
            q = d;
        }
        int v = (int) q;                            // fewer than 8 digits remain
        while (i - pos >= 2) {
            int d = v / 100;
            int r = v - d * 100;
            buf[--i] = PAIRS[2 * r + 1];
            buf[--i] = PAIRS[2 * r];
            v = d;
        }
        if (i > pos) {
            buf[--i] = (byte) ('0' + v % 10);
        }
        return pos + n;
    }

    /** The 8 digits of 0 ≤ v &lt; 10⁸, with leading zeros, at buf[at … at+8). */
    private static void put8(int v, byte[] buf, int at) {
        int hi = v / 10_000;
        int lo = v - hi * 10_000;
        int a = hi / 100;
        int b = hi - a * 100;
        int c = lo / 100;
        int d = lo - c * 100;
        buf[at] = PAIRS[2 * a];
        buf[at + 1] = PAIRS[2 * a + 1];
        buf[at + 2] = PAIRS[2 * b];
        buf[at + 3] = PAIRS[2 * b + 1];
        buf[at + 4] = PAIRS[2 * c];
        buf[at + 5] = PAIRS[2 * c + 1];
        buf[at + 6] = PAIRS[2 * d];
        buf[at + 7] = PAIRS[2 * d + 1];
    }

    private static int ascii(String s, byte[] buf, int pos) {
        for (int i = 0; i < s.length(); i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
        return pos;
    }

    private static String nonFinite(double v) {
        return Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
    }

    /** The definition of shortest, by exact rounding to 1, 2, … 17 digits until it reads back (a &gt; 0). */
    static String exactShortest(double a) {
        BigDecimal exact = new BigDecimal(a);
        for (int d = 1; d < 17; d++) {
            BigDecimal r = exact.round(DIGITS[d]);
            if (r.doubleValue() == a) {
                return text(r);
            }
        }
        return text(exact.round(DIGITS[17]));
    }

    /** The definition of significant17 by exact rounding (a &gt; 0). */
    static String exactSignificant17(double a) {
        return text(new BigDecimal(a).round(DIGITS[17]));
    }

    /** Plain notation for moderate magnitudes, scientific (1.5E-9, 2E+30) otherwise. */
    static String text(BigDecimal r) {
        BigDecimal s = r.stripTrailingZeros();
        int exponent = s.precision() - s.scale() - 1; // position of the leading digit
        if (exponent >= -6 && exponent < 21) {
            return s.toPlainString();
        }
        return s.toString();
    }
}
