package org.gramian.report;

import java.util.Locale;

/**
 * The one number formatter: decimal text for doubles in reports, CSV output and explanations.
 * Not-a-number (a value that is undefined or cannot be shown right) prints as {@code NA}, as R
 * does, except in CSV/JSON-style exact output, which uses {@code NaN}/{@code Infinity}.
 */
public final class Numbers {
    private Numbers() {
    }

    /**
     * A shortest decimal (at most 17 significant digits) that reads back as exactly {@code v}: the
     * least d such that v rounded to d significant digits (ties to even) reads back, and that
     * rounding. Plain notation for moderate magnitudes, scientific (1.5E-9, 2E+30) otherwise;
     * −0.0 as {@code -0}; NaN and infinities as {@code NaN}, {@code Infinity}. Computed by
     * {@link DecimalText} (double-double, exact decisions, BigDecimal where a decision is too close
     * to call): {@code predict} writes every feature with it.
     */
    public static String shortest(double v) {
        return DecimalText.shortest(v);
    }

    /** {@link #shortest} by its definition: exact rounding to 1, 2, … 17 digits until it round-trips. */
    static String shortestByRounding(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return shortest(v);
        }
        String s = DecimalText.exactShortest(Math.abs(v));
        return v < 0 ? "-" + s : s;
    }

    /** {@code v} rounded to 17 significant digits (enough to read back as exactly v), trailing zeros dropped. */
    public static String significant17(double v) {
        return DecimalText.significant17(v);
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
