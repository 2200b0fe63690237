package org.gramian.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The one number formatter: decimal text for doubles in reports, CSV output and explanations.
 * Not-a-number (a value that is undefined or cannot be shown right) prints as {@code NA}, as R
 * does, except in CSV/JSON-style exact output, which uses {@code NaN}/{@code Infinity}.
 */
public final class Numbers {
    private static final MathContext[] DIGITS = new MathContext[18];

    static {
        for (int d = 1; d <= 17; d++) {
            DIGITS[d] = new MathContext(d, RoundingMode.HALF_EVEN);
        }
    }

    private Numbers() {
    }

    /**
     * A shortest decimal (at most 17 significant digits) that reads back as exactly {@code v}.
     *
     * <p>How, without exact arithmetic in nearly every case: the JDK's {@link Double#toString}
     * gives a decimal s of p significant digits that reads back as v; JDK 17 sometimes gives one
     * digit more than needed (8.41E21 prints as 8.409999999999999E21). The decimals that read back
     * as v form an interval around v; it holds a decimal of p − 1 digits exactly when it holds one
     * of the two on either side of s at that precision (s lies strictly between them, its last
     * digit not being 0). Two {@code parseDouble} calls settle it: if neither reads back, s is
     * shortest; otherwise (rare) the value is rounded exactly to 1, 2, … digits until it reads
     * back ({@link #shortestByRounding}). Where several decimals of the shortest length read back,
     * this is the JDK's choice, which may differ from the nearest one in the last digit; both read
     * back as v. {@code predict} writes every feature with this: rounding every value exactly (up
     * to 17 BigDecimal divisions) made it 20× slower than {@code fit}.
     */
    public static String shortest(double v) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        if (v == 0) {
            return (1 / v < 0) ? "-0" : "0";
        }
        double a = Math.abs(v);
        BigDecimal s = new BigDecimal(Double.toString(a)).stripTrailingZeros();
        int p = s.precision();
        if (p > 1) {
            BigDecimal below = s.round(new MathContext(p - 1, RoundingMode.FLOOR));
            if (readsBackAs(below, a) || readsBackAs(below.add(below.ulp()), a)) {
                return shortestByRounding(v);
            }
        }
        return text(v < 0 ? s.negate() : s);
    }

    private static boolean readsBackAs(BigDecimal d, double a) {
        return d.signum() > 0 && Double.parseDouble(d.toString()) == a;
    }

    /** {@link #shortest} by its definition: exact rounding to 1, 2, … 17 digits until it round-trips. */
    static String shortestByRounding(double v) {
        BigDecimal exact = new BigDecimal(v);
        for (int d = 1; d < 17; d++) {
            BigDecimal r = exact.round(DIGITS[d]);
            if (r.doubleValue() == v) {
                return text(r);
            }
        }
        return text(exact.round(DIGITS[17]));
    }

    /** {@code v} rounded to 17 significant digits (enough to read back as exactly v), trailing zeros dropped. */
    public static String significant17(double v) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        if (v == 0) {
            return "0";
        }
        return text(new BigDecimal(v).round(DIGITS[17]));
    }

    private static String nonFinite(double v) {
        return Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
    }

    /** Plain notation for moderate magnitudes, scientific (1.5E-9, 2E+30) otherwise. */
    private static String text(BigDecimal r) {
        BigDecimal s = r.stripTrailingZeros();
        int exponent = s.precision() - s.scale() - 1; // position of the leading digit
        if (exponent >= -6 && exponent < 21) {
            return s.toPlainString();
        }
        return s.toString();
    }

    /** Drops trailing zeros of the fraction of a %g-formatted number: 1.50000 → 1.5, 2.00e+10 → 2e+10. */
    public static String trimmed(String g) {
        int e = Math.max(g.indexOf('e'), g.indexOf('E'));
        String mantissa = e < 0 ? g : g.substring(0, e);
        String exponent = e < 0 ? "" : g.substring(e);
        if (mantissa.indexOf('.') >= 0) {
            mantissa = mantissa.replaceAll("0+$", "");
            if (mantissa.endsWith(".")) {
                mantissa = mantissa.substring(0, mantissa.length() - 1);
            }
        }
        return mantissa + exponent;
    }

    /** 15 significant digits (what a double carries reliably), trailing zeros dropped; NA, Inf, -Inf. */
    public static String g15(double v) {
        if (!Double.isFinite(v)) {
            return special(v);
        }
        return trimmed(String.format(Locale.ROOT, "%.15g", v));
    }

    /** 4 significant digits, trailing zeros dropped; NA, Inf, -Inf. */
    public static String g4(double v) {
        if (!Double.isFinite(v)) {
            return special(v);
        }
        return trimmed(String.format(Locale.ROOT, "%.4g", v));
    }

    /** A p-value; below the double resolution of 1 − p it is shown as R does, {@code <2.2e-16}. */
    public static String p(double v) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        return v < 2.2e-16 ? "<2.2e-16" : g4(v);
    }

    /**
     * The shortest decimal that reads back as the same double (Java's {@link Double#toString}),
     * without a trailing ".0" on integers and with a lower-case exponent: 3, 0.6666666666666666,
     * -1.2e-16; NaN (a value that cannot be shown right) is NA.
     */
    public static String exact(double v) {
        if (!Double.isFinite(v)) {
            return special(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v); // -0.0 prints as 0
        }
        return Double.toString(v).replace("E", "e");
    }

    /** Four significant digits, for timings and tables (not trimmed). */
    public static String short4(double v) {
        if (!Double.isFinite(v)) {
            return special(v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** Three significant digits in scientific notation. */
    public static String sci(double v) {
        if (!Double.isFinite(v)) {
            return special(v);
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }

    /** NA for NaN (undefined, or a value that cannot be shown right), Inf or -Inf. */
    private static String special(double v) {
        return Double.isNaN(v) ? "NA" : v > 0 ? "Inf" : "-Inf";
    }
}
